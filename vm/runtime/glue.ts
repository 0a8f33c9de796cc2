// The remaining operations generated code calls through `$R.ops`: building functions,
// classes, generators and containers, exception plumbing (caught/match/tb), names, with,
// imports, f-string fields. Assembles the ops table on the shared runtime state.

import {
  PyType, typeOf, None, Ellipsis, PyBuiltin, PyStaticMethod, PyClassMethod, PySuper, typeType, objectType, NotImplemented,
  type PyObj, type Kw,
} from '../objects/object';
import { PyExc, PyRaise, pyErr, typeError, raiseOf, mkExc, excType, baseExceptionType } from '../objects/exception';
import { PyFunction, PyGenFunction } from '../objects/function';
import { PyGenerator } from '../objects/generator';
import { PyTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyDict } from '../objects/dict';
import { PySet, mkSet } from '../objects/set';
import { PySlice } from '../objects/slice';
import { PyIter, JsIter } from '../objects/iterator';
import { PyModule } from '../objects/module';
import type { FuncSpec, CodeInfo } from '../compile/codegen';
import * as ops from './ops';
import { rt } from './state';
import { formatValue } from './format';

/** An internal VM error: a JS exception that escaped generated code. Never a Python exception. */
export class InternalError {
  constructor(readonly cause: unknown) {}
  toString(): string { return 'internal error: ' + (this.cause instanceof Error ? this.cause.stack ?? this.cause.message : String(this.cause)); }
}

/**
 * Thrown by a host (from poll()) to end a run that no Python code may catch: the hard stop
 * behind a fuzzer's time budget or a hard reset. `except` and `finally` cannot keep it.
 */
export class HostAbort {
  constructor(readonly reason: string) {}
}

/**
 * Converts anything thrown into a PyRaise. This is the one boundary where a JS error becomes a
 * Python one: a stack overflow is MicroPython's recursion error, an impossible allocation its
 * MemoryError, and anything else (a VM bug) a RuntimeError whose message has no JS stack or
 * install path; the JS value stays on exc.hostError for hosts and the fuzzer to count.
 */
export function caught(e: unknown): PyRaise {
  if (e instanceof PyRaise) return e;
  if (e instanceof HostAbort) throw e;
  const cause = e instanceof InternalError ? e.cause : e;
  if (cause instanceof RangeError) {
    if (/call stack/i.test(cause.message)) return raiseOf(mkExc('RuntimeError', 'maximum recursion depth exceeded'));
    if (/BigInt|array length|string length|Array buffer allocation|allocation failed/i.test(cause.message)) return raiseOf(mkExc('MemoryError', 'memory allocation failed'));
  }
  const x = mkExc('RuntimeError', 'internal error: ' + hostMessage(cause));
  x.hostError = cause;
  return raiseOf(x);
}

/** The first line of a JS error's message, without paths (what a program may see of a VM bug). */
function hostMessage(e: unknown): string {
  const m = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return m.split('\n')[0].replace(/(file:\/\/)?\/[^\s:()]+(:\d+)*/g, '<path>').slice(0, 200);
}

/** Adds a traceback entry as an exception leaves a frame. */
export function tb(e: unknown, co: CodeInfo, line: number): unknown {
  const r = e instanceof PyRaise ? e : caught(e);
  const x = r.exc;
  if (x.skipTb) { x.skipTb = false; return r; }
  x.tb.push(co.file, line, co.name);
  return r;
}

/** An except clause saw the exception: record this frame's line (MicroPython does so once per frame). */
export function tbCatch(e: unknown, co: CodeInfo, line: number): PyRaise {
  const r = caught(e);
  const x = r.exc;
  x.skipTb = false;
  x.tb.push(co.file, line, co.name);
  return r;
}

/** No except clause matched: undo tbCatch (the frame's exit will record it) and rethrow. */
export function tbUnmatched(r: PyRaise): PyRaise {
  r.exc.tb.length -= 3;
  return r;
}

/** Bare `raise` inside a handler: rethrow without a new traceback entry for this frame. */
export function tbReraise(r: PyRaise): PyRaise {
  r.exc.skipTb = true;
  return r;
}

