// time: sleep (interruptible, runs scheduled callbacks), ticks_*, time/time_ns,
// localtime/gmtime/mktime (UTC, as boards without an RTC zone), monotonic.

import { None, type PyObj } from '../objects/object';
import { PyFloat } from '../objects/float';
import { PyTuple } from '../objects/tuple';
import { pyErr } from '../objects/exception';
import { normBig } from '../objects/int';
import type { PyModule } from '../objects/module';
import type { Interp } from '../runtime/interp';
import { argFloat, argNum, argWord, arity } from '../runtime/args';
import * as ops from '../runtime/ops';
import { nativeModule } from './util';

const TICKS_PERIOD = 2 ** 30;
const EPOCH_2000 = 946684800; // MicroPython ports with a 2000 epoch; unix and wasm use 1970

function toTuple(secs: number): PyTuple {
  const d = new Date(secs * 1000);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const yday = Math.floor((d.getTime() - start) / 86400000) + 1;
  return new PyTuple([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), (d.getUTCDay() + 6) % 7, yday]);
}

export function makeTime(interp: Interp): PyModule {
  const host = interp.host;
  const t0 = host.monotonicMs();
  const ms = () => Math.floor(host.monotonicMs() - t0 + 1) % TICKS_PERIOD;
  void EPOCH_2000;
  return nativeModule('time', {
    // time.sleep(seconds)
    sleep: (a) => { arity(a, 1); const s = argFloat(a[0]); if (s < 0) throw pyErr('ValueError', 'sleep length must be non-negative'); interp.sleepMs(s * 1000); return None; },
    sleep_ms: (a) => { arity(a, 1); const v = argNum(a[0]); if (v > 0) interp.sleepMs(v); else interp.tick(); return None; },
    sleep_us: (a) => { arity(a, 1); const v = argNum(a[0]); if (v > 0) interp.sleepMs(v / 1000); else interp.tick(); return None; },
    ticks_ms: () => ms(),
    ticks_us: () => Math.floor((host.monotonicMs() - t0) * 1000) % TICKS_PERIOD,
    ticks_cpu: () => Math.floor((host.monotonicMs() - t0) * 1000) % TICKS_PERIOD,
    // time.ticks_diff(end, start)
    ticks_diff: (a) => { arity(a, 2); const d = ((argNum(a[0]) - argNum(a[1])) % TICKS_PERIOD + TICKS_PERIOD + TICKS_PERIOD / 2) % TICKS_PERIOD - TICKS_PERIOD / 2; return d; },
    ticks_add: (a) => {
      arity(a, 2);
      const delta = argWord(a[1]);
      // beyond half a period ticks_diff(ticks_add(t, d), t) could no longer give d back
      if (delta <= -TICKS_PERIOD / 2 || delta >= TICKS_PERIOD / 2) throw pyErr('OverflowError', 'ticks interval overflow');
      return ((argNum(a[0]) + delta) % TICKS_PERIOD + TICKS_PERIOD) % TICKS_PERIOD;
    },
    time: () => Math.floor(host.wallMs() / 1000),
    time_ns: () => normBig(BigInt(Math.floor(host.wallMs())) * 1000000n),
    monotonic: () => new PyFloat((host.monotonicMs() - t0) / 1000),
    monotonic_ns: () => normBig(BigInt(Math.floor((host.monotonicMs() - t0) * 1e6))),
    // time.localtime([secs]) / gmtime([secs])
    localtime: (a) => toTuple(a.length && a[0] !== None ? argFloat(a[0]) : host.wallMs() / 1000),
    gmtime: (a) => toTuple(a.length && a[0] !== None ? argFloat(a[0]) : host.wallMs() / 1000),
    // time.mktime(tuple)
    mktime: (a) => {
      arity(a, 1);
      const t = ops.toArray(a[0]).map((x: PyObj) => argNum(x));
      if (t.length < 6) throw pyErr('TypeError', 'mktime needs a tuple of length 8 or 9');
      return Math.floor(Date.UTC(t[0], t[1] - 1, t[2], t[3], t[4], t[5]) / 1000);
    },
  });
}
