// list: a growable JS array wrapper.

import { PyType, objectType, type PyObj } from './object';
import { charge, chargeNew, blocks } from '../runtime/heap';

export const listType = new PyType('list', [objectType]);

export class PyList {
  declare $type: PyType;
  $d: Map<string, PyObj> | undefined = undefined;
  // the list object and its item array (at least 4 slots), as MicroPython allocates them
  constructor(public items: PyObj[]) { chargeNew(16 + blocks(Math.max(4, items.length) * 4), this); }
}
PyList.prototype.$type = listType;
listType.alloc = (cls) => { const l = new PyList([]); if (cls !== listType) { l.$type = cls; l.$d = new Map(); } return l; };

// #region methods (need runtime ops; used only at call time)
import { methods, None, type PyObj as Obj, type Kw } from './object';
import { pyErr, typeError } from './exception';
import { PyTuple, tupleType } from './tuple';
import { eq, lt, callObj, toArray, extendList, truthy, repr, seqIndex, checkAlloc } from '../runtime/ops';
import { arity, argNum } from '../runtime/args';

function L(a: Obj[]): PyList {
  const l = a[0];
  if (!(l instanceof PyList)) throw typeError('descriptor requires a list');
  return l;
}

/**
 * Sorts a JS array of Python values in place with Python's `<`, in the order MicroPython
 * produces. MicroPython's list.sort is an unstable quicksort (objlist.c mp_quicksort), so
 * equal keys can come out in a different order than CPython's. We sort stably (fast,
 * O(n log n)); when keys tie, the order is replayed with MicroPython's quicksort for lists
 * up to 20000 items (beyond that its quadratic cases could hang; we keep the stable order).
 */
