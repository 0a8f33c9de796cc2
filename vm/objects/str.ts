// str: JS strings with code-point semantics (see str-util.ts). Methods as MicroPython has them.

import { strType, methods, None, type PyObj, type Kw } from './object';
import { pyErr, typeError } from './exception';
import { PyList } from './list';
import { PyTuple } from './tuple';
import { PyBytes, utf8, fromUtf8, bufferOf } from './bytes';
import { strLen, hasAstral, codePoints } from './str-util';
import { strHash } from './mp-order';
import { arity, argStr, argNum } from '../runtime/args';
import { str, repr, toArray, typeName } from '../runtime/ops';
import { chargeStr } from '../runtime/heap';
import { strFormat } from '../runtime/format';

const WS = /^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g;

function self(a: PyObj[]): string {
  const s = typeof a[0] === 'object' && a[0] !== null && typeof a[0].$prim === 'string' ? a[0].$prim : a[0];
  if (typeof s !== 'string') throw typeError(`descriptor requires a 'str' object but received a '${typeName(s)}'`);
  return s;
}

function optIdx(x: PyObj, d: number): number { return x === undefined || x === None ? d : argNum(x); }

/** start/end arguments of find/count/startswith, as UTF-16 offsets. */
function range(s: string, a: PyObj, b: PyObj): [number, number] {
  const n = s.length;
  let st = optIdx(a, 0); let en = optIdx(b, n);
  if (hasAstral(s)) {
    const cps = codePoints(s);
    const cn = cps.length;
    if (st < 0) st = Math.max(0, st + cn); if (en < 0) en = Math.max(0, en + cn);
    st = Math.min(st, cn); en = Math.min(en, cn);
    const off = (k: number) => cps.slice(0, k).join('').length;
    return [off(st), off(Math.max(st, en))];
  }
  if (st < 0) st = Math.max(0, st + n); if (en < 0) en = Math.max(0, en + n);
  return [Math.min(st, n), Math.min(en, n)];
}

function cpIndex(s: string, utf16: number): number {
  if (utf16 < 0 || !hasAstral(s)) return utf16;
  return strLen(s.slice(0, utf16));
}

function stripChars(s: string, chars: PyObj, left: boolean, right: boolean): string {
  if (chars === undefined || chars === None) {
    if (left && right) return s.replace(WS, '');
    if (left) return s.replace(/^[ \t\n\r\f\v]+/, '');
    return s.replace(/[ \t\n\r\f\v]+$/, '');
  }
  const cs = argStr(chars);
  let i = 0; let j = s.length;
  if (left) while (i < j && cs.includes(s[i])) i++;
  if (right) while (j > i && cs.includes(s[j - 1])) j--;
  return s.slice(i, j);
}

// MicroPython's unichar_isspace: ASCII whitespace only (no \xa0 or other Unicode spaces)
const NON_ASCII = /[^\x00-\x7f]/;
function isWs(c: string): boolean { return c === ' ' || (c >= '\t' && c <= '\r'); }

function split(s: string, sep: PyObj, maxsplit: number): string[] {
  if (sep === undefined || sep === None) {
    const out: string[] = [];
    let i = 0;
    const n = s.length;
    while (i < n) {
      while (i < n && isWs(s[i])) i++;
      if (i >= n) break;
      if (maxsplit >= 0 && out.length >= maxsplit) { out.push(s.slice(i)); return out; }
      let j = i;
      while (j < n && !isWs(s[j])) j++;
      out.push(s.slice(i, j));
      i = j;
    }
    return out;
  }
  const sp = argStr(sep);
  if (sp === '') throw pyErr('ValueError', 'empty separator');
  if (maxsplit < 0) return s.split(sp);
  const out: string[] = [];
  let i = 0;
  while (out.length < maxsplit) {
    const j = s.indexOf(sp, i);
    if (j < 0) break;
    out.push(s.slice(i, j));
    i = j + sp.length;
  }
  out.push(s.slice(i));
  return out;
}

function rsplit(s: string, sep: PyObj, maxsplit: number): string[] {
  if (maxsplit < 0) return split(s, sep, -1);
  // objstr.c str_rsplit: whitespace splitting from the right is not implemented
  if (sep === undefined || sep === None) throw pyErr('NotImplementedError', 'rsplit(None,n)');
  const sp = argStr(sep);
  if (sp === '') throw pyErr('ValueError', 'empty separator');
  const out: string[] = [];
  let j = s.length;
  while (out.length < maxsplit) {
    const i = s.lastIndexOf(sp, j - sp.length);
    if (i < 0 || j - sp.length < 0) break;
    out.unshift(s.slice(i + sp.length, j));
    j = i;
  }
  out.unshift(s.slice(0, j));
  return out;
}

