// The board domain: one connected board (a serial port or the simulated board) and what the
// IDE does with it: the friendly-REPL terminal, run, stop, reset.
// Declared by the lead; handlers live in main/board/board-handlers.ts. Extend, don't rename.
import * as v from 'valibot';
import { boundedString, channel, event, MAX_PATH, noFields, opaqueId, text } from '../contract-kit';

/** Where to connect: a serial port (listed or typed by hand), or a simulated board profile. */
export const boardTarget = v.variant('kind', [
  v.strictObject({ kind: v.literal('serial'), path: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_PATH)) }),
  v.strictObject({ kind: v.literal('simulated'), profile: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)) }),
]);
export type BoardTarget = v.InferOutput<typeof boardTarget>;

/** What Mote learned about the connected board. */
export interface BoardInfo {
  target: BoardTarget;
  /** Shown in the status bar: "Raspberry Pi Pico with RP2040", "Raspberry Pi Pico (simulated)". */
  name: string;
  flavour: 'micropython' | 'circuitpython' | 'unknown';
  /** Firmware version, e.g. "1.24.1" or "9.2.1"; '' when unknown. */
  version: string;
  /** True when file operations go through a mounted CIRCUITPY drive (its path in drivePath). */
  drivePath?: string;
}

/** The link's state, as the status bar shows it. */
export type ConnectionState = 'disconnected' | 'connecting' | 'connected' | 'running' | 'lost';

export interface BoardState {
  connection: ConnectionState;
  info?: BoardInfo;
  /** A sentence for the user when something went wrong (port busy, board not answering, worker restarted). */
  problem?: string;
}

/** A simulated board profile the picker can offer. */
export interface SimulatedProfile {
  id: string;
  name: string;
  flavour: 'micropython' | 'circuitpython';
}

export const boardChannels = {
  'board:get-state': channel(noFields).returns<BoardState>(),
  'board:list-simulated': channel(noFields).returns<SimulatedProfile[]>(),
  /** Connects (disconnecting any current board first); resolves once the board answers at a prompt. */
  'board:connect': channel(v.strictObject({ target: boardTarget })).returns<BoardInfo>(),
  'board:disconnect': channel(noFields).returns<null>(),
  /** Keystrokes from the REPL terminal (or input for a running program), as typed. */
  'board:terminal-write': channel(v.strictObject({ data: boundedString(65536) })).returns<null>(),
  /**
   * Runs source on the board without saving it. Output arrives as 'board:run-output' events and
   * the end as 'board:run-ended'; resolves with the run id as soon as the run has started.
   */
  'board:run': channel(v.strictObject({ source: text, filename: v.optional(boundedString(256)) })).returns<{ runId: string }>(),
  /** Interrupts the running program (Ctrl-C), or the friendly REPL's current line. */
  'board:stop': channel(noFields).returns<null>(),
  'board:reset': channel(v.strictObject({ mode: v.picklist(['soft', 'hard', 'bootloader']) })).returns<null>(),
  /** The terminal's size, for boards that care; harmless otherwise. */
  'board:terminal-resize': channel(v.strictObject({ cols: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)), rows: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)) })).returns<null>(),
};

export const boardEvents = {
  'board:state': event<BoardState>(),
  /** Text from the board's friendly REPL, UTF-8 decoded (split characters are held back until complete). */
  'board:terminal-data': event<{ data: string }>(),
  /** Output of a run started with board:run; stderr carries tracebacks. */
  'board:run-output': event<{ runId: string; stream: 'stdout' | 'stderr'; text: string }>(),
  /**
   * Board output came faster than the window can show (a print loop): `bytes` bytes holding
   * `lines` line ends were dropped since the last report. runId is the run's, or null for the
   * friendly REPL. Sent at most about once a second while the flood lasts, and once after it.
   */
  'board:output-dropped': event<{ runId: string | null; lines: number; bytes: number }>(),
  /** End of a run: 'error' carries the traceback's last line in message, 'interrupted' after Stop. */
  'board:run-ended': event<{ runId: string; status: 'ok' | 'error' | 'interrupted' | 'lost'; message?: string }>(),
};

/** Run ids are opaque to the renderer. */
export const runId = opaqueId;
