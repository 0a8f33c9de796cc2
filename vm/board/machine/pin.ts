// machine.Pin: GPIO with modes IN/OUT/OPEN_DRAIN, pulls, value/on/off/toggle, and irq() whose
// handlers run as soft IRQs. Constants follow the port (rp2 or esp32), as the real firmware's do.

import type { BoardContext } from '../context';
import { arg, instance, isNone, nativeClass, None, raise, stateOf, toBool, toInt, type Kw, type PyObj } from '../py';
import type { PinMode, Pull } from '../hal';

export interface PinState {
  gpio: number;
  name: string;
  irq: (() => void) | null;
}

/** Mode/pull/irq constant values per port. */
function constants(platform: string) {
  if (platform === 'esp32') {
    return { IN: 1, OUT: 3, OPEN_DRAIN: 7, PULL_UP: 2, PULL_DOWN: 1, IRQ_RISING: 1, IRQ_FALLING: 2 };
  }
  return { IN: 0, OUT: 1, OPEN_DRAIN: 2, ALT: 3, PULL_UP: 1, PULL_DOWN: 2, IRQ_FALLING: 4, IRQ_RISING: 8 };
}

export function makePinClass(ctx: BoardContext) {
  const { hal, profile } = ctx;
  const K = constants(profile.platform);
  const modeOf = (m: number): PinMode => {
    if (m === K.IN) return 'in';
    if (m === K.OUT) return 'out';
    if (m === K.OPEN_DRAIN) return 'open-drain';
    return raise('ValueError', 'invalid pin mode');
  };
  const pullOf = (p: PyObj): Pull => {
    if (isNone(p)) return null;
    const v = toInt(p);
    if (v === K.PULL_UP) return 'up';
    if (v === K.PULL_DOWN) return 'down';
    return raise('ValueError', 'invalid pull');
  };

  // Pin.init(mode=-1, pull=-1, *, value=None)
  const init = (self: PyObj, args: PyObj[], kw: Kw) => {
    const s = stateOf<PinState>(self, Pin);
    const value = arg([], kw, 99, 'value', None);
    if (!isNone(value)) hal.pinWrite(s.gpio, toBool(value) ? 1 : 0);
    const mode = arg(args, kw, 0, 'mode', -1);
    const pull = arg(args, kw, 1, 'pull', -1);
    const m = mode === -1 || isNone(mode) ? hal.pinMode(s.gpio) : modeOf(toInt(mode));
    const cur = hal.pinMode(s.gpio);
    const p = pull === -1 ? null : pullOf(pull);
    if (mode !== -1 || pull !== -1 || cur === 'unused') hal.pinConfigure(s.gpio, m === 'unused' ? 'in' : m, p);
  };

  // the object Pin.irq() returns: flags() is the edge that fired last, trigger() the edges watched
  const Irq = nativeClass('irq', {
    module: 'machine',
    methods: {
      flags: (a) => stateOf<{ flags: number; trigger: number }>(a[0], Irq).flags,
      trigger: (a) => stateOf<{ flags: number; trigger: number }>(a[0], Irq).trigger,
    },
  });

  const resolve = (id: PyObj): number => {
    const g = typeof id === 'string' ? hal.pinId(id) : hal.pinId(toInt(id));
    if (g === null) raise('ValueError', 'invalid pin');
    return g;
  };

  const Pin = nativeClass('Pin', {
    module: 'machine',
    methods: {
      // Pin(id, mode=-1, pull=-1, *, value=None)
      __init__: (a, kw) => {
        const self = a[0];
        const gpio = resolve(a[1]);
        const def = profile.pins.find((d) => d.gpio === gpio);
        self.state = { gpio, name: def?.names[0] ?? String(gpio), irq: null } satisfies PinState;
        if (a.length > 2 || (kw && kw.size > 0)) init(self, a.slice(2), kw);
        return None;
      },
      init: (a, kw) => (init(a[0], a.slice(1), kw), None),
      // Pin.value([x])
      value: (a) => {
        const s = stateOf<PinState>(a[0], Pin);
        if (a.length > 1) {
          hal.pinWrite(s.gpio, toBool(a[1]) ? 1 : 0);
          return None;
        }
        return hal.pinRead(s.gpio);
      },
      __call__: (a) => {
        const s = stateOf<PinState>(a[0], Pin);
        if (a.length > 1) {
          hal.pinWrite(s.gpio, toBool(a[1]) ? 1 : 0);
          return None;
        }
        return hal.pinRead(s.gpio);
      },
      on: (a) => (hal.pinWrite(stateOf<PinState>(a[0], Pin).gpio, 1), None),
      off: (a) => (hal.pinWrite(stateOf<PinState>(a[0], Pin).gpio, 0), None),
      high: (a) => (hal.pinWrite(stateOf<PinState>(a[0], Pin).gpio, 1), None),
      low: (a) => (hal.pinWrite(stateOf<PinState>(a[0], Pin).gpio, 0), None),
      toggle: (a) => {
        const s = stateOf<PinState>(a[0], Pin);
        hal.pinWrite(s.gpio, hal.pinRead(s.gpio) ? 0 : 1);
        return None;
      },
      // Pin.irq(handler=None, trigger=IRQ_FALLING|IRQ_RISING, *, hard=False)
      irq: (a, kw) => {
        const self = a[0];
        const s = stateOf<PinState>(self, Pin);
        const handler = arg(a, kw, 1, 'handler', None);
        const trigger = toInt(arg(a, kw, 2, 'trigger', K.IRQ_FALLING | K.IRQ_RISING));
        s.irq?.();
        s.irq = null;
        const irqState = { flags: 0, trigger };
        if (!isNone(handler)) {
          s.irq = hal.pinWatch(s.gpio, { rising: (trigger & K.IRQ_RISING) !== 0, falling: (trigger & K.IRQ_FALLING) !== 0 }, () => {
            irqState.flags = hal.pinRead(s.gpio) ? K.IRQ_RISING : K.IRQ_FALLING;
            ctx.softIrq(handler, self);
          });
        }
        return instance(Irq, irqState);
      },
      mode: (a) => {
        const s = stateOf<PinState>(a[0], Pin);
        if (a.length > 1) {
          hal.pinConfigure(s.gpio, modeOf(toInt(a[1])), null);
          return None;
        }
        const m = hal.pinMode(s.gpio);
        return m === 'out' ? K.OUT : m === 'open-drain' ? K.OPEN_DRAIN : K.IN;
      },
      __repr__: (a) => {
        const s = stateOf<PinState>(a[0], Pin);
        if (profile.platform === 'esp32') return `Pin(${s.gpio})`;
        const m = hal.pinMode(s.gpio);
        if (m === 'unused') return `Pin(GPIO${s.gpio}, mode=ALT, alt=31)`;
        const mode = m === 'out' ? 'OUT' : m === 'open-drain' ? 'OPEN_DRAIN' : m === 'pwm' ? 'ALT, alt=PWM' : 'IN';
        const pull = hal.pinPull(s.gpio);
        return `Pin(GPIO${s.gpio}, mode=${mode}${pull ? `, pull=PULL_${pull.toUpperCase()}` : ''})`;
      },
    },
    attrs: { ...K },
  });
  return Pin;
}

/** The GPIO of a Pin object, a pin name or a number (what PWM, ADC, I2C accept). */
export function pinArg(ctx: BoardContext, Pin: ReturnType<typeof makePinClass>, x: PyObj): number {
  if (x && typeof x === 'object' && 'state' in x && x.$type?.isSubtype?.(Pin)) return stateOf<PinState>(x, Pin).gpio;
  const g = typeof x === 'string' ? ctx.hal.pinId(x) : ctx.hal.pinId(toInt(x));
  if (g === null) raise('ValueError', 'invalid pin');
  return g;
}

