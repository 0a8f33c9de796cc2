// Constructors and basic methods of the built-in types that need the whole runtime:
// object, type, int, float, bool, str, tuple, range, bytes/bytearray/memoryview,
// exceptions, functions, generators, properties, slices, iterators.

import {
  PyType, typeOf, None, NotImplemented, PyBuiltin, PyBoundMethod, PyClassMethod, PyStaticMethod, PyProperty, PySuper, PyInstance,
  objectType, typeType, intType, boolType, strType, floatType, noneType, classmethodType, staticmethodType, propertyType, superType,
  builtinFunctionType, boundMethodType, methods, ellipsisType, notImplementedType, type PyObj, type Kw,
} from '../objects/object';
import { PyExc, baseExceptionType, pyErr, typeError, excType } from '../objects/exception';
import { PyFloat, parseFloatStr, floatToInt, floatRepr } from '../objects/float';
import { parseIntStr, normBig, toBig } from '../objects/int';
import { PyTuple, tupleType, emptyTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyDict } from '../objects/dict';
import { PySet, mkSet, frozensetType } from '../objects/set';
import { PyRange, rangeType } from '../objects/range';
import { PySlice, sliceType, sliceIndices } from '../objects/slice';
import { PyBytes, PyByteArray, bytesType, bytearrayType, memoryviewType, utf8, bufferOf, latin1, fromLatin1, fromUtf8 } from '../objects/bytes';
import { PyFunction, functionType, genFunctionType } from '../objects/function';
import { PyGenerator, generatorType, coroutineType } from '../objects/generator';
import { PyIter, iteratorType } from '../objects/iterator';
import { PyModule, moduleType } from '../objects/module';
import { strConstruct } from '../objects/str';
import { arity, argNum, argStr, argFloat, argWord } from '../runtime/args';
import * as ops from '../runtime/ops';
import { charge, strBytes } from '../runtime/heap';
import { makeType } from '../runtime/glue';
import { setErrnoNames } from '../runtime/ops';
import { ERRNO_NAMES } from '../modules/errno';
import { bytesMethods } from './bytes-methods';
import { makeMemoryView } from '../objects/memoryview';

function numberFromObj(x: PyObj, base: PyObj): PyObj {
  if (base !== undefined) {
    const b = argNum(base);
    if (b !== 0 && (b < 2 || b > 36)) throw pyErr('ValueError', 'int() arg 2 must be >= 2 and <= 36');
    const s = typeof x === 'string' ? x : bufferOf(x) ? latin1(bufferOf(x) as Uint8Array) : null;
    if (s === null) throw typeError("can't convert non-string with explicit base");
    const r = parseIntStr(s, b);
    if (r === null) throw pyErr('ValueError', `invalid syntax for integer with base ${b}: ${ops.repr(s)}`);
    return r;
  }
  if (typeof x === 'number' || typeof x === 'bigint') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat) return floatToInt(x.v);
  if (x instanceof PyBoxed) return numberFromObj(x.$prim, undefined);
  if (typeof x === 'string' || x instanceof PyBytes || x instanceof PyByteArray) {
    const s = typeof x === 'string' ? x : latin1(bufferOf(x) as Uint8Array);
    const r = parseIntStr(s, 10);
    if (r === null) throw pyErr('ValueError', `invalid syntax for integer with base 10: ${ops.repr(s)}`);
    return r;
  }
  if (typeof x === 'object' && x.$int !== undefined) return x.$int();
  const t = typeOf(x);
  for (const n of ['__int__', '__index__', '__trunc__']) {
    const f = t.lookup(n);
    if (f !== undefined && !(f instanceof PyBuiltin)) return ops.callObj(f, [x], null);
  }
  throw typeError(`can't convert ${t.name} to int`);
}

function floatFromObj(x: PyObj): number {
  if (x instanceof PyFloat) return x.v;
  if (x instanceof PyBoxed) return floatFromObj(x.$prim);
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') return Number(x);
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'string') {
    const r = parseFloatStr(x);
    if (r === null) throw pyErr('ValueError', 'invalid syntax for number');
    return r;
  }
  return argFloat(x);
}

