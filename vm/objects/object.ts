// The object model's core: PyType, the `object` and `type` types, None/NotImplemented/
// Ellipsis, native functions (PyBuiltin) and bound methods. Python ints are JS numbers or
// bigints, bools JS booleans, strs JS strings; everything else is an object with `$type`.

/* eslint-disable @typescript-eslint/no-explicit-any */
export type PyObj = any;
/** Keyword arguments as passed to native functions: name → value in call order, or null. */
export type Kw = Map<string, PyObj> | null;
export type NativeFn = (args: PyObj[], kw: Kw) => PyObj;

/** Late-bound runtime functions for object files that load before runtime/ops (import cycles). */
export const hooks: { eq: (a: PyObj, b: PyObj) => boolean; mpHash: (x: PyObj) => number; hash: (x: PyObj) => number } = {
  eq: (a, b) => a === b,
  mpHash: () => 0,
  hash: () => 0,
};

/** Cache marker for names a type does not have. */
const MISSING = Symbol('missing');

export class PyType {
  declare $type: PyType;
  $d: Map<string, PyObj> | undefined = undefined;
  readonly dict = new Map<string, PyObj>();
  mro: PyType[] = [];
  /** Creates a bare instance of this type (natives only; user classes inherit it). */
  alloc: ((cls: PyType) => PyObj) | null = null;
  /** Replaces the generic construct-then-__init__ protocol (int(), str(), ...). */
  construct: ((cls: PyType, args: PyObj[], kw: Kw) => PyObj) | null = null;
  /** Operators of a native type that are no attributes (MicroPython's binary_op slot): called
   *  when the left operand is of this type with the operator's name ('add', 'iadd' for +=...),
   *  undefined when the type has nothing for it and the runtime goes on as usual. */
  binaryOp: ((op: string, a: PyObj, b: PyObj) => PyObj) | null = null;
  /** True for types written in TS; false for classes created by Python code. */
  native = true;
  module = 'builtins';
  qualname: string;
  /** Bumped when this or any type's dict changes, to invalidate lookup caches. */
  static version = 0;
  private cache = new Map<string, PyObj>();
  private cacheVersion = -1;
  /** Set when a user class (or base) defines the named hook; speeds up attribute access. */
  hasGetattr = false;
  hasGetattribute = false;
  hasSetattr = false;
  constructor(public name: string, public bases: PyType[], init?: (t: PyType) => void) {
    this.qualname = name;
    this.mro = computeMro(this);
    if (init) init(this);
  }

  /** Finds an attribute along the MRO (no descriptor binding); undefined when absent. */
  lookup(name: string): PyObj {
    if (this.cacheVersion !== PyType.version) { this.cache.clear(); this.cacheVersion = PyType.version; }
    const c = this.cache.get(name);
    if (c !== undefined) return c === MISSING ? undefined : c;
    let v: PyObj = undefined;
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) {
      const x = mro[i].dict.get(name);
      if (x !== undefined) { v = x; break; }
    }
    this.cache.set(name, v === undefined ? MISSING : v);
    return v;
  }

  setAttr(name: string, v: PyObj): void {
    this.dict.set(name, v);
    PyType.version++;
  }

  isSubtype(other: PyType): boolean {
    if (this === other) return true;
    const m = this.mro;
    for (let i = 1; i < m.length; i++) if (m[i] === other) return true;
    return false;
  }

  /** The first type in the MRO that knows how to allocate instances. */
  allocator(): ((cls: PyType) => PyObj) | null {
    for (const t of this.mro) if (t.alloc) return t.alloc;
    return null;
  }
}

/**
 * Attribute lookup order. MicroPython does not use C3: it searches the class, then each
 * base depth-first, left to right, treating `object` as a base of last resort
 * (py/objtype.c mp_obj_class_lookup). We linearise that search once per class.
 */
export function computeMro(t: PyType): PyType[] {
  if (t.bases.length === 0) return [t];
  if (t.bases.length === 1) return [t, ...t.bases[0].mro];
  const out: PyType[] = [t];
  const visit = (b: PyType) => {
    if (b.bases.length === 0) { if (b.name !== 'object') out.push(b); return; }
    out.push(b);
    for (const x of b.bases) visit(x);
  };
  for (const b of t.bases) visit(b);
  const obj = t.bases[0].mro[t.bases[0].mro.length - 1];
  out.push(obj);
  return out;
}

/** C3 linearisation (kept for reference; MicroPython does not use it). */
export function computeC3(t: PyType): PyType[] {
  const seqs = [...t.bases.map((b) => [...b.mro]), [...t.bases]];
  const out: PyType[] = [t];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length);
    if (!nonEmpty.length) return out;
    let cand: PyType | null = null;
    for (const s of nonEmpty) {
      const c = s[0];
      if (!nonEmpty.some((s2) => s2.indexOf(c) > 0)) { cand = c; break; }
    }
    if (!cand) throw new Error('MRO');
    out.push(cand);
    for (const s of nonEmpty) if (s[0] === cand) s.shift();
  }
}

