// re: MicroPython's regular-expression subset on JS RegExp: compile, match, search, sub,
// split, findall; match objects with group/groups/start/end/span.

import { PyType, objectType, None, methods, type PyObj } from '../objects/object';
import { PyList } from '../objects/list';
import { PyTuple } from '../objects/tuple';
import { PyBytes, latin1, fromLatin1 } from '../objects/bytes';
import { pyErr, raiseOf, mkExc, typeError } from '../objects/exception';
import { translateRe15, type Re15 } from './re-syntax';
import type { PyModule } from '../objects/module';
import { argNum } from '../runtime/args';
import * as ops from '../runtime/ops';
import { nativeModule } from './util';

const patternType = new PyType('re', [objectType]);
const matchType = new PyType('match', [objectType]);

class PyPattern {
  declare $type: PyType;
  /** JS source of the pattern, checked and translated when compiled, as MicroPython does. */
  readonly js: Re15;
  constructor(public src: string, public flags: number, public bytes: boolean) { this.js = translateRe15(src); }
  re(g: string, d = ''): RegExp { return new RegExp(this.js.source, g + d + (this.flags & 2 ? 'i' : '') + (this.flags & 16 ? 'm' : '')); }
}
PyPattern.prototype.$type = patternType;
class PyMatch {
  declare $type: PyType;
  constructor(public m: RegExpExecArray, public s: string, public bytes: boolean, public p?: PyPattern) {}
  /** Group positions, found on demand: matching without the 'd' flag lets V8 fall back to its
   *  linear engine on a catastrophic pattern (vm/host/regexp-engine.ts). */
  indices(): RegExpIndicesArray | undefined {
    if (!this.m.indices && this.p) {
      const re = this.p.re('y', 'd');
      re.lastIndex = this.m.index;
      this.m.indices = re.exec(this.s)?.indices;
    }
    return this.m.indices;
  }
}
PyMatch.prototype.$type = matchType;


/** The text of a str or bytes argument (MicroPython takes nothing else). */
function txt(x: PyObj): string {
  if (x instanceof PyBytes) return latin1(x.b);
  if (typeof x === 'string') return x;
  throw typeError(`can't convert '${ops.typeName(x)}' object to str implicitly`);
}
function out(s: string | undefined, bytes: boolean): PyObj { return s === undefined ? None : bytes ? new PyBytes(fromLatin1(s)) : s; }
function pat(p: PyObj, flags = 0): PyPattern { return p instanceof PyPattern ? p : new PyPattern(txt(p), flags, p instanceof PyBytes); }

/** match/search from pos up to endpos (both clamped as modre.c does: `$` matches at endpos). */
function doMatch(p: PyPattern, s: PyObj, anchored: boolean, pos?: PyObj, endpos?: PyObj): PyObj {
  let str = txt(s);
  const start = pos === undefined ? 0 : Math.min(Math.max(argNum(pos), 0), str.length);
  if (endpos !== undefined) str = str.slice(0, Math.max(Math.min(argNum(endpos), str.length), start));
  const re = p.re(anchored ? 'y' : 'g');
  re.lastIndex = start;
  const m = re.exec(str);
  return m ? new PyMatch(m, str, s instanceof PyBytes, p) : None;
}

/** Each match in turn, stopping at the first empty one (as MicroPython's sub and split). */
function* nonEmptyMatches(p: PyPattern, str: string): Generator<RegExpExecArray> {
  const re = p.re('g');
  for (let m = re.exec(str); m !== null && m[0] !== ''; m = re.exec(str)) yield m;
}

/** A replacement template: \N and \g<N> insert group N (which must exist), \\ is one
 *  backslash, and a backslash before anything else is dropped. */
function expand(tpl: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < tpl.length; i++) {
    if (tpl[i] !== '\\') { out += tpl[i]; continue; }
    i++;
    let g = false;
    if (tpl[i] === 'g' && tpl[i + 1] === '<') { i += 2; g = true; }
    if (tpl[i] >= '0' && tpl[i] <= '9') {
      let n = '';
      while (tpl[i] >= '0' && tpl[i] <= '9') n += tpl[i++];
      if (!(g && tpl[i] === '>')) i--;
      const k = Number(n);
      if (!(k < m.length)) throw raiseOf(mkExc('IndexError', k < 2 ** 30 ? k : BigInt(n)));
      out += m[k] ?? '';
    } else if (tpl[i] === '\\') out += '\\';
    else i--;
  }
  return out;
}

