// Code-point indexing for JS strings: strings without surrogates (almost all) use the
// fast UTF-16 path; strings with astral characters are indexed by code point.

import { pyErr, typeError } from './exception';
import { PySlice, sliceArray, sliceIndices } from './slice';
import type { PyObj } from './object';

const SURR = /[\ud800-\udfff]/;
let lastStr = '';
let lastAstral = false;

/** True when the string holds characters outside the BMP. */
export function hasAstral(s: string): boolean {
  if (s.length < 2) return false;
  if (s === lastStr) return lastAstral;
  lastStr = s;
  lastAstral = SURR.test(s);
  return lastAstral;
}

export function strLen(s: string): number {
  if (!hasAstral(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c < 0xd800 || c >= 0xdc00) n++; }
  return n;
}

export function codePoints(s: string): string[] { return Array.from(s); }

export function strIndex(s: string, k: PyObj): string {
  let i: number;
  if (typeof k === 'number') i = k;
  else if (typeof k === 'boolean') i = k ? 1 : 0;
  else if (typeof k === 'bigint') throw pyErr('IndexError', 'string index out of range');
  else throw typeError(`string indices must be integers, not ${typeof k === 'string' ? 'str' : k?.$type?.name ?? typeof k}`);
  if (!hasAstral(s)) {
    if (i < 0) i += s.length;
    if (i < 0 || i >= s.length) throw pyErr('IndexError', 'string index out of range');
    return s[i];
  }
  const cps = codePoints(s);
  if (i < 0) i += cps.length;
  if (i < 0 || i >= cps.length) throw pyErr('IndexError', 'string index out of range');
  return cps[i];
}

export function strSlice(s: string, k: PySlice): string {
  if (!hasAstral(s)) {
    const [start, stop, step] = sliceIndices(k, s.length);
    if (step === 1) return start < stop ? s.slice(start, stop) : '';
    return sliceArray(s.split(''), k).join('');
  }
  return sliceArray(codePoints(s), k).join('');
}
