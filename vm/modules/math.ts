// math: float functions on JS Math, MicroPython's error texts ("math domain error").

import { None, PyBuiltin, type PyObj } from '../objects/object';
import { PyFloat, floatToInt } from '../objects/float';
import { PyTuple } from '../objects/tuple';
import { pyErr } from '../objects/exception';
import { normBig, toBig } from '../objects/int';
import { argFloat, argInt, arity } from '../runtime/args';
import * as ops from '../runtime/ops';
import { nativeModule } from './util';
import type { PyModule } from '../objects/module';

const F = (v: number): PyFloat => new PyFloat(v);
function domain(v: number): number { if (Number.isNaN(v)) throw pyErr('ValueError', 'math domain error'); return v; }
function f1(fn: (x: number) => number, checkDomain = true) {
  return (a: PyObj[]) => { arity(a, 1); const x = argFloat(a[0]); const r = fn(x); return F(checkDomain && !Number.isNaN(x) ? domain(r) : r); };
}

function gcd(a: bigint, b: bigint): bigint { a = a < 0n ? -a : a; b = b < 0n ? -b : b; while (b) { [a, b] = [b, a % b]; } return a; }

export function makeMath(): PyModule {
  const m = nativeModule('math', {
    // math.sqrt(x) etc.
    sqrt: f1(Math.sqrt), exp: f1(Math.exp), log2: f1(Math.log2), log10: f1(Math.log10),
    sin: f1(Math.sin), cos: f1(Math.cos), tan: f1(Math.tan), asin: f1(Math.asin), acos: f1(Math.acos), atan: f1(Math.atan),
    sinh: f1(Math.sinh), cosh: f1(Math.cosh), tanh: f1(Math.tanh), asinh: f1(Math.asinh), acosh: f1(Math.acosh), atanh: f1(Math.atanh),
    expm1: f1(Math.expm1), log1p: f1(Math.log1p), fabs: f1(Math.abs), erf: f1(erf), erfc: f1((x) => 1 - erf(x)),
    gamma: f1(gamma), lgamma: f1((x) => Math.log(Math.abs(gamma(x)))),
    // math.log(x[, base])
    log: (a) => {
      arity(a, 1, 2);
      const x = argFloat(a[0]);
      if (x <= 0) throw pyErr('ValueError', 'math domain error');
      if (a.length > 1) { const b = argFloat(a[1]); if (b <= 0) throw pyErr('ValueError', 'math domain error'); if (b === 1) throw pyErr('ZeroDivisionError', 'divide by zero'); return F(Math.log(x) / Math.log(b)); }
      return F(Math.log(x));
    },
    atan2: (a) => { arity(a, 2); return F(Math.atan2(argFloat(a[0]), argFloat(a[1]))); },
    pow: (a) => { arity(a, 2); const x = argFloat(a[0]); const y = argFloat(a[1]); if (x < 0 && !Number.isInteger(y)) throw pyErr('ValueError', 'math domain error'); if (x === 0 && y < 0) throw pyErr('ValueError', 'math domain error'); return F(x ** y); },
    hypot: (a) => F(Math.hypot(...a.map(argFloat))),
    copysign: (a) => { arity(a, 2); const x = Math.abs(argFloat(a[0])); const y = argFloat(a[1]); return F(y < 0 || Object.is(y, -0) ? -x : x); },
    fmod: (a) => { arity(a, 2); const y = argFloat(a[1]); if (y === 0) throw pyErr('ValueError', 'math domain error'); return F(argFloat(a[0]) % y); },
    // math.floor(x) / ceil / trunc → int
    floor: (a) => { arity(a, 1); const x = a[0]; if (typeof x === 'number' || typeof x === 'bigint') return x; return floatToInt(Math.floor(argFloat(x))); },
    ceil: (a) => { arity(a, 1); const x = a[0]; if (typeof x === 'number' || typeof x === 'bigint') return x; return floatToInt(Math.ceil(argFloat(x))); },
    trunc: (a) => { arity(a, 1); const x = a[0]; if (typeof x === 'number' || typeof x === 'bigint') return x; return floatToInt(Math.trunc(argFloat(x))); },
    // as C's modf: both parts carry x's sign (modf(-1) is (-0.0, -1.0)), modf(inf) is (0.0, inf)
    modf: (a) => {
      const x = argFloat(a[0]);
      const i = Math.trunc(x);
      const frac = Number.isNaN(x) ? x : !Number.isFinite(x) || x === i ? (x < 0 || Object.is(x, -0) ? -0 : 0) : x - i;
      return new PyTuple([F(frac), F(i)]);
    },
    frexp: (a) => {
      const x = argFloat(a[0]);
      if (x === 0 || !Number.isFinite(x)) return new PyTuple([F(x), 0]);
      let e = Math.ceil(Math.log2(Math.abs(x)));
      let m = x / 2 ** e;
      if (Math.abs(m) >= 1) { m /= 2; e++; } else if (Math.abs(m) < 0.5) { m *= 2; e--; }
      return new PyTuple([F(m), e]);
    },
    ldexp: (a) => F(argFloat(a[0]) * 2 ** Number(argInt(a[1]))),
    isnan: (a) => Number.isNaN(argFloat(a[0])),
    isinf: (a) => { const x = argFloat(a[0]); return x === Infinity || x === -Infinity; },
    isfinite: (a) => Number.isFinite(argFloat(a[0])),
    isclose: (a, kw) => {
      const x = argFloat(a[0]); const y = argFloat(a[1]);
      const rt = kw?.has('rel_tol') ? argFloat(kw.get('rel_tol')) : 1e-9; const at = kw?.has('abs_tol') ? argFloat(kw.get('abs_tol')) : 0;
      if (x === y) return true;
      return Math.abs(x - y) <= Math.max(rt * Math.max(Math.abs(x), Math.abs(y)), at);
    },
    degrees: (a) => F(argFloat(a[0]) * 180 / Math.PI),
    radians: (a) => F(argFloat(a[0]) * Math.PI / 180),
    factorial: (a) => {
      arity(a, 1);
      const n = argInt(a[0]);
      if (n < 0) throw pyErr('ValueError', 'math domain error');
      let r = 1n; for (let i = 2n; i <= BigInt(n); i++) r *= i; return normBig(r);
    },
    gcd: (a) => normBig(a.reduce((acc: bigint, x: PyObj) => gcd(acc, toBig(argInt(x))), 0n)),
    lcm: (a) => normBig(a.reduce((acc: bigint, x: PyObj) => { const v = toBig(argInt(x)); if (!acc || !v) return 0n; const r = acc * v / gcd(acc, v); return r < 0n ? -r : r; }, 1n)),
    isqrt: (a) => {
      const n = toBig(argInt(a[0]));
      if (n < 0n) throw pyErr('ValueError', 'isqrt() argument must be nonnegative');
      if (n < 2n) return normBig(n);
      let x = BigInt(Math.floor(Math.sqrt(Number(n))));
      while (x * x > n) x--;
      while ((x + 1n) * (x + 1n) <= n) x++;
      return normBig(x);
    },
    fsum: (a) => { let s = 0; let c = 0; for (const v of ops.toArray(a[0])) { const y = argFloat(v) - c; const t = s + y; c = (t - s) - y; s = t; } return F(s); },
    prod: (a) => { let r: PyObj = 1; for (const v of ops.toArray(a[0])) r = ops.mul(r, v); return r; },
    comb: (a) => { const n = toBig(argInt(a[0])); const k = toBig(argInt(a[1])); if (k < 0n || k > n) return 0; let r = 1n; for (let i = 0n; i < k; i++) r = r * (n - i) / (i + 1n); return normBig(r); },
    perm: (a) => { const n = toBig(argInt(a[0])); const k = a.length > 1 && a[1] !== None ? toBig(argInt(a[1])) : n; if (k > n) return 0; let r = 1n; for (let i = 0n; i < k; i++) r *= n - i; return normBig(r); },
  }, { pi: F(Math.PI), e: F(Math.E), tau: F(2 * Math.PI), inf: F(Infinity), nan: F(NaN) });
  // positional arity of the functions above (MicroPython's messages come from arity())
  const ar: Record<string, [number, number]> = {
    modf: [1, 1], frexp: [1, 1], ldexp: [2, 2], isnan: [1, 1], isinf: [1, 1], isfinite: [1, 1], isclose: [2, 2],
    degrees: [1, 1], radians: [1, 1], gcd: [0, 99], lcm: [0, 99], isqrt: [1, 1], fsum: [1, 1], prod: [1, 1], comb: [2, 2], perm: [1, 2], hypot: [0, 99],
  };
  for (const [k, [lo, hi]] of Object.entries(ar)) {
    const b = m.g[k] as PyBuiltin;
    const fn = b.fn;
    b.fn = (a, kw) => { arity(a, lo, hi); return fn(a, kw); };
  }
  return m;
}

function erf(x: number): number {
  // Abramowitz-Stegun 7.1.26 refined with a series for small |x|
  const s = Math.sign(x); const ax = Math.abs(x);
  if (ax < 2) {
    let sum = ax; let term = ax; const x2 = ax * ax;
    for (let n = 1; n < 60; n++) { term *= -x2 / n; sum += term / (2 * n + 1); }
    return s * 2 / Math.sqrt(Math.PI) * sum;
  }
  const t = 1 / (1 + 0.5 * ax);
  const y = 1 - t * Math.exp(-ax * ax - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return s * y;
}

function gamma(x: number): number {
  if (Number.isInteger(x) && x <= 0) return NaN;
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  if (Number.isInteger(x) && x < 171) { let r = 1; for (let i = 2; i < x; i++) r *= i; return r; }
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let a = c[0];
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i] / (x + i);
  return Math.sqrt(2 * Math.PI) * t ** (x + 0.5) * Math.exp(-t) * a;
}
