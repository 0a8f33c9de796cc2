// binascii: hexlify/unhexlify (bytes.hex/bytes.fromhex returning bytes), base64 and crc32,
// as extmod/modbinascii.c on a board. (The WebAssembly port freezes micropython-lib's
// pure-Python binascii instead, which rejects str input to a2b_base64; boards accept it.)

import type { PyObj } from '../objects/object';
import { PyBytes, bufferOf, utf8 } from '../objects/bytes';
import { pyErr, typeError } from '../objects/exception';
import { normBig, toBig } from '../objects/int';
import { argInt, argsByName, arity } from '../runtime/args';
import * as ops from '../runtime/ops';
import type { PyModule } from '../objects/module';
import { nativeModule } from './util';

/** A readable buffer; str counts (its UTF-8 bytes), as in MicroPython. */
function readBuffer(x: PyObj): Uint8Array {
  if (typeof x === 'string') return utf8(x);
  const b = bufferOf(x);
  if (!b) throw typeError('object with buffer protocol required');
  return b;
}

const HEX = '0123456789abcdef';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function hexlify(data: Uint8Array, sepArg: PyObj): PyBytes {
  if (data.length === 0) return new PyBytes(new Uint8Array(0));
  let sep: number | null = null;
  if (sepArg !== undefined) {
    // Only the first character is used; an empty separator inserts its NUL terminator.
    if (sepArg instanceof PyBytes) sep = sepArg.b.length ? sepArg.b[0] : 0;
    else if (typeof sepArg === 'string') sep = sepArg.length ? utf8(sepArg)[0] : 0;
    else throw typeError(`can't convert '${ops.typeName(sepArg)}' object to str implicitly`);
  }
  const out: number[] = [];
  data.forEach((b, i) => {
    if (sep !== null && i) out.push(sep);
    out.push(HEX.charCodeAt(b >> 4), HEX.charCodeAt(b & 15));
  });
  return new PyBytes(Uint8Array.from(out));
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

function unhexlify(data: Uint8Array): PyBytes {
  const out: number[] = [];
  for (let i = 0; i < data.length; i++) {
    if (isSpace(data[i])) continue;
    const hi = hexDigit(data[i]);
    const lo = i + 1 < data.length ? hexDigit(data[i + 1]) : -1;
    if (hi < 0 || lo < 0) throw pyErr('ValueError', 'non-hex digit');
    out.push((hi << 4) | lo);
    i++;
  }
  return new PyBytes(Uint8Array.from(out));
}

function b2aBase64(data: Uint8Array, newline: boolean): PyBytes {
  let s = '';
  let i = 0;
  for (; i + 3 <= data.length; i += 3) {
    const n = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    s += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  const rest = data.length - i;
  if (rest === 1) s += B64[data[i] >> 2] + B64[(data[i] & 3) << 4] + '==';
  else if (rest === 2) s += B64[data[i] >> 2] + B64[((data[i] & 3) << 4) | (data[i + 1] >> 4)] + B64[(data[i + 1] & 15) << 2] + '=';
  if (newline) s += '\n';
  return new PyBytes(utf8(s));
}

/** Decodes base64, skipping characters outside the alphabet; stops at proper padding. */
function a2bBase64(data: Uint8Array): PyBytes {
  const out: number[] = [];
  let shift = 0;
  let nbits = 0;
  let hadPad = false;
  for (const c of data) {
    if (c === 61) {
      if (nbits === 2 || (nbits === 4 && hadPad)) { nbits = 0; break; }
      hadPad = true;
    }
    const v = B64.indexOf(String.fromCharCode(c));
    if (v < 0 || c === 61) continue;
    hadPad = false;
    shift = ((shift << 6) | v) & 0xffffff;
    nbits += 6;
    if (nbits >= 8) { nbits -= 8; out.push((shift >> nbits) & 0xff); }
  }
  if (nbits) throw pyErr('ValueError', 'incorrect padding');
  return new PyBytes(Uint8Array.from(out));
}

let crcTable: Uint32Array | null = null;
function crc32(data: Uint8Array, start: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = (start ^ 0xffffffff) >>> 0;
  for (const b of data) crc = (crcTable[(crc ^ b) & 0xff] ^ (crc >>> 8)) >>> 0;
  return (crc ^ 0xffffffff) >>> 0;
}

export function makeBinascii(): PyModule {
  return nativeModule('binascii', {
    // binascii.hexlify(data[, sep])
    hexlify: (a) => { arity(a, 1, 2); return hexlify(readBuffer(a[0]), a[1]); },
    // binascii.unhexlify(data)
    unhexlify: (a) => { arity(a, 1); return unhexlify(readBuffer(a[0])); },
    // binascii.a2b_base64(data)
    a2b_base64: (a) => { arity(a, 1); return a2bBase64(readBuffer(a[0])); },
    // binascii.b2a_base64(data, *, newline=True)
    b2a_base64: (a, kw) => {
      const [data, newline] = argsByName(a, kw, ['data', 'newline'], 1);
      return b2aBase64(readBuffer(data), newline === undefined ? true : ops.truthy(newline));
    },
    // binascii.crc32(data[, value])
    crc32: (a) => {
      arity(a, 1, 2);
      const data = readBuffer(a[0]);
      const start = a.length > 1 ? Number(BigInt.asUintN(32, toBig(argInt(a[1])))) : 0;
      return normBig(BigInt(crc32(data, start)));
    },
  });
}
