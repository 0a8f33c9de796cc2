// machine.RTC (the board's clock, settable), machine.WDT (feed()), machine.Signal
// (a Pin with optional inversion).

import type { BoardContext } from '../context';
import { arg, isNone, items, nativeClass, None, raise, stateOf, toBool, toInt, tuple, type PyObj } from '../py';
import { pinArg, type makePinClass } from './pin';

export function makeRtcClass(ctx: BoardContext) {
  // RTC.datetime([(year, month, day, weekday, hours, minutes, seconds, subseconds)]): every RTC
  // object reads and sets the board's one clock, which time.time() and time.localtime() read too
  const RTC = nativeClass('RTC', {
    module: 'machine',
    methods: {
      __init__: () => None,
      datetime: (a) => {
        if (a.length > 1 && !isNone(a[1])) {
          const t = items(a[1]).map(toInt);
          if (t.length < 7) raise('ValueError', 'requested length 8 but object has length ' + t.length);
          const [y, mo, d, , h, mi, sec] = t;
          ctx.setWallMs(Date.UTC(y, mo - 1, d, h, mi, sec));
          return None;
        }
        const t = new Date(ctx.wallMs());
        const wd = (t.getUTCDay() + 6) % 7;
        return tuple([t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), wd, t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), 0]);
      },
    },
  });
  return RTC;
}

export function makeWdtClass() {
  // WDT(id=0, timeout=5000): a simulated board never hangs its hardware, so feed() only records.
  const WDT = nativeClass('WDT', {
    module: 'machine',
    methods: {
      __init__: (a, kw) => ((a[0].state = { timeout: toInt(arg(a, kw, 2, 'timeout', 5000)) }), None),
      feed: () => None,
    },
  });
  return WDT;
}

export function makeSignalClass(ctx: BoardContext, Pin: ReturnType<typeof makePinClass>) {
  const { hal } = ctx;
  // Signal(pin_obj, invert=False) or Signal(pin_arguments..., invert=False)
  const Signal = nativeClass('Signal', {
    module: 'machine',
    methods: {
      __init__: (a, kw) => {
        const gpio = pinArg(ctx, Pin, a[1]);
        a[0].state = { gpio, invert: toBool(arg([], kw, 9, 'invert', false)) };
        return None;
      },
      value: (a) => {
        const s = stateOf<{ gpio: number; invert: boolean }>(a[0], Signal);
        if (a.length > 1) {
          hal.pinWrite(s.gpio, toBool(a[1]) !== s.invert ? 1 : 0);
          return None;
        }
        return (hal.pinRead(s.gpio) === 1) !== s.invert ? 1 : 0;
      },
      on: (a) => {
        const s = stateOf<{ gpio: number; invert: boolean }>(a[0], Signal);
        hal.pinWrite(s.gpio, s.invert ? 0 : 1);
        return None;
      },
      off: (a) => {
        const s = stateOf<{ gpio: number; invert: boolean }>(a[0], Signal);
        hal.pinWrite(s.gpio, s.invert ? 1 : 0);
        return None;
      },
    },
  });
  return Signal;
}

export type { PyObj };
