// The complex type, a builtin as on MicroPython ports with MICROPY_PY_BUILTINS_COMPLEX (rp2
// among them), so `complex(1, 2)` and `isinstance(x, complex)` need no import. Arithmetic follows
// objcomplex.c (z1**z2 through exp/log, its division and "complex divide by zero"). A complex
// with no imaginary part equals the real number and hashes like it (mp_float_hash(real) ^
// mp_float_hash(imag)), so `1 == 1+0j` and they are the same dict key.

import { PyType, typeType, objectType, methods, None, PyBuiltin, PyProperty, type PyObj } from './object';
import { PyFloat, floatRepr } from './float';
import { floatHash } from './mp-order';
import { pyErr, typeError } from './exception';
import { arity, noKw } from '../runtime/args';
import * as ops from '../runtime/ops';

export const complexType = new PyType('complex', [objectType]);
complexType.$type = typeType;

export class PyComplex {
  declare $type: PyType;
  constructor(readonly re: number, readonly im: number) {}
  /** The dict key: a real-valued complex shares the key of its float (and so of an equal int). */
  $key(): PyObj {
    if (this.im === 0) return Number.isInteger(this.re) ? (Number.isSafeInteger(this.re) ? this.re + 0 : BigInt(this.re)) : this.re;
    return '\u0000j' + this.re + ',' + this.im;
  }
  /** hash(): complex_unary_op's MP_UNARY_OP_HASH, as a 31-bit small int. */
  $hash(): number { return ((floatHash(this.re) ^ floatHash(this.im)) << 1) >> 1; }
}
PyComplex.prototype.$type = complexType;

export const C = (re: number, im: number): PyComplex => new PyComplex(re, im);

/** A real number's value, or undefined for anything that is not int/bool/float. */
export function realOf(x: PyObj): number | undefined {
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') return Number(x);
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat) return x.v;
  return undefined;
}

/** mp_obj_get_complex: a number or complex as [re, im]. */
export function complexArg(x: PyObj): [number, number] {
  if (x instanceof PyComplex) return [x.re, x.im];
  const r = realOf(x);
  if (r !== undefined) return [r, 0];
  // a user class converts by __complex__ (which must give a complex) or else __float__
  const t = typeof x === 'object' && x !== null && !x.$type.native ? x.$type as PyType : null;
  const fc = t?.lookup('__complex__');
  if (fc !== undefined) { const c = ops.callObj(fc, [x], null); if (c instanceof PyComplex) return [c.re, c.im]; }
  else if (t?.lookup('__float__') !== undefined) { const f = ops.callObj(t.lookup('__float__'), [x], null); if (f instanceof PyFloat) return [f.v, 0]; }
  throw typeError(`can't convert ${ops.typeName(x)} to complex`);
}

export function floatArg(x: PyObj): number {
  const r = realOf(x);
  if (r === undefined) throw typeError(`can't convert ${ops.typeName(x)} to float`);
  return r;
}

/** A component as MicroPython prints it: float repr without a trailing ".0". */
function part(v: number): string { return floatRepr(v).replace(/\.0$/, ''); }

function complexRepr(z: PyComplex): string {
  if (z.re === 0) return part(z.im) + 'j';
  const neg = z.im < 0 || Object.is(z.im, -0);
  return `(${part(z.re)}${neg ? '' : '+'}${part(z.im)}j)`;
}

export function power(ar: number, ai: number, br: number, bi: number): PyComplex {
  const abs1 = Math.sqrt(ar * ar + ai * ai);
  if (abs1 === 0) {
    if (bi === 0 && br >= 0) return C(br === 0 ? 1 : 0, 0);
    throw pyErr('ZeroDivisionError', '0.0 to a complex power');
  }
  const ln1 = Math.log(abs1);
  const arg1 = Math.atan2(ai, ar);
  const x3 = br * ln1 - bi * arg1;
  const y3 = bi * ln1 + br * arg1;
  const e = Math.exp(x3);
  return C(e * Math.cos(y3), e * Math.sin(y3));
}

export function multiply(ar: number, ai: number, br: number, bi: number): PyComplex {
  return C(ar * br - ai * bi, ar * bi + ai * br);
}

