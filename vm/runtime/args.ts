// Argument helpers for native functions: arity checks and int/float/str/bytes readers
// with MicroPython's TypeError texts.

import { typeOf, None, type PyObj, type Kw } from '../objects/object';
import { typeError, pyErr } from '../objects/exception';
import { PyFloat } from '../objects/float';
import { bufferOf } from '../objects/bytes';
import { callObj } from './ops';

/** Checks positional argument count: MicroPython's "function takes N positional arguments but M were given". */
export function arity(args: PyObj[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    if (min === max) throw typeError(`function takes ${min} positional arguments but ${args.length} were given`);
    if (args.length < min) throw typeError(`function missing ${min - args.length} required positional arguments`);
    throw typeError(`function expected at most ${max} arguments, got ${args.length}`);
  }
}

/** Rejects any keyword arguments. */
export function noKw(kw: Kw): void {
  if (kw && kw.size) throw typeError('function doesn\'t take keyword arguments');
}

/** Reads positional-or-keyword arguments by name; missing optional ones are undefined. */
export function argsByName(args: PyObj[], kw: Kw, names: string[], required = 0): PyObj[] {
  const out: PyObj[] = args.slice(0, names.length);
  if (args.length > names.length) throw typeError(`function takes ${names.length} positional arguments but ${args.length} were given`);
  if (kw) {
    for (const [k, v] of kw) {
      const i = names.indexOf(k);
      if (i < 0) throw typeError(`unexpected keyword argument '${k}'`);
      out[i] = v;
    }
  }
  for (let i = 0; i < required; i++) if (out[i] === undefined) throw typeError(`function missing ${required - i} required positional arguments`);
  return out;
}

function missing(): never { throw typeError('function missing 1 required positional arguments'); }

/** An int argument (bool allowed; objects with __index__ too). */
/** mp_obj_get_int: an int that must fit a 32-bit machine word, as on a board. */
export function argWord(x: PyObj): number {
  const v = argInt(x);
  if (typeof v === 'bigint' || v > 0x7fffffff || v < -0x80000000) throw pyErr('OverflowError', 'overflow converting long int to machine word');
  return v;
}

export function argInt(x: PyObj): number | bigint {
  if (x === undefined) missing();
  if (typeof x === 'number' || typeof x === 'bigint') return x;
  if (typeof x === 'object' && x !== null && x.$prim !== undefined && typeof x.$prim !== 'string') return argInt(x.$prim);
  if (typeof x === 'boolean') return x ? 1 : 0;
  const t = typeOf(x);
  if (!t.native) { const f = t.lookup('__index__'); if (f) return argInt(callObj(f, [x], null)); }
  throw typeError(`can't convert ${t.name} to int`);
}

/** An int argument as a JS number (clamped conversion of big values). */
export function argNum(x: PyObj): number { return Number(argInt(x)); }

/** A float argument (ints accepted). */
export function argFloat(x: PyObj): number {
  if (x instanceof PyFloat) return x.v;
  if (x === undefined) missing();
  if (typeof x === 'object' && x !== null && x.$prim !== undefined && typeof x.$prim !== 'string') return argFloat(x.$prim);
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') return Number(x);
  if (typeof x === 'boolean') return x ? 1 : 0;
  const t = typeOf(x);
  // __float__ must give a float itself, as MicroPython checks
  if (!t.native) { const f = t.lookup('__float__'); if (f) { const r = callObj(f, [x], null); if (r instanceof PyFloat) return r.v; } }
  throw typeError(`can't convert ${t.name} to float`);
}

/** A str argument. */
export function argStr(x: PyObj): string {
  if (typeof x === 'string') return x;
  if (x === undefined) missing();
  if (typeof x === 'object' && x !== null && typeof x.$prim === 'string') return x.$prim;
  throw typeError(`can't convert '${typeOf(x).name}' object to str implicitly`);
}

/** A bytes-like argument. */
export function argBytes(x: PyObj): Uint8Array {
  if (x === undefined) missing();
  const b = bufferOf(x);
  if (b) return b;
  throw typeError('object with buffer protocol required');
}

/** Optional argument with default (None counts as missing when noneIsDefault). */
export function opt<T>(x: PyObj, d: T, noneIsDefault = true): PyObj | T {
  return x === undefined || (noneIsDefault && x === None) ? d : x;
}
