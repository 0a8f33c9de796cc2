// struct: pack/unpack of C values as MicroPython's modstruct.c does it. Byte order prefixes
// '<' '>' '!' '@' (the wasm port rejects '='); integers wrap to the field size; '@' aligns
// fields as a 32-bit port does. No struct.error and no '?' in MicroPython: its errors are
// ValueError("bad typecode") and ValueError("buffer too small").

import { None, type PyObj } from '../objects/object';
import { PyTuple } from '../objects/tuple';
import { PyFloat } from '../objects/float';
import { PyBytes, bufferOf, utf8 } from '../objects/bytes';
import { pyErr } from '../objects/exception';
import { normBig, toBig } from '../objects/int';
import { argFloat, argInt, argNum, arity, argStr } from '../runtime/args';
import type { PyModule } from '../objects/module';
import { nativeModule } from './util';

/** Size of each typecode in bytes (the same for standard and native sizes on a 32-bit port). */
const SIZES: Record<string, number> = { b: 1, B: 1, h: 2, H: 2, i: 4, I: 4, l: 4, L: 4, q: 8, Q: 8, e: 2, f: 4, d: 8, s: 1, P: 4, x: 1 };

interface Field { code: string; count: number; offset: number }
interface Layout { little: boolean; fields: Field[]; size: number }

function parseFormat(fmt: string): Layout {
  let i = 0;
  let little = true;
  let native = true;
  const c0 = fmt[0];
  if (c0 === '<' || c0 === '>' || c0 === '!' || c0 === '@') { little = c0 === '<' || c0 === '@'; native = c0 === '@'; i = 1; }
  const fields: Field[] = [];
  let size = 0;
  while (i < fmt.length) {
    let count = 1;
    if (fmt[i] >= '0' && fmt[i] <= '9') {
      let j = i;
      while (j < fmt.length && fmt[j] >= '0' && fmt[j] <= '9') j++;
      count = Number(fmt.slice(i, j));
      i = j;
    }
    const code = fmt[i++];
    const sz = SIZES[code];
    if (sz === undefined) throw pyErr('ValueError', 'bad typecode');
    if (native && count > 0 && code !== 's' && code !== 'x') size = Math.ceil(size / sz) * sz;
    fields.push({ code, count, offset: size });
    size += sz * count;
  }
  return { little, fields, size };
}

function fmtArg(x: PyObj): string {
  if (x instanceof PyBytes) return String.fromCharCode(...x.b);
  return argStr(x);
}

/** A readable buffer: bytes-like, or a str's UTF-8 bytes (MicroPython's str has the buffer protocol). */
function readBuffer(x: PyObj): Uint8Array {
  if (typeof x === 'string') return utf8(x);
  const b = bufferOf(x);
  if (!b) throw pyErr('TypeError', 'object with buffer protocol required');
  return b;
}

function writeInt(view: DataView, at: number, size: number, v: bigint, little: boolean): void {
  const u = BigInt.asUintN(size * 8, v);
  for (let k = 0; k < size; k++) view.setUint8(little ? at + k : at + size - 1 - k, Number((u >> BigInt(8 * k)) & 0xffn));
}

function readInt(buf: Uint8Array, at: number, size: number, signed: boolean, little: boolean): PyObj {
  let u = 0n;
  for (let k = 0; k < size; k++) u |= BigInt(buf[little ? at + k : at + size - 1 - k]) << BigInt(8 * k);
  return normBig(signed ? BigInt.asIntN(size * 8, u) : u);
}

function packValue(view: DataView, at: number, code: string, v: PyObj, little: boolean): void {
  switch (code) {
    case 'e': view.setUint16(at, toHalf(argFloat(v)), little); return;
    case 'f': view.setFloat32(at, argFloat(v), little); return;
    case 'd': view.setFloat64(at, argFloat(v), little); return;
    default: writeInt(view, at, SIZES[code], toBig(argInt(v)), little);
  }
}

function unpackValue(buf: Uint8Array, at: number, code: string, little: boolean): PyObj {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  switch (code) {
    case 'e': return new PyFloat(fromHalf(view.getUint16(at, little)));
    case 'f': return new PyFloat(view.getFloat32(at, little));
    case 'd': return new PyFloat(view.getFloat64(at, little));
    default: return readInt(buf, at, SIZES[code], code === code.toLowerCase() && code !== 'x', little);
  }
}

