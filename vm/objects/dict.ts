// dict: insertion-ordered, backed by a JS Map keyed by hash.ts keys. `keys` remembers the
// original Python key only when it differs from its Map key (floats, bools, tuples...).

import { PyType, objectType, type PyObj } from './object';
import { keyOf } from '../runtime/hash';

export const dictType = new PyType('dict', [objectType]);

export class PyDict {
  declare $type: PyType;
  $d: Map<string, PyObj> | undefined = undefined;
  /** Map key → value. */
  m = new Map<PyObj, PyObj>();
  /** Map key → original Python key, for keys that are not their own Map key. */
  k: Map<PyObj, PyObj> | null = null;

  get size(): number { return this.m.size; }

  get(key: PyObj): PyObj {
    return this.m.get(typeof key === 'string' ? key : keyOf(key));
  }

  set(key: PyObj, v: PyObj): void {
    if (typeof key === 'string' || typeof key === 'number') { this.m.set(key, v); return; }
    const hk = keyOf(key);
    if (hk !== key && !this.m.has(hk)) (this.k ??= new Map()).set(hk, key);
    this.m.set(hk, v);
  }

  /** Deletes; returns the old value or undefined. */
  delete(key: PyObj): PyObj {
    const hk = typeof key === 'string' ? key : keyOf(key);
    const v = this.m.get(hk);
    if (v === undefined) return undefined;
    this.m.delete(hk);
    this.k?.delete(hk);
    return v;
  }

  has(key: PyObj): boolean { return this.m.has(typeof key === 'string' ? key : keyOf(key)); }

  /** The Python key for a Map key. */
  pyKey(hk: PyObj): PyObj {
    if (this.k !== null) { const o = this.k.get(hk); if (o !== undefined) return o; }
    return hk;
  }

  keys(): PyObj[] { const out: PyObj[] = []; for (const hk of this.m.keys()) out.push(this.pyKey(hk)); return out; }
  values(): PyObj[] { return [...this.m.values()]; }
  entries(): [PyObj, PyObj][] { const out: [PyObj, PyObj][] = []; for (const [hk, v] of this.m) out.push([this.pyKey(hk), v]); return out; }

  clear(): void { this.m.clear(); this.k = null; }

  copyFrom(o: PyDict): void {
    for (const [hk, v] of o.m) { this.m.set(hk, v); const ok = o.k?.get(hk); if (ok !== undefined) (this.k ??= new Map()).set(hk, ok); }
  }
}
PyDict.prototype.$type = dictType;
dictType.alloc = (cls) => { const d = new PyDict(); if (cls !== dictType) { d.$type = cls; d.$d = new Map(); } return d; };

// #region methods
import { methods, None, PyClassMethod, type PyObj as Obj, type Kw } from './object';
import { pyErr, typeError, raiseOf, mkExc } from './exception';
import { PyTuple } from './tuple';
import { PyList } from './list';
import { JsIter, PyIter } from './iterator';
import { toArray, callObj, ga, gi, iter, repr, dictKeyIter } from '../runtime/ops';
import { PyType as PT } from './object';

export const dictKeysType = new PT('dict_keys', [objectType]);
export const dictValuesType = new PT('dict_values', [objectType]);
export const dictItemsType = new PT('dict_items', [objectType]);

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
    const it = d.m.entries(); const size = d.size; const kind = this.kind;
    return new JsIter({ next: () => {
      if (d.size !== size) throw pyErr('RuntimeError', 'dictionary changed size during iteration');
      const r = it.next();
      if (r.done) return r;
      return { done: false, value: kind === 'values' ? r.value[1] : new PyTuple([d.pyKey(r.value[0]), r.value[1]]) };
    } } as Iterator<Obj>);
  }
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
    let last: Obj;
    for (const k of d.m.keys()) last = k;
    const key = d.pyKey(last); const v = d.m.get(last);
    d.m.delete(last); d.k?.delete(last);
    return new PyTuple([key, v]);
  },
  // dict.setdefault(key[, default])
  setdefault: (a) => { const d = D(a); const v = d.get(a[1]); if (v !== undefined) return v; const nv = a[2] ?? None; d.set(a[1], nv); return nv; },
  // dict.update([other], **kw)
  update: (a, kw) => { dictUpdate(D(a), a.slice(1), kw); return None; },
  clear: (a) => { D(a).clear(); return None; },
  copy: (a) => { const d = new PyDict(); d.copyFrom(D(a)); return d; },
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
