// MicroPython's dict/set iteration order. MicroPython stores dicts and sets in open-addressed
// tables (py/map.c: prime sizes, linear probing, growth only when full, deleted slots as
// sentinels) and iterates them in slot order, so `print({'a': 1, 'c': 3, 'b': 2})` shows
// `{'b': 2, 'c': 3, 'a': 1}`. MpOrder replays that slot layout beside the JS Map that does
// the real lookups. Past ~2900 slots MicroPython's probing gets slow; there we freeze the
// current order and continue in insertion order (documented difference, large tables only).

import { None, type PyObj } from './object';

const EMPTY = Symbol('empty');
const DELETED = Symbol('deleted');

const SIZES = [0, 2, 4, 6, 8, 10, 12, 17, 23, 29, 37, 47, 59, 73, 97, 127, 167, 223, 293, 389, 521, 691, 919, 1223, 1627, 2161, 2879];
/** Beyond this allocation the order is frozen and new keys append (see file header). */
export const MAX_EMULATED = 2879;

function allocFor(x: number): number {
  for (const s of SIZES) if (s >= x) return s;
  return -1;
}

export class MpOrder {
  alloc: number;
  used = 0;
  slots: PyObj[];
  hashes: number[];
  pos = new Map<PyObj, number>();
  constructor(n: number) {
    this.alloc = n;
    this.slots = new Array(n).fill(EMPTY);
    this.hashes = new Array(n).fill(0);
  }

  clone(): MpOrder {
    const o = new MpOrder(0);
    o.alloc = this.alloc; o.used = this.used; o.slots = this.slots.slice(); o.hashes = this.hashes.slice(); o.pos = new Map(this.pos);
    return o;
  }

  /** Adds a new key (not present); returns false when the table outgrew emulation. */
  add(hk: PyObj, h: number): boolean {
    if (this.alloc === 0 && !this.rehash()) return false;
    let pos = h % this.alloc;
    let start = pos;
    let avail = -1;
    for (;;) {
      const s = this.slots[pos];
      if (s === EMPTY) { if (avail < 0) avail = pos; break; }
      if (s === DELETED && avail < 0) avail = pos;
      pos = pos + 1 === this.alloc ? 0 : pos + 1;
      if (pos === start) {
        if (avail >= 0) break;
        if (!this.rehash()) return false;
        start = pos = h % this.alloc;
      }
    }
    this.slots[avail] = hk; this.hashes[avail] = h; this.pos.set(hk, avail); this.used++;
    return true;
  }

  /** Removes a key; `sentinel` forces a deleted marker (dict.popitem does that). */
  remove(hk: PyObj, sentinel = false): void {
    const p = this.pos.get(hk);
    if (p === undefined) return;
    this.pos.delete(hk);
    this.used--;
    const next = p + 1 === this.alloc ? 0 : p + 1;
    this.slots[p] = !sentinel && this.slots[next] === EMPTY ? EMPTY : DELETED;
  }

  private rehash(): boolean {
    const n = allocFor(this.alloc + 1);
    if (n < 0) return false;
    const oldSlots = this.slots; const oldHashes = this.hashes;
    this.alloc = n; this.used = 0;
    this.slots = new Array(n).fill(EMPTY); this.hashes = new Array(n).fill(0); this.pos.clear();
    for (let i = 0; i < oldSlots.length; i++) {
      const k = oldSlots[i];
      if (k !== EMPTY && k !== DELETED) this.add(k, oldHashes[i]);
    }
    return true;
  }

  /** Map keys in MicroPython's iteration order. */
  keys(): PyObj[] {
    const out: PyObj[] = [];
    for (const k of this.slots) if (k !== EMPTY && k !== DELETED) out.push(k);
    return out;
  }

  first(): PyObj {
    for (const k of this.slots) if (k !== EMPTY && k !== DELETED) return k;
    return undefined;
  }
}

// #region MicroPython hash values (32-bit port)

/** djb2 over UTF-8 bytes, masked to 16 bits (qstr_compute_hash). */
export function strHash(s: string): number {
  let h = 5381;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) { h = (Math.imul(h, 33) ^ c) >>> 0; continue; }
    // UTF-8 encode this code point
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) { c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00); i++; }
    const bytes = c < 0x800 ? [0xc0 | (c >> 6), 0x80 | (c & 63)]
      : c < 0x10000 ? [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
      : [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
    for (const b of bytes) h = (Math.imul(h, 33) ^ b) >>> 0;
  }
  h &= 0xffff;
  return h === 0 ? 1 : h;
}

export function bytesHash(b: Uint8Array): number {
  let h = 5381;
  for (const c of b) h = (Math.imul(h, 33) ^ c) >>> 0;
  h &= 0xffff;
  return h === 0 ? 1 : h;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** mp_float_hash for doubles, truncated to a 32-bit mp_int_t. */
export function floatHash(v: number): number {
  if (Number.isInteger(v) && Math.abs(v) < 2 ** 53) return intHash(v);
  f64[0] = v;
  const lo = u32[0]; const hi = u32[1];
  const sgn = hi >>> 31;
  const exp = (hi >>> 20) & 0x7ff;
  const adj = exp - 1023;
  let val: bigint;
  if (adj < 0) val = BigInt(lo);
  else {
    const frc = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo) | (1n << 52n);
    if (adj <= 52) val = (frc >> BigInt(52 - adj)) ^ (frc & ((1n << BigInt(52 - adj)) - 1n));
    else if (adj < 31) val = frc << BigInt(adj - 52);
    else val = frc;
  }
  let r = Number(BigInt.asUintN(32, val));
  if (sgn) r = (-r) >>> 0;
  return r;
}

export function intHash(v: number | bigint): number {
  if (typeof v === 'number') return v >= 0 && v < 4294967296 ? v : Number(BigInt.asUintN(32, BigInt(v)));
  return Number(BigInt.asUintN(32, v < 0n ? -((-v) & 0xffffffffn) : v));
}

let objHash: (x: PyObj) => number = () => 0;
export function setObjHash(f: (x: PyObj) => number): void { objHash = f; }

/** MicroPython's hash of a Python key, as an unsigned 32-bit value (for slot positions). */
export function mpHash(x: PyObj): number {
  switch (typeof x) {
    case 'string': return strHash(x);
    case 'number': case 'bigint': return intHash(x);
    case 'boolean': return x ? 1 : 0;
  }
  if (x === None) return 0x5a5a0;
  return objHash(x) >>> 0;
}

// #endregion
