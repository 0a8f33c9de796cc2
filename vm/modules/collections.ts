// collections: namedtuple, OrderedDict and deque as MicroPython's modcollections.c has them
// (namedtuple without _fields/_asdict/_replace/_make; deque(iterable, maxlen[, flags]) with
// only append/appendleft/extend/pop/popleft, indexing and iteration), plus defaultdict,
// which MicroPython gets from micropython-lib; here it is a dict subclass as in CPython.

import {
  PyType, typeType, objectType, methods, None, PyBuiltin, PyProperty, typeOf, type PyObj, type Kw,
} from '../objects/object';
import { PyTuple, tupleType } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyDict, dictType, dictUpdate } from '../objects/dict';
import { PyFunction } from '../objects/function';
import { PyIter } from '../objects/iterator';
import { PySlice } from '../objects/slice';
import { pyErr, typeError, raiseOf, mkExc } from '../objects/exception';
import { argInt, arity, noKw } from '../runtime/args';
import * as ops from '../runtime/ops';
import type { PyModule } from '../objects/module';
import { nativeModule } from './util';

/**
 * A Python-level function with a native body. The runtime only dispatches __repr__ and
 * __getitem__ of tuple/dict subclasses to non-builtin functions, so these slots use it.
 */
function slotFunction(name: string, argnames: string[], fn: (...a: PyObj[]) => PyObj): PyFunction {
  const f = new PyFunction(fn, {
    name, qualname: name, file: '<collections>', argnames, posonly: 0, vararg: false, kwonly: [], varkw: false,
    isGen: false, isAsync: false, nargs: argnames.length,
  }, null, null);
  slotFunctions.add(f);
  return f;
}

/** The slot functions above: json prints these types as their native base (dict) would. */
export const slotFunctions = new WeakSet<PyFunction>();
/** Every namedtuple type (json prints namedtuples with their repr, as MicroPython does). */
export const namedTupleTypes = new WeakSet<PyType>();

/** A class implemented natively whose instances are tuples or dicts (see slotFunction). */
function subclassType(name: string, base: PyType): PyType {
  const t = new PyType(name, [base]);
  t.$type = typeType;
  t.native = false;
  return t;
}

/**
 * Gives t a builtin __new__ over t.construct, so Python subclasses are built by it too
 * (typeCall otherwise finds the inherited object.__new__ and makes a plain instance).
 */
function setNew(t: PyType): void {
  t.dict.set('__new__', new PyBuiltin('__new__', (a, kw) => (t.construct as NonNullable<PyType['construct']>)(a[0], a.slice(1), kw)));
  PyType.version++;
}

// #region namedtuple

function fieldNames(x: PyObj): string[] {
  if (typeof x === 'string') return x.split(/\s+/).filter(Boolean);
  if (!(x instanceof PyList || x instanceof PyTuple)) throw typeError(`object '${ops.typeName(x)}' isn't a tuple or list`);
  return x.items.map((f) => { if (typeof f !== 'string') throw typeError(`can't convert '${ops.typeName(f)}' object to str implicitly`); return f; });
}

const cantSet = new PyBuiltin('__set__', () => { throw pyErr('AttributeError', "can't set attribute"); });

// collections.namedtuple(name, fields)
function namedtuple(a: PyObj[], kw: Kw): PyType {
  noKw(kw);
  arity(a, 2);
  return makeNamedTuple(ops.str(a[0]), fieldNames(a[1]));
}

/** A namedtuple type for native code too (os.uname_result...); `make` builds an instance. */
export function makeNamedTuple(name: string, fields: string[]): PyType & { make(items: PyObj[]): PyTuple } {
  const n = fields.length;
  const t = subclassType(name, tupleType);
  namedTupleTypes.add(t);
  t.construct = (cls, args, ckw) => {
    const given = args.length + (ckw ? ckw.size : 0);
    if (given !== n) throw typeError(`${name}() takes ${n} positional arguments but ${given} were given`);
    const items: PyObj[] = args.slice();
    if (ckw) {
      for (const [k, v] of ckw) {
        const i = fields.indexOf(k);
        if (i < 0) throw typeError(`unexpected keyword argument '${k}'`);
        if (items[i] !== undefined) throw typeError(`function got multiple values for argument '${k}'`);
        items[i] = v;
      }
    }
    const tup = new PyTuple(items);
    tup.$type = cls;
    if (cls !== t) (tup as PyTuple & { $d: Map<string, PyObj> }).$d = new Map();
    return tup;
  };
  fields.forEach((f, i) => t.dict.set(f, new PyProperty(new PyBuiltin(f, (s) => (s[0] as PyTuple).items[i]), cantSet, None, None)));
  // Subclasses print with the namedtuple's own name, as in MicroPython.
  t.dict.set('__repr__', slotFunction('__repr__', ['self'], (self: PyTuple) =>
    `${name}(${fields.map((f, i) => `${f}=${ops.repr(self.items[i])}`).join(', ')})`));
  // Indexes the tuple directly (tuple subclasses otherwise recurse through tuple.__getitem__).
  t.dict.set('__getitem__', slotFunction('__getitem__', ['self', 'index'], (self: PyTuple, k: PyObj) => ops.gi(new PyTuple(self.items), k)));
  setNew(t);
  return Object.assign(t, { make(items: PyObj[]): PyTuple { const tup = new PyTuple(items); tup.$type = t; return tup; } });
}

