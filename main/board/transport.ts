// A Transport is a board seen as a byte stream. Two kinds exist: a serial port and the
// simulated board (bytes to and from the VM worker). Everything above it (REPL terminal,
// run, stop, reset, files, plotter) is written once against this interface.

/** What a transport is: where it leads, for messages and the status bar. */
export interface TransportInfo {
  /** 'serial' for a real port (or a pty typed by hand), 'simulated' for the VM worker. */
  kind: 'serial' | 'simulated';
  /** The device path ('/dev/ttyACM0', 'COM3') or the simulated profile id ('pico'). */
  address: string;
  /**
   * The link holds bytes back while the board's input buffer is full (native USB, a pty, the
   * simulated board), so a sender may keep more in flight than the board can buffer. False for
   * USB-serial bridges and unknown ports.
   */
  flowControl: boolean;
}

/** A byte stream to a board. Implementations never throw from write after close; they report errors through onClose. */
export interface Transport {
  readonly info: TransportInfo;
  /** Sends bytes; resolves when handed to the OS (serial) or the worker (simulated). */
  write(data: Uint8Array): Promise<void>;
  /** Subscribes to incoming bytes; returns an unsubscribe function. */
  onData(listener: (data: Uint8Array) => void): () => void;
  /** Subscribes to the end of the stream: `error` is set when the board went away (unplugged, worker crashed). */
  onClose(listener: (error?: Error) => void): () => void;
  /** Closes the stream; safe to call twice. */
  close(): Promise<void>;
  readonly isOpen: boolean;
}