export function match(exc: PyExc, t: PyObj): boolean {
  if (t instanceof PyType) {
    if (!t.isSubtype(baseExceptionType)) throw typeError('catching classes that do not inherit from BaseException is not allowed');
    return exc.$type.isSubtype(t);
  }
  if (t instanceof PyTuple) { for (const x of t.items) if (match(exc, x)) return true; return false; }
  throw typeError('catching classes that do not inherit from BaseException is not allowed');
}

/** raise X [from Y] */
export function mkraise(x: PyObj, cause?: PyObj): PyRaise {
  let e: PyObj = x;
  if (x instanceof PyType) {
    if (!x.isSubtype(baseExceptionType)) throw typeError('exceptions must derive from BaseException');
    e = ops.callObj(x, [], null);
  }
  if (!(e instanceof PyExc)) throw typeError('exceptions must derive from BaseException');
  if (cause !== undefined) e.cause = cause;
  return raiseOf(e);
}

export function reraise(): PyRaise {
  return pyErr('RuntimeError', 'No active exception to reraise');
}

export function assertFail(msg: PyObj): PyRaise {
  return raiseOf(msg === undefined ? mkExc('AssertionError') : mkExc('AssertionError', msg));
}

export function gn(name: string): PyObj {
  const v = rt.interp.builtins.g[name];
  if (v !== undefined) return v;
  throw pyErr('NameError', `name '${name}' isn't defined`);
}

export function unb(name: string): never {
  void name;
  throw pyErr('NameError', 'local variable referenced before assignment');
}

export function delg(g: Record<string, PyObj>, name: string): void {
  if (!(name in g)) throw pyErr('NameError', `name '${name}' isn't defined`);
  delete g[name];
}

export function mkfunc(fn: (...a: PyObj[]) => PyObj, spec: FuncSpec, defaults: PyObj[] | null, kwd: [string, PyObj][] | null): PyFunction {
  const F = spec.isGen || spec.isAsync ? PyGenFunction : PyFunction;
  return new F(fn, spec, defaults, kwd ? new Map(kwd) : null);
}

export function mkgen(body: () => Generator<PyObj, PyObj, PyObj>, spec: FuncSpec): PyGenerator {
  return new PyGenerator(body(), spec.name, spec.isAsync);
}

export function mkgenexp(body: (it: PyIter) => Generator<PyObj, PyObj, PyObj>, it: PyIter): PyGenerator {
  return new PyGenerator(body(it), '<genexpr>');
}

/** class statement: runs the body into a namespace, then calls the metaclass. */
export function mkclass(body: (ns: Record<string, PyObj>) => void, name: string, bases: PyObj[], kws: [string, PyObj][], qualname: string): PyObj {
  for (const b of bases) if (!(b instanceof PyType)) throw typeError('type is not an acceptable base type');
  let meta: PyObj = typeType;
  const kw = new Map(kws);
  if (kw.has('metaclass')) { meta = kw.get('metaclass'); kw.delete('metaclass'); }
  else for (const b of bases) { const m = (b as PyType).$type; if (m && m !== typeType && m.isSubtype(typeType)) { meta = m; break; } }
  const ns: Record<string, PyObj> = Object.create(null);
  ns.__module__ = '__main__';
  ns.__qualname__ = qualname;
  body(ns);
  const d = new PyDict();
  for (const k of Object.keys(ns)) d.set(k, ns[k]);
  if (meta === typeType) return makeType(name, bases as PyType[], d, typeType);
  return ops.callObj(meta, [name, new PyTuple(bases), d], kw.size ? kw : null);
}

