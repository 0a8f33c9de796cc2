// machine.Timer: periodic and one-shot callbacks (run as soft IRQs, with the timer as argument).

import type { BoardContext } from '../context';
import { arg, isNone, nativeClass, None, raise, stateOf, toFloat, toInt, type Kw, type PyObj } from '../py';

interface TimerState {
  handle: number | null;
}

export function makeTimerClass(ctx: BoardContext) {
  const { hal } = ctx;
  const ONE_SHOT = 0;
  const PERIODIC = 1;
  const stop = (s: TimerState) => {
    if (s.handle !== null) hal.timerStop(s.handle);
    s.handle = null;
  };
  // Timer.init(*, mode=PERIODIC, period=-1, freq=-1, callback=None)
  const init = (self: PyObj, args: PyObj[], kw: Kw) => {
    const s = stateOf<TimerState>(self, Timer);
    stop(s);
    const mode = toInt(arg(args, kw, 0, 'mode', PERIODIC));
    const freq = arg([], kw, 99, 'freq', -1);
    const period = arg([], kw, 99, 'period', -1);
    const tickHz = toInt(arg([], kw, 99, 'tick_hz', 1000));
    const callback = arg([], kw, 99, 'callback', None);
    let ms: number;
    if (freq !== -1) {
      const f = toFloat(freq);
      if (f <= 0) raise('ValueError', 'invalid freq');
      ms = 1000 / f;
    } else if (period !== -1) ms = (toInt(period) * 1000) / tickHz;
    else ms = 1000;
    if (isNone(callback)) return;
    s.handle = hal.timerStart(ms, mode === PERIODIC, () => {
      if (mode !== PERIODIC) s.handle = null;
      ctx.softIrq(callback, self);
    });
  };
  const Timer = nativeClass('Timer', {
    module: 'machine',
    methods: {
      // Timer(id=-1, *, mode=PERIODIC, period=-1, freq=-1, callback=None)
      __init__: (a, kw) => {
        a[0].state = { handle: null } satisfies TimerState;
        if (kw && kw.size > 0) init(a[0], [], kw);
        return None;
      },
      init: (a, kw) => (init(a[0], a.slice(1), kw), None),
      deinit: (a) => (stop(stateOf<TimerState>(a[0], Timer)), None),
      __repr__: () => 'Timer(mode=PERIODIC, tick_hz=1000000, freq=1)',
    },
    attrs: { ONE_SHOT, PERIODIC },
  });
  return Timer;
}
