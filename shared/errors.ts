// Every error code that can cross the IPC boundary, declared once. Handlers in main return
// one of these with a sentence a person can act on; the renderer switches on the code.

/** All error codes, as data, so validators and tests can enumerate them. */
export const ERROR_CODES = [
  /** The payload did not match the channel's schema (wrong type, extra field, too long, path escape). */
  'invalid-payload',
  /** The channel is not part of the contract, or has no handler in this host. */
  'unknown-channel',
  /** The caller is not the app's own window or does not hold the web host's token. */
  'forbidden-sender',
  /** A path left the workspace, the board root or a known drive. */
  'path-outside-root',
  /** A file or folder does not exist. */
  'not-found',
  /** A file or folder already exists. */
  'already-exists',
  /** A file where a folder was expected, or a folder where a file was (reading a folder as text). */
  'wrong-kind',
  /** A part of Mote did not load on this computer (a native module for drives or serial ports). */
  'unavailable',
  /** The target disk or board is full. */
  'no-space',
  /** The filesystem is read-only (for example CIRCUITPY to Python, or a read-only drive). */
  'read-only',
  /** The serial port is held by another program. */
  'port-busy',
  /** The OS refused access to the serial port (Linux: not in the dialout group). */
  'port-permission',
  /** The port or drive disappeared during the operation. */
  'board-unplugged',
  /** The board did not answer in time. */
  'board-timeout',
  /** The board answered with something the protocol does not allow. */
  'board-protocol',
  /** No board is connected. */
  'not-connected',
  /** Another operation holds the board; try again when it finishes. */
  'board-busy',
  /** Python code raised an exception on the board (message holds the traceback). */
  'python-error',
  /** A firmware or data file is corrupt or does not fit the target. */
  'invalid-file',
  /** A download failed: no connection, the server refused or broke off, or the mirror lacks the file. */
  'network',
  /** The user or the app cancelled the operation. */
  'cancelled',
  /** The simulated board's worker crashed or was restarted. */
  'simulator-crashed',
  /** Something unexpected: a bug. Logged with its stack in main. */
  'internal',
] as const;

/** A machine-readable reason for a failed IPC call. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Whether a string is one of the known error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * MoteError is the one error type services throw on purpose: it carries an ErrorCode and a
 * message meant for the user. Anything else that reaches the IPC router is reported as 'internal'.
 */
export class MoteError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MoteError';
  }
}