/** Creates a Python class (type(name, bases, dict) and class statements). */
export function makeType(name: string, bases: PyType[], d: PyDict, meta: PyType): PyType {
  let t: PyType;
  try { t = new PyType(name, bases.length ? bases : [objectType]); } catch {
    throw typeError('MRO conflict');
  }
  let nativeBases = 0;
  for (const b of bases) if (b.native && b !== objectType && b.alloc) nativeBases++;
  if (nativeBases > 1 && !bases.every((b) => b.isSubtype(baseExceptionType))) { /* tolerated */ }
  t.native = false;
  t.$type = meta;
  for (const [k, v] of d.entries()) {
    if (typeof k !== 'string') continue;
    let val = v;
    if ((k === '__new__') && val instanceof PyFunction) val = new PyStaticMethod(val);
    if ((k === '__init_subclass__' || k === '__class_getitem__') && val instanceof PyFunction) val = new PyClassMethod(val);
    t.dict.set(k, val);
  }
  t.qualname = typeof t.dict.get('__qualname__') === 'string' ? t.dict.get('__qualname__') : name;
  t.dict.delete('__qualname__');
  t.module = typeof t.dict.get('__module__') === 'string' ? t.dict.get('__module__') : '__main__';
  t.hasGetattr = t.lookup('__getattr__') !== undefined;
  t.hasSetattr = t.mro.some((m) => !m.native && m.dict.has('__setattr__'));
  PyType.version++;
  // __set_name__ for descriptors
  for (const [k, v] of t.dict) {
    if (typeof v === 'object' && v !== None && v.$type && !v.$type.native) {
      const sn = v.$type.lookup('__set_name__');
      if (sn !== undefined) ops.callObj(sn, [v, t, k], null);
    }
  }
  // __init_subclass__ on a parent
  for (let i = 1; i < t.mro.length; i++) {
    const isc = t.mro[i].dict.get('__init_subclass__');
    if (isc instanceof PyClassMethod) { ops.callObj(isc.fn, [t], null); break; }
  }
  return t;
}

export function super0(cls: PyObj, self: PyObj): PySuper {
  if (cls === undefined || self === undefined) throw typeError('function takes 2 positional arguments but 0 were given');
  return new PySuper(cls, self);
}

// #region containers

export const list = (a: PyObj[]): PyList => new PyList(a);
export const tuple = (a: PyObj[]): PyTuple => new PyTuple(a);
export function dict(kv: PyObj[]): PyDict {
  const d = new PyDict(kv.length >> 1);
  for (let i = 0; i < kv.length; i += 2) d.set(kv[i], kv[i + 1]);
  return d;
}
export function dictEx(parts: PyObj[]): PyDict {
  const d = new PyDict();
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (Array.isArray(p)) {
      const m = p[0];
      if (m instanceof PyDict) d.copyFrom(m);
      else for (const k of ops.toArray(ops.callObj(ops.ga(m, 'keys'), [], null))) d.set(k, ops.gi(m, k));
    } else { d.set(p, parts[i + 1]); i++; }
  }
  return d;
}
export function set(a: PyObj[]): PySet { const s = mkSet(false, undefined, a.length); for (const x of a) s.add(x); return s; }
export const slice = (a: PyObj, b: PyObj, c: PyObj): PySlice => new PySlice(a, b, c);
export function listPush(r: PyObj[], v: PyObj): void { r.push(v); }
export function setAdd(r: PySet, v: PyObj): void { r.add(v); }
export function dictSet(r: PyDict, k: PyObj, v: PyObj): void { r.set(k, v); }

// #endregion

// #region generators, await, with

/** `yield from x`: a JS iterator that yield* can delegate to (returns the StopIteration value). */
export function yf(x: PyObj): Iterator<PyObj, PyObj, PyObj> {
  if (x instanceof PyGenerator) {
    if (x.running) throw pyErr('ValueError', 'generator already executing');
    return delegate(x);
  }
  const it = ops.iter(x);
  return iterDelegate(it);
}

function* delegate(g: PyGenerator): Generator<PyObj, PyObj, PyObj> {
  // Drive the inner generator through its Python-level protocol (keeps running/done state right).
  let sent: PyObj = None;
  let thrown: PyRaise | null = null;
  for (;;) {
    let v: PyObj;
    if (thrown) { const t = thrown; thrown = null; v = g.resume(t, true); }
    else v = g.resume(sent, false);
    if (v === undefined) { const r = g.retval; g.retval = None; return r; }
    try { sent = yield v; } catch (e) {
      if (e instanceof PyRaise && e.exc.$type === excType('GeneratorExit')) { g.close(); throw e; }
      if (e instanceof PyRaise) thrown = e; else throw e;
    }
  }
}

function* iterDelegate(it: PyIter): Generator<PyObj, PyObj, PyObj> {
  for (let v = it.next(); v !== undefined; v = it.next()) {
    const sent = yield v;
    if (sent !== None && sent !== undefined) {
      const send = ops.gaOpt(it, 'send');
      if (send === undefined) throw pyErr('AttributeError', `'${ops.typeName(it)}' object has no attribute 'send'`);
    }
  }
  return None;
}

