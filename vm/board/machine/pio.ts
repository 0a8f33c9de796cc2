// rp2.PIO, rp2.StateMachine and rp2.asm_pio: enough of the RP2040's programmable I/O for the
// official pio_blink, pio_pwm and pio_ws2812 examples to run and drive the drawn parts.
// asm_pio runs the decorated function once with the PIO instructions as its globals (as
// MicroPython's rp2.py does), then restores them.

import type { BoardContext } from '../context';
import { arg, fn, isNone, nativeClass, None, raise, stateOf, toBuffer, toInt, type Kw, type PyObj, instance } from '../py';
import { isTypedArray } from '../../objects/array-like';
import { callObj } from '../../runtime/ops';
import { pinArg, type makePinClass } from './pin';
import { makeInstrClass, OPERANDS, parseInstr, PioEmitter, tok, type PioProgram } from './pio-program';
import { StateMachine } from './state-machine';

const PIO_CONSTANTS = { IN_LOW: 0, IN_HIGH: 1, OUT_LOW: 2, OUT_HIGH: 3, SHIFT_LEFT: 0, SHIFT_RIGHT: 1, JOIN_NONE: 0, JOIN_TX: 1, JOIN_RX: 2, IRQ_SM0: 0x100, IRQ_SM1: 0x200, IRQ_SM2: 0x400, IRQ_SM3: 0x800 };

