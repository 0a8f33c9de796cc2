// CircuitPython digitalio, analogio and pwmio on the BoardHal.

import type { BoardContext } from '../context';
import { arg, float, instance, isNone, module, nativeClass, None, raise, stateOf, toBool, toFloat, toInt, type PyObj } from '../py';
import { mcuPinArg } from './microcontroller';
import type { nativeClass as NC } from '../py';

type Cls = ReturnType<typeof NC>;

interface DioState {
  gpio: number;
  dir: 'in' | 'out';
  pull: 'up' | 'down' | null;
  openDrain: boolean;
  deinited: boolean;
}

export function makeDigitalio(ctx: BoardContext, Pin: Cls) {
  const { hal } = ctx;
  const Direction = nativeClass('Direction', { module: 'digitalio', methods: { __repr__: (a) => `digitalio.Direction.${a[0].state}` } });
  const Pull = nativeClass('Pull', { module: 'digitalio', methods: { __repr__: (a) => `digitalio.Pull.${a[0].state}` } });
  const DriveMode = nativeClass('DriveMode', { module: 'digitalio', methods: { __repr__: (a) => `digitalio.DriveMode.${a[0].state}` } });
  const INPUT = instance(Direction, 'INPUT'), OUTPUT = instance(Direction, 'OUTPUT');
  const UP = instance(Pull, 'UP'), DOWN = instance(Pull, 'DOWN');
  const PUSH_PULL = instance(DriveMode, 'PUSH_PULL'), OPEN_DRAIN = instance(DriveMode, 'OPEN_DRAIN');
  for (const [t, vals] of [[Direction, { INPUT, OUTPUT }], [Pull, { UP, DOWN }], [DriveMode, { PUSH_PULL, OPEN_DRAIN }]] as const) {
    for (const [k, v] of Object.entries(vals)) t.dict.set(k, v);
  }
  const st = (self: PyObj) => {
    const s = stateOf<DioState>(self, DigitalInOut);
    if (s.deinited) raise('ValueError', 'Object has been deinitialized and can no longer be used. Create a new object.');
    return s;
  };
  const apply = (s: DioState) => hal.pinConfigure(s.gpio, s.dir === 'out' ? (s.openDrain ? 'open-drain' : 'out') : 'in', s.dir === 'in' ? s.pull : null);
  const DigitalInOut = nativeClass('DigitalInOut', {
    module: 'digitalio',
    methods: {
      __init__: (a) => {
        const gpio = mcuPinArg(Pin, a[1]);
        a[0].state = { gpio, dir: 'in', pull: null, openDrain: false, deinited: false } satisfies DioState;
        apply(a[0].state);
        return None;
      },
      // switch_to_output(value=False, drive_mode=DriveMode.PUSH_PULL)
      switch_to_output: (a, kw) => {
        const s = st(a[0]);
        s.dir = 'out';
        s.openDrain = arg(a, kw, 2, 'drive_mode', PUSH_PULL) === OPEN_DRAIN;
        hal.pinWrite(s.gpio, toBool(arg(a, kw, 1, 'value', false)) ? 1 : 0);
        apply(s);
        return None;
      },
      // switch_to_input(pull=None)
      switch_to_input: (a, kw) => {
        const s = st(a[0]);
        const p = arg(a, kw, 1, 'pull', None);
        s.dir = 'in';
        s.pull = p === UP ? 'up' : p === DOWN ? 'down' : null;
        apply(s);
        return None;
      },
      deinit: (a) => {
        const s = stateOf<DioState>(a[0], DigitalInOut);
        if (!s.deinited) hal.pinConfigure(s.gpio, 'unused', null);
        s.deinited = true;
        return None;
      },
      __enter__: (a) => a[0],
      __exit__: (a) => {
        const s = stateOf<DioState>(a[0], DigitalInOut);
        if (!s.deinited) hal.pinConfigure(s.gpio, 'unused', null);
        s.deinited = true;
        return None;
      },
    },
    props: {
      direction: {
        get: (self) => (st(self).dir === 'out' ? OUTPUT : INPUT),
        set: (self, v) => {
          const s = st(self);
          s.dir = v === OUTPUT ? 'out' : 'in';
          if (s.dir === 'out') {
            s.pull = null;
            hal.pinWrite(s.gpio, 0);
          }
          apply(s);
        },
      },
      value: {
        get: (self) => hal.pinRead(st(self).gpio) === 1,
        set: (self, v) => {
          const s = st(self);
          if (s.dir !== 'out') raise('AttributeError', 'Cannot set value when direction is input.');
          hal.pinWrite(s.gpio, toBool(v) ? 1 : 0);
        },
      },
      pull: {
        get: (self) => {
          const s = st(self);
          return s.dir === 'out' ? None : s.pull === 'up' ? UP : s.pull === 'down' ? DOWN : None;
        },
        set: (self, v) => {
          const s = st(self);
          if (s.dir === 'out') raise('AttributeError', 'Pull not used when direction is output.');
          s.pull = v === UP ? 'up' : v === DOWN ? 'down' : null;
          apply(s);
        },
      },
      drive_mode: {
        get: (self) => (st(self).openDrain ? OPEN_DRAIN : PUSH_PULL),
        set: (self, v) => {
          const s = st(self);
          s.openDrain = v === OPEN_DRAIN;
          apply(s);
        },
      },
    },
  });
  return module('digitalio', { DigitalInOut, Direction, Pull, DriveMode });
}

