// int: JS numbers while the value is a safe integer, bigint beyond (always normalised so a
// value has exactly one representation). bool is a JS boolean and an int subclass.

import { intType, methods, PyClassMethod, type PyObj } from './object';
import { pyErr } from './exception';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const MIN = -MAX;

/** Normalises a bigint result: back to a number when it is in the safe range. */
export function normBig(b: bigint): number | bigint {
  return b >= MIN && b <= MAX ? Number(b) : b;
}

export function isInt(x: PyObj): x is number | bigint | boolean {
  const t = typeof x;
  return t === 'number' || t === 'bigint' || t === 'boolean' || (t === 'object' && x.$prim !== undefined && typeof x.$prim !== 'string');
}

/** An int (or bool) as bigint. */
export function toBig(x: PyObj): bigint {
  if (typeof x === 'bigint') return x;
  if (typeof x === 'object' && x !== null && x.$prim !== undefined) return toBig(x.$prim);
  if (typeof x === 'boolean') return x ? 1n : 0n;
  return BigInt(x);
}

/** An int-like value as number|bigint (bools → 0/1). */
export function intVal(x: number | bigint | boolean): number | bigint {
  return typeof x === 'boolean' ? (x ? 1 : 0) : x;
}

export function floorDivBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  if ((a % b !== 0n) && ((a < 0n) !== (b < 0n))) return q - 1n;
  return q;
}

export function modBig(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

/** Parses a Python int literal/string in a base (0 = auto); null when invalid. */
export function parseIntStr(s: string, base: number): number | bigint | null {
  let t = s.trim();
  let neg = false;
  if (t[0] === '+' || t[0] === '-') { neg = t[0] === '-'; t = t.slice(1); }
  const low = t.toLowerCase();
  if (base === 0) {
    if (low.startsWith('0x')) { base = 16; t = t.slice(2); }
    else if (low.startsWith('0o')) { base = 8; t = t.slice(2); }
    else if (low.startsWith('0b')) { base = 2; t = t.slice(2); }
    else { base = 10; if (/^0+[1-9_]/.test(t)) return null; }
  } else if ((base === 16 && low.startsWith('0x')) || (base === 8 && low.startsWith('0o')) || (base === 2 && low.startsWith('0b'))) {
    t = t.slice(2);
  }
  if (t.startsWith('_')) t = t.slice(1);
  if (!t || t.endsWith('_') || t.includes('__')) return null;
  t = t.replace(/_/g, '');
  if (base === 10 || base === 16 || base === 8 || base === 2) {
    // native parsing is subquadratic; validate the digits first
    const ok = base === 10 ? /^[0-9]+$/ : base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : /^[01]+$/;
    if (!ok.test(t)) return null;
    if (t.length < 16 && base === 10) { const v = Number(t); return neg ? (v === 0 ? 0 : -v) : v; }
    const big = BigInt((base === 10 ? '' : base === 16 ? '0x' : base === 8 ? '0o' : '0b') + t);
    return normBig(neg ? -big : big);
  }
  let r = 0n;
  const B = BigInt(base);
  for (const ch of t.toLowerCase()) {
    const c = ch.charCodeAt(0);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : 99;
    if (d >= base) return null;
    r = r * B + BigInt(d);
  }
  return normBig(neg ? -r : r);
}

export function intToStr(x: number | bigint, base: number): string {
  const neg = x < 0;
  const s = (neg ? -BigInt(x) : BigInt(x)).toString(base);
  return (neg ? '-' : '') + s;
}

// int.bit_length()
// int.to_bytes(length, byteorder, signed=False)
// int.from_bytes(bytes, byteorder, signed=False)
methods(intType, {
  bit_length: (a) => { const v = toBig(a[0]); return (v < 0n ? -v : v).toString(2).replace(/^0$/, '').length; },
  to_bytes: (a, kw) => {
    const v = toBig(a[0]);
    const len = Number(a[1] ?? kw?.get('length') ?? 1);
    const order = a[2] ?? kw?.get('byteorder') ?? 'big';
    const signed = kw?.get('signed') === true || a[3] === true;
    if (v < 0n && !signed) throw pyErr('OverflowError', "can't convert negative int to unsigned");
    let u = v < 0n ? (1n << BigInt(len * 8)) + v : v;
    const out = new Uint8Array(len);
    for (let i = 0; i < len; i++) { out[order === 'little' ? i : len - 1 - i] = Number(u & 0xffn); u >>= 8n; }
    if (u !== 0n && !signed) throw pyErr('OverflowError', 'buffer too small');
    return makeBytes(out);
  },
  from_bytes: (a, kw) => {
    const data = bytesOf(a[1]);
    const order = a[2] ?? kw?.get('byteorder') ?? 'big';
    const signed = kw?.get('signed') === true || a[3] === true;
    let r = 0n;
    const n = data.length;
    for (let i = 0; i < n; i++) r = (r << 8n) | BigInt(data[order === 'little' ? n - 1 - i : i]);
    if (signed && n && r >= (1n << BigInt(n * 8 - 1))) r -= 1n << BigInt(n * 8);
    return normBig(r);
  },
  conjugate: (a) => a[0],
});

// Hooks filled in by bytes.ts to avoid an import cycle at load time.
export let makeBytes: (b: Uint8Array) => PyObj = () => { throw new Error('bytes not loaded'); };
export let bytesOf: (x: PyObj) => Uint8Array = () => { throw new Error('bytes not loaded'); };
export function setBytesHooks(mk: (b: Uint8Array) => PyObj, of: (x: PyObj) => Uint8Array): void { makeBytes = mk; bytesOf = of; }

intType.dict.set('from_bytes', new PyClassMethod(intType.dict.get('from_bytes')));
