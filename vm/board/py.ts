// The small binding kit the board modules are written with: native classes Python can
// instantiate and subclass, argument helpers, value conversion and errors. It sits on the VM's
// object model so the machine/CircuitPython files read like MicroPython's extmod bindings.

import { PyType, PyBuiltin, PyProperty, PyInstance, objectType, None, typeOf, type PyObj, type Kw, type NativeFn } from '../objects/object';
import { PyBytes, PyByteArray, bufferOf } from '../objects/bytes';
import { PyTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyFloat } from '../objects/float';
import { PyModule } from '../objects/module';
import { pyErr, mkExc, raiseOf } from '../objects/exception';

export type { PyObj, Kw };
export { None, PyBytes, PyByteArray, PyTuple, PyList, PyFloat, PyModule, PyInstance };

/** Instances of native board classes: a Python instance with a JS payload. */
export class NativeInstance<T = unknown> extends PyInstance {
  state!: T;
}

export interface ClassSpec {
  module: string;
  /** Base class (defaults to object). */
  base?: PyType;
  /** Python methods; args[0] is self. */
  methods?: Record<string, NativeFn>;
  /** Properties: getter (and setter) on self. */
  props?: Record<string, { get: (self: PyObj) => PyObj; set?: (self: PyObj, v: PyObj) => void }>;
  /** Class attributes (constants, nested classes). */
  attrs?: Record<string, PyObj>;
}

/** Declares a native class; instances are NativeInstance and Python subclasses work. */
export function nativeClass(name: string, spec: ClassSpec): PyType {
  const t = new PyType(name, [spec.base ?? objectType]);
  t.module = spec.module;
  if (!spec.base) t.alloc = (cls) => new NativeInstance(cls);
  for (const [k, f] of Object.entries(spec.methods ?? {})) t.dict.set(k, new PyBuiltin(k, f));
  for (const [k, p] of Object.entries(spec.props ?? {})) {
    const fget = new PyBuiltin(k, (a) => p.get(a[0]));
    const fset = p.set ? new PyBuiltin(k, (a) => (p.set!(a[0], a[1]), None)) : None;
    t.dict.set(k, new PyProperty(fget, fset, None, None));
  }
  for (const [k, v] of Object.entries(spec.attrs ?? {})) t.dict.set(k, v);
  PyType.version++;
  return t;
}

/** Creates an instance of a native class from TS (bypassing __init__). */
export function instance<T>(cls: PyType, state: T): NativeInstance<T> {
  const o = new NativeInstance<T>(cls);
  o.state = state;
  return o;
}

/** The JS payload of a native instance, checking its class. */
export function stateOf<T>(self: PyObj, cls: PyType): T {
  if (!(self instanceof NativeInstance) || !typeOf(self).isSubtype(cls)) throw pyErr('TypeError', `expected ${cls.name}`);
  if (self.state === undefined) throw pyErr('ValueError', `${cls.name} not initialised`);
  return self.state as T;
}

export function fn(name: string, f: NativeFn): PyBuiltin {
  return new PyBuiltin(name, f);
}

export function module(name: string, attrs: Record<string, PyObj>): PyModule {
  const m = new PyModule(name);
  for (const [k, v] of Object.entries(attrs)) m.g[k] = v;
  return m;
}

/** Argument `i` or keyword `name`, else `dflt`. */
export function arg(args: PyObj[], kw: Kw, i: number, name: string, dflt: PyObj = undefined): PyObj {
  if (kw && kw.has(name)) return kw.get(name);
  return i < args.length ? args[i] : dflt;
}

export function isNone(x: PyObj): boolean {
  return x === None || x === undefined;
}

export function toInt(x: PyObj): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'bigint') return Number(x);
  throw pyErr('TypeError', `can't convert ${typeOf(x).name} to int`);
}

export function toFloat(x: PyObj): number {
  if (x instanceof PyFloat) return x.v;
  return toInt(x);
}

export function toBool(x: PyObj): boolean {
  if (typeof x === 'boolean') return x;
  if (typeof x === 'number') return x !== 0;
  if (x === None || x === undefined) return false;
  return true;
}

export function toStr(x: PyObj): string {
  if (typeof x === 'string') return x;
  throw pyErr('TypeError', `can't convert ${typeOf(x).name} to str`);
}

export function toBuffer(x: PyObj): Uint8Array {
  const b = bufferOf(x);
  if (!b) throw pyErr('TypeError', 'object with buffer protocol required');
  return b;
}

export function float(v: number): PyFloat {
  return new PyFloat(v);
}

export function bytes(b: Uint8Array): PyBytes {
  return new PyBytes(b);
}

export function tuple(items: PyObj[]): PyTuple {
  return new PyTuple(items);
}

/** Sequence items of a tuple or list. */
export function items(x: PyObj): PyObj[] {
  if (x instanceof PyTuple || x instanceof PyList) return x.items;
  throw pyErr('TypeError', `object '${typeOf(x).name}' isn't a tuple or list`);
}

export function raise(name: string, msg?: string): never {
  throw pyErr(name, msg);
}

/** OSError(errno): printed as 'OSError: [Errno 5] EIO'. */
export function raiseOSError(errno: number): never {
  throw raiseOf(mkExc('OSError', errno));
}

/** Builds a keyword map for calls from TS. */
export function kwargs(obj: Record<string, PyObj>): Kw {
  return new Map(Object.entries(obj));
}