export function makeAnalogio(ctx: BoardContext, Pin: Cls) {
  const { hal, profile } = ctx;
  const AnalogIn = nativeClass('AnalogIn', {
    module: 'analogio',
    methods: {
      __init__: (a) => {
        const gpio = mcuPinArg(Pin, a[1]);
        if (profile.pins.find((d) => d.gpio === gpio)?.adc === undefined) raise('ValueError', 'Pin does not have ADC capabilities');
        hal.pinConfigure(gpio, 'adc', null);
        a[0].state = { gpio };
        return None;
      },
      deinit: () => None,
      __enter__: (a) => a[0],
      __exit__: () => None,
    },
    props: {
      value: { get: (self) => hal.adcReadPin(stateOf<{ gpio: number }>(self, AnalogIn).gpio) },
      reference_voltage: { get: () => float(profile.adcVref) },
    },
  });
  return module('analogio', { AnalogIn });
}

interface PwmOutState {
  gpio: number;
  duty: number;
  freq: number;
  variable: boolean;
}

export function makePwmio(ctx: BoardContext, Pin: Cls) {
  const { hal } = ctx;
  const PWMOut = nativeClass('PWMOut', {
    module: 'pwmio',
    methods: {
      // PWMOut(pin, *, duty_cycle=0, frequency=500, variable_frequency=False)
      __init__: (a, kw) => {
        const gpio = mcuPinArg(Pin, a[1]);
        const s: PwmOutState = {
          gpio,
          duty: toInt(arg(a, kw, 2, 'duty_cycle', 0)) & 0xffff,
          freq: toInt(arg(a, kw, 3, 'frequency', 500)),
          variable: toBool(arg(a, kw, 4, 'variable_frequency', false)),
        };
        a[0].state = s;
        hal.pwmSet(gpio, s.freq, s.duty);
        return None;
      },
      deinit: (a) => (hal.pwmStop(stateOf<PwmOutState>(a[0], PWMOut).gpio), None),
      __enter__: (a) => a[0],
      __exit__: (a) => (hal.pwmStop(stateOf<PwmOutState>(a[0], PWMOut).gpio), None),
    },
    props: {
      duty_cycle: {
        get: (self) => stateOf<PwmOutState>(self, PWMOut).duty,
        set: (self, v) => {
          const s = stateOf<PwmOutState>(self, PWMOut);
          const d = toInt(v);
          if (d < 0 || d > 0xffff) raise('ValueError', 'duty_cycle must be 0-65535');
          s.duty = d;
          hal.pwmSet(s.gpio, s.freq, s.duty);
        },
      },
      frequency: {
        get: (self) => stateOf<PwmOutState>(self, PWMOut).freq,
        set: (self, v) => {
          const s = stateOf<PwmOutState>(self, PWMOut);
          if (!s.variable) raise('AttributeError', 'Frequency must be set at construction when variable_frequency is False.');
          s.freq = Math.round(toFloat(v));
          hal.pwmSet(s.gpio, s.freq, s.duty);
        },
      },
    },
  });
  void isNone;
  return module('pwmio', { PWMOut });
}