function pyList(a: string[]): PyList { return new PyList(a); }

function isAll(s: string, re: RegExp): boolean { return s.length > 0 && re.test(s); }

function justify(a: PyObj[], mode: 'l' | 'r' | 'c'): string {
  const s = self(a); const w = argNum(a[1]); const f = a[2] === undefined ? ' ' : argStr(a[2]);
  const n = w - strLen(s);
  if (n <= 0) return s;
  if (mode === 'l') return s + f.repeat(n);
  if (mode === 'r') return f.repeat(n) + s;
  const left = Math.floor(n / 2) + (n & w & 1);
  return f.repeat(left) + s + f.repeat(n - left);
}

export function startsEnds(a: PyObj[], ends: boolean): boolean {
  const s = self(a);
  const [st, en] = range(s, a[2], a[3]);
  const sub = s.slice(st, en);
  const test = (p: PyObj) => { const x = argStr(p); return ends ? sub.endsWith(x) : sub.startsWith(x); };
  if (a[1] instanceof PyTuple) return a[1].items.some(test);
  if (typeof a[1] !== 'string') throw typeError(`can't convert '${typeName(a[1])}' object to str implicitly`);
  return test(a[1]);
}

// Python signatures as the first comment of each method
methods(strType, {
  // str.join(iterable)
  join: (a) => {
    const s = self(a);
    const parts = toArray(a[1]);
    for (const p of parts) if (typeof p !== 'string') throw typeError('join expects a list of str/bytes objects consistent with self object');
    const out = parts.join(s);
    chargeStr(out.length);
    return out;
  },
  // str.split(sep=None, maxsplit=-1)
  split: (a, kw) => pyList(split(self(a), a[1] ?? kw?.get('sep'), a[2] !== undefined ? argNum(a[2]) : kw?.has('maxsplit') ? argNum(kw.get('maxsplit')) : -1)),
  // str.rsplit(sep=None, maxsplit=-1)
  rsplit: (a, kw) => pyList(rsplit(self(a), a[1] ?? kw?.get('sep'), a[2] !== undefined ? argNum(a[2]) : kw?.has('maxsplit') ? argNum(kw.get('maxsplit')) : -1)),
  // str.splitlines(keepends=False)
  splitlines: (a, kw) => {
    const s = self(a); const keep = (a[1] ?? kw?.get('keepends')) === true;
    const out: string[] = [];
    let i = 0;
    while (i < s.length) {
      let j = i;
      while (j < s.length && s[j] !== '\n' && s[j] !== '\r') j++;
      let e = j;
      if (j < s.length) e = s[j] === '\r' && s[j + 1] === '\n' ? j + 2 : j + 1;
      out.push(keep ? s.slice(i, e) : s.slice(i, j));
      i = e;
    }
    return pyList(out);
  },
  // str.strip([chars])
  strip: (a) => stripChars(self(a), a[1], true, true),
  lstrip: (a) => stripChars(self(a), a[1], true, false),
  rstrip: (a) => stripChars(self(a), a[1], false, true),
  // str.replace(old, new[, count])
  replace: (a) => {
    const s = self(a); const o = argStr(a[1]); const n = argStr(a[2]);
    let count = a[3] === undefined ? -1 : argNum(a[3]);
    // '' matches before each character and once at the end ('' itself: once)
    if (count < 0) return o === '' ? (s === '' ? n : n + codePoints(s).join(n) + n) : s.split(o).join(n);
    let out = ''; let i = 0;
    if (o === '') {
      const cps = codePoints(s);
      for (let k = 0; k < cps.length; k++) { if (count > 0) { out += n; count--; } out += cps[k]; }
      return count > 0 ? out + n : out;
    }
    while (count-- > 0) { const j = s.indexOf(o, i); if (j < 0) break; out += s.slice(i, j) + n; i = j + o.length; }
    return out + s.slice(i);
  },
  // str.find(sub[, start[, end]])
  find: (a) => { const s = self(a); const [st, en] = range(s, a[2], a[3]); const sub = argStr(a[1]); const i = s.indexOf(sub, st); return i < 0 || i + sub.length > en ? -1 : cpIndex(s, i); },
  rfind: (a) => { const s = self(a); const [st, en] = range(s, a[2], a[3]); const sub = argStr(a[1]); const i = s.lastIndexOf(sub, en - sub.length); return i < 0 || i < st ? -1 : cpIndex(s, i); },
  // str.index(sub[, start[, end]])
  index: (a) => { const s = self(a); const [st, en] = range(s, a[2], a[3]); const sub = argStr(a[1]); const i = s.indexOf(sub, st); if (i < 0 || i + sub.length > en) throw pyErr('ValueError', 'substring not found'); return cpIndex(s, i); },
  rindex: (a) => { const s = self(a); const [st, en] = range(s, a[2], a[3]); const sub = argStr(a[1]); const i = s.lastIndexOf(sub, en - sub.length); if (i < 0 || i < st) throw pyErr('ValueError', 'substring not found'); return cpIndex(s, i); },
  // str.count(sub[, start[, end]])
  count: (a) => {
    const s = self(a); const [st, en] = range(s, a[2], a[3]); const sub = argStr(a[1]);
    const part = s.slice(st, en);
    if (sub === '') return strLen(part) + 1;
    let n = 0; let i = 0;
    for (;;) { const j = part.indexOf(sub, i); if (j < 0) return n; n++; i = j + sub.length; }
  },
  // str.startswith(prefix[, start[, end]])
  startswith: (a) => startsEnds(a, false),
  endswith: (a) => startsEnds(a, true),
  // unichar_toupper/tolower change ASCII letters only: 'é'.upper() is 'é' on a board
  upper: (a) => { const s = self(a); return NON_ASCII.test(s) ? s.replace(/[a-z]+/g, (m) => m.toUpperCase()) : s.toUpperCase(); },
  lower: (a) => { const s = self(a); return NON_ASCII.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s.toLowerCase(); },
  isdigit: (a) => isAll(self(a), /^[0-9]+$/),
  isalpha: (a) => isAll(self(a), /^[a-zA-Z]+$/),
  isspace: (a) => isAll(self(a), /^[ \t\n\r\f\v]+$/),
  isupper: (a) => { const s = self(a); return /[A-Z]/.test(s) && !/[a-z]/.test(s); },
  islower: (a) => { const s = self(a); return /[a-z]/.test(s) && !/[A-Z]/.test(s); },
  // str.center(width[, fillchar])
  center: (a) => justify(a, 'c'),
  // str.partition(sep)
  partition: (a) => {
    const s = self(a); const sep = argStr(a[1]);
    if (!sep) throw pyErr('ValueError', 'empty separator');
    const i = s.indexOf(sep);
    return new PyTuple(i < 0 ? [s, '', ''] : [s.slice(0, i), sep, s.slice(i + sep.length)]);
  },
  rpartition: (a) => {
    const s = self(a); const sep = argStr(a[1]);
    if (!sep) throw pyErr('ValueError', 'empty separator');
    const i = s.lastIndexOf(sep);
    return new PyTuple(i < 0 ? ['', '', s] : [s.slice(0, i), sep, s.slice(i + sep.length)]);
  },
  // str.encode(encoding='utf-8', errors='strict')
  encode: (a) => new PyBytes(utf8(self(a))),
  // str.format(*args, **kwargs)
  format: (a, kw) => strFormat(self(a), a.slice(1), kw),
  __len__: (a) => strLen(self(a)),
  __str__: (a) => self(a),
  __repr__: (a) => repr(self(a)),
  __hash__: (a) => strHash(self(a)),
});

/** str(x) / str(bytes, encoding) constructor. */
export function strConstruct(args: PyObj[], kw: Kw): string {
  void kw;
  arity(args, 0, 3);
  if (args.length === 0) return '';
  if (args.length >= 2) {
    const b = bufferOf(args[0]);
    if (!b) throw typeError('decoding to str: need a bytes-like object');
    return fromUtf8(b);
  }
  return str(args[0]);
}

arities(strType, {
  join: [2, 2], split: [1, 3], rsplit: [1, 3], splitlines: [1, 2], strip: [1, 2], lstrip: [1, 2], rstrip: [1, 2], replace: [3, 4],
  find: [2, 4], rfind: [2, 4], index: [2, 4], rindex: [2, 4], count: [2, 4], startswith: [2, 4], endswith: [2, 4], upper: [1, 1],
  lower: [1, 1], center: [2, 3], partition: [2, 2], rpartition: [2, 2], encode: [1, 3],
  isdigit: [1, 1], isalpha: [1, 1], isspace: [1, 1], isupper: [1, 1], islower: [1, 1],
}, typeError);
import { arities } from './object';
