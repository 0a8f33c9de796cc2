// The running interpreter's hot state, shared by generated code and natives: call depth,
// interrupt tick counter and hooks. One interpreter runs at a time per JS thread; the
// Interpreter swaps its own values in and out of this object around every entry.

import { pyErr } from '../objects/exception';

export interface RuntimeState {
  depth: number;
  maxDepth: number;
  heapLimit: number;
  /** The modelled Python heap in use (runtime/heap.ts). */
  heapUsed: number;
  /** The limit the count is checked against (heapLimit of the running interpreter). */
  heapBudget: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ops: any;
  ticks: number;
  /** Called when ticks run out: polls the host, runs scheduled callbacks. */
  tick(): void;
  recursion(): never;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  interp: any;
  /** _thread: the call depth at which a thread body's statement call may wait by yielding (-1: none). */
  tdefer: number;
  /** _thread: set by a deferred wait (sleep until, or a lock); the thread body then yields. */
  twait: unknown;
  /** _thread: the running thread's time slice is used up; it yields at its next back-edge. */
  tsw: boolean;
}

export const TICKS = 1000;

export const rt: RuntimeState = {
  depth: 0,
  maxDepth: 1000,
  heapLimit: 256 * 1024 * 1024,
  heapUsed: 0,
  heapBudget: Infinity,
  ops: null,
  ticks: TICKS,
  tick() { rt.ticks = TICKS; },
  /** Called after depth was incremented past the limit: undoes the increment and raises. */
  recursion(): never { rt.depth--; throw pyErr('RuntimeError', 'maximum recursion depth exceeded'); },
  interp: null,
  tdefer: -1,
  twait: null,
  tsw: false,
};
