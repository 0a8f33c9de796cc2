// What a simulated board needs from the thread it runs in, beyond the VM's HostIO: the serial
// output for protocol bytes, an idle wait at the prompt, and the "code is running" flag that
// arms Ctrl-C. vm/host/worker-host.ts implements it over the SharedArrayBuffer; tests use a queue.

import type { HostIO } from '../host-io';
import type { ReplOutput } from '../repl/engine';
import type { SimStateChange } from './sim/sim-board';

/** Hooks the board gives its host so waits and polls can service the hardware. */
export interface BoardHooks {
  /** Runs due soft IRQs (timers, pin edges) and publishes state; `running` says whether Python code is executing. */
  service(running: boolean): void;
  /** Milliseconds until the board next needs service (Infinity when nothing is scheduled). */
  msUntilNextEvent(): number;
  /** An owner message (panel input, file change) arrived. */
  message(msg: unknown): void;
}

export interface BoardHost extends HostIO, ReplOutput {
  /** Marks Python code as running (Ctrl-C then interrupts) or the board as idle at a prompt. */
  setRunning(running: boolean): void;
  /** Waits at a prompt for the next input byte, servicing the board meanwhile; -1 when the input ended. */
  readIdle(): number;
  /** Makes the next poll report an interrupt (auto-reload stopping code.py). */
  requestInterrupt(): void;
  /** Installs the board's hooks. */
  attach(hooks: BoardHooks): void;
  /** Sends pending output now. */
  flush(): void;
  /** Publishes coalesced hardware state changes to the owner (the Board panel). */
  publishState(changes: SimStateChange[]): void;
}
