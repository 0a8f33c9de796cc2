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

/** What MP_OBJ_NEW_SMALL_INT keeps of a 32-bit hash: the low 31 bits, signed. hash() returns
 *  this, and py/map.c places keys by it (as an unsigned 32-bit value). */
export function smallInt(h: number): number { return (h << 1) >> 1; }

/** mp_float_hash as ports below the EVERYTHING feature level build it (rp2 and the wasm oracle
 *  alike: no MICROPY_FLOAT_HIGH_QUALITY_HASH): `(mp_int_t)val`, which saturates on both
 *  (NaN gives 0). So hash(1.5) == 1 and hash(1e10) == hash(2**31 - 1). Unsigned 32 bits. */
export function floatHash(v: number): number {
  if (v !== v) return 0;
  if (v >= 2147483647) return 0x7fffffff;
  if (v <= -2147483648) return 0x80000000;
  return Math.trunc(v) >>> 0;
}

/** hash() of an int: small ints are their own hash; mpz_hash keeps the low 32 bits of a big
 *  one and MP_OBJ_NEW_SMALL_INT the low 31 of those (hash(2**40) == 0, hash(2**30) < 0). */
export function intHashValue(v: number | bigint): number {
  if (typeof v === 'number' && v >= -0x40000000 && v < 0x40000000) return v;
  return Number(BigInt.asIntN(31, BigInt(v)));
}

export function intHash(v: number | bigint): number { return intHashValue(v) >>> 0; }

/** hash(None): None is the immediate object MP_OBJ_NEW_IMMEDIATE_OBJ(0) == 6, hashed as itself. */
export const NONE_HASH = 6;
/** Tuple and frozenset hashes start from the address of mp_const_empty_tuple_obj and
 *  mp_type_frozenset. These are the oracle's (wasm) addresses; a board's firmware has its own,
 *  so programs cannot rely on them either way. */
export const EMPTY_TUPLE_HASH = 98208;
export const FROZENSET_HASH = 96676;

let objHash: (x: PyObj) => number = () => 0;
export function setObjHash(f: (x: PyObj) => number): void { objHash = f; }

/** MicroPython's hash of a Python key, as an unsigned 32-bit value (for slot positions). */
export function mpHash(x: PyObj): number {
  switch (typeof x) {
    case 'string': return strHash(x);
    case 'number': case 'bigint': return intHash(x);
    case 'boolean': return x ? 1 : 0;
  }
  if (x === None) return NONE_HASH;
  return objHash(x) >>> 0;
}

// #endregion
