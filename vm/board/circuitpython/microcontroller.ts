// CircuitPython's microcontroller module (Pin type, pin namespace, cpu with temperature and
// frequency, reset) and the board module (pin names of the profile, I2C(), board_id).

import type { BoardContext } from '../context';
import { HARD_RESET_MARK } from '../context';
import { bytes, float, fn, instance, module, nativeClass, None, stateOf, type PyObj } from '../py';
import { pyErr } from '../../objects/exception';

export interface McuPin {
  gpio: number;
  /** 'board.D13' as repr shows it. */
  label: string;
}

export function makeMicrocontroller(ctx: BoardContext) {
  const { hal, profile } = ctx;
  const Pin = nativeClass('Pin', {
    module: 'microcontroller',
    methods: {
      __repr__: (a) => stateOf<McuPin>(a[0], Pin).label,
      __hash__: (a) => stateOf<McuPin>(a[0], Pin).gpio,
    },
  });
  const byGpio = new Map<number, PyObj>();
  const pinObj = (gpio: number, label: string) => {
    let p = byGpio.get(gpio);
    if (!p) {
      p = instance<McuPin>(Pin, { gpio, label });
      byGpio.set(gpio, p);
    }
    return p;
  };
  const mcuPins: Record<string, PyObj> = {};
  for (let g = 0; g < 30; g++) {
    if (hal.pinId(g) === null && !profile.pins.some((d) => d.gpio === g)) continue;
    mcuPins[`GPIO${g}`] = pinObj(g, `board.${profile.pins.find((d) => d.gpio === g)?.names[0] ?? `GP${g}`}`);
  }
  const Processor = nativeClass('Processor', {
    module: 'microcontroller',
    props: {
      temperature: { get: () => float(Math.round(hal.cpuTemperature() * 100) / 100) },
      frequency: { get: () => profile.cpuFreqHz },
      voltage: { get: () => float(3.3) },
      uid: { get: () => bytes(Uint8Array.from(profile.uniqueId)) },
    },
  });
  const cpu = instance(Processor, {});
  const RunMode = nativeClass('RunMode', { module: 'microcontroller', methods: { __repr__: (a) => `microcontroller.RunMode.${a[0].state}` } });
  for (const m of ['NORMAL', 'SAFE_MODE', 'UF2', 'BOOTLOADER']) RunMode.dict.set(m, instance(RunMode, m));
  let nextRunMode = 'NORMAL';
  const microcontroller = module('microcontroller', {
    Pin,
    Processor,
    cpu,
    cpus: None,
    pin: module('microcontroller.pin', mcuPins),
    RunMode,
    // on_next_reset(run_mode)
    on_next_reset: fn('on_next_reset', (a) => {
      nextRunMode = String(stateOf<string>(a[0], RunMode));
      return None;
    }),
    reset: fn('reset', () => {
      if (nextRunMode === 'UF2' || nextRunMode === 'BOOTLOADER') {
        nextRunMode = 'NORMAL';
        throw pyErr('NotImplementedError', 'a simulated board has no bootloader; install firmware on a real board');
      }
      throw pyErr('SystemExit', HARD_RESET_MARK);
    }),
    delay_us: fn('delay_us', () => None),
    disable_interrupts: fn('disable_interrupts', () => None),
    enable_interrupts: fn('enable_interrupts', () => None),
  });
  return { microcontroller, Pin, pinObj };
}

/** The board module: every name of every profile pin, board_id, and I2C()/STEMMA_I2C(). */
export function makeBoardModule(ctx: BoardContext, pinObj: (gpio: number, label: string) => PyObj, i2c: () => PyObj) {
  const attrs: Record<string, PyObj> = { board_id: ctx.profile.boardId };
  for (const def of ctx.profile.pins) {
    const p = pinObj(def.gpio, `board.${def.names[0]}`);
    for (const n of def.names) attrs[n] = p;
  }
  attrs.I2C = fn('I2C', () => i2c());
  attrs.STEMMA_I2C = fn('STEMMA_I2C', () => i2c());
  return module('board', attrs);
}

/** The GPIO of a microcontroller.Pin argument. */
export function mcuPinArg(Pin: ReturnType<typeof nativeClass>, x: PyObj): number {
  return stateOf<McuPin>(x, Pin).gpio;
}
