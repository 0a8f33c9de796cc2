// set and frozenset: a JS Map from hash key to the original Python element.

import { PyType, objectType, type PyObj } from './object';
import { keyOf } from '../runtime/hash';
import { MpOrder, mpHash } from './mp-order';

export const setType = new PyType('set', [objectType]);
export const frozensetType = new PyType('frozenset', [objectType]);

export class PySet {
  declare $type: PyType;
  $d: Map<string, PyObj> | undefined = undefined;
  m = new Map<PyObj, PyObj>();
  /** MicroPython's slot order (see mp-order.ts); null once frozen into `m`'s order. */
  mo: MpOrder | null;
  constructor(public frozen = false, n = 0) { this.mo = new MpOrder(n); }
  add(x: PyObj): void {
    const k = keyOf(x);
    if (this.m.has(k)) return;
    this.m.set(k, x);
    if (this.mo !== null && !this.mo.add(k, mpHash(x))) this.freeze();
  }
  private freeze(): void {
    const mo = this.mo as MpOrder;
    this.mo = null;
    const old = this.m;
    this.m = new Map();
    for (const k of mo.keys()) this.m.set(k, old.get(k));
    for (const [k, v] of old) if (!this.m.has(k)) this.m.set(k, v);
  }
  has(x: PyObj): boolean { return this.m.has(keyOf(x)); }
  delete(x: PyObj): boolean { const k = keyOf(x); if (!this.m.delete(k)) return false; this.mo?.remove(k); return true; }
  get size(): number { return this.m.size; }
  /** Elements in iteration order. */
  items(): PyObj[] { return this.mo !== null ? this.mo.keys().map((k) => this.m.get(k)) : [...this.m.values()]; }
  clear(): void { this.m.clear(); this.mo = new MpOrder(0); }
  clone(frozen = this.frozen): PySet {
    const s = new PySet(frozen);
    // a frozenset's copy, union, difference... are frozensets too
    if (frozen) s.$type = frozensetType;
    s.m = new Map(this.m);
    s.mo = this.mo ? this.mo.clone() : null;
    return s;
  }
  /** Hash key of a frozenset: order-independent. */
  $key(): PyObj {
    const ks = [...this.m.keys()].map((k) => typeof k + ':' + String(k)).sort();
    return '\u0000{' + ks.join('\u0001');
  }
}
PySet.prototype.$type = setType;

export function mkSet(frozen: boolean, cls?: PyType, n = 0): PySet {
  const s = new PySet(frozen, n);
  if (frozen) s.$type = frozensetType;
  if (cls && cls !== setType && cls !== frozensetType) { s.$type = cls; s.$d = new Map(); }
  return s;
}
setType.alloc = (cls) => mkSet(false, cls);

// #region methods
import { methods, None, hooks, type PyObj as Obj } from './object';
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
  union: (a: Obj[]) => { const r = S(a).clone(); for (const o of a.slice(1)) for (const v of toArray(o)) r.add(v); return r; },
  intersection: (a: Obj[]) => setOp('and', S(a), a[1] instanceof PySet ? a[1] : asSet(a[1])),
  difference: (a: Obj[]) => { const r = S(a).clone(); for (const o of a.slice(1)) for (const v of toArray(o)) r.delete(v); return r; },
  symmetric_difference: (a: Obj[]) => setOp('xor', S(a), asSet(a[1])),
  issubset: (a: Obj[]) => { const o = asSet(a[1]); for (const k of S(a).m.keys()) if (!o.m.has(k)) return false; return true; },
  issuperset: (a: Obj[]) => { const s = S(a); for (const k of asSet(a[1]).m.keys()) if (!s.m.has(k)) return false; return true; },
  isdisjoint: (a: Obj[]) => { const s = S(a); for (const k of asSet(a[1]).m.keys()) if (s.m.has(k)) return false; return true; },
  copy: (a: Obj[]) => S(a).clone(),
  __len__: (a: Obj[]) => S(a).size,
  __contains__: (a: Obj[]) => S(a).has(a[1]),
  __iter__: (a: Obj[]) => new JsArrayIter(S(a).items()),
  __hash__: (a: Obj[]) => hooks.hash(a[0]),
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
    const items = s.items();
    if (!items.length) throw raiseOf(mkExc('KeyError', 'pop from an empty set'));
    s.delete(items[0]);
    return items[0];
  },
  clear: (a) => { M(a).clear(); return None; },
  update: (a) => { const s = M(a); for (const o of a.slice(1)) for (const v of toArray(o)) s.add(v); return None; },
  intersection_update: (a) => { const s = M(a); const r = setOp('and', s, asSet(a[1])); s.m = r.m; s.mo = r.mo; return None; },
  difference_update: (a) => { const s = M(a); for (const o of a.slice(1)) for (const v of toArray(o)) s.delete(v); return None; },
  symmetric_difference_update: (a) => { const s = M(a); for (const v of toArray(a[1])) { if (!s.delete(v)) s.add(v); } return None; },
  __init__: (a) => { if (a.length > 1) { const s = S(a); for (const v of toArray(a[1])) s.add(v); } return None; },
});
setType.dict.set('__hash__', None);
methods(frozensetType, shared);
// #endregion

arities(setType, { union: [2, 99], intersection: [2, 2], difference: [1, 99], add: [2, 2], remove: [2, 2], discard: [2, 2], pop: [1, 1], clear: [1, 1], copy: [1, 1], issubset: [2, 2], issuperset: [2, 2], isdisjoint: [2, 2], symmetric_difference: [2, 2], intersection_update: [2, 2], symmetric_difference_update: [2, 2] }, typeError);
arities(frozensetType, { union: [2, 99], intersection: [2, 2], difference: [1, 99], copy: [1, 1], issubset: [2, 2], issuperset: [2, 2], isdisjoint: [2, 2], symmetric_difference: [2, 2] }, typeError);
import { arities } from './object';
