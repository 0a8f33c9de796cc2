// cmath: MicroPython's set of functions on complex numbers (cos, exp, log, log10, phase, polar,
// rect, sin, sqrt); the complex type itself is a builtin (objects/complex).

import { PyFloat } from '../objects/float';
import { PyTuple } from '../objects/tuple';
import { C, complexArg, floatArg } from '../objects/complex';
import { arity } from '../runtime/args';
import type { PyObj } from '../objects/object';
import type { PyModule } from '../objects/module';
import { nativeModule } from './util';

const LOG10_E = 0.4342944819032518;

function f1(fn: (re: number, im: number) => PyObj) {
  return (a: PyObj[]) => { arity(a, 1); const [re, im] = complexArg(a[0]); return fn(re, im); };
}

export function makeCmath(): PyModule {
  return nativeModule('cmath', {
    // cmath.phase(z)
    phase: f1((re, im) => new PyFloat(Math.atan2(im, re))),
    // cmath.polar(z)
    polar: f1((re, im) => new PyTuple([new PyFloat(Math.sqrt(re * re + im * im)), new PyFloat(Math.atan2(im, re))])),
    // cmath.rect(r, phi)
    rect: (a) => { arity(a, 2); const r = floatArg(a[0]); const phi = floatArg(a[1]); return C(r * Math.cos(phi), r * Math.sin(phi)); },
    // cmath.exp(z)
    exp: f1((re, im) => { const e = Math.exp(re); return C(e * Math.cos(im), e * Math.sin(im)); }),
    // cmath.log(z)
    log: f1((re, im) => C(Math.log(Math.sqrt(re * re + im * im)), Math.atan2(im, re))),
    // cmath.log10(z)
    log10: f1((re, im) => C(LOG10_E * Math.log(Math.sqrt(re * re + im * im)), LOG10_E * Math.atan2(im, re))),
    // cmath.sqrt(z)
    sqrt: f1((re, im) => {
      const abs = Math.pow(re * re + im * im, 0.25);
      const theta = 0.5 * Math.atan2(im, re);
      return C(abs * Math.cos(theta), abs * Math.sin(theta));
    }),
    // cmath.cos(z)
    cos: f1((re, im) => C(Math.cos(re) * Math.cosh(im), -Math.sin(re) * Math.sinh(im))),
    // cmath.sin(z)
    sin: f1((re, im) => C(Math.sin(re) * Math.cosh(im), Math.cos(re) * Math.sinh(im))),
  }, { e: new PyFloat(Math.E), pi: new PyFloat(Math.PI) });
}