// #endregion

// #region OrderedDict and defaultdict

/** A dict that keeps insertion order (plain dicts emulate MicroPython's hash-table order). */
class PyOrderedDict extends PyDict {
  constructor() { super(); this.mo = null; }
  override clear(): void { super.clear(); this.mo = null; }
  override clone(): PyDict {
    const d = new PyOrderedDict();
    d.$type = this.$type;
    if (this.$d) d.$d = new Map();
    d.copyFrom(this);
    return d;
  }
}

function dictBody(d: PyDict): string {
  return '{' + d.entries().map(([k, v]) => ops.repr(k) + ': ' + ops.repr(v)).join(', ') + '}';
}

function orderedDictType(): PyType {
  const t = subclassType('OrderedDict', dictType);
  // collections.OrderedDict([mapping_or_iterable], **kwargs)
  t.construct = (cls, args, kw) => {
    const d = new PyOrderedDict();
    d.$type = cls;
    if (cls !== t) d.$d = new Map();
    dictUpdate(d, args, kw);
    return d;
  };
  t.dict.set('__repr__', slotFunction('__repr__', ['self'], (self: PyDict) => `${typeOf(self).name}(${dictBody(self)})`));
  setNew(t);
  return t;
}

class PyDefaultDict extends PyDict {
  factory: PyObj = None;
  override clone(): PyDict {
    const d = new PyDefaultDict();
    d.$type = this.$type;
    d.$d = new Map();
    d.factory = this.factory;
    d.copyFrom(this);
    return d;
  }
}

function missing(d: PyDefaultDict, k: PyObj): PyObj {
  if (d.factory === None) throw raiseOf(mkExc('KeyError', k));
  const v = ops.callObj(d.factory, [], null);
  d.set(k, v);
  return v;
}

function defaultdictType(): PyType {
  const t = subclassType('defaultdict', dictType);
  // collections.defaultdict(default_factory=None, [mapping_or_iterable], **kwargs)
  t.construct = (cls, args, kw) => {
    const d = new PyDefaultDict();
    d.$type = cls;
    d.$d = new Map(); // a $d sends d[k] through __getitem__
    d.factory = args.length ? args[0] : None;
    dictUpdate(d, args.slice(1), kw);
    return d;
  };
  t.dict.set('__getitem__', slotFunction('__getitem__', ['self', 'key'], (self: PyDefaultDict, k: PyObj) => {
    const v = self.get(k);
    return v !== undefined ? v : missing(self, k);
  }));
  t.dict.set('__repr__', slotFunction('__repr__', ['self'], (self: PyDefaultDict) => `${typeOf(self).name}(${ops.repr(self.factory)}, ${dictBody(self)})`));
  methods(t, {
    // defaultdict.__missing__(key)
    __missing__: (a) => { arity(a, 2); return missing(a[0], a[1]); },
  });
  t.dict.set('default_factory', new PyProperty(
    new PyBuiltin('default_factory', (a) => (a[0] as PyDefaultDict).factory),
    new PyBuiltin('default_factory', (a) => { (a[0] as PyDefaultDict).factory = a[1]; return None; }), None, None));
  setNew(t);
  return t;
}

// #endregion

// #region deque

/** MicroPython's deque: a ring buffer of maxlen + 1 slots (one always free). */
class PyDeque {
  declare $type: PyType;
  items: PyObj[];
  iGet = 0;
  iPut = 0;
  constructor(readonly maxlen: number, readonly checkOverflow: boolean) { this.items = new Array(maxlen + 1); }
  get alloc(): number { return this.items.length; }
  get length(): number { return (this.iPut - this.iGet + this.alloc) % this.alloc; }

