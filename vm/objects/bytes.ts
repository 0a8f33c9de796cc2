// bytes and bytearray: Uint8Array-backed; bytearray grows by reallocation.

import { PyType, objectType, None, type PyObj } from './object';
import { setBytesHooks } from './int';
import { pyErr } from './exception';

export const bytesType = new PyType('bytes', [objectType]);
export const bytearrayType = new PyType('bytearray', [objectType]);
export const memoryviewType = new PyType('memoryview', [objectType]);

export class PyBytes {
  declare $type: PyType;
  constructor(public b: Uint8Array) {}
}
PyBytes.prototype.$type = bytesType;

export class PyByteArray {
  declare $type: PyType;
  $d: Map<string, PyObj> | undefined = undefined;
  constructor(public b: Uint8Array, public len = b.length) {}
  get bytes(): Uint8Array { return this.b.subarray(0, this.len); }
  set(data: Uint8Array): void { this.b = data; this.len = data.length; }
}
PyByteArray.prototype.$type = bytearrayType;

/** A view of another object's buffer, as MicroPython's memoryview (an objarray.c array that
 *  points into its source): items of the source's typecode ('B' for bytes-likes), `start` a byte
 *  offset into the source's current storage and `len` a count of items. Reads and writes go to
 *  the source, so an array written through a view shows the change. */
export class PyMemoryView {
  declare $type: PyType;
  constructor(public obj: PyByteArray | PyBytes | PyObj, public start: number, public len: number, public readonly: boolean,
    public code = 'B', public itemsize = 1) {}
  get $typecode(): string { return this.code; }
  get $itemsize(): number { return this.itemsize; }
  $buffer(): Uint8Array { return this.bytes; }
  get bytes(): Uint8Array {
    const o = this.obj;
    const src: Uint8Array = o instanceof PyByteArray || o instanceof PyBytes ? o.b : o.$buffer();
    return src.subarray(this.start, this.start + this.len * this.itemsize);
  }
}
PyMemoryView.prototype.$type = memoryviewType;
// mutable buffers are unhashable (MicroPython's array types have no hash slot)
bytearrayType.dict.set('__hash__', None);
memoryviewType.dict.set('__hash__', None);

/** The raw bytes of any bytes-like object, or null. */
export function bufferOf(x: PyObj): Uint8Array | null {
  if (x instanceof PyBytes) return x.b;
  if (x instanceof PyByteArray) return x.bytes;
  if (x instanceof PyMemoryView) return x.bytes;
  if (x && typeof x === 'object' && x.$buffer) return x.$buffer();
  return null;
}

export function needBuffer(x: PyObj): Uint8Array {
  const b = bufferOf(x);
  if (!b) throw pyErr('TypeError', "object with buffer protocol required");
  return b;
}

export function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode.apply(null, Array.from(b.subarray(i, i + 8192)));
  return s;
}

export function fromLatin1(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** UTF-8 encoding (no TextEncoder in the VM's lib: it must not depend on DOM types). */
export function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) { out.push(c); continue; }
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
    }
    if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** Strict UTF-8 decoding; null on invalid input. */
export function decodeUtf8(b: Uint8Array): string | null {
  let s = '';
  for (let i = 0; i < b.length;) {
    const c = b[i];
    if (c < 0x80) { s += String.fromCharCode(c); i++; continue; }
    let n = 0; let cp = 0;
    if (c >= 0xc2 && c < 0xe0) { n = 1; cp = c & 31; } else if (c >= 0xe0 && c < 0xf0) { n = 2; cp = c & 15; } else if (c >= 0xf0 && c < 0xf5) { n = 3; cp = c & 7; } else return null;
    if (i + n >= b.length + 0 && i + n > b.length - 1 + 1) return null;
    for (let k = 1; k <= n; k++) { const d = b[i + k]; if (d === undefined || (d & 0xc0) !== 0x80) return null; cp = (cp << 6) | (d & 63); }
    s += String.fromCodePoint(cp);
    i += n + 1;
  }
  return s;
}

export function fromUtf8(b: Uint8Array): string {
  const s = decodeUtf8(b);
  if (s === null) throw pyErr('UnicodeError');
  return s;
}

setBytesHooks((b) => new PyBytes(b), needBuffer);
