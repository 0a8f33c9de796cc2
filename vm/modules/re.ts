// re: MicroPython's regular-expression subset on JS RegExp: compile, match, search, sub,
// split, findall; match objects with group/groups/start/end/span.

import { PyType, objectType, None, methods, type PyObj } from '../objects/object';
import { PyList } from '../objects/list';
import { PyTuple } from '../objects/tuple';
import { PyBytes, latin1, fromLatin1 } from '../objects/bytes';
import { pyErr } from '../objects/exception';
import type { PyModule } from '../objects/module';
import { argNum } from '../runtime/args';
import * as ops from '../runtime/ops';
import { nativeModule } from './util';

const patternType = new PyType('re', [objectType]);
const matchType = new PyType('match', [objectType]);

class PyPattern { declare $type: PyType; constructor(public src: string, public flags: number, public bytes: boolean) {} re(g: string, d = ''): RegExp { return toRegExp(this.src, g + d + (this.flags & 2 ? 'i' : '') + (this.flags & 16 ? 'm' : '')); } }
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

function toRegExp(src: string, flags: string): RegExp {
  try { return new RegExp(src.replace(/\(\?P<(\w+)>/g, '(?<$1>').replace(/\(\?P=(\w+)\)/g, '\\k<$1>'), flags); } catch { throw pyErr('ValueError', 'error in regex'); }
}

function txt(x: PyObj): string { return x instanceof PyBytes ? latin1(x.b) : ops.str(x); }
function out(s: string | undefined, bytes: boolean): PyObj { return s === undefined ? None : bytes ? new PyBytes(fromLatin1(s)) : s; }
function pat(p: PyObj, flags = 0): PyPattern { return p instanceof PyPattern ? p : new PyPattern(txt(p), flags, p instanceof PyBytes); }

function doMatch(p: PyPattern, s: PyObj, anchored: boolean, pos = 0): PyObj {
  const str = txt(s);
  const re = p.re(anchored ? 'y' : 'g');
  re.lastIndex = pos;
  const m = re.exec(str);
  return m ? new PyMatch(m, str, s instanceof PyBytes, p) : None;
}

function sub(p: PyPattern, repl: PyObj, s: PyObj, count: number): PyObj {
  const str = txt(s); const bytes = s instanceof PyBytes;
  let n = 0;
  const r = str.replace(p.re('g'), (...args) => {
    if (count > 0 && n >= count) return args[0];
    n++;
    const groups = args.filter((x) => typeof x !== 'number' && typeof x !== 'object').slice(0, -1);
    if (typeof repl !== 'string' && !(repl instanceof PyBytes)) {
      const m = Object.assign([...groups], { index: 0, input: str }) as unknown as RegExpExecArray;
      return txt(ops.call1(repl, new PyMatch(m, str, bytes)));
    }
    return txt(repl).replace(/\\(\d+)|\\g<(\w+)>|\\n/g, (t, d, g) => (t === '\\n' ? '\n' : groups[Number(d ?? g)] ?? ''));
  });
  return out(r, bytes);
}

methods(patternType, {
  match: (a) => doMatch(a[0], a[1], true, a.length > 2 ? argNum(a[2]) : 0),
  search: (a) => doMatch(a[0], a[1], false, a.length > 2 ? argNum(a[2]) : 0),
  sub: (a) => sub(a[0], a[1], a[2], a.length > 3 ? argNum(a[3]) : 0),
  split: (a) => {
    const p = a[0] as PyPattern; const str = txt(a[1]); const max = a.length > 2 ? argNum(a[2]) : 0;
    const parts: string[] = [];
    const re = p.re('g'); let last = 0; let m: RegExpExecArray | null; let n = 0;
    while ((m = re.exec(str)) && (max <= 0 || n < max)) {
      if (m[0] === '') { re.lastIndex++; continue; }
      parts.push(str.slice(last, m.index), ...m.slice(1).map((g) => g as string));
      last = m.index + m[0].length; n++;
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
  start: (a) => { const m = a[0] as PyMatch; const i = a.length > 1 ? argNum(a[1]) : 0; return m.indices()?.[i]?.[0] ?? -1; },
  end: (a) => { const m = a[0] as PyMatch; const i = a.length > 1 ? argNum(a[1]) : 0; return m.indices()?.[i]?.[1] ?? -1; },
  span: (a) => { const m = a[0] as PyMatch; const i = a.length > 1 ? argNum(a[1]) : 0; const s = m.indices()?.[i]; return new PyTuple(s ? [s[0], s[1]] : [-1, -1]); },
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
