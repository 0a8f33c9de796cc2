// The simulated board's Python heap: allocations counted at the sizes MicroPython's 32-bit
// ports use (16-byte GC blocks, 4-byte object pointers), so a program that runs out of memory on
// a Pico runs out here at about the same size. JS objects are far bigger and V8's collector
// knows nothing of the board, so the count is a model, not a measurement:
//  - charge(n) when live data grows (a list's item array doubling, a new dict slot table, a
//    string, bytes or object); nothing is subtracted when an object dies;
//  - need(n) before a new buffer of n bytes is made while the old one is still live (s + t,
//    a list growing by copy), which is when MicroPython itself fails;
//  - when the count passes the limit, a collection recomputes it as the size of what is
//    reachable (runtime/heap-walk.ts; garbage comes back), and only if the live estimate plus
//    the request still do not fit is it MemoryError.
// Deliberately not modelled: small strings (JS primitives, counted only from 64 chars),
// floats and big ints, fragmentation.

import { rt } from './state';
import { raiseOf, mkExc } from '../objects/exception';

/** Bytes of a heap block holding n bytes (MicroPython's GC allocates 16-byte blocks). */
export function blocks(n: number): number {
  return (n + 15) & ~15;
}

/** Strings shorter than this are not counted (they are JS primitives created everywhere). */
export const COUNTED_STR = 64;

/** A str or bytes of n characters/bytes: the object (16) plus its data with a terminator. */
export function strBytes(n: number): number {
  return 16 + blocks(n + 1);
}

/**
 * Counts n bytes of new live data of `owner` (the object made or grown, which a collection
 * must treat as live); collects, and maybe raises MemoryError, past the limit.
 */
export function charge(n: number, owner?: unknown): void {
  if ((rt.heapUsed += n) > rt.heapBudget) overBudget(n, 0, owner, false);
}

/** Like charge, for a new object whose size the collection's walk measures itself. */
export function chargeNew(n: number, owner: unknown): void {
  if ((rt.heapUsed += n) > rt.heapBudget) overBudget(n, 0, owner, true);
}

/** A new buffer of n bytes is about to be made while `owner`'s old data is still live. */
export function need(n: number, owner?: unknown): void {
  if (rt.heapUsed + n > rt.heapBudget) overBudget(0, n, owner, false);
}

/** A string result of length n (repetition, join). */
export function chargeStr(n: number): void {
  if (n >= COUNTED_STR) { need(strBytes(n)); charge(strBytes(n)); }
}

/**
 * Past the limit: collect, and if the request still does not fit it fails (and is not counted).
 * The walk sees a grown object at its old capacity, so its growth is added back unless `seen`.
 */
function overBudget(charged: number, wanted: number, owner: unknown, seen: boolean): void {
  rt.interp.collectHeap(owner);
  const pending = seen ? 0 : charged;
  if (rt.heapUsed + pending + wanted <= rt.heapBudget) { rt.heapUsed += pending; return; }
  if (seen) rt.heapUsed = Math.max(0, rt.heapUsed - charged);
  throw raiseOf(mkExc('MemoryError', `memory allocation failed, allocating ${charged + wanted} bytes`));
}