/** Packs values into buf at offset (buf already has room for layout.size bytes). */
function packInto(layout: Layout, buf: Uint8Array, offset: number, values: PyObj[]): void {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let ai = 0;
  for (const f of layout.fields) {
    const at = offset + f.offset;
    if (f.code === 'x') { buf.fill(0, at, at + f.count); continue; }
    if (f.code === 's') {
      if (ai >= values.length) break;
      const src = readBuffer(values[ai++]);
      const n = Math.min(src.length, f.count);
      buf.set(src.subarray(0, n), at);
      buf.fill(0, at + n, at + f.count);
      continue;
    }
    for (let k = 0; k < f.count; k++) {
      if (ai >= values.length) return; // MicroPython leaves missing values as zero bytes
      packValue(view, at + k * SIZES[f.code], f.code, values[ai++], layout.little);
    }
  }
}

function unpackFrom(layout: Layout, buf: Uint8Array, offset: number): PyTuple {
  if (offset < 0) offset += buf.length;
  if (offset < 0 || offset + layout.size > buf.length) throw pyErr('ValueError', 'buffer too small');
  const out: PyObj[] = [];
  for (const f of layout.fields) {
    const at = offset + f.offset;
    if (f.code === 'x') continue;
    if (f.code === 's') { out.push(new PyBytes(buf.slice(at, at + f.count))); continue; }
    for (let k = 0; k < f.count; k++) out.push(unpackValue(buf, at + k * SIZES[f.code], f.code, layout.little));
  }
  return new PyTuple(out);
}

// binary16 encoding as MicroPython's software encoder does it (py/binary.c): the float32
// mantissa rounded half up (a carry is ORed into the exponent field), exponents past the
// half range wrap within 16 bits up to 0x3f and only beyond that become infinity.
function toHalf(v: number): number {
  const f32 = new DataView(new ArrayBuffer(4));
  f32.setFloat32(0, v);
  const x = f32.getUint32(0);
  let m = (x >>> 13) & 0x3ff;
  if (x & (1 << 12)) m++;
  let e = (x >>> 23) & 0xff;
  if (e === 0xff) e = 0x1f;
  else if (e !== 0) {
    e -= 127 - 15;
    if (e < 0) {
      if (e >= -11) {
        m = ((m | 0x400) >> -e) & 0xffff;
        m = m & 1 ? (m >> 1) + 1 : m >> 1;
      } else m = 0;
      e = 0;
    } else if (e > 0x3f) { e = 0x1f; m = 0; }
  }
  return (((x >>> 16) & 0x8000) | (e << 10) | m) & 0xffff;
}

function fromHalf(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

export function makeStruct(): PyModule {
  return nativeModule('struct', {
    // struct.calcsize(fmt)
    calcsize: (a) => { arity(a, 1); return parseFormat(fmtArg(a[0])).size; },
    // struct.pack(fmt, v1, v2, ...)
    pack: (a) => {
      arity(a, 1, Infinity);
      const layout = parseFormat(fmtArg(a[0]));
      const buf = new Uint8Array(layout.size);
      packInto(layout, buf, 0, a.slice(1));
      return new PyBytes(buf);
    },
    // struct.pack_into(fmt, buffer, offset, v1, v2, ...)
    pack_into: (a) => {
      arity(a, 3, Infinity);
      const layout = parseFormat(fmtArg(a[0]));
      const buf = a[1] instanceof PyBytes ? null : bufferOf(a[1]);
      if (!buf) throw pyErr('TypeError', 'object with buffer protocol required');
      let offset = argNum(a[2]);
      if (offset < 0) offset += buf.length;
      if (offset < 0 || offset + layout.size > buf.length) throw pyErr('ValueError', 'buffer too small');
      packInto(layout, buf, offset, a.slice(3));
      return None;
    },
    // struct.unpack(fmt, buffer) (MicroPython accepts an offset here too, as unpack_from)
    unpack: (a) => { arity(a, 2, 3); return unpackFrom(parseFormat(fmtArg(a[0])), readBuffer(a[1]), a.length > 2 ? argNum(a[2]) : 0); },
    // struct.unpack_from(fmt, buffer, offset=0)
    unpack_from: (a, kw) => {
      arity(a, 2, 3);
      const off = a[2] ?? kw?.get('offset') ?? 0;
      return unpackFrom(parseFormat(fmtArg(a[0])), readBuffer(a[1]), argNum(off));
    },
  });
}