/** `await x`: a coroutine, a generator, or an object with __await__. */
export function await_(x: PyObj): Iterator<PyObj, PyObj, PyObj> {
  if (x instanceof PyGenerator) return yf(x);
  if (x !== null && typeof x === 'object' && typeof x.$await === 'function') return x.$await();
  const f = typeOf(x).lookup('__await__');
  if (f !== undefined) return yf(ops.callObj(f, [x], null));
  const it = typeOf(x).lookup('__iter__');
  if (it !== undefined) return yf(x);
  throw typeError(`'${ops.typeName(x)}' object isn't awaitable`);
}

export function aiter(x: PyObj): PyObj {
  const f = typeOf(x).lookup('__aiter__');
  if (f === undefined) throw typeError(`'${ops.typeName(x)}' object isn't iterable`);
  return ops.callObj(f, [x], null);
}

/** One step of `async for`: yields through the awaitable of __anext__; undefined at the end. */
export function* anext(it: PyObj): Generator<PyObj, PyObj, PyObj> {
  const aw = ops.callObj(ops.ga(it, '__anext__'), [], null);
  try {
    return yield* { [Symbol.iterator]: () => await_(aw) } as Iterable<PyObj>;
  } catch (e) {
    if (e instanceof PyRaise && e.exc.$type.isSubtype(excType('StopAsyncIteration'))) return undefined;
    throw e;
  }
}

export function withEnter(m: PyObj, isAsync: boolean): PyObj {
  const f = typeOf(m).lookup(isAsync ? '__aenter__' : '__enter__');
  if (f === undefined) throw pyErr('AttributeError', `'${ops.typeName(m)}' object has no attribute '${isAsync ? '__aenter__' : '__enter__'}'`);
  return ops.callObj(f, [m], null);
}

export function withExit(m: PyObj, exc: PyObj, isAsync: boolean): PyObj {
  const f = typeOf(m).lookup(isAsync ? '__aexit__' : '__exit__');
  if (f === undefined) throw pyErr('AttributeError', `'${ops.typeName(m)}' object has no attribute '__exit__'`);
  if (exc === None) return ops.callObj(f, [m, None, None, None], null);
  return ops.callObj(f, [m, exc.$type, exc, None], null);
}

// #endregion

export function fv(v: PyObj, conv: string | null, spec: PyObj): string {
  if (conv === 'r') v = ops.repr(v);
  else if (conv === 's') v = ops.str(v);
  else if (conv === 'a') v = ops.repr(v);
  if (spec === null || spec === '') return typeof v === 'string' ? v : ops.str(v);
  return formatValue(v, spec);
}

export function replPrint(v: PyObj): void {
  if (v === None) return;
  rt.interp.write(ops.repr(v) + '\n');
}

/** `from m import name` item lookup. */
export function fromItem(m: PyObj, name: string): PyObj {
  if (m instanceof PyModule) {
    const v = m.g[name];
    if (v !== undefined) return v;
    const sub = rt.interp.tryImportSub(m, name);
    if (sub !== undefined) return sub;
    throw pyErr('ImportError', `can't import name ${name}`);
  }
  const v = ops.gaOpt(m, name);
  if (v === undefined) throw pyErr('ImportError', `can't import name ${name}`);
  return v;
}

export function installOps(): void {
  rt.ops = {
    ...ops,
    // the operators; ops.eq/ne stay the boolean equality the runtime's containers use
    eq: ops.eqOp, ne: ops.neOp,
    caught, tb, tbCatch, tbUnmatched, tbReraise, match, mkraise, reraise, assertFail, gn, unb, delg, mkfunc, mkgen, mkgenexp, mkclass, super0,
    list, tuple, dict, dictEx, set, slice, listPush, setAdd, dictSet, yf, await: await_, aiter, anext, withEnter, withExit,
    fv, replPrint, None, Ellipsis,
    importName: (name: string, asLeaf: boolean, g: PyObj) => rt.interp.importName(name, asLeaf, g),
    importFrom: (name: string, level: number, g: PyObj) => rt.interp.importFrom(name, level, g),
    importStar: (m: PyObj, g: PyObj) => rt.interp.importStar(m, g),
  };
  (rt as unknown as { fromItem: typeof fromItem }).fromItem = fromItem;
  (rt as unknown as { asyncYield: () => never }).asyncYield = () => { throw pyErr('SyntaxError', 'yield inside async function'); };
}

export { NotImplemented, JsIter, PyBuiltin };
export type { Kw };
