// A PIO state machine emulated cycle by cycle behind rp2.StateMachine: the X/Y scratch
// registers, ISR/OSR with shift counters, 4-word FIFOs, autopull/autopush, delays, side-set
// and wrap. Time comes from the board clock; at most MAX_CYCLES_PER_MS cycles run per
// millisecond, so a 20 MHz PWM program runs slowed down but keeps its duty cycle. Pins that
// toggle faster than the panel can show are reported as PWM duty; WS2812 frames on a pin
// are decoded from the pulse widths and shown on the strip.

import type { BoardHal } from '../hal';
import { raise, toInt, type PyObj } from '../py';
import type { PioInstr, PioProgram } from './pio-program';

const MAX_CYCLES_PER_MS = 2000;
const FIFO = 4;

export interface SmConfig {
  freq: number;
  setBase: number | null;
  outBase: number | null;
  sidesetBase: number | null;
  inBase: number | null;
  jmpPin: number | null;
}

/** The per-pin view: direct edges when slow, PWM duty when fast, WS2812 bits when it looks like them. */
class PinWatch {
  level: 0 | 1 = 0;
  highCycles = 0;
  cycles = 0;
  edges = 0;
  riseAt = 0;
  lastEdgeAt = 0;
  bits: number[] = [];
  constructor(readonly gpio: number) {}
}

export class StateMachine {
  active = false;
  private pc = 0;
  private x = 0;
  private y = 0;
  private isr = 0;
  private isrCount = 0;
  private osr = 0;
  private osrCount = 32;
  private readonly tx: number[] = [];
  readonly rx: number[] = [];
  private delay = 0;
  private cycle = 0;
  private lastMs = 0;
  private owed = 0;
  private readonly watches = new Map<number, PinWatch>();
  private windowStart = 0;

  constructor(
    private readonly hal: BoardHal,
    readonly program: PioProgram,
    private readonly cfg: SmConfig,
  ) {
    this.pc = program.wrapTarget;
    for (const base of [cfg.setBase, cfg.outBase, cfg.sidesetBase]) if (base !== null && !this.watches.has(base)) this.watches.set(base, new PinWatch(base));
    for (const w of this.watches.values()) hal.pinConfigure(w.gpio, 'out', null);
  }

  private opt(name: string, dflt: PyObj): PyObj {
    return this.program.opts.has(name) ? this.program.opts.get(name) : dflt;
  }

  setActive(on: boolean): void {
    if (on && !this.active) this.lastMs = this.hal.now();
    this.active = on;
  }

  put(word: number): boolean {
    if (this.tx.length >= FIFO) return false;
    this.tx.push(word >>> 0);
    return true;
  }

  txLevel(): number {
    return this.tx.length;
  }

  /** Runs the cycles due since the last call (capped). */
  run(nowMs: number): void {
    if (!this.active) return;
    // whole cycles only; the fraction carries over to the next call
    this.owed = Math.min(this.owed + (nowMs - this.lastMs) * Math.min(this.cfg.freq / 1000, MAX_CYCLES_PER_MS), MAX_CYCLES_PER_MS * 50);
    this.lastMs = nowMs;
    const cycles = Math.floor(this.owed);
    this.owed -= cycles;
    for (let n = 0; n < cycles; n++) this.step();
    this.report(nowMs);
  }

  /** Runs `n` cycles at once (a put() into a full FIFO waits for the machine to take a word). */
  runCycles(n: number): void {
    for (let k = 0; k < n; k++) this.step();
  }

  /** sm.exec(): one instruction now, outside the program. */
  exec(i: PioInstr): void {
    this.execute(i, true);
  }

  private step(): void {
    this.cycle++;
    for (const w of this.watches.values()) {
      w.cycles++;
      if (w.level) w.highCycles++;
    }
    if (this.delay > 0) {
      this.delay--;
      return;
    }
    const i = this.program.instrs[this.pc];
    if (!i) return;
    const before = this.pc;
    const done = this.execute(i, false);
    // side-set happens even while the instruction stalls (RP2040 datasheet 3.5.1)
    if (i.side !== null) this.sideSet(i.side);
    if (!done) return; // stalled: try again next cycle
    this.delay = i.delay;
    if (this.pc === before) this.pc = before === this.program.wrap ? this.program.wrapTarget : before + 1;
  }

