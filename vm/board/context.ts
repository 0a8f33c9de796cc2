// What every board binding gets: the hardware (BoardHal), the profile, and the way to run a
// Python callback as a soft IRQ.

import type { BoardHal } from './hal';
import type { BoardProfile } from './profiles/profile';
import type { PyObj } from './py';

export interface BoardContext {
  hal: BoardHal;
  profile: BoardProfile;
  /** Runs `fn(arg)` as a soft IRQ: scheduled while Python code runs, called directly at an idle prompt. */
  softIrq(fn: PyObj, arg: PyObj): void;
  /** Filesystem state for CircuitPython's storage module. */
  storage: { readonly presented: boolean; setPythonWritable(writable: boolean): void; readonly pythonWritable: boolean; inBoot: boolean };
  /** Wall clock in ms since 1970: the board's one clock, read by machine.RTC and time alike. */
  wallMs(): number;
  /** Sets that clock (RTC.datetime(t)); it keeps running from there and survives soft resets. */
  setWallMs(ms: number): void;
  /** The running program's globals (rp2.asm_pio puts the PIO instructions there while it assembles). */
  mainGlobals(): Record<string, PyObj>;
  /** CircuitPython: supervisor.runtime.autoreload. */
  autoreload: boolean;
  /** Whether the owner emulates the bootloader (machine.bootloader() then leaves for it). */
  readonly bootloader: boolean;
}

/** The argument of SystemExit that machine.bootloader() raises when the owner emulates one. */
export const BOOTLOADER_MARK = '__mote_bootloader__';

/** The argument of SystemExit that machine.reset() raises: the REPL then powers the board on again. */
export const HARD_RESET_MARK = '__mote_hard_reset__';