  append(x: PyObj): void {
    const next = (this.iPut + 1) % this.alloc;
    if (this.checkOverflow && next === this.iGet) throw pyErr('IndexError', 'full');
    this.items[this.iPut] = x;
    this.iPut = next;
    if (this.iGet === next) this.iGet = (this.iGet + 1) % this.alloc;
  }

  appendleft(x: PyObj): void {
    const prev = (this.iGet + this.alloc - 1) % this.alloc;
    if (this.checkOverflow && prev === this.iPut) throw pyErr('IndexError', 'full');
    this.iGet = prev;
    this.items[prev] = x;
    if (this.iPut === prev) this.iPut = (this.iPut + this.alloc - 1) % this.alloc;
  }

  popleft(): PyObj {
    if (this.iGet === this.iPut) throw pyErr('IndexError', 'empty');
    const v = this.items[this.iGet];
    this.items[this.iGet] = undefined;
    this.iGet = (this.iGet + 1) % this.alloc;
    return v;
  }

  pop(): PyObj {
    if (this.iGet === this.iPut) throw pyErr('IndexError', 'empty');
    this.iPut = (this.iPut + this.alloc - 1) % this.alloc;
    const v = this.items[this.iPut];
    this.items[this.iPut] = undefined;
    return v;
  }

  /** The ring slot of a Python index. */
  slot(k: PyObj): number {
    if (k instanceof PySlice || (typeof k !== 'number' && typeof k !== 'bigint' && typeof k !== 'boolean')) {
      throw typeError(`deque indices must be integers, not ${ops.typeName(k)}`);
    }
    let i = Number(argInt(k));
    const len = this.length;
    if (i < 0) i += len;
    if (i < 0 || i >= len) throw pyErr('IndexError', 'deque index out of range');
    return (this.iGet + i) % this.alloc;
  }
}

/** Iterates ring slots from the read position until the write position, as MicroPython does. */
class DequeIter extends PyIter {
  private cur: number;
  constructor(private d: PyDeque) { super(); this.cur = d.iGet; }
  next(): PyObj {
    const d = this.d;
    if (this.cur === d.iPut) return undefined;
    const v = d.items[this.cur];
    this.cur = (this.cur + 1) % d.alloc;
    return v;
  }
}

function dequeType(): PyType {
  const t = new PyType('deque', [objectType]);
  t.$type = typeType;
  const D = (a: PyObj[]): PyDeque => {
    if (!(a[0] instanceof PyDeque)) throw typeError('descriptor requires a deque');
    return a[0];
  };
  // collections.deque(iterable, maxlen[, flags])
  t.construct = (cls, args, kw) => {
    noKw(kw);
    arity(args, 2, 3);
    const maxlen = Number(argInt(args[1]));
    if (maxlen < 0) throw pyErr('ValueError');
    const d = new PyDeque(maxlen, args.length > 2 && (Number(argInt(args[2])) & 1) === 1);
    d.$type = cls;
    for (const x of ops.toArray(args[0])) d.append(x);
    return d;
  };
  methods(t, {
    // deque.append(x)
    append: (a) => { arity(a, 2); D(a).append(a[1]); return None; },
    // deque.appendleft(x)
    appendleft: (a) => { arity(a, 2); D(a).appendleft(a[1]); return None; },
    // deque.extend(iterable)
    extend: (a) => { arity(a, 2); const d = D(a); for (const x of ops.toArray(a[1])) d.append(x); return None; },
    // deque.pop()
    pop: (a) => { arity(a, 1); return D(a).pop(); },
    // deque.popleft()
    popleft: (a) => { arity(a, 1); return D(a).popleft(); },
    __len__: (a) => D(a).length,
    __bool__: (a) => D(a).length > 0,
    __iter__: (a) => new DequeIter(D(a)),
    __getitem__: (a) => { const d = D(a); return d.items[d.slot(a[1])]; },
    __setitem__: (a) => { const d = D(a); d.items[d.slot(a[1])] = a[2]; return None; },
    __delitem__: () => { throw typeError("'deque' object doesn't support item deletion"); },
  });
  // like range: a unary_op without hash makes it unhashable (a user subclass could add __hash__)
  t.dict.set('__hash__', None);
  setNew(t);
  return t;
}

// #endregion

// Types are shared by every import (so ucollections.deque is collections.deque).
const types = { OrderedDict: orderedDictType(), deque: dequeType(), defaultdict: defaultdictType() };

export function makeCollections(): PyModule {
  return nativeModule('collections', { namedtuple }, { ...types });
}
