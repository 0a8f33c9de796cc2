// Native iterators. Every one implements next(): the next value, or undefined when exhausted
// (the VM's internal protocol; StopIteration only appears at the Python boundary).

import { PyType, objectType, type PyObj } from './object';

export const iteratorType = new PyType('iterator', [objectType]);

export abstract class PyIter {
  declare $type: PyType;
  $d: Map<string, PyObj> | undefined = undefined;
  abstract next(): PyObj;
}
PyIter.prototype.$type = iteratorType;

/** Iterates a JS array snapshot-free (sees appends, like list_iterator). */
export class ArrayIter extends PyIter {
  i = 0;
  constructor(private a: { items: PyObj[] }) { super(); }
  next(): PyObj { const it = this.a.items; return this.i < it.length ? it[this.i++] : undefined; }
}

/** Iterates a plain JS array. */
export class JsArrayIter extends PyIter {
  i = 0;
  constructor(private a: PyObj[]) { super(); }
  next(): PyObj { return this.i < this.a.length ? this.a[this.i++] : undefined; }
}

/** Wraps a JS iterator of Python values. */
export class JsIter extends PyIter {
  constructor(private it: Iterator<PyObj>) { super(); }
  next(): PyObj { const r = this.it.next(); return r.done ? undefined : r.value; }
}

export class StrIter extends PyIter {
  i = 0;
  constructor(private s: string) { super(); }
  next(): PyObj {
    const s = this.s;
    if (this.i >= s.length) return undefined;
    const c = s.charCodeAt(this.i);
    if (c >= 0xd800 && c < 0xdc00 && this.i + 1 < s.length) { const r = s.slice(this.i, this.i + 2); this.i += 2; return r; }
    return s[this.i++];
  }
}

/** A function-driven iterator (map, filter, zip, enumerate... build on it). */
export class FnIter extends PyIter {
  constructor(private f: () => PyObj, type?: PyType) { super(); if (type) this.$type = type; }
  next(): PyObj { return this.f(); }
}
