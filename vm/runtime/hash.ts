// Hash keys: every hashable Python value maps to a JS Map key such that equal Python values
// (1 == 1.0 == True, equal tuples, equal frozensets) get the same key. Objects with the
// default identity equality are their own key; user __hash__/__eq__ objects share a key per
// group of equal objects (see userKey).

import { typeOf, None, PyInstance, PyType, PyBuiltin, hooks, type PyObj } from '../objects/object';
import { PyFloat } from '../objects/float';
import { PyTuple } from '../objects/tuple';
import { typeError } from '../objects/exception';
import { unhashable, hashOf } from './ops';

/** Returns the Map key for a Python value, raising TypeError when unhashable. */
export function keyOf(x: PyObj): PyObj {
  switch (typeof x) {
    case 'string': case 'number': case 'bigint': return x;
    case 'boolean': return x ? 1 : 0;
    case 'undefined': typeOf(x); // raises: a native read a missing argument
  }
  if (x instanceof PyFloat) {
    const v = x.v;
    if (Number.isInteger(v)) return Number.isSafeInteger(v) ? v + 0 : BigInt(v);
    return v;
  }
  if (x instanceof PyTuple) {
    if (x.$type !== undefined && x.$d !== undefined) return userKey(x);
    let s = '\u0000(';
    for (const it of x.items) s += keyStr(keyOf(it)) + '\u0001';
    return s;
  }
  if (x === None) return None;
  if (x.$prim !== undefined && (x.$type.lookup('__hash__') instanceof PyBuiltin || x.$type.lookup('__hash__') === undefined)) return keyOf(x.$prim);
  if (x instanceof PyInstance) return userKey(x);
  if (x instanceof PyType) return x;
  const t = typeOf(x);
  if (t.lookup('__hash__') === None) throw unhashable(x);
  void typeError;
  const fk = (x as { $key?: () => PyObj }).$key;
  if (fk) return fk.call(x);
  return x;
}

/** Objects with a user __hash__, by hash value: the first of each group of equal objects stands
 *  for the group as Map key, so equal objects are one key and unequal objects with the same hash
 *  stay apart (hash() is only 31 bits, so collisions are ordinary). Held weakly: a representative
 *  that no dict or set holds any more can go, and the next equal object takes its place. */
const buckets = new Map<number, WeakRef<object>[]>();
const sweeper = new FinalizationRegistry<number>((hv) => {
  const live = buckets.get(hv)?.filter((r) => r.deref() !== undefined);
  if (live === undefined || live.length === 0) buckets.delete(hv); else buckets.set(hv, live);
});

function remember(hv: number, x: object): void {
  const ref = new WeakRef(x);
  const bucket = buckets.get(hv);
  if (bucket === undefined) buckets.set(hv, [ref]); else bucket.push(ref);
  sweeper.register(x, hv);
}

function userKey(x: PyObj): PyObj {
  const h = typeOf(x).lookup('__hash__');
  if (h === None) throw unhashable(x);
  if (h === undefined || h instanceof PyBuiltin) return x;
  const hv = hashOf(x);
  const bucket = buckets.get(hv);
  if (bucket !== undefined) {
    for (const ref of bucket) {
      const o = ref.deref();
      if (o !== undefined && (o === x || hooks.eq(o, x))) return o;
    }
  }
  remember(hv, x);
  return x;
}

function keyStr(k: PyObj): string {
  switch (typeof k) {
    case 'string': return 's' + k.length + ':' + k;
    case 'number': return 'n' + k;
    case 'bigint': return 'n' + k.toString();
    default:
      if (k === None) return 'N';
      // identity-keyed object inside a tuple: give it a stable id
      return 'o' + objId(k);
  }
}

const ids = new WeakMap<object, number>();
let nextId = 1;
/** A stable small integer per object (used by id() and for identity keys in tuples). */
export function objId(o: object): number {
  let i = ids.get(o);
  if (i === undefined) { i = nextId++; ids.set(o, i); }
  return i;
}