function sub(p: PyPattern, repl: PyObj, s: PyObj, count: number): PyObj {
  const str = txt(s); const bytes = s instanceof PyBytes;
  let res = ''; let last = 0; let n = 0;
  for (const m of nonEmptyMatches(p, str)) {
    res += str.slice(last, m.index);
    const r = typeof repl === 'string' || repl instanceof PyBytes ? repl : ops.call1(repl, new PyMatch(m, str, bytes, p));
    res += expand(txt(r), m);
    last = m.index + m[0].length;
    if (count > 0 && ++n >= count) break;
  }
  return out(res + str.slice(last), bytes);
}

methods(patternType, {
  match: (a) => doMatch(a[0], a[1], true, a[2], a[3]),
  search: (a) => doMatch(a[0], a[1], false, a[2], a[3]),
  sub: (a) => sub(a[0], a[1], a[2], a.length > 3 ? argNum(a[3]) : 0),
  split: (a) => {
    const p = a[0] as PyPattern; const str = txt(a[1]); let max = a.length > 2 ? argNum(a[2]) : 0;
    const parts: string[] = [];
    let last = 0;
    for (const m of nonEmptyMatches(p, str)) {
      parts.push(str.slice(last, m.index));
      if (p.js.groups > 0) throw pyErr('NotImplementedError', 'splitting with sub-captures');
      last = m.index + m[0].length;
      if (max > 0 && --max === 0) break;
    }
    parts.push(str.slice(last));
    return new PyList(parts.map((x) => out(x, a[1] instanceof PyBytes)));
  },
  findall: (a) => {
    const p = a[0] as PyPattern; const str = txt(a[1]); const bytes = a[1] instanceof PyBytes;
    const res: PyObj[] = [];
    for (const m of str.matchAll(p.re('g'))) {
      if (m.length === 1) res.push(out(m[0], bytes));
      else if (m.length === 2) res.push(out(m[1] ?? '', bytes));
      else res.push(new PyTuple(m.slice(1).map((g) => out(g ?? '', bytes))));
    }
    return new PyList(res);
  },
});
/** match.span(i) as [start, end], (-1, -1) for a group that did not take part. */
function spanOf(a: PyObj[]): [number, number] {
  const m = a[0] as PyMatch;
  const i = a.length > 1 ? argNum(a[1]) : 0;
  if (i < 0 || i >= m.m.length) throw pyErr('IndexError', 'no such group');
  const s = m.indices()?.[i];
  return s ? [s[0], s[1]] : [-1, -1];
}

methods(matchType, {
  group: (a) => {
    const m = (a[0] as PyMatch);
    const gs = a.length > 1 ? a.slice(1) : [0];
    const vals = gs.map((g) => {
      if (typeof g === 'string') return out(m.m.groups?.[g], m.bytes);
      const i = argNum(g);
      if (i < 0 || i >= m.m.length) throw pyErr('IndexError', 'no such group');
      return out(m.m[i], m.bytes);
    });
    return vals.length === 1 ? vals[0] : new PyTuple(vals);
  },
  groups: (a) => new PyTuple((a[0] as PyMatch).m.slice(1).map((g) => out(g, (a[0] as PyMatch).bytes))),
  start: (a) => spanOf(a)[0],
  end: (a) => spanOf(a)[1],
  span: (a) => new PyTuple(spanOf(a)),
  __repr__: (a) => `<match num=${(a[0] as PyMatch).m.length}>`,
});

export function makeRe(): PyModule {
  return nativeModule('re', {
    // re.compile(regex[, flags])
    compile: (a) => pat(a[0], a.length > 1 ? argNum(a[1]) : 0),
    match: (a) => doMatch(pat(a[0], a[2] !== undefined ? argNum(a[2]) : 0), a[1], true),
    search: (a) => doMatch(pat(a[0], a[2] !== undefined ? argNum(a[2]) : 0), a[1], false),
    sub: (a) => sub(pat(a[0]), a[1], a[2], a.length > 3 ? argNum(a[3]) : 0),
    split: (a) => ops.callObj(patternType.dict.get('split'), [pat(a[0]), ...a.slice(1)], null),
    findall: (a) => ops.callObj(patternType.dict.get('findall'), [pat(a[0]), a[1]], null),
  }, { IGNORECASE: 2, I: 2, MULTILINE: 16, M: 16, DEBUG: 4096 });
}