  private sideSet(v: number): void {
    if (this.cfg.sidesetBase === null) return;
    this.drive(this.cfg.sidesetBase, (v & 1) as 0 | 1);
  }

  private drive(gpio: number, level: 0 | 1): void {
    const w = this.watches.get(gpio) ?? new PinWatch(gpio);
    this.watches.set(gpio, w);
    if (w.level === level) return;
    w.level = level;
    w.edges++;
    if (level) w.riseAt = this.cycle;
    else this.ws2812Bit(w, this.cycle - w.riseAt);
    w.lastEdgeAt = this.cycle;
  }

  /** A high pulse of 0.2..1 µs is a WS2812 bit (1 when longer than 0.6 µs). */
  private ws2812Bit(w: PinWatch, highCycles: number): void {
    const us = (highCycles / this.cfg.freq) * 1e6;
    if (us < 0.15 || us > 1.2) {
      w.bits = [];
      return;
    }
    w.bits.push(us > 0.6 ? 1 : 0);
  }

  private latch(w: PinWatch): void {
    if (w.bits.length < 24) return;
    const bytes = new Uint8Array(Math.floor(w.bits.length / 8));
    for (let i = 0; i < bytes.length * 8; i++) bytes[i >> 3] |= w.bits[i] << (7 - (i & 7));
    w.bits = [];
    this.hal.neopixelWrite(w.gpio, bytes, 3, 'GRB');
  }

  /** Once per ~frame: slow pins show their level, fast ones a PWM duty, finished WS2812 frames the strip. */
  private report(nowMs: number): void {
    for (const w of this.watches.values()) {
      // a WS2812 frame ends with the line low for over 50 µs
      if (w.bits.length && !w.level && ((this.cycle - w.lastEdgeAt) / this.cfg.freq) * 1e6 > 50) this.latch(w);
    }
    if (nowMs - this.windowStart < 16) return;
    this.windowStart = nowMs;
    for (const w of this.watches.values()) {
      if (w.edges > 4 && w.cycles > 0) this.hal.pwmSet(w.gpio, Math.round((w.edges / 2 / w.cycles) * this.cfg.freq), Math.round((w.highCycles / w.cycles) * 65535));
      else if (this.hal.pinMode(w.gpio) === 'pwm') {
        this.hal.pwmStop(w.gpio);
        this.hal.pinWrite(w.gpio, w.level);
      } else if (this.hal.pinRead(w.gpio) !== w.level) this.hal.pinWrite(w.gpio, w.level);
      w.edges = 0;
      w.highCycles = 0;
      w.cycles = 0;
    }
  }

  private src(v: PyObj): number {
    const name = String(v).replace(/^@[!~]?/, '');
    let r: number;
    if (name === 'x') r = this.x;
    else if (name === 'y') r = this.y;
    else if (name === 'isr') r = this.isr;
    else if (name === 'osr') r = this.osr;
    else if (name === 'null') r = 0;
    else if (name === 'pins') r = this.cfg.inBase !== null ? this.hal.pinRead(this.cfg.inBase) : 0;
    else if (name === 'status') r = this.tx.length < 1 ? 0xffffffff : 0;
    else return raise('ValueError', `bad source ${name}`);
    if (String(v).startsWith('@!')) r = ~r >>> 0;
    if (String(v).startsWith('@~')) r = parseInt([...(r >>> 0).toString(2).padStart(32, '0')].reverse().join(''), 2);
    return r >>> 0;
  }

