// hashlib: sha256, sha1 and md5 objects with update() and digest() only (MicroPython has no
// hexdigest). After digest() the object is final: update/digest raise ValueError, as in
// MicroPython. The WebAssembly port builds only sha256; boards (ESP32, ESP8266...) add
// sha1 and md5.

import { PyType, typeType, objectType, methods, None, type PyObj, type Kw } from '../objects/object';
import { PyBytes, bufferOf, utf8 } from '../objects/bytes';
import { pyErr, typeError } from '../objects/exception';
import { arity, noKw } from '../runtime/args';
import type { PyModule } from '../objects/module';
import { nativeModule } from './util';

/** A block hash: 64-byte blocks, a state of 32-bit words, and how the length is appended. */
interface Algo {
  name: string;
  init: () => number[];
  block: (st: number[], w: DataView, off: number) => void;
  littleEndian: boolean;
}

const K256 = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

const sha256: Algo = {
  name: 'sha256',
  littleEndian: false,
  init: () => [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19],
  block(st, v, off) {
    const w = new Array<number>(64);
    for (let i = 0; i < 16; i++) w[i] = v.getUint32(off + 4 * i);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let [a, b, c, d, e, f, g, h] = st;
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + w[i]) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    [a, b, c, d, e, f, g, h].forEach((x, i) => { st[i] = (st[i] + x) | 0; });
  },
};

const sha1: Algo = {
  name: 'sha1',
  littleEndian: false,
  init: () => [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0],
  block(st, v, off) {
    const w = new Array<number>(80);
    for (let i = 0; i < 16; i++) w[i] = v.getUint32(off + 4 * i);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    let [a, b, c, d, e] = st;
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 ? b ^ c ^ d : i < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (rotl(a, 5) + f + e + k + w[i]) | 0;
      e = d; d = c; c = rotl(b, 30); b = a; a = t;
    }
    [a, b, c, d, e].forEach((x, i) => { st[i] = (st[i] + x) | 0; });
  },
};

const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD5_K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0);

const md5: Algo = {
  name: 'md5',
  littleEndian: true,
  init: () => [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476],
  block(st, v, off) {
    let [a, b, c, d] = st;
    for (let i = 0; i < 64; i++) {
      let f: number; let g: number;
      if (i < 16) { f = (b & c) | (~b & d); g = i; } else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) % 16; } else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) % 16; } else { f = c ^ (b | ~d); g = (7 * i) % 16; }
      const t = d; d = c; c = b;
      b = (b + rotl((a + f + MD5_K[i] + v.getUint32(off + 4 * g, true)) | 0, MD5_S[(i >> 4) * 4 + (i % 4)])) | 0;
      a = t;
    }
    [a, b, c, d].forEach((x, i) => { st[i] = (st[i] + x) | 0; });
  },
};

class PyHash {
  declare $type: PyType;
  state: number[];
  pending = new Uint8Array(64);
  npending = 0;
  length = 0;
  final = false;
  constructor(readonly algo: Algo) { this.state = algo.init(); }

  update(data: Uint8Array): void {
    if (this.final) throw pyErr('ValueError', 'hash is final');
    const view = new DataView(this.pending.buffer);
    this.length += data.length;
    for (const b of data) {
      this.pending[this.npending++] = b;
      if (this.npending === 64) { this.algo.block(this.state, view, 0); this.npending = 0; }
    }
  }

  digest(): Uint8Array {
    if (this.final) throw pyErr('ValueError', 'hash is final');
    const bits = this.length * 8;
    const tail = new Uint8Array(((this.npending + 8) >> 6) * 64 + 64 - this.npending);
    tail[0] = 0x80;
    const tv = new DataView(tail.buffer);
    const lo = bits >>> 0; const hi = Math.floor(bits / 2 ** 32);
    if (this.algo.littleEndian) { tv.setUint32(tail.length - 8, lo, true); tv.setUint32(tail.length - 4, hi, true); } else { tv.setUint32(tail.length - 8, hi); tv.setUint32(tail.length - 4, lo); }
    this.update(tail);
    this.final = true;
    const out = new Uint8Array(this.state.length * 4);
    const ov = new DataView(out.buffer);
    this.state.forEach((x, i) => ov.setUint32(4 * i, x >>> 0, this.algo.littleEndian));
    return out;
  }
}

function dataArg(x: PyObj): Uint8Array {
  if (typeof x === 'string') return utf8(x);
  const b = bufferOf(x);
  if (!b) throw typeError('object with buffer protocol required');
  return b;
}

function hashType(algo: Algo): PyType {
  const t = new PyType(algo.name, [objectType]);
  t.$type = typeType;
  // hashlib.<algo>([data])
  t.construct = (cls: PyType, a: PyObj[], kw: Kw) => {
    noKw(kw);
    arity(a, 0, 1);
    const h = new PyHash(algo);
    h.$type = cls;
    if (a.length) h.update(dataArg(a[0]));
    return h;
  };
  methods(t, {
    // hash.update(data)
    update: (a) => { arity(a, 2); (a[0] as PyHash).update(dataArg(a[1])); return None; },
    // hash.digest()
    digest: (a) => { arity(a, 1); return new PyBytes((a[0] as PyHash).digest()); },
  });
  return t;
}

// Shared by every import (so uhashlib.sha256 is hashlib.sha256).
const types = { sha256: hashType(sha256), sha1: hashType(sha1), md5: hashType(md5) };

export function makeHashlib(): PyModule {
  return nativeModule('hashlib', {}, { ...types });
}