export function makePio(ctx: BoardContext, Pin: ReturnType<typeof makePinClass>) {
  const Instr = makeInstrClass();
  const Program = nativeClass('PIOProgram', { module: 'rp2' });
  const machines = new Map<number, { sm: StateMachine; stop: () => void }>();

  // asm_pio(*, out_init=None, set_init=None, sideset_init=None, in_shiftdir=0, out_shiftdir=0, autopush=False, autopull=False, push_thresh=32, pull_thresh=32, fifo_join=0)
  const asmPio = fn('asm_pio', (_a, kw) => {
    const opts = new Map(kw ?? []);
    return fn('asm_pio', (a) => {
      const emitter = new PioEmitter();
      const g = ctx.mainGlobals();
      const emit = (op: Parameters<PioEmitter['emit']>[0]) => fn(op, (args) => instance(Instr, emitter.emit(op, args)));
      const names: Record<string, PyObj> = {
        wrap_target: fn('wrap_target', () => ((emitter.wrapTarget = emitter.instrs.length), None)),
        wrap: fn('wrap', () => ((emitter.wrap = emitter.instrs.length - 1), None)),
        label: fn('label', (args) => (emitter.labels.set(String(args[0]), emitter.instrs.length), None)),
        jmp: emit('jmp'), wait: emit('wait'), in_: emit('in'), out: emit('out'), push: emit('push'), pull: emit('pull'),
        mov: emit('mov'), irq: emit('irq'), set: emit('set'), nop: emit('nop'),
        invert: fn('invert', (args) => '@!' + String(args[0]).slice(1)),
        reverse: fn('reverse', (args) => '@~' + String(args[0]).slice(1)),
      };
      for (const o of OPERANDS) names[o] = tok(o);
      const saved = new Map<string, PyObj>();
      for (const k of Object.keys(names)) {
        saved.set(k, g[k]);
        g[k] = names[k];
      }
      try {
        callObj(a[0], [], null);
      } finally {
        for (const [k, v] of saved) {
          if (v === undefined) delete g[k];
          else g[k] = v;
        }
      }
      return instance(Program, emitter.finish(opts));
    });
  });

  const smOf = (self: PyObj) => {
    const id = stateOf<{ id: number }>(self, StateMachineCls).id;
    const m = machines.get(id);
    if (!m) raise('ValueError', 'StateMachine not initialised');
    return m.sm;
  };
  const pinOrNull = (kw: Kw, name: string) => {
    const v = arg([], kw, 99, name, None);
    return isNone(v) ? null : pinArg(ctx, Pin, v);
  };
  // StateMachine(id, program, freq=-1, *, in_base, out_base, set_base, jmp_pin, sideset_base, ...)
  const init = (self: PyObj, id: number, a: PyObj[], kw: Kw) => {
    const prog = stateOf<PioProgram>(a[0], Program);
    const freq = a.length > 1 ? toInt(a[1]) : toInt(arg([], kw, 99, 'freq', 125_000_000));
    machines.get(id)?.stop();
    const sm = new StateMachine(ctx.hal, prog, {
      freq: freq <= 0 ? 125_000_000 : freq,
      setBase: pinOrNull(kw, 'set_base'),
      outBase: pinOrNull(kw, 'out_base'),
      sidesetBase: pinOrNull(kw, 'sideset_base'),
      inBase: pinOrNull(kw, 'in_base'),
      jmpPin: pinOrNull(kw, 'jmp_pin'),
    });
    machines.set(id, { sm, stop: ctx.hal.addTicker((now) => sm.run(now)) });
    (self as { state: unknown }).state = { id };
  };
  const StateMachineCls: ReturnType<typeof nativeClass> = nativeClass('StateMachine', {
    module: 'rp2',
    methods: {
      __init__: (a, kw) => {
        const id = toInt(a[1]);
        if (id < 0 || id > 7) raise('ValueError', 'invalid StateMachine id');
        if (a.length > 2) init(a[0], id, a.slice(2), kw);
        else (a[0] as { state: unknown }).state = { id };
        return None;
      },
      init: (a, kw) => (init(a[0], stateOf<{ id: number }>(a[0], StateMachineCls).id, a.slice(1), kw), None),
      // active([value])
      active: (a) => {
        const sm = smOf(a[0]);
        if (a.length > 1) sm.setActive(toInt(a[1]) !== 0);
        return sm.active;
      },
      // put(value, shift=0): an int, or every item of an array/bytes
      put: (a, kw) => {
        const sm = smOf(a[0]);
        const shift = toInt(arg(a, kw, 2, 'shift', 0));
        const words = typeof a[1] === 'number' ? [a[1]] : wordsOf(a[1]);
        for (const w of words) {
          let guard = 0;
          while (!sm.put(((w << shift) >>> 0) & 0xffffffff)) {
            sm.runCycles(64);
            if (++guard > 100_000) raise('OSError', 'StateMachine TX FIFO full: the program never pulls');
          }
        }
        return None;
      },
      get: (a) => {
        const sm = smOf(a[0]);
        const v = sm.rx.shift();
        return v === undefined ? 0 : v;
      },
      exec: (a) => (smOf(a[0]).exec(parseInstr(String(a[1]))), None),
      restart: () => None,
      rx_fifo: (a) => smOf(a[0]).rx.length,
      tx_fifo: (a) => smOf(a[0]).txLevel(),
      irq: () => None,
    },
  });
  const PIO = nativeClass('PIO', {
    module: 'rp2',
    methods: {
      __init__: (a) => ((a[0] as { state: unknown }).state = { id: toInt(a[1]) }, None),
      state_machine: (a, kw) => {
        const base = stateOf<{ id: number }>(a[0], PIO).id * 4;
        const sm = instance(StateMachineCls, { id: base + toInt(a[1]) });
        if (a.length > 2) init(sm, base + toInt(a[1]), a.slice(2), kw);
        return sm;
      },
      remove_program: () => None,
      add_program: () => None,
    },
    attrs: PIO_CONSTANTS,
  });
  return { PIO, StateMachine: StateMachineCls, asm_pio: asmPio };
}

/** The words of an array('I'/'H'/'B'...) or bytes for put(). */
function wordsOf(x: PyObj): number[] {
  const b = toBuffer(x);
  const code = isTypedArray(x) ? x.$typecode : 'B';
  const size = ({ b: 1, B: 1, h: 2, H: 2, i: 4, I: 4, l: 4, L: 4 } as Record<string, number>)[code] ?? 1;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out: number[] = [];
  for (let o = 0; o + size <= b.length; o += size) out.push(size === 1 ? view.getUint8(o) : size === 2 ? view.getUint16(o, true) : view.getUint32(o, true));
  return out;
}
