// What the board's REPL needs from the Python side and from its output line. Keeping these
// as interfaces lets the protocol state machine be tested by feeding bytes, with no worker.

import type { Completion } from './readline';

/** Outcome of running one chunk of source. */
export type RunResult =
  | { kind: 'ok' }
  /** An uncaught exception; `text` is what MicroPython prints ('Traceback …\nNameError: …\n'). */
  | { kind: 'error'; text: string; keyboardInterrupt?: boolean }
  /** SystemExit (sys.exit(), machine.soft_reset()): the board soft-resets, printing nothing; `hard` for machine.reset(). */
  | { kind: 'exit'; hard?: boolean; bootloader?: boolean };

/** The interpreter as the REPL drives it. */
export interface ReplEngine {
  /**
   * Compiles and runs `source`. 'single' is the friendly REPL's mode (expression values are
   * printed with repr); 'exec' runs it as a file. Program output goes straight to the board's
   * output while it runs (or to `capture` when given); Ctrl-C is armed only for the duration
   * of the call.
   */
  run(source: string, mode: 'exec' | 'single', filename: string, capture?: (text: string) => void): RunResult;
  /** Tab completion of the text before the cursor (mp_repl_autocomplete semantics). */
  complete(text: string): Completion;
  /** Soft reset: a fresh interpreter and freshly reset simulated hardware. Files are kept.
   *  `powerOn` (a hard reset) also restarts what survives a soft reset, such as the clock. */
  reset(powerOn?: boolean): void;
  /** Reads a board file as text, or null when it does not exist (boot.py, main.py, code.py). */
  readFile(path: string): string | null;
  /** Writes a board file from the board itself, bypassing Python's read-only rules (boot_out.txt). */
  writeFile(path: string, text: string): void;
}

/** The board's serial output. */
export interface ReplOutput {
  /** Protocol bytes, one char code per byte (0..255), sent as they are. */
  raw(s: string): void;
  /** Text as Python prints it: encoded as UTF-8 with '\n' cooked to '\r\n'. */
  text(s: string): void;
  /**
   * Optional: the board hard-resets (machine.reset()), so its USB serial port drops and comes
   * back, as a real board's does. Output sent before this is all that reaches the old port.
   */
  portDrop?(): void;
  /**
   * Optional: the board left for its bootloader (machine.bootloader()): its serial port drops and
   * stays away until the owner powers the board on again. Only hosts that emulate one have it.
   */
  enterBootloader?(): void;
}

/** What a profile tells the REPL: flavour and the texts a real board prints. */
export interface ReplIdentity {
  flavour: 'micropython' | 'circuitpython';
  /** 'MicroPython v1.24.1 on 2024-11-29; Raspberry Pi Pico (simulated) with RP2040' */
  bannerLine: string;
  /** CircuitPython: version tag for the terminal title ('9.2.1'). */
  versionTag: string;
  /** CircuitPython: boot_out.txt lines after the banner ('Board ID:raspberry_pi_pico', 'UID:…'). */
  bootOutExtra: string[];
  /** Raw-paste flow-control window (half of the port's stdin buffer; 128 on rp2). */
  rawPasteWindow: number;
}
