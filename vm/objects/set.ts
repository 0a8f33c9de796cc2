// set and frozenset: a JS Map from hash key to the original Python element.

import { PyType, objectType, type PyObj } from './object';
import { keyOf } from '../runtime/hash';

export const setType = new PyType('set', [objectType]);
export const frozensetType = new PyType('frozenset', [objectType]);

export class PySet {
  declare $type: PyType;
  $d: Map<string, PyObj> | undefined = undefined;
  m = new Map<PyObj, PyObj>();
  constructor(public frozen = false) {}
  add(x: PyObj): void { const k = keyOf(x); if (!this.m.has(k)) this.m.set(k, x); }
  has(x: PyObj): boolean { return this.m.has(keyOf(x)); }
  delete(x: PyObj): boolean { return this.m.delete(keyOf(x)); }
  get size(): number { return this.m.size; }
  items(): PyObj[] { return [...this.m.values()]; }
  /** Hash key of a frozenset: order-independent. */
  $key(): PyObj {
    const ks = [...this.m.keys()].map((k) => typeof k + ':' + String(k)).sort();
    return '\u0000{' + ks.join('\u0001');
  }
}
PySet.prototype.$type = setType;

export function mkSet(frozen: boolean, cls?: PyType): PySet {
  const s = new PySet(frozen);
  if (frozen) s.$type = frozensetType;
  if (cls && cls !== setType && cls !== frozensetType) { s.$type = cls; s.$d = new Map(); }
  return s;
}
setType.alloc = (cls) => mkSet(false, cls);

// #region methods
import { methods, None, type PyObj as Obj } from './object';
import { pyErr, typeError, raiseOf, mkExc } from './exception';
import { toArray, setOp, repr } from '../runtime/ops';
import { JsArrayIter } from './iterator';

function S(a: Obj[]): PySet {
  const s = a[0];
  if (!(s instanceof PySet)) throw typeError('descriptor requires a set');
  return s;
}
function M(a: Obj[]): PySet { const s = S(a); if (s.frozen) throw pyErr('AttributeError', "'frozenset' object has no attribute"); return s; }
function asSet(x: Obj): PySet { if (x instanceof PySet) return x; const s = mkSet(false); for (const v of toArray(x)) s.add(v); return s; }

const shared = {
  // set.union(*others) etc.
  union: (a: Obj[]) => { let r = S(a); for (const o of a.slice(1)) r = setOp('or', r, asSet(o)); return r === a[0] ? setOp('or', r, mkSet(false)) : r; },
  intersection: (a: Obj[]) => { let r = setOp('or', S(a), mkSet(false)); for (const o of a.slice(1)) r = setOp('and', r, asSet(o)); return r; },
  difference: (a: Obj[]) => { let r = setOp('or', S(a), mkSet(false)); for (const o of a.slice(1)) r = setOp('sub', r, asSet(o)); return r; },
  symmetric_difference: (a: Obj[]) => setOp('xor', S(a), asSet(a[1])),
  issubset: (a: Obj[]) => { const o = asSet(a[1]); for (const k of S(a).m.keys()) if (!o.m.has(k)) return false; return true; },
  issuperset: (a: Obj[]) => { const s = S(a); for (const k of asSet(a[1]).m.keys()) if (!s.m.has(k)) return false; return true; },
  isdisjoint: (a: Obj[]) => { const s = S(a); for (const k of asSet(a[1]).m.keys()) if (s.m.has(k)) return false; return true; },
  copy: (a: Obj[]) => { const s = S(a); const r = mkSet(s.frozen); for (const [k, v] of s.m) r.m.set(k, v); return r; },
  __len__: (a: Obj[]) => S(a).size,
  __contains__: (a: Obj[]) => S(a).has(a[1]),
  __iter__: (a: Obj[]) => new JsArrayIter(S(a).items()),
  __repr__: (a: Obj[]) => repr(a[0]),
};

methods(setType, {
  ...shared,
  // set.add(x)
  add: (a) => { M(a).add(a[1]); return None; },
  // set.remove(x)
  remove: (a) => { if (!M(a).delete(a[1])) throw raiseOf(mkExc('KeyError', a[1])); return None; },
  discard: (a) => { M(a).delete(a[1]); return None; },
  // set.pop()
  pop: (a) => {
    const s = M(a);
    for (const [k, v] of s.m) { s.m.delete(k); return v; }
    throw raiseOf(mkExc('KeyError', 'pop from an empty set'));
  },
  clear: (a) => { M(a).m.clear(); return None; },
  update: (a) => { const s = M(a); for (const o of a.slice(1)) for (const v of toArray(o)) s.add(v); return None; },
  intersection_update: (a) => { const s = M(a); s.m = setOp('and', s, asSet(a[1])).m; return None; },
  difference_update: (a) => { const s = M(a); for (const o of a.slice(1)) s.m = setOp('sub', s, asSet(o)).m; return None; },
  symmetric_difference_update: (a) => { const s = M(a); s.m = setOp('xor', s, asSet(a[1])).m; return None; },
  __init__: (a) => { if (a.length > 1) { const s = S(a); for (const v of toArray(a[1])) s.add(v); } return None; },
});
setType.dict.set('__hash__', None);
methods(frozensetType, shared);
// #endregion
