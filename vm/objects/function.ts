// function: a compiled Python function (a JS function plus its parameter spec), argument
// binding for the general call path, and the closure-free fast path (`nargs`).

import { PyType, objectType, None, type PyObj, type Kw } from './object';
import { PyTuple } from './tuple';
import { PyDict } from './dict';
import { typeError } from './exception';
import type { FuncSpec } from '../compile/codegen';

export const functionType = new PyType('function', [objectType]);

export class PyFunction {
  declare $type: PyType;
  $d: Map<string, PyObj> | undefined = undefined;
  /** Positional parameter count when callable directly with exactly that many args, else -1. */
  readonly nargs: number;
  name: string;
  constructor(
    public fn: (...a: PyObj[]) => PyObj,
    public spec: FuncSpec,
    public defaults: PyObj[] | null,
    public kwdefaults: Map<string, PyObj> | null,
    public globals: PyObj = null,
  ) {
    this.nargs = spec.nargs;
    this.name = spec.name;
  }
}
PyFunction.prototype.$type = functionType;

/** A generator (or async) function: MicroPython gives it a type of its own, named 'generator'. */
export const genFunctionType = new PyType('generator', [objectType]);
export class PyGenFunction extends PyFunction {}
PyGenFunction.prototype.$type = genFunctionType;

/**
 * Binds positional and keyword arguments to the JS parameter list of a function, with
 * MicroPython's checks and messages (py/bc.c mp_setup_code_state).
 */
export function bindArgs(f: PyFunction, args: PyObj[], kw: Kw): PyObj[] {
  const s = f.spec;
  const n = s.argnames.length;
  const nkw = s.kwonly.length;
  const total = n + (s.vararg ? 1 : 0) + nkw + (s.varkw ? 1 : 0);
  const out: PyObj[] = new Array(total);
  const defs = f.defaults;
  const ndef = defs ? defs.length : 0;
  const defKw = f.kwdefaults !== null && f.kwdefaults.size > 0;
  const np = args.length < n ? args.length : n;
  for (let i = 0; i < np; i++) out[i] = args[i];
  if (args.length > n) {
    if (!s.vararg) throw typeError(`${s.name}() takes ${n} positional arguments but ${args.length} were given`);
    out[n] = new PyTuple(args.slice(n));
  } else if (s.vararg) out[n] = new PyTuple([]);
  const kwBase = n + (s.vararg ? 1 : 0);
  const hasKw = kw !== null && kw.size > 0;
  if (!hasKw && !defKw) {
    if (args.length < n - ndef) throw typeError(`${s.name}() takes ${n - ndef} positional arguments but ${args.length} were given`);
    for (let i = args.length; i < n; i++) out[i] = (defs as PyObj[])[i - (n - ndef)];
    if (nkw) throw typeError('function missing keyword-only argument');
    if (s.varkw) out[total - 1] = new PyDict(0);
    return out;
  }
  let varkw: PyDict | null = null;
  if (s.varkw) { varkw = new PyDict(0); out[total - 1] = varkw; }
  if (kw !== null) {
    for (const [k, v] of kw) {
      let idx = s.argnames.indexOf(k);
      if (idx >= 0 && idx < s.posonly) idx = -1;
      if (idx >= 0) {
        if (out[idx] !== undefined) throw typeError(`function got multiple values for argument '${k}'`);
        out[idx] = v;
        continue;
      }
      const ki = s.kwonly.indexOf(k);
      if (ki >= 0) { out[kwBase + ki] = v; continue; }
      if (varkw) { varkw.set(k, v); continue; }
      throw typeError(`unexpected keyword argument '${k}'`);
    }
  }
  for (let i = n - ndef; i < n; i++) if (out[i] === undefined) out[i] = (defs as PyObj[])[i - (n - ndef)];
  for (let i = n - 1; i >= 0; i--) if (out[i] === undefined) throw typeError(`function missing required positional argument #${i}`);
  for (let i = 0; i < nkw; i++) {
    if (out[kwBase + i] === undefined) {
      const d = f.kwdefaults?.get(s.kwonly[i]);
      if (d === undefined) throw typeError(`function missing required keyword argument '${s.kwonly[i]}'`);
      out[kwBase + i] = d;
    }
  }
  return out;
}

export { None };