export function sortValues(items: Obj[], key: Obj, reverse: boolean): void {
  const n = items.length;
  if (n < 2) return;
  const keys = key !== undefined && key !== None ? items.map((x) => callObj(key, [x], null)) : items;
  let allNum = true; let allStr = true;
  for (const k of keys) { if (typeof k !== 'number') allNum = false; if (typeof k !== 'string') allStr = false; }
  if (keys === items && (allNum || allStr)) {
    // equal ints/strs are indistinguishable, so any correct sort gives MicroPython's result
    if (allNum) items.sort(reverse ? (x, y) => y - x : (x, y) => x - y);
    else items.sort(reverse ? (x, y) => (x < y ? 1 : x > y ? -1 : 0) : (x, y) => (x < y ? -1 : x > y ? 1 : 0));
    return;
  }
  const less: (a: Obj, b: Obj) => boolean = allNum || allStr ? (a, b) => a < b : (a, b) => truthy(lt(a, b));
  const idx = new Array<number>(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const cmp = allNum ? (i: number, j: number) => keys[i] - keys[j] : (i: number, j: number) => (less(keys[i], keys[j]) ? -1 : less(keys[j], keys[i]) ? 1 : 0);
  idx.sort(reverse ? (i, j) => cmp(j, i) : cmp);
  let ties = false;
  for (let i = 1; i < n && !ties; i++) if (!less(keys[idx[i - 1]], keys[idx[i]]) && !less(keys[idx[i]], keys[idx[i - 1]])) ties = true;
  if (ties && n <= 20000) {
    for (let i = 0; i < n; i++) idx[i] = i;
    mpQuicksort(idx, keys, 0, n - 1, less, !reverse);
  }
  const copy = items.slice();
  for (let i = 0; i < n; i++) items[i] = copy[idx[i]];
}

/** MicroPython's mp_quicksort over an index array (want = the `<` result that means "in order"). */
function mpQuicksort(a: number[], keys: Obj[], head: number, tail: number, less: (x: Obj, y: Obj) => boolean, want: boolean): void {
  while (head < tail) {
    let h = head - 1;
    let t = tail;
    const v = keys[a[tail]];
    for (;;) {
      do ++h; while (h < t && less(keys[a[h]], v) === want);
      do --t; while (h < t && less(v, keys[a[t]]) === want);
      if (h >= t) break;
      const x = a[h]; a[h] = a[t]; a[t] = x;
    }
    const x = a[h]; a[h] = a[tail]; a[tail] = x;
    if (t - head < tail - h - 1) { mpQuicksort(a, keys, head, t, less, want); head = h + 1; }
    else { mpQuicksort(a, keys, h + 1, tail, less, want); tail = t; }
  }
}

function indexIn(items: Obj[], x: Obj, start: Obj, stop: Obj): number {
  const n = items.length;
  let s = start === undefined ? 0 : argNum(start); let e = stop === undefined ? n : argNum(stop);
  if (s < 0) s = Math.max(0, s + n); if (e < 0) e = Math.max(0, e + n);
  for (let i = s; i < Math.min(e, n); i++) if (items[i] === x || eq(items[i], x)) return i;
  throw pyErr('ValueError', 'object not in sequence');
}

methods(listType, {
  // list.append(x)
  append: (a) => {
    arity(a, 2); const it = L(a).items; it.push(a[1]);
    // MicroPython doubles the item array when it is full: count the growth at the same sizes
    const full = it.length - 1;
    if (full >= 4 && (full & (full - 1)) === 0) { checkAlloc(it.length * 4); charge(full * 4, a[0]); }
    return None;
  },
  // list.extend(iterable)
  extend: (a) => { arity(a, 2); const n = L(a).items.length; extendList(L(a), a[1]); checkAlloc(L(a).items.length * 4); charge((L(a).items.length - n) * 4, a[0]); return None; },
  // list.insert(i, x)
  insert: (a) => {
    arity(a, 3);
    const it = L(a).items; let i = argNum(a[1]);
    if (i < 0) i = Math.max(0, i + it.length); if (i > it.length) i = it.length;
    it.splice(i, 0, a[2]); return None;
  },
  // list.pop([i])
  pop: (a) => {
    const it = L(a).items;
    if (!it.length) throw pyErr('IndexError', 'pop from empty list');
    if (a.length < 2) return it.pop();
    const i = seqIndex(a[1], it.length, 'list');
    return it.splice(i, 1)[0];
  },
  // list.remove(x)
  remove: (a) => { const it = L(a).items; it.splice(indexIn(it, a[1], undefined, undefined), 1); return None; },
  // list.index(x[, start[, end]])
  index: (a) => indexIn(L(a).items, a[1], a[2], a[3]),
  // list.count(x)
  count: (a) => { let n = 0; for (const x of L(a).items) if (x === a[1] || eq(x, a[1])) n++; return n; },
  // list.clear()
  clear: (a) => { L(a).items.length = 0; return None; },
  // list.copy()
  copy: (a) => new PyList(L(a).items.slice()),
  // list.reverse()
  reverse: (a) => { L(a).items.reverse(); return None; },
  // list.sort(*, key=None, reverse=False)
  sort: (a, kw: Kw) => {
    if (a.length > 1) throw typeError('extra positional arguments given');
    sortValues(L(a).items, kw?.get('key'), truthy(kw?.get('reverse') ?? false));
    return None;
  },
  __len__: (a) => L(a).items.length,
  __repr__: (a) => repr(a[0]),
  __iter__: (a) => new ArrayIter(L(a)),
  __getitem__: (a) => gi(a[0], a[1]),
  __setitem__: (a) => { si(a[0], a[1], a[2]); return None; },
  __init__: (a) => { if (a.length > 1) { L(a).items = toArray(a[1]); } return None; },
});
listType.dict.set('__hash__', None);

methods(tupleType, {
  // tuple.index(x[, start[, end]])
  index: (a) => indexIn((a[0] as PyTuple).items, a[1], a[2], a[3]),
  // tuple.count(x)
  count: (a) => { let n = 0; for (const x of (a[0] as PyTuple).items) if (x === a[1] || eq(x, a[1])) n++; return n; },
  __len__: (a) => (a[0] as PyTuple).items.length,
  __iter__: (a) => new ArrayIter(a[0] as PyTuple),
  __getitem__: (a) => gi(a[0], a[1]),
});
import { ArrayIter } from './iterator';
import { gi, si } from '../runtime/ops';
void toArray;
// #endregion

arities(listType, { append: [2, 2], extend: [2, 2], insert: [3, 3], pop: [1, 2], remove: [2, 2], index: [2, 4], count: [2, 2], clear: [1, 1], copy: [1, 1], reverse: [1, 1] }, typeError);
arities(tupleType, { index: [2, 4], count: [2, 2] }, typeError);
import { arities } from './object';
