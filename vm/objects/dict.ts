// dict: insertion-ordered, backed by a JS Map keyed by hash.ts keys. `keys` remembers the
// original Python key only when it differs from its Map key (floats, bools, tuples...).

import { PyType, objectType, type PyObj } from './object';
import { keyOf } from '../runtime/hash';
import { MpOrder, mpHash } from './mp-order';
import { charge, need } from '../runtime/heap';

/**
 * A dict's slot table (8 bytes a slot) grows by about 1.4 when full, as MicroPython's does
 * (modelled as 8, 12, 16, 24, 32, 48 ... slots): the new table is made while the old one is
 * live, then the old one is garbage.
 */
function dictGrowth(d: PyDict, n: number): void {
  const pow2 = (n & (n - 1)) === 0;
  if (!pow2 && !(n % 3 === 0 && ((n / 3) & (n / 3 - 1)) === 0)) return;
  const next = pow2 ? n + n / 2 : (n / 3) * 4;
  need(next * 8, d);
  charge((next - n) * 8, d);
}

export const dictType = new PyType('dict', [objectType]);

export class PyDict {
  declare $type: PyType;
  $d: Map<string, PyObj> | undefined = undefined;
  /** Map key → value (lookups; iteration order only once `mo` is null). */
  m = new Map<PyObj, PyObj>();
  /** Map key → original Python key, for keys that are not their own Map key. */
  k: Map<PyObj, PyObj> | null = null;
  /** MicroPython's slot order (see mp-order.ts); null once frozen into `m`'s order. */
  mo: MpOrder | null;

  constructor(n = 0) { this.mo = new MpOrder(n); }

  get size(): number { return this.m.size; }

  get(key: PyObj): PyObj {
    return this.m.get(typeof key === 'string' ? key : keyOf(key));
  }

  set(key: PyObj, v: PyObj): void {
    const hk = typeof key === 'string' || typeof key === 'number' ? key : keyOf(key);
    if (!this.m.has(hk)) {
      if (hk !== key) (this.k ??= new Map()).set(hk, key);
      if (this.mo !== null && !this.mo.add(hk, mpHash(key))) this.freeze();
      const n = this.m.size;
      if ((n & 3) === 0 && n >= 8) dictGrowth(this, n);
    }
    this.m.set(hk, v);
  }

  /** Stops emulating MicroPython's slot order: `m` is rebuilt in the current order. */
  private freeze(): void {
    const mo = this.mo as MpOrder;
    this.mo = null;
    const old = this.m;
    this.m = new Map();
    for (const hk of mo.keys()) this.m.set(hk, old.get(hk));
    for (const [hk, v] of old) if (!this.m.has(hk)) this.m.set(hk, v);
  }

  /** Deletes; returns the old value or undefined. */
  delete(key: PyObj, sentinel = false): PyObj {
    const hk = typeof key === 'string' ? key : keyOf(key);
    const v = this.m.get(hk);
    if (v === undefined) return undefined;
    this.m.delete(hk);
    this.k?.delete(hk);
    this.mo?.remove(hk, sentinel);
    return v;
  }

  has(key: PyObj): boolean { return this.m.has(typeof key === 'string' ? key : keyOf(key)); }

  /** The Python key for a Map key. */
  pyKey(hk: PyObj): PyObj {
    if (this.k !== null) { const o = this.k.get(hk); if (o !== undefined) return o; }
    return hk;
  }

  /** Map keys in iteration order. */
  hkeys(): PyObj[] { return this.mo !== null ? this.mo.keys() : [...this.m.keys()]; }
  keys(): PyObj[] { return this.hkeys().map((hk) => this.pyKey(hk)); }
  values(): PyObj[] { return this.hkeys().map((hk) => this.m.get(hk)); }
  entries(): [PyObj, PyObj][] { return this.hkeys().map((hk) => [this.pyKey(hk), this.m.get(hk)]); }

  clear(): void { this.m.clear(); this.k = null; this.mo = new MpOrder(0); }

  /** Inserts all of o's entries in o's order (dict(o), update, {**o}). */
  copyFrom(o: PyDict): void {
    for (const hk of o.hkeys()) this.set(o.pyKey(hk), o.m.get(hk));
  }

  /** dict.copy(): same table layout, as MicroPython copies the table. */
  clone(): PyDict {
    const d = new PyDict();
    d.m = new Map(o2(this.m));
    d.k = this.k ? new Map(this.k) : null;
    d.mo = this.mo ? this.mo.clone() : null;
    return d;
  }
}
function o2<K, V>(m: Map<K, V>): Map<K, V> { return m; }
PyDict.prototype.$type = dictType;
dictType.alloc = (cls) => { const d = new PyDict(); if (cls !== dictType) { d.$type = cls; d.$d = new Map(); } return d; };

// #region methods
import { methods, None, PyClassMethod, hooks, type PyObj as Obj, type Kw } from './object';
import { pyErr, typeError, raiseOf, mkExc } from './exception';
import { PyTuple } from './tuple';
import { PyList } from './list';
import { JsIter, PyIter } from './iterator';
import { toArray, callObj, ga, gi, iter, repr, dictKeyIter, tickLoop } from '../runtime/ops';
import { PyType as PT } from './object';

// MicroPython has one view type, 'dict_view'; repr names the kind (dict_keys([...]))
export const dictKeysType = new PT('dict_view', [objectType]);
export const dictValuesType = new PT('dict_view', [objectType]);
export const dictItemsType = new PT('dict_view', [objectType]);