  private dest(v: PyObj, value: number, bits = 32): void {
    const name = String(v).replace(/^@/, '');
    const masked = bits >= 32 ? value >>> 0 : value & ((1 << bits) - 1);
    if (name === 'x') this.x = masked;
    else if (name === 'y') this.y = masked;
    else if (name === 'isr') {
      this.isr = masked;
      this.isrCount = 0;
    } else if (name === 'osr') {
      this.osr = masked;
      this.osrCount = 0;
    }
    else if (name === 'pc') this.pc = masked & 31;
    else if (name === 'pins' || name === 'pindirs') {
      const base = this.cfg.outBase ?? this.cfg.setBase;
      if (base !== null && name === 'pins') this.drive(base, (masked & 1) as 0 | 1);
    } else if (name !== 'null') raise('ValueError', `bad destination ${name}`);
  }

  private pull(block: boolean): boolean {
    if (this.tx.length === 0) {
      if (block) return false;
      this.osr = this.x; // a non-blocking pull of an empty FIFO copies X
      this.osrCount = 0;
      return true;
    }
    this.osr = this.tx.shift()!;
    this.osrCount = 0;
    return true;
  }

  /** Executes one instruction; false when it stalls. */
  private execute(i: PioInstr, forced: boolean): boolean {
    const a = i.args;
    const str = (k: number) => String(a[k]);
    switch (i.op) {
      case 'nop':
        return true;
      case 'set':
        if (str(0) === '@pins') {
          if (this.cfg.setBase !== null) this.drive(this.cfg.setBase, (toInt(a[1]) & 1) as 0 | 1);
        } else if (str(0) !== '@pindirs') this.dest(a[0], toInt(a[1]), 5);
        return true;
      case 'mov':
        this.dest(a[0], this.src(a[1]));
        return true;
      case 'jmp': {
        const cond = a.length > 1 ? str(0) : '';
        let take = true;
        if (cond === '@not_x') take = this.x === 0;
        else if (cond === '@x_dec') take = this.x-- !== 0;
        else if (cond === '@not_y') take = this.y === 0;
        else if (cond === '@y_dec') take = this.y-- !== 0;
        else if (cond === '@x_not_y') take = this.x !== this.y;
        else if (cond === '@pin') take = this.cfg.jmpPin !== null && this.hal.pinRead(this.cfg.jmpPin) === 1;
        else if (cond === '@not_osre') take = this.osrCount < toInt(this.opt('pull_thresh', 32));
        this.x >>>= 0;
        this.y >>>= 0;
        if (take && i.target !== undefined) this.pc = i.target;
        return true;
      }
      case 'pull': {
        const block = !a.some((v) => v === '@noblock');
        return this.pull(block || forced);
      }
      case 'push': {
        if (this.rx.length >= FIFO) return !a.some((v) => v === '@noblock') ? false : true;
        this.rx.push(this.isr >>> 0);
        this.isr = 0;
        this.isrCount = 0;
        return true;
      }
      case 'out': {
        const thresh = toInt(this.opt('pull_thresh', 32));
        if (this.opt('autopull', false) === true && this.osrCount >= thresh && !this.pull(true)) return false;
        const bits = toInt(a[1]) || 32;
        const left = this.opt('out_shiftdir', 1) === 0;
        let v: number;
        if (left) {
          v = bits >= 32 ? this.osr : this.osr >>> (32 - bits);
          this.osr = bits >= 32 ? 0 : (this.osr << bits) >>> 0;
        } else {
          v = bits >= 32 ? this.osr : this.osr & ((1 << bits) - 1);
          this.osr = bits >= 32 ? 0 : this.osr >>> bits;
        }
        this.osrCount += bits;
        this.dest(a[0], v, bits);
        return true;
      }
      case 'in': {
        const bits = toInt(a[1]) || 32;
        const v = this.src(a[0]) & (bits >= 32 ? 0xffffffff : (1 << bits) - 1);
        this.isr = bits >= 32 ? v : ((this.isr << bits) | v) >>> 0;
        this.isrCount += bits;
        return true;
      }
      case 'irq':
      case 'wait':
        // no inter-machine IRQs or GPIO waits in the simulated examples: they complete at once
        return true;
    }
  }
}