/** A subclass instance of an immutable primitive (int/str/float subclass): boxed with $prim. */
class PyBoxed { $d = new Map<string, PyObj>(); constructor(public $type: PyType, public $prim: PyObj) {} }

export function installTypes(): void {
  // object
  methods(objectType, {
    __init__: () => None,
    __new__: (a) => { const cls = a[0]; if (!(cls instanceof PyType)) throw typeError('arg must be user-type'); const al = cls.allocator(); if (!al) throw typeError('cannot create instance'); return al(cls); },
    __eq__: (a) => (a[0] === a[1] ? true : NotImplemented),
    __ne__: (a) => (a[0] === a[1] ? false : NotImplemented),
    __hash__: (a) => ops.hashOf(a[0]),
    __repr__: (a) => ops.defaultRepr(a[0]),
    __setattr__: (a) => { ops.objectSetattr(a[0], argStr(a[1]), a[2]); return None; },
    __delattr__: (a) => { const o = a[0]; if (o.$d && o.$d.delete(a[1])) return None; throw pyErr('AttributeError', a[1]); },
    __getattribute__: (a) => ops.ga(a[0], argStr(a[1])),
  });
  objectType.dict.set('__new__', new PyStaticMethod(objectType.dict.get('__new__')));
  (objectType.dict.get('__eq__') as PyBuiltin & { $isObjectEq?: boolean }).$isObjectEq = true;

  // type
  typeType.construct = (cls, args, kw) => {
    if (cls === typeType && args.length === 1) return typeOf(args[0]);
    if (args.length !== 3) throw typeError('type takes 1 or 3 arguments');
    void kw;
    return newType(cls, args[0], args[1], args[2]);
  };
  methods(typeType, {
    __repr__: (a) => { const t = a[0] as PyType; return t.native || t.module === 'builtins' ? `<class '${t.name}'>` : `<class '${t.module === '__main__' ? '' : t.module + '.'}${t.qualname}'>`; },
    mro: (a) => new PyList((a[0] as PyType).mro.includes(objectType) ? (a[0] as PyType).mro : [...(a[0] as PyType).mro, objectType]),
    __subclasses__: () => new PyList([]),
    __call__: (a, kw) => ops.typeCall(a[0], a.slice(1), kw),
    __new__: (a) => newType(a[0] as PyType, a[1], a[2], a[3]),
    __init__: () => None,
  });
  typeType.dict.set('__new__', new PyStaticMethod(typeType.dict.get('__new__')));
  typeType.alloc = null;

  // int / bool / float / str
  intType.construct = (cls, args) => {
    arity(args, 0, 2);
    const v = args.length ? numberFromObj(args[0], args[1]) : 0;
    return cls === intType ? v : new PyBoxed(cls, v);
  };
  methods(intType, { __repr__: (a) => String(ops.repr(a[0])), __hash__: (a) => ops.hashOf(a[0]), __index__: (a) => a[0], __int__: (a) => a[0] });
  boolType.construct = (_cls, args) => { arity(args, 0, 1); return args.length ? ops.truthy(args[0]) : false; };
  floatType.construct = (cls, args) => {
    arity(args, 0, 1);
    const v = new PyFloat(args.length ? floatFromObj(args[0]) : 0);
    return cls === floatType ? v : new PyBoxed(cls, v);
  };
  methods(floatType, { __repr__: (a) => floatRepr((a[0] as PyFloat).v), __hash__: (a) => ops.hashOf(a[0]), __float__: (a) => a[0], __int__: (a) => floatToInt((a[0] as PyFloat).v) });
  strType.construct = (cls, args, kw) => { const s = strConstruct(args, kw); return cls === strType ? s : new PyBoxed(cls, s); };

  // tuple
  tupleType.construct = (cls, args) => {
    arity(args, 0, 1);
    const items = args.length ? ops.toArray(args[0]) : [];
    if (cls === tupleType) return items.length ? new PyTuple(items) : emptyTuple;
    const t = new PyTuple(items); t.$type = cls; t.$d = new Map(); return t;
  };
  frozensetType.construct = (_cls, args) => { arity(args, 0, 1); const s = mkSet(true); if (args.length) for (const v of ops.toArray(args[0])) s.add(v); return s; };

  // range
  rangeType.construct = (_cls, args, kw) => {
    if (kw !== null && kw.size > 0) throw typeError("function doesn't take keyword arguments");
    arity(args, 1, 3);
    const n = args.map(argWord);
    if (n.length === 1) return new PyRange(0, n[0], 1);
    const step = n[2] ?? 1;
    if (step === 0) throw pyErr('ValueError', 'zero step');
    return new PyRange(n[0], n[1], step);
  };
  methods(rangeType, {
    __len__: (a) => (a[0] as PyRange).length,
    __repr__: (a) => { const r = a[0] as PyRange; return r.step === 1 ? `range(${r.start}, ${r.stop})` : `range(${r.start}, ${r.stop}, ${r.step})`; },
    // no index()/count(): MicroPython's range has only start/stop/step
  });
  // range has a unary_op (bool, len) that knows no hash, so MicroPython finds it unhashable
  rangeType.dict.set('__hash__', None);

  // slice
  // MicroPython: slice objects come only from subscripts ("can't create 'slice' instances")
  void PySlice;
  methods(sliceType, {
    __repr__: (a) => { const s = a[0] as PySlice; return `slice(${ops.repr(s.start)}, ${ops.repr(s.stop)}, ${ops.repr(s.step)})`; },
    indices: (a) => { const [st, en, sp] = sliceIndices(a[0], argNum(a[1])); return new PyTuple([st, en, sp]); },
  });

  // bytes / bytearray / memoryview
  bytesType.construct = (_cls, args) => new PyBytes(bytesFromArgs(args));
  bytearrayType.construct = (_cls, args) => new PyByteArray(bytesFromArgs(args).slice());
  memoryviewType.construct = (_cls, args) => {
    arity(args, 1);
    return makeMemoryView(args[0]);
  };
  bytesMethods();

  methods(ellipsisType, { __repr__: () => 'Ellipsis' });
  methods(notImplementedType, { __repr__: () => 'NotImplemented' });

  // exceptions
  methods(baseExceptionType, {
    __init__: (a) => { (a[0] as PyExc).args = new PyTuple(a.slice(1)); return None; },
    __str__: (a) => ops.excStr(a[0]),
    __repr__: (a) => {
      const e = a[0] as PyExc;
      const items = e.args.items;
      return e.$type.name + (items.length === 1 ? '(' + ops.repr(items[0]) + ',)' : ops.repr(e.args));
    },
    with_traceback: (a) => a[0],
    add_note: () => None,
  });
  baseExceptionType.construct = null;

  // functions and friends
  methods(functionType, { __repr__: (a) => `<function ${(a[0] as PyFunction).spec.qualname} at ${ops.hexId(a[0])}>` });
  methods(genFunctionType, { __repr__: () => '<generator>' });
  methods(builtinFunctionType, { __repr__: () => '<function>' });
  methods(boundMethodType, {
    __repr__: (a) => { const m = a[0] as PyBoundMethod; return `<bound_method ${ops.hexId(m)} ${ops.repr(m.self)}.${m.fn.spec?.qualname ?? m.fn.name}>`; },
  });
  methods(generatorType, {
    __next__: (a) => { const g = a[0] as PyGenerator; const r = g.next(); if (r === undefined) throw g.stop(); return r; },
    __iter__: (a) => a[0],
    send: (a) => (a[0] as PyGenerator).send(a[1]),
    throw: (a) => {
      let e = a[1];
      if (e instanceof PyType) e = ops.callObj(e, a[2] !== undefined && a[2] !== None ? [a[2]] : [], null);
      if (!(e instanceof PyExc)) throw typeError('exceptions must derive from BaseException');
      return (a[0] as PyGenerator).throw(e);
    },
    close: (a) => (a[0] as PyGenerator).close(),
    __repr__: (a) => `<generator object '${(a[0] as PyGenerator).name}' at ${ops.hexId(a[0])}>`,
  });
  for (const k of ['send', 'throw', 'close', '__next__']) coroutineType.dict.set(k, generatorType.dict.get(k));
  methods(coroutineType, { __await__: (a) => a[0], __repr__: (a) => `<coroutine object '${(a[0] as PyGenerator).name}' at ${ops.hexId(a[0])}>` });
  methods(iteratorType, {
    __next__: (a) => { const r = (a[0] as PyIter).next(); if (r === undefined) throw pyErr('StopIteration'); return r; },
    __iter__: (a) => a[0],
  });
  methods(moduleType, { __repr__: (a) => `<module '${(a[0] as PyModule).name}'>` });

  classmethodType.construct = (_c, args) => { arity(args, 1); return new PyClassMethod(args[0]); };
  staticmethodType.construct = (_c, args) => { arity(args, 1); return new PyStaticMethod(args[0]); };
  propertyType.construct = (_c, args, kw) => new PyProperty(args[0] ?? kw?.get('fget') ?? None, args[1] ?? kw?.get('fset') ?? None, args[2] ?? kw?.get('fdel') ?? None, args[3] ?? kw?.get('doc') ?? None);
  methods(propertyType, {
    getter: (a) => new PyProperty(a[1], (a[0] as PyProperty).fset, (a[0] as PyProperty).fdel, None),
    setter: (a) => new PyProperty((a[0] as PyProperty).fget, a[1], (a[0] as PyProperty).fdel, None),
    deleter: (a) => new PyProperty((a[0] as PyProperty).fget, (a[0] as PyProperty).fset, a[1], None),
  });
  superType.construct = (_c, args) => {
    if (args.length < 2) throw pyErr('RuntimeError', 'super() requires arguments here');
    return new PySuper(args[0], args[1]);
  };
  setErrnoNames(ERRNO_NAMES);
  // types whose instances only the VM makes
  for (const t of [sliceType, functionType, genFunctionType, builtinFunctionType, boundMethodType, generatorType, coroutineType, iteratorType, moduleType, noneType, ellipsisType, notImplementedType]) {
    t.construct = null;
    t.alloc = () => { throw typeError(`can't create '${t.name}' instances`); };
  }
  void PyInstance; void PySet; void PyDict; void normBig; void toBig; void utf8; void fromLatin1; void fromUtf8; void excType; void PyGenerator;
}