/** A dict view (keys/values/items): iterable, sized, and keys/items support `in`. */
export class PyDictView {
  declare $type: PyType;
  constructor(public d: PyDict, public kind: 'keys' | 'values' | 'items') {
    this.$type = kind === 'keys' ? dictKeysType : kind === 'values' ? dictValuesType : dictItemsType;
  }
  values(): Obj[] {
    const d = this.d;
    if (this.kind === 'keys') return d.keys();
    if (this.kind === 'values') return d.values();
    return d.entries().map(([k, v]) => new PyTuple([k, v]));
  }
  iter(): PyIter {
    const d = this.d;
    if (this.kind === 'keys') return dictKeyIter(d);
    const it = d.hkeys()[Symbol.iterator](); const kind = this.kind;
    return new JsIter({ next: () => {
      const r = it.next();
      if (r.done) return r;
      return { done: false, value: kind === 'values' ? d.m.get(r.value) : new PyTuple([d.pyKey(r.value), d.m.get(r.value)]) };
    } } as Iterator<Obj>);
  }
}

for (const vt of [dictKeysType, dictValuesType, dictItemsType]) {
  methods(vt, {
    __iter__: (a) => (a[0] as PyDictView).iter(),
    __len__: (a) => (a[0] as PyDictView).d.size,
    __contains__: (a) => {
      const v = a[0] as PyDictView;
      if (v.kind === 'keys') return v.d.has(a[1]);
      return v.values().some((x) => hooks.eq(x, a[1]));
    },
    __repr__: (a) => { const v = a[0] as PyDictView; return `dict_${v.kind}(${repr(new PyList(v.values()))})`; },
  });
}

function D(a: Obj[]): PyDict {
  const d = a[0];
  if (!(d instanceof PyDict)) throw typeError('descriptor requires a dict');
  return d;
}

/** dict.update / dict() argument handling. */
export function dictUpdate(d: PyDict, args: Obj[], kw: Kw): void {
  if (args.length > 1) throw typeError('function expected at most 1 arguments, got ' + args.length);
  const src = args[0];
  if (src !== undefined) {
    if (src instanceof PyDict) d.copyFrom(src);
    else if (typeof src === 'object' && src.$type.lookup('keys') !== undefined && !(src instanceof PyList)) {
      for (const k of toArray(callObj(ga(src, 'keys'), [], null))) d.set(k, gi(src, k));
    } else {
      const it = iter(src);
      for (let p = it.next(); p !== undefined; p = it.next()) {
        tickLoop(d.size);
        const kv = toArray(p);
        if (kv.length !== 2) throw pyErr('ValueError', 'dict update sequence has wrong length');
        d.set(kv[0], kv[1]);
      }
    }
  }
  if (kw) for (const [k, v] of kw) d.set(k, v);
}

methods(dictType, {
  // dict.get(key[, default])
  get: (a) => { const v = D(a).get(a[1]); return v === undefined ? (a[2] ?? None) : v; },
  // dict.keys() / values() / items()
  keys: (a) => new PyDictView(D(a), 'keys'),
  values: (a) => new PyDictView(D(a), 'values'),
  items: (a) => new PyDictView(D(a), 'items'),
  // dict.pop(key[, default])
  pop: (a) => {
    const v = D(a).delete(a[1]);
    if (v !== undefined) return v;
    if (a.length > 2) return a[2];
    throw raiseOf(mkExc('KeyError', a[1]));
  },
  // dict.popitem()
  popitem: (a) => {
    const d = D(a);
    if (!d.size) throw raiseOf(mkExc('KeyError', 'popitem(): dictionary is empty'));
    let hk: Obj;
    if (d.mo) hk = d.mo.first(); else for (const k of d.m.keys()) hk = k;
    const key = d.pyKey(hk);
    const v = d.delete(key, true);
    return new PyTuple([key, v]);
  },
  // dict.setdefault(key[, default])
  setdefault: (a) => { const d = D(a); const v = d.get(a[1]); if (v !== undefined) return v; const nv = a[2] ?? None; d.set(a[1], nv); return nv; },
  // dict.update([other], **kw)
  update: (a, kw) => { dictUpdate(D(a), a.slice(1), kw); return None; },
  clear: (a) => { D(a).clear(); return None; },
  copy: (a) => D(a).clone(),
  // dict.fromkeys(iterable[, value])
  fromkeys: (a) => { const d = new PyDict(); for (const k of toArray(a[1])) d.set(k, a[2] ?? None); return d; },
  __len__: (a) => D(a).size,
  __getitem__: (a) => { const v = D(a).get(a[1]); if (v === undefined) throw raiseOf(mkExc('KeyError', a[1])); return v; },
  __setitem__: (a) => { D(a).set(a[1], a[2]); return None; },
  __delitem__: (a) => { if (D(a).delete(a[1]) === undefined) throw raiseOf(mkExc('KeyError', a[1])); return None; },
  __contains__: (a) => D(a).has(a[1]),
  __iter__: (a) => dictKeyIter(D(a)),
  __repr__: (a) => repr(a[0]),
  __init__: (a, kw) => { dictUpdate(D(a), a.slice(1), kw); return None; },
});
dictType.dict.set('fromkeys', new PyClassMethod(new PyBuiltin('fromkeys', (a) => { const d = new PyDict(); for (const k of toArray(a[1])) d.set(k, a[2] ?? None); return d; })));
dictType.dict.set('__hash__', None);
import { PyBuiltin } from './object';
// #endregion

arities(dictType, { get: [2, 3], keys: [1, 1], values: [1, 1], items: [1, 1], pop: [2, 3], popitem: [1, 1], setdefault: [2, 3], clear: [1, 1], copy: [1, 1] }, typeError);
import { arities } from './object';
