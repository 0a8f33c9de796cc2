// The running interpreter's hot state, shared by generated code and natives: call depth,
// interrupt tick counter and hooks. One interpreter runs at a time per JS thread; the
// Interpreter swaps its own values in and out of this object around every entry.

import { pyErr } from '../objects/exception';

export interface RuntimeState {
  depth: number;
  maxDepth: number;
  heapLimit: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ops: any;
  ticks: number;
  /** Called when ticks run out: polls the host, runs scheduled callbacks. */
  tick(): void;
  recursion(): never;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  interp: any;
}

export const TICKS = 1000;

export const rt: RuntimeState = {
  depth: 0,
  maxDepth: 1000,
  heapLimit: 256 * 1024 * 1024,
  ops: null,
  ticks: TICKS,
  tick() { rt.ticks = TICKS; },
  /** Called after depth was incremented past the limit: undoes the increment and raises. */
  recursion(): never { rt.depth--; throw pyErr('RuntimeError', 'maximum recursion depth exceeded'); },
  interp: null,
};
