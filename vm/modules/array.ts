// array: typed arrays of numbers with the buffer protocol (bytes(arr), struct, file writes).
// As on MicroPython, `+`, `+=` and extend() take any buffer as raw bytes (whole items of the
// left-hand typecode), and slices have step 1 (objects/array-like has the rules shared with
// bytearray and memoryview).

import { PyType, objectType, None, methods, type PyObj } from '../objects/object';
import { PyFloat } from '../objects/float';
import { PyList } from '../objects/list';
import { JsArrayIter } from '../objects/iterator';
import { PySlice } from '../objects/slice';
import { PyBytes, PyByteArray, bufferOf, needBuffer } from '../objects/bytes';
import { arrayContains } from '../objects/memoryview';
import { pyErr, typeError } from '../objects/exception';
import { fastSlice, sliceAssignSource, type TypedArray } from '../objects/array-like';
import { normBig } from '../objects/int';
import type { PyModule } from '../objects/module';
import { argFloat, argInt } from '../runtime/args';
import * as ops from '../runtime/ops';
import { nativeModule } from './util';

type TA = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array | BigInt64Array | BigUint64Array;
const CTORS: Record<string, { new (n: number | ArrayBuffer): TA; BYTES_PER_ELEMENT: number }> = {
  b: Int8Array, B: Uint8Array, h: Int16Array, H: Uint16Array, i: Int32Array, I: Uint32Array, l: Int32Array, L: Uint32Array,
  q: BigInt64Array, Q: BigUint64Array, f: Float32Array, d: Float64Array,
};

export const arrayType = new PyType('array', [objectType]);
export class PyArray implements TypedArray {
  declare $type: PyType;
  data: TA;
  len = 0;
  constructor(public code: string, n = 0) { this.data = new CTORS[code](Math.max(n, 4)); this.len = n; }
  get $typecode(): string { return this.code; }
  get $itemsize(): number { return CTORS[this.code].BYTES_PER_ELEMENT; }
  get(i: number): PyObj {
    const v = this.data[i];
    if (typeof v === 'bigint') return normBig(v);
    return this.code === 'f' || this.code === 'd' ? new PyFloat(v) : v;
  }
  conv(x: PyObj): number | bigint {
    if (this.code === 'f' || this.code === 'd') return argFloat(x);
    const v = argInt(x);
    return this.code === 'q' || this.code === 'Q' ? BigInt(v) : Number(v);
  }
  push(x: PyObj): void {
    if (this.len >= this.data.length) { const nd = new CTORS[this.code](this.data.length * 2); (nd as Uint8Array).set(this.data as Uint8Array); this.data = nd; }
    (this.data as Uint8Array)[this.len++] = this.conv(x) as number;
  }
  $buffer(): Uint8Array { return new Uint8Array(this.data.buffer, this.data.byteOffset, this.len * CTORS[this.code].BYTES_PER_ELEMENT); }
  /** Replaces items start..stop with the whole items in `src` (a trailing part item is dropped). */
  replaceBytes(start: number, stop: number, src: Uint8Array): void {
    const size = this.$itemsize;
    const n = Math.floor(src.length / size);
    const len = this.len - (stop - start) + n;
    const old = this.$buffer().slice();
    if (len > this.data.length) { ops.checkAlloc(len * size); this.data = new CTORS[this.code](Math.max(len, this.data.length * 2)); }
    const bytes = new Uint8Array(this.data.buffer, this.data.byteOffset, len * size);
    bytes.set(old.subarray(0, start * size));
    bytes.set(src.subarray(0, n * size), start * size);
    bytes.set(old.subarray(stop * size), (start + n) * size);
    this.len = len;
  }
  /** extend(): a buffer's bytes as items, else an iterable's items (array_extend). */
  extend(x: PyObj): void {
    const b = bufferOf(x);
    if (b) this.replaceBytes(this.len, this.len, b);
    else for (const v of ops.toArray(x)) this.push(v);
  }
}
PyArray.prototype.$type = arrayType;

arrayType.construct = (_c, a) => {
  const code = a[0];
  if (typeof code !== 'string' || !CTORS[code]) throw pyErr('ValueError', 'bad typecode');
  const arr = new PyArray(code);
  if (a.length > 1) {
    // bytes and bytearray give raw bytes; an array or memoryview gives its items (array_construct)
    const b = a[1] instanceof PyBytes || a[1] instanceof PyByteArray ? bufferOf(a[1]) : null;
    if (b) {
      const size = CTORS[code].BYTES_PER_ELEMENT;
      const n = Math.floor(b.length / size);
      arr.data = new CTORS[code](Math.max(n, 4)); arr.len = n;
      new Uint8Array(arr.data.buffer).set(b.subarray(0, n * size));
    } else for (const x of ops.toArray(a[1])) arr.push(x);
  }
  return arr;
};
function A(a: PyObj[]): PyArray { if (!(a[0] instanceof PyArray)) throw typeError('array expected'); return a[0]; }
methods(arrayType, {
  append: (a) => { A(a).push(a[1]); return None; },
  extend: (a) => { A(a).extend(a[1]); return None; },
  __len__: (a) => A(a).len,
  __iter__: (a) => { const r = A(a); const vals: PyObj[] = []; for (let i = 0; i < r.len; i++) vals.push(r.get(i)); return new JsArrayIter(vals); },
  __getitem__: (a) => {
    const r = A(a);
    if (a[1] instanceof PySlice) {
      const [start, stop] = fastSlice(a[1], r.len);
      const out = new PyArray(r.code);
      out.replaceBytes(0, 0, r.$buffer().subarray(start * r.$itemsize, stop * r.$itemsize));
      return out;
    }
    return r.get(ops.seqIndex(a[1], r.len, 'array'));
  },
  __setitem__: (a) => {
    const r = A(a);
    if (a[1] instanceof PySlice) { const [start, stop, src] = sliceAssignSource(r, r.len, a[1], a[2]); r.replaceBytes(start, stop, src); return None; }
    (r.data as Uint8Array)[ops.seqIndex(a[1], r.len, 'array')] = r.conv(a[2]) as number;
    return None;
  },
  __repr__: (a) => { const r = A(a); const vals: PyObj[] = []; for (let i = 0; i < r.len; i++) vals.push(r.get(i)); return `array('${r.code}'` + (r.len ? ', ' + ops.repr(new PyList(vals)) : '') + ')'; },
});

// unhashable, as MicroPython's arrays have no hash slot
arrayType.dict.set('__hash__', None);

arrayType.binaryOp = (op, a, b) => {
  const r = a as PyArray;
  switch (op) {
    case 'add': {
      // any buffer, as bytes: array('i', [1]) + b'abcd' (extension to CPython)
      const out = new PyArray(r.code);
      out.replaceBytes(0, 0, r.$buffer());
      out.replaceBytes(out.len, out.len, needBuffer(b));
      return out;
    }
    case 'iadd': r.extend(b); return r;
    case 'contains': return arrayContains(r, b);
  }
  return undefined;
};

export function makeArray(): PyModule {
  return nativeModule('array', {}, { array: arrayType });
}
