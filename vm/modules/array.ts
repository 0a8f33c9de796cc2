// array: typed arrays of numbers with the buffer protocol (bytes(arr), struct, file writes).

import { PyType, objectType, None, methods, type PyObj } from '../objects/object';
import { PyFloat } from '../objects/float';
import { PyList } from '../objects/list';
import { JsArrayIter } from '../objects/iterator';
import { PySlice, sliceIndices } from '../objects/slice';
import { bufferOf } from '../objects/bytes';
import { pyErr, typeError } from '../objects/exception';
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
export class PyArray {
  declare $type: PyType;
  data: TA;
  len = 0;
  constructor(public code: string, n = 0) { this.data = new CTORS[code](Math.max(n, 4)); this.len = n; }
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
}
PyArray.prototype.$type = arrayType;

arrayType.construct = (_c, a) => {
  const code = a[0];
  if (typeof code !== 'string' || !CTORS[code]) throw pyErr('ValueError', 'bad typecode');
  const arr = new PyArray(code);
  if (a.length > 1) {
    const b = typeof a[1] === 'object' ? bufferOf(a[1]) : null;
    if (b && !(a[1] instanceof PyList)) {
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
  extend: (a) => { for (const x of ops.toArray(a[1])) A(a).push(x); return None; },
  __len__: (a) => A(a).len,
  __iter__: (a) => { const r = A(a); const vals: PyObj[] = []; for (let i = 0; i < r.len; i++) vals.push(r.get(i)); return new JsArrayIter(vals); },
  __getitem__: (a) => {
    const r = A(a);
    if (a[1] instanceof PySlice) {
      const [start, , step, n] = sliceIndices(a[1], r.len);
      const out = new PyArray(r.code);
      for (let i = 0; i < n; i++) out.push(r.get(start + i * step));
      return out;
    }
    return r.get(ops.seqIndex(a[1], r.len, 'array'));
  },
  __setitem__: (a) => { const r = A(a); (r.data as Uint8Array)[ops.seqIndex(a[1], r.len, 'array')] = r.conv(a[2]) as number; return None; },
  __repr__: (a) => { const r = A(a); const vals: PyObj[] = []; for (let i = 0; i < r.len; i++) vals.push(r.get(i)); return `array('${r.code}'` + (r.len ? ', ' + ops.repr(new PyList(vals)) : '') + ')'; },
});

export function makeArray(): PyModule {
  return nativeModule('array', {}, { array: arrayType });
}