export const objectType = new PyType('object', []);
export const typeType = new PyType('type', [objectType]);
Object.defineProperty(PyType.prototype, '$type', { value: typeType, writable: true, configurable: true });

/** Instances of Python classes that have no native base. */
export class PyInstance {
  $d = new Map<string, PyObj>();
  constructor(public $type: PyType) {}
}
objectType.alloc = (cls) => new PyInstance(cls);

export class PyNoneType { declare $type: PyType; }
export const noneType = new PyType('NoneType', [objectType]);
PyNoneType.prototype.$type = noneType;
export const None = new PyNoneType();

export class PyNotImplementedType { declare $type: PyType; }
export const notImplementedType = new PyType('NotImplementedType', [objectType]);
PyNotImplementedType.prototype.$type = notImplementedType;
export const NotImplemented = new PyNotImplementedType();

export class PyEllipsisType { declare $type: PyType; }
export const ellipsisType = new PyType('', [objectType]); // MicroPython: type(...).__name__ == ''
PyEllipsisType.prototype.$type = ellipsisType;
export const Ellipsis = new PyEllipsisType();

export const intType = new PyType('int', [objectType]);
export const boolType = new PyType('bool', [objectType]); // MicroPython: bool is not an int subclass (issubclass(bool, int) is False)
export const strType = new PyType('str', [objectType]);
export const floatType = new PyType('float', [objectType]);

/** A function implemented in TypeScript. */
export class PyBuiltin {
  declare $type: PyType;
  $d: Map<string, PyObj> | undefined = undefined;
  /** Optional fast entries used by method calls with 0/1 positional arguments. */
  f0?: (self: PyObj) => PyObj;
  f1?: (self: PyObj, a: PyObj) => PyObj;
  constructor(public name: string, public fn: NativeFn, public self: PyObj = undefined) {}
}
export const builtinFunctionType = new PyType('function', [objectType]);
PyBuiltin.prototype.$type = builtinFunctionType;

/** A method bound to its receiver. */
export class PyBoundMethod {
  declare $type: PyType;
  constructor(public self: PyObj, public fn: PyObj) {}
}
export const boundMethodType = new PyType('bound_method', [objectType]);
PyBoundMethod.prototype.$type = boundMethodType;

/** Returns the Python type of any VM value. */
export function typeOf(x: PyObj): PyType {
  switch (typeof x) {
    case 'number': case 'bigint': return intType;
    case 'string': return strType;
    case 'boolean': return boolType;
    // `undefined` is no Python value: a native read an argument that was not passed
    case 'undefined': return missingArgument();
    default: return x.$type;
  }
}

let missingArgument: () => never = () => { throw new Error('missing argument'); };
/** Installed by the runtime: raises TypeError("function missing 1 required positional arguments"). */
export function setMissingArgument(f: () => never): void { missingArgument = f; }

/** Registers native methods on a type: each fn receives (args, kw) with self as args[0]. */
export function methods(t: PyType, table: Record<string, NativeFn>): void {
  for (const name of Object.keys(table)) t.dict.set(name, new PyBuiltin(name, table[name]));
  PyType.version++;
}

/**
 * Declares positional arity (self included) of native methods, checked before they run:
 * MicroPython's "function takes N positional arguments but M were given" /
 * "function missing N required positional arguments" / "function expected at most N arguments, got M".
 */
export function arities(t: PyType, table: Record<string, [number, number]>, err: (msg: string) => unknown): void {
  for (const [name, [min, max]] of Object.entries(table)) {
    const b = t.dict.get(name);
    if (!(b instanceof PyBuiltin)) continue;
    const fn = b.fn;
    b.fn = (a, kw) => {
      const n = a.length;
      if (n < min || n > max) {
        if (min === max) throw err(`function takes ${min} positional arguments but ${n} were given`);
        if (n < min) throw err(`function missing ${min - n} required positional arguments`);
        throw err(`function expected at most ${max} arguments, got ${n}`);
      }
      return fn(a, kw);
    };
  }
}

/** Builds a native function object. */
export function builtin(name: string, fn: NativeFn): PyBuiltin {
  return new PyBuiltin(name, fn);
}

/** classmethod / staticmethod / property wrappers (Python-visible descriptor objects). */
export class PyClassMethod { declare $type: PyType; constructor(public fn: PyObj) {} }
export class PyStaticMethod { declare $type: PyType; constructor(public fn: PyObj) {} }
export class PyProperty {
  declare $type: PyType;
  constructor(public fget: PyObj, public fset: PyObj, public fdel: PyObj, public doc: PyObj) {}
}
export const classmethodType = new PyType('classmethod', [objectType]);
export const staticmethodType = new PyType('staticmethod', [objectType]);
export const propertyType = new PyType('property', [objectType]);
PyClassMethod.prototype.$type = classmethodType;
PyStaticMethod.prototype.$type = staticmethodType;
PyProperty.prototype.$type = propertyType;

/** super(): attribute lookup starting after `cls` in the MRO of `obj`'s type. */
export class PySuper {
  declare $type: PyType;
  constructor(public cls: PyType, public obj: PyObj) {}
}
export const superType = new PyType('super', [objectType]);
PySuper.prototype.$type = superType;
