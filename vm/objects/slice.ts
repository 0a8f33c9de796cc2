// slice objects and the index arithmetic shared by every sequence type.

import { PyType, objectType, None, type PyObj } from './object';
import { pyErr } from './exception';

export const sliceType = new PyType('slice', [objectType]);

export class PySlice {
  declare $type: PyType;
  constructor(readonly start: PyObj, readonly stop: PyObj, readonly step: PyObj) {}
}
PySlice.prototype.$type = sliceType;

function idx(x: PyObj): number | null {
  if (x === None) return null;
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'bigint') return x > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  if (x && typeof x.$index === 'function') return x.$index();
  throw pyErr('TypeError', 'slice indices must be integers');
}

/** Resolves a slice against a length: [start, stop, step, count]. */
export function sliceIndices(s: PySlice, len: number): [number, number, number, number] {
  let step = idx(s.step) ?? 1;
  if (step === 0) throw pyErr('ValueError', "slice step can't be zero");
  let start = idx(s.start);
  let stop = idx(s.stop);
  if (step > 0) {
    start = start === null ? 0 : start < 0 ? Math.max(0, start + len) : Math.min(start, len);
    stop = stop === null ? len : stop < 0 ? Math.max(0, stop + len) : Math.min(stop, len);
    const n = stop > start ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return [start, stop, step, n];
  }
  start = start === null ? len - 1 : start < 0 ? Math.max(-1, start + len) : Math.min(start, len - 1);
  stop = stop === null ? -1 : stop < 0 ? Math.max(-1, stop + len) : Math.min(stop, len - 1);
  step = step | 0 || step;
  const n = start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  return [start, stop, step, n];
}

/** Applies a slice to a JS array. */
export function sliceArray<T>(a: T[], s: PySlice): T[] {
  const [start, stop, step, n] = sliceIndices(s, a.length);
  if (step === 1) return a.slice(start, stop);
  const out: T[] = new Array(n);
  for (let i = 0, j = start; i < n; i++, j += step) out[i] = a[j];
  return out;
}
