// float: a boxed JS number (so 1 and 1.0 stay distinct). repr follows MicroPython:
// shortest round-trip digits, exponent form from 1e16 up and below 1e-4.

import { floatType, methods, PyClassMethod, type PyObj } from './object';
import { pyErr } from './exception';
import { normBig } from './int';

export class PyFloat {
  declare $type: typeof floatType;
  constructor(readonly v: number) {}
}
PyFloat.prototype.$type = floatType;

export function floatRepr(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const a = Math.abs(v);
  let s: string;
  if (a >= 1e16 || a < 1e-4) {
    s = v.toExponential();
    // JS: 1e+22, 1.5e-7 → Python: 1e+22, 1.5e-07
    s = s.replace(/e([+-])(\d)$/, 'e$10$2');
    return s;
  }
  s = String(v);
  if (s.includes('e')) {
    // JS switches to exponent at 1e21 only, but we are below 1e16 here; small numbers handled above
    return s;
  }
  return s.includes('.') ? s : s + '.0';
}

/** float → int (truncating), OverflowError/ValueError for inf/nan. */
export function floatToInt(v: number): number | bigint {
  if (Number.isNaN(v)) throw pyErr('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(v)) throw pyErr('OverflowError', "can't convert inf to int");
  const t = Math.trunc(v);
  if (Number.isSafeInteger(t)) return t === 0 ? 0 : t;
  return normBig(BigInt(t));
}

/** Parses a Python float string; null when invalid. */
export function parseFloatStr(s: string): number | null {
  const t = s.trim().toLowerCase().replace(/_/g, '');
  if (/^[+-]?(inf|infinity)$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(t)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) return null;
  return Number(t);
}

export function mkFloat(v: number): PyFloat { return new PyFloat(v); }

// float.is_integer()
// float.as_integer_ratio()
// float.fromhex(s) (not in MicroPython; omitted)
methods(floatType, {
  is_integer: (a) => Number.isInteger((a[0] as PyFloat).v),
  conjugate: (a) => a[0],
});
void PyClassMethod;
export type { PyObj };
