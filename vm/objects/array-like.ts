// What bytearray, memoryview and array.array share: on MicroPython they are one C type
// (py/objarray.c), so they compare, take slice assignments and refuse hashing the same way.
// Items are compared and copied as raw bytes, which is only meaningful between typecodes that
// lay items out alike; anything else is a NotImplementedError rather than a wrong answer.

import type { PyObj } from './object';
import { PyBytes, PyByteArray, PyMemoryView, bufferOf } from './bytes';
import { PySlice, sliceIndices } from './slice';
import { pyErr } from './exception';

/** An array.array as the runtime sees it (modules/array implements it). */
export interface TypedArray {
  /** The struct typecode of its items ('b', 'H', 'f'...). */
  readonly $typecode: string;
  readonly $itemsize: number;
  /** Its items' bytes. */
  $buffer(): Uint8Array;
}

export function isTypedArray(x: PyObj): x is TypedArray { return typeof x === 'object' && x !== null && typeof x.$typecode === 'string'; }

/** bytearray, memoryview or array.array. */
export function isArrayLike(x: PyObj): boolean { return x instanceof PyByteArray || x instanceof PyMemoryView || isTypedArray(x); }

/** bytearray and memoryview may equal other types (MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE); an
 *  array.array is only compared with arrays and with those two (so never equals bytes). */
export function eqChecksOtherType(x: PyObj): boolean { return x instanceof PyByteArray || x instanceof PyMemoryView; }

/** Buffers hold bytes unless they are a typed array. */
function typecodeOf(x: PyObj): string { return isTypedArray(x) ? x.$typecode : 'B'; }
function itemsizeOf(x: PyObj): number { return isTypedArray(x) ? x.$itemsize : 1; }

/** `a op b` with `a` array-like (array_binary_op): false when `b` has no buffer; raw bytes when
 *  the typecodes agree up to signedness (equality) or are the same unsigned one (ordering);
 *  floats never, since NaN is not equal to itself. */
export function arrayCompare(op: 'eq' | 'lt' | 'le' | 'gt' | 'ge', a: PyObj, b: PyObj): boolean {
  const y = bufferOf(b);
  if (!y) return false;
  const ca = typecodeOf(a); const cb = typecodeOf(b);
  // typecode_for_comparison: one unsigned side is enough (the C code shares one flag)
  const unsigned = ca !== ca.toLowerCase() || cb !== cb.toLowerCase();
  const code = ca.toLowerCase();
  if (code !== cb.toLowerCase() || code === 'f' || code === 'd' || (op !== 'eq' && !unsigned)) throw pyErr('NotImplementedError');
  return compareBytes(op, bufferOf(a) as Uint8Array, y);
}

/** mp_seq_cmp_bytes */
export function compareBytes(op: 'eq' | 'lt' | 'le' | 'gt' | 'ge', x: Uint8Array, y: Uint8Array): boolean {
  if (op === 'eq') {
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }
  const n = Math.min(x.length, y.length);
  let d = 0;
  for (let i = 0; i < n && d === 0; i++) d = x[i] - y[i];
  if (d === 0) d = x.length - y.length;
  switch (op) {
    case 'lt': return d < 0;
    case 'le': return d <= 0;
    case 'gt': return d > 0;
    default: return d >= 0;
  }
}

/** A slice of an array-like, in items: step 1 only, and an empty slice when stop < start
 *  (mp_seq_get_fast_slice_indexes). */
export function fastSlice(k: PySlice, len: number): [number, number] {
  const [start, stop, step] = sliceIndices(k, len);
  if (step !== 1) throw pyErr('NotImplementedError', 'only slices with step=1 (aka None) are supported');
  return [start, Math.max(start, stop)];
}

/** The bytes to store by `dst[k] = v` (array_subscr): another array-like with items of the same
 *  size, or bytes into a byte array. Returns the slice in items and the source bytes. */
export function sliceAssignSource(dst: PyObj, len: number, k: PySlice, v: PyObj): [number, number, Uint8Array] {
  const [start, stop] = fastSlice(k, len);
  const size = itemsizeOf(dst);
  let src: Uint8Array;
  if (isArrayLike(v)) {
    if (itemsizeOf(v) !== size) throw pyErr('ValueError', 'lhs and rhs should be compatible');
    src = bufferOf(v) as Uint8Array;
  } else if (v instanceof PyBytes) {
    if (size !== 1) throw pyErr('ValueError', 'lhs and rhs should be compatible');
    src = v.b;
  } else throw pyErr('NotImplementedError', 'array/bytes required on right side');
  // a memoryview cannot change size
  if (dst instanceof PyMemoryView && src.length / size !== stop - start) throw pyErr('ValueError', 'lhs and rhs should be compatible');
  return [start, stop, src.slice()];
}
