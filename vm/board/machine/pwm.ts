// machine.PWM: freq([value]), duty_u16([value]), duty_ns([value]), init(), deinit().

import type { BoardContext } from '../context';
import { arg, isNone, nativeClass, None, raise, stateOf, toInt, type Kw, type PyObj } from '../py';
import { pinArg, type makePinClass } from './pin';

interface PwmState {
  gpio: number;
  freq: number;
  duty: number;
}

export function makePwmClass(ctx: BoardContext, Pin: ReturnType<typeof makePinClass>) {
  const { hal } = ctx;
  const apply = (s: PwmState) => hal.pwmSet(s.gpio, s.freq, s.duty);
  const configure = (self: PyObj, args: PyObj[], kw: Kw) => {
    const s = stateOf<PwmState>(self, PWM);
    const freq = arg(args, kw, 0, 'freq', None);
    const duty = arg([], kw, 99, 'duty_u16', None);
    const ns = arg([], kw, 99, 'duty_ns', None);
    if (!isNone(freq)) setFreq(s, toInt(freq));
    if (!isNone(duty)) s.duty = clampDuty(toInt(duty));
    if (!isNone(ns)) s.duty = clampDuty(Math.round((toInt(ns) * s.freq * 65535) / 1e9));
    apply(s);
  };
  const setFreq = (s: PwmState, f: number) => {
    if (f < 8) raise('ValueError', 'freq too small');
    if (f > 62_500_000) raise('ValueError', 'freq too large');
    s.freq = f;
  };
  const PWM = nativeClass('PWM', {
    module: 'machine',
    methods: {
      // PWM(pin, *, freq, duty_u16, duty_ns, invert)
      __init__: (a, kw) => {
        const gpio = pinArg(ctx, Pin, a[1]);
        a[0].state = { gpio, freq: hal.pwmGet(gpio)?.freq ?? 1000, duty: hal.pwmGet(gpio)?.dutyU16 ?? 0 } satisfies PwmState;
        configure(a[0], a.slice(2), kw);
        return None;
      },
      init: (a, kw) => (configure(a[0], a.slice(1), kw), None),
      deinit: (a) => (hal.pwmStop(stateOf<PwmState>(a[0], PWM).gpio), None),
      freq: (a) => {
        const s = stateOf<PwmState>(a[0], PWM);
        if (a.length < 2) return s.freq;
        setFreq(s, toInt(a[1]));
        apply(s);
        return None;
      },
      duty_u16: (a) => {
        const s = stateOf<PwmState>(a[0], PWM);
        if (a.length < 2) return s.duty;
        s.duty = clampDuty(toInt(a[1]));
        apply(s);
        return None;
      },
      duty_ns: (a) => {
        const s = stateOf<PwmState>(a[0], PWM);
        if (a.length < 2) return Math.round((s.duty * 1e9) / (s.freq * 65535));
        s.duty = clampDuty(Math.round((toInt(a[1]) * s.freq * 65535) / 1e9));
        apply(s);
        return None;
      },
      __repr__: (a) => {
        const s = stateOf<PwmState>(a[0], PWM);
        return `<PWM slice=${(s.gpio >> 1) & 7} channel=${s.gpio & 1} invert=0>`;
      },
    },
  });
  return PWM;
}

function clampDuty(d: number): number {
  return Math.max(0, Math.min(65535, d));
}
