// memoryview items: read and written in the viewed object's storage by its typecode, as
// MicroPython's mp_binary_get_val_array / mp_binary_set_val_array do (little-endian, like the
// rp2040 and the wasm build). Ints are stored truncated to the item size; floats only go into
// 'f'/'d' items.

import { typeOf, type PyObj } from './object';
import { PyBytes, PyByteArray, PyMemoryView, bufferOf, utf8 } from './bytes';
import { PyFloat } from './float';
import { normBig } from './int';
import { pyErr, typeError } from './exception';

const SIZES: Record<string, number> = { b: 1, B: 1, h: 2, H: 2, i: 4, I: 4, l: 4, L: 4, q: 8, Q: 8, f: 4, d: 8 };

/** memoryview(obj): a view of a bytes-like object, or of an array with its typecode. */
export function makeMemoryView(o: PyObj): PyMemoryView {
  if (o instanceof PyByteArray) return new PyMemoryView(o, 0, o.len, false);
  if (o instanceof PyBytes) return new PyMemoryView(o, 0, o.b.length, true);
  if (o instanceof PyMemoryView) return new PyMemoryView(o.obj, o.start, o.len, o.readonly, o.code, o.itemsize);
  // str has the buffer protocol too (read-only UTF-8)
  if (typeof o === 'string') { const b = new PyBytes(utf8(o)); return new PyMemoryView(b, 0, b.b.length, true); }
  const code = typeof o === 'object' && o !== null && typeof o.$typecode === 'string' ? o.$typecode as string : 'B';
  const b = bufferOf(o);
  if (!b || SIZES[code] === undefined) throw typeError('object with buffer protocol required');
  return new PyMemoryView(o, 0, b.length / SIZES[code], false, code, SIZES[code]);
}

function view(m: PyMemoryView): DataView {
  const b = m.bytes;
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** m[i] for an index already checked against m.len. */
export function mvGet(m: PyMemoryView, i: number): PyObj {
  const d = view(m);
  const at = i * m.itemsize;
  switch (m.code) {
    case 'b': return d.getInt8(at);
    case 'B': return d.getUint8(at);
    case 'h': return d.getInt16(at, true);
    case 'H': return d.getUint16(at, true);
    case 'i': case 'l': return d.getInt32(at, true);
    case 'I': case 'L': return d.getUint32(at, true);
    case 'q': return normBig(d.getBigInt64(at, true));
    case 'Q': return normBig(d.getBigUint64(at, true));
    case 'f': return new PyFloat(d.getFloat32(at, true));
    default: return new PyFloat(d.getFloat64(at, true));
  }
}

/** The int to store: an int or bool as is, anything else a TypeError (mp_obj_get_int). */
function intOf(v: PyObj): bigint {
  if (typeof v === 'number' || typeof v === 'bigint') return BigInt(v);
  if (typeof v === 'boolean') return v ? 1n : 0n;
  throw typeError(`can't convert ${typeOf(v).name} to int`);
}

/** m[i] = v for an index already checked against m.len. */
export function mvSet(m: PyMemoryView, i: number, v: PyObj): void {
  const d = view(m);
  const at = i * m.itemsize;
  if (m.code === 'f' || m.code === 'd') {
    let x: number;
    if (v instanceof PyFloat) x = v.v;
    else if (typeof v === 'number') x = v;
    else if (typeof v === 'bigint') x = Number(v);
    else if (typeof v === 'boolean') x = v ? 1 : 0;
    else throw typeError(`can't convert ${typeOf(v).name} to float`);
    if (m.code === 'f') d.setFloat32(at, x, true); else d.setFloat64(at, x, true);
    return;
  }
  const n = intOf(v);
  switch (m.itemsize) {
    case 1: d.setUint8(at, Number(BigInt.asUintN(8, n))); break;
    case 2: d.setUint16(at, Number(BigInt.asUintN(16, n)), true); break;
    case 4: d.setUint32(at, Number(BigInt.asUintN(32, n)), true); break;
    default: d.setBigUint64(at, BigInt.asUintN(64, n), true);
  }
}

/** `x in m` for bytearray, memoryview and array (array_binary_op): a buffer is searched for in a
 *  bytearray only, a number is a NotImplementedError, anything else is not there. */
export function arrayContains(c: PyObj, x: PyObj): boolean {
  const needle = typeof x === 'string' ? utf8(x) : bufferOf(x);
  if (needle) {
    if (!(c instanceof PyByteArray)) return false;
    const hay = c.bytes;
    outer: for (let i = 0; i + needle.length <= hay.length; i++) {
      for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  }
  if (typeof x === 'number' || typeof x === 'bigint' || x instanceof PyFloat) throw pyErr('NotImplementedError');
  return false;
}
