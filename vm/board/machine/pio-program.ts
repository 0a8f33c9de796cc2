// rp2.asm_pio's assembler: the PIO instructions a decorated function calls (set, nop, jmp, out,
// pull, mov...) with their delays ([n]) and side-sets (.side(n)), collected into a program the
// state machines run. Operands are tokens ('@pins', '@x', '@!x' for invert(x)); labels are
// plain strings, resolved once the function has run.

import { nativeClass, raise, stateOf, toInt, type PyObj } from '../py';

export interface PioInstr {
  op: 'jmp' | 'wait' | 'in' | 'out' | 'push' | 'pull' | 'mov' | 'irq' | 'set' | 'nop';
  args: PyObj[];
  delay: number;
  side: number | null;
  /** jmp target after labels are resolved. */
  target?: number;
}

export interface PioProgram {
  instrs: PioInstr[];
  wrapTarget: number;
  wrap: number;
  /** asm_pio keywords: set_init, sideset_init, out_init, out_shiftdir, autopull, pull_thresh... */
  opts: Map<string, PyObj>;
}

/** Operand tokens as the functions see them (and sm.exec strings name them). */
export const OPERANDS = ['pins', 'x', 'y', 'null', 'pindirs', 'pc', 'isr', 'osr', 'exec', 'status', 'block', 'noblock', 'iffull', 'ifempty', 'rel', 'clear', 'gpio', 'pin', 'irq',
  'not_x', 'x_dec', 'not_y', 'y_dec', 'x_not_y', 'not_osre'];

export const tok = (name: string): string => '@' + name;

/** The emitter a decorated function writes into. */
export class PioEmitter {
  readonly instrs: PioInstr[] = [];
  readonly labels = new Map<string, number>();
  wrapTarget = 0;
  wrap = -1;

  emit(op: PioInstr['op'], args: PyObj[]): PioInstr {
    const i: PioInstr = { op, args, delay: 0, side: null };
    this.instrs.push(i);
    if (this.instrs.length > 32) raise('ValueError', 'PIO program too long');
    return i;
  }

  finish(opts: Map<string, PyObj>): PioProgram {
    for (const i of this.instrs) {
      if (i.op !== 'jmp') continue;
      const t = i.args[i.args.length - 1];
      if (typeof t === 'number') i.target = t;
      else if (typeof t === 'string' && !t.startsWith('@')) {
        const at = this.labels.get(t);
        if (at === undefined) raise('ValueError', `unknown label ${t}`);
        i.target = at;
      } else raise('ValueError', 'jmp needs a label');
    }
    return { instrs: this.instrs, wrapTarget: this.wrapTarget, wrap: this.wrap < 0 ? this.instrs.length - 1 : this.wrap, opts };
  }
}

/** The object each instruction call returns: `[n]` sets the delay, .side(n) the side-set, .delay(n) too. */
export function makeInstrClass() {
  const Instr: ReturnType<typeof nativeClass> = nativeClass('PIOInstruction', {
    module: 'rp2',
    methods: {
      __getitem__: (a) => {
        stateOf<PioInstr>(a[0], Instr).delay = toInt(a[1]);
        return a[0];
      },
      delay: (a) => {
        stateOf<PioInstr>(a[0], Instr).delay = toInt(a[1]);
        return a[0];
      },
      side: (a) => {
        stateOf<PioInstr>(a[0], Instr).side = toInt(a[1]);
        return a[0];
      },
      __repr__: (a) => `<PIO ${stateOf<PioInstr>(a[0], Instr).op}>`,
    },
  });
  return Instr;
}

/** Parses a one-instruction string for sm.exec ("pull()", "mov(isr, osr)", "set(pins, 1)"). */
export function parseInstr(src: string): PioInstr {
  const m = /^\s*(\w+?)_?\s*\((.*)\)\s*$/.exec(src);
  if (!m) return raise('ValueError', `cannot assemble "${src}"`);
  const args = m[2].trim() === '' ? [] : m[2].split(',').map((s) => s.trim());
  const value = (s: string): PyObj => {
    const inv = /^invert\((\w+)\)$/.exec(s);
    if (inv) return '@!' + inv[1];
    if (OPERANDS.includes(s)) return tok(s);
    if (/^-?(0x[0-9a-f]+|\d+)$/i.test(s)) return Number(s);
    if (/^["'].*["']$/.test(s)) return s.slice(1, -1);
    return raise('ValueError', `unknown operand ${s}`);
  };
  const op = m[1] as PioInstr['op'];
  if (!['jmp', 'wait', 'in', 'out', 'push', 'pull', 'mov', 'irq', 'set', 'nop'].includes(op)) raise('ValueError', `unknown instruction ${m[1]}`);
  const i: PioInstr = { op, args: args.map(value), delay: 0, side: null };
  if (op === 'jmp') i.target = toInt(i.args[i.args.length - 1]);
  return i;
}
