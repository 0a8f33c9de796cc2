// random: MicroPython's modrandom.c API over its Yasmarang generator, so a seeded program
// gets the same numbers as on a board. Integer arguments must fit a 32-bit machine word
// (OverflowError otherwise), as on a 32-bit port. Unseeded, it starts from a random seed.

import { None } from '../objects/object';
import { PyFloat } from '../objects/float';
import { pyErr } from '../objects/exception';
import { toBig } from '../objects/int';
import { argFloat, argInt, argWord, arity } from '../runtime/args';
import * as ops from '../runtime/ops';
import type { Interp } from '../runtime/interp';
import type { PyModule } from '../objects/module';
import { nativeModule } from './util';

/** Yasmarang (http://www.literatecode.com/yasmarang) with MicroPython's initial state. */
class Yasmarang {
  pad = 0xeda4baba;
  n = 69;
  d = 233;
  dat = 0;

  seed(s: number): void { this.pad = s >>> 0; this.n = 69; this.d = 233; this.dat = 0; }

  next(): number {
    let pad = (this.pad + this.dat + Math.imul(this.d, this.n)) >>> 0;
    pad = ((pad << 3) + (pad >>> 29)) >>> 0;
    this.pad = pad;
    this.n = (pad | 2) >>> 0;
    this.d = (this.d ^ (((pad << 31) + (pad >>> 1)) >>> 0)) >>> 0;
    this.dat = (this.dat ^ (pad & 0xff) ^ (this.d >>> 8) ^ 1) & 0xff;
    return (pad ^ (this.d << 5) ^ (pad >>> 18) ^ (this.dat << 1)) >>> 0;
  }

  /** An unsigned integer below n (n > 0): masked draws, rejecting those out of range. */
  below(n: number): number {
    let mask = 1;
    while ((n & mask) >>> 0 < n) mask = ((mask << 1) | 1) >>> 0;
    let r: number;
    do r = (this.next() & mask) >>> 0; while (r >= n);
    return r;
  }

  /** A float in [0, 1): 52 fraction bits from two draws (the second gives the low word). */
  float(): number {
    const hi = this.next();
    const lo = this.next();
    return ((hi & 0xfffff) * 2 ** 32 + lo) / 2 ** 52;
  }
}


const valueError = () => pyErr('ValueError');

export function makeRandom(interp: Interp): PyModule {
  const g = new Yasmarang();
  g.seed(Math.floor(Math.random() * 2 ** 32));
  return nativeModule('random', {
    // random.getrandbits(n)
    getrandbits: (a) => {
      arity(a, 1);
      const n = argWord(a[0]);
      if (n > 32 || n < 0) throw pyErr('ValueError', 'bits must be 32 or less');
      if (n === 0) return 0;
      return (g.next() & (0xffffffff >>> (32 - n))) >>> 0;
    },
    // random.seed(n=None)
    seed: (a) => {
      arity(a, 0, 1);
      if (a.length === 0 || a[0] === None) g.seed(Math.floor(Math.random() * 2 ** 32));
      else g.seed(Number(BigInt.asUintN(32, toBig(argInt(a[0])))));
      return None;
    },
    // random.randrange(stop) / randrange(start, stop[, step])
    randrange: (a) => {
      arity(a, 1, 3);
      const start = argWord(a[0]);
      if (a.length === 1) { if (start > 0) return g.below(start); throw valueError(); }
      const stop = argWord(a[1]);
      if (a.length === 2) { if (start < stop) return start + g.below(stop - start); throw valueError(); }
      const step = argWord(a[2]);
      let n: number;
      if (step > 0) n = Math.trunc((stop - start + step - 1) / step);
      else if (step < 0) n = Math.trunc((stop - start + step + 1) / step);
      else throw valueError();
      if (n > 0) return start + step * g.below(n);
      throw valueError();
    },
    // random.randint(a, b)
    randint: (a) => {
      arity(a, 2);
      const lo = argWord(a[0]);
      const hi = argWord(a[1]);
      if (lo <= hi) return lo + g.below(hi - lo + 1);
      throw valueError();
    },
    // random.choice(sequence)
    choice: (a) => {
      arity(a, 1);
      const len = argWord(ops.callObj(interp.builtins.g.len, [a[0]], null));
      if (len > 0) return ops.gi(a[0], g.below(len));
      throw pyErr('IndexError');
    },
    // random.random()
    random: (a) => { arity(a, 0); return new PyFloat(g.float()); },
    // random.uniform(a, b)
    uniform: (a) => {
      arity(a, 2);
      const lo = argFloat(a[0]);
      const hi = argFloat(a[1]);
      return new PyFloat(lo + (hi - lo) * g.float());
    },
  });
}