/** bytes(x) / bytearray(x) arguments: int size, iterable of ints, str + encoding, buffer. */
export function bytesFromArgs(args: PyObj[]): Uint8Array {
  arity(args, 0, 3);
  if (!args.length) return new Uint8Array(0);
  const x = args[0];
  if (typeof x === 'string') {
    if (args.length < 2) throw typeError('string argument without an encoding');
    return utf8(x);
  }
  if (typeof x === 'number') {
    if (x < 0) throw pyErr('ValueError');
    ops.checkAlloc(x);
    charge(strBytes(x));
    return new Uint8Array(x);
  }
  const b = bufferOf(x);
  if (b) return b.slice();
  const vals = ops.toArray(x);
  const out = new Uint8Array(vals.length);
  vals.forEach((v, i) => {
    out[i] = argNum(v) & 0xff;
  });
  return out;
}

export type { Kw };

/** type(name, bases, dict): bases a tuple of classes and dict a dict, else MicroPython's bare TypeError. */
function newType(meta: PyType, name: PyObj, bases: PyObj, dict: PyObj): PyType {
  const n = argStr(name);
  if (!(bases instanceof PyTuple) || !(dict instanceof PyDict)) throw typeError();
  const classes = ops.toArray(bases);
  if (!classes.every((b) => b instanceof PyType)) throw typeError();
  return makeType(n, classes as PyType[], dict, meta);
}