function divide(ar: number, ai: number, br: number, bi: number): PyComplex {
  if (bi === 0) {
    if (br === 0) throw pyErr('ZeroDivisionError', 'complex divide by zero');
    return C(ar / br, ai / br);
  }
  if (br === 0) return C(ai / bi, -ar / bi);
  const len2 = br * br + bi * bi;
  return multiply(ar, ai, br / len2, bi / -len2);
}

/** `a == b` with one of them complex: equal parts, or a real number and no imaginary part
 *  (MicroPython compares an int with a complex as floats, as it does with a float). */
function equal(a: PyObj, b: PyObj): boolean {
  if (!(a instanceof PyComplex)) [a, b] = [b, a];
  if (b instanceof PyComplex) return a.re === b.re && a.im === b.im;
  const r = realOf(b);
  return r !== undefined && a.im === 0 && a.re === r;
}

/** The runtime's complex hook: a result, or undefined when neither operand is complex. */
function complexOp(op: string, a: PyObj, b: PyObj): PyObj {
  if (!(a instanceof PyComplex) && !(b instanceof PyComplex)) return undefined;
  if (op === 'eq') return equal(a, b);
  if (op === 'neg') return C(-a.re, -a.im);
  if (op === 'pos') return a;
  const ra = a instanceof PyComplex ? undefined : realOf(a);
  const rb = b instanceof PyComplex ? undefined : realOf(b);
  if ((!(a instanceof PyComplex) && ra === undefined) || (!(b instanceof PyComplex) && rb === undefined)) return undefined;
  const [ar, ai] = complexArg(a);
  const [br, bi] = complexArg(b);
  switch (op) {
    case 'add': return C(ar + br, ai + bi);
    case 'sub': return C(ar - br, ai - bi);
    case 'mul': return multiply(ar, ai, br, bi);
    case 'truediv': return divide(ar, ai, br, bi);
    case 'pow': return power(ar, ai, br, bi);
    case 'floordiv': throw typeError("can't truncate-divide a complex number");
  }
  return undefined;
}

// complex([real[, imag]]) / complex(string)
function construct(args: PyObj[]): PyComplex {
  arity(args, 0, 2);
  if (args.length === 0) return C(0, 0);
  if (args.length === 1) {
    const x = args[0];
    if (typeof x === 'string') return parseComplex(x);
    const [re, im] = complexArg(x);
    return C(re, im);
  }
  const [ar, ai] = args[0] instanceof PyComplex ? [args[0].re, args[0].im] : [floatArg(args[0]), 0];
  const [br, bi] = args[1] instanceof PyComplex ? [args[1].re, args[1].im] : [floatArg(args[1]), 0];
  return C(ar - bi, ai + br);
}

const NUM = '(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|inf|nan|infinity)';

function parseComplex(s: string): PyComplex {
  const t = s.trim().toLowerCase();
  const num = (x: string) => (x.endsWith('nan') ? NaN : x.includes('inf') ? (x.startsWith('-') ? -Infinity : Infinity) : Number(x));
  let m = new RegExp(`^([+-]?${NUM})$`).exec(t);
  if (m) return C(num(m[1]), 0);
  const imag = (x: string) => num(x === '' || x === '+' ? '1' : x === '-' ? '-1' : x);
  m = new RegExp(`^([+-]?(?:${NUM})?)j$`).exec(t);
  if (m) return C(0, imag(m[1]));
  m = new RegExp(`^([+-]?${NUM})([+-](?:${NUM})?)j$`).exec(t);
  if (m) return C(num(m[1]), imag(m[2]));
  throw pyErr('ValueError', 'invalid syntax for number');
}

complexType.construct = (_cls, args, kw) => { noKw(kw); return construct(args); };
methods(complexType, {
  __repr__: (a) => complexRepr(a[0]),
  __abs__: (a) => { const z = a[0] as PyComplex; return new PyFloat(Math.sqrt(z.re * z.re + z.im * z.im)); },
  __bool__: (a) => (a[0] as PyComplex).re !== 0 || (a[0] as PyComplex).im !== 0,
});
complexType.dict.set('real', new PyProperty(new PyBuiltin('real', (a) => new PyFloat((a[0] as PyComplex).re)), None, None, None));
complexType.dict.set('imag', new PyProperty(new PyBuiltin('imag', (a) => new PyFloat((a[0] as PyComplex).im)), None, None, None));
PyType.version++;

ops.setComplexHooks((x, y) => power(x, 0, y, 0), complexOp);
