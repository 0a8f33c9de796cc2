// heapq: heappush/heappop/heapify on a list, with CPython's sift algorithm (as MicroPython's
// modheapq.c uses it, so heap layouts match). Only these three functions exist in MicroPython.

import { None, type PyObj } from '../objects/object';
import { PyList } from '../objects/list';
import { pyErr, typeError } from '../objects/exception';
import { arity } from '../runtime/args';
import * as ops from '../runtime/ops';
import type { PyModule } from '../objects/module';
import { nativeModule } from './util';

function heapArg(x: PyObj): PyObj[] {
  if (!(x instanceof PyList)) throw typeError('heap must be a list');
  return x.items;
}

const less = (a: PyObj, b: PyObj): boolean => ops.truthy(ops.lt(a, b));

/** Moves the item at pos up towards start while it is smaller than its parent. */
function siftDown(h: PyObj[], start: number, pos: number): void {
  const item = h[pos];
  while (pos > start) {
    const parentPos = (pos - 1) >> 1;
    const parent = h[parentPos];
    if (!less(item, parent)) break;
    h[pos] = parent;
    pos = parentPos;
  }
  h[pos] = item;
}

/** Moves the smaller child up until a leaf, puts the item there, then sifts it down. */
function siftUp(h: PyObj[], pos: number): void {
  const end = h.length;
  const start = pos;
  const item = h[pos];
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !less(h[child], h[right])) child = right;
    h[pos] = h[child];
    pos = child;
    child = 2 * pos + 1;
  }
  h[pos] = item;
  siftDown(h, start, pos);
}

export function makeHeapq(): PyModule {
  return nativeModule('heapq', {
    // heapq.heappush(heap, item)
    heappush: (a) => { arity(a, 2); const h = heapArg(a[0]); h.push(a[1]); siftDown(h, 0, h.length - 1); return None; },
    // heapq.heappop(heap)
    heappop: (a) => {
      arity(a, 1);
      const h = heapArg(a[0]);
      if (!h.length) throw pyErr('IndexError', 'empty heap');
      const top = h[0];
      const last = h.pop();
      if (h.length) { h[0] = last; siftUp(h, 0); }
      return top;
    },
    // heapq.heapify(x)
    heapify: (a) => { arity(a, 1); const h = heapArg(a[0]); for (let i = (h.length >> 1) - 1; i >= 0; i--) siftUp(h, i); return None; },
  });
}
