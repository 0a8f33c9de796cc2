// SimBoard: the simulated hardware behind BoardHal. Holds pin state, PWM, NeoPixel strips,
// I2C devices (the BME280), UART loopback buffers and timers; takes inputs from the Board
// panel; and publishes coalesced state changes (at most one per pin per ~16 ms).
// Soft IRQs (pin edges, timers) are queued here and run by the runtime at its poll points.

import type { BoardHal, PinMode, Pull, SoftIrq } from '../hal';
import type { BoardProfile } from '../profiles/profile';
import { Bme280, type Environment, type I2cDevice } from './bme280';
import type { Part, PartBoard, PartSpec, PartState, PartType } from './parts/part';
import { makePart } from './parts/parts';

/** A state change for the Board panel (same shape as the worker protocol's BoardStateChange). */
export type SimStateChange =
  | { kind: 'pin'; pin: string; mode: PinMode; level: 0 | 1; pull?: Pull }
  | { kind: 'pwm'; pin: string; freq: number; duty: number }
  | { kind: 'led'; pin: string; on: boolean }
  | { kind: 'neopixel'; pin: string; colors: [number, number, number][] }
  | { kind: 'part'; id: string; type: PartType; state: PartState };

/** An input from the panel. `level: null` releases a button (the pin floats back to its pull). */
export type SimInput =
  | { kind: 'pin'; pin: string; level: 0 | 1 | null }
  | { kind: 'adc'; pin: string; volts: number }
  | { kind: 'sensor'; temperatureC?: number; humidity?: number; pressureHpa?: number }
  /** The parts wired to the board (replaces the previous wiring). */
  | { kind: 'wiring'; parts: PartSpec[] }
  /** A control of a wired part: a slider ('temperatureC', 'distanceCm', 'lux') or a switch ('on'). */
  | { kind: 'part'; id: string; name: string; value: number };

const MIN_INTERVAL_MS = 16;

interface PinState {
  mode: PinMode;
  pull: Pull;
  out: 0 | 1;
  external: 0 | 1 | null;
  volts: number | null;
  lastLevel: 0 | 1;
}

interface Watch {
  pin: number;
  rising: boolean;
  falling: boolean;
  handler: SoftIrq;
}

interface Timer {
  due: number;
  period: number;
  periodic: boolean;
  handler: SoftIrq;
}

export class SimBoard implements BoardHal {
  private readonly pins = new Map<number, PinState>();
  private readonly names = new Map<string, number>();
  private watches: Watch[] = [];
  private readonly pwm = new Map<number, { freq: number; dutyU16: number }>();
  private readonly timers = new Map<number, Timer>();
  private nextTimer = 1;
  private readonly irqQueue: SoftIrq[] = [];
  private readonly uartRx = new Map<number, number[]>();
  private readonly devices: I2cDevice[];
  private parts: Part[] = [];
  /** Bytes per pixel of the strip on a pin, as its NeoPixel object was made (bitstream carries none). */
  private readonly stripBpp = new Map<number, number>();
  readonly env: Environment = { temperatureC: 22.5, humidity: 45, pressureHpa: 1013.25 };
  private chipTemp = 27;
  /** Latest unsent state per key, and when each key was last sent. */
  private readonly pending = new Map<string, SimStateChange>();
  private readonly lastSent = new Map<string, number>();
  private readonly dirtyPins = new Set<number>();
  private readonly tickers = new Set<(nowMs: number) => void>();

  constructor(
    readonly profile: BoardProfile,
    private readonly clock: () => number,
  ) {
    for (const def of profile.pins) {
      for (const n of def.names) this.names.set(n, def.gpio);
      this.pins.set(def.gpio, { mode: 'unused', pull: null, out: 0, external: null, volts: null, lastLevel: 0 });
    }
    this.devices = [new Bme280(profile.bme280Address, () => this.env)];
  }

  // #region BoardHal

  pinId(name: string | number): number | null {
    if (typeof name === 'number') return this.pins.has(name) ? name : null;
    const g = this.names.get(name);
    return g === undefined ? null : g;
  }

  pinConfigure(pin: number, mode: PinMode, pull: Pull): void {
    const p = this.pin(pin);
    p.mode = mode;
    p.pull = pull;
    if (mode !== 'pwm') this.pwm.delete(pin);
    this.levelMaybeChanged(pin);
    this.publishPin(pin);
  }

  pinMode(pin: number): PinMode {
    return this.pin(pin).mode;
  }

  pinPull(pin: number): Pull {
    return this.pin(pin).pull;
  }

  pinWrite(pin: number, level: 0 | 1): void {
    const p = this.pin(pin);
    p.out = level;
    this.levelMaybeChanged(pin);
    this.publishPin(pin);
  }

  pinRead(pin: number): 0 | 1 {
    return this.level(this.pin(pin), pin);
  }

  pinWatch(pin: number, edges: { rising: boolean; falling: boolean }, handler: SoftIrq): () => void {
    this.watches = this.watches.filter((w) => w.pin !== pin);
    const w: Watch = { pin, ...edges, handler };
    this.pin(pin).lastLevel = this.level(this.pin(pin));
    this.watches.push(w);
    return () => {
      this.watches = this.watches.filter((x) => x !== w);
    };
  }

  pwmSet(pin: number, freq: number, dutyU16: number): void {
    const p = this.pin(pin);
    p.mode = 'pwm';
    this.pwm.set(pin, { freq, dutyU16 });
    this.queue({ kind: 'pwm', pin: this.displayName(pin), freq, duty: dutyU16 / 65535 });
    if (pin === this.profile.ledGpio) this.queue({ kind: 'led', pin: 'LED', on: dutyU16 > 0 });
    this.notifyPwm(pin);
  }

  pwmGet(pin: number): { freq: number; dutyU16: number } | null {
    return this.pwm.get(pin) ?? null;
  }

  pwmStop(pin: number): void {
    if (!this.pwm.delete(pin)) return;
    const p = this.pin(pin);
    p.mode = 'out';
    p.out = 0;
    this.queue({ kind: 'pwm', pin: this.displayName(pin), freq: 0, duty: 0 });
    this.publishPin(pin);
    this.notifyPwm(pin);
  }

  adcReadPin(pin: number): number {
    const p = this.pin(pin);
    const volts = p.volts ?? (p.external !== null ? p.external * this.profile.adcVref : 0);
    return this.voltsToU16(volts);
  }

  adcReadChannel(channel: number): number {
    if (channel === this.profile.tempSensorChannel) {
      // RP2040 datasheet: V = 0.706 - (T - 27) * 0.001721
      return this.voltsToU16(0.706 - (this.chipTemp - 27) * 0.001721);
    }
    const def = this.profile.pins.find((d) => d.adc === channel);
    if (def) return this.adcReadPin(def.gpio);
    // RP2 channel 3 reads VSYS/3
    return channel === 3 ? this.voltsToU16(5 / 3) : 0;
  }

  cpuTemperature(): number {
    return this.chipTemp;
  }

  neopixelWrite(pin: number, data: Uint8Array, bpp: number, order: string): void {
    const colors: [number, number, number][] = [];
    const ri = order.indexOf('R'), gi = order.indexOf('G'), bi = order.indexOf('B'), wi = order.indexOf('W');
    for (let i = 0; i + bpp <= data.length; i += bpp) {
      const w = wi >= 0 ? data[i + wi] : 0;
      colors.push([Math.min(255, data[i + ri] + w), Math.min(255, data[i + gi] + w), Math.min(255, data[i + bi] + w)]);
    }
    this.queue({ kind: 'neopixel', pin: this.displayName(pin), colors });
  }

  neopixelBpp(pin: number, bpp: number): void {
    this.stripBpp.set(pin, bpp);
  }

  bitstream(pin: number, data: Uint8Array): void {
    // WS2812 frames: GRB, or GRBW for a strip made with bpp=4
    const bpp = this.stripBpp.get(pin) ?? 3;
    this.neopixelWrite(pin, data, bpp, bpp === 4 ? 'GRBW' : 'GRB');
  }

  dhtRead(pin: number): Uint8Array | null {
    const r = this.partsOn(pin).find((p) => p.dhtRead)?.dhtRead?.();
    return r === undefined || r === 'timeout' ? null : r;
  }

  oneWireReset(pin: number): boolean {
    const devs = this.oneWireOn(pin);
    for (const d of devs) d.reset();
    return devs.length > 0;
  }

  oneWireReadBit(pin: number): 0 | 1 {
    // wired-AND: any device pulling low wins
    let bit: 0 | 1 = 1;
    for (const d of this.oneWireOn(pin)) if (d.readBit() === 0) bit = 0;
    return bit;
  }

  oneWireWriteBit(pin: number, bit: 0 | 1): void {
    for (const d of this.oneWireOn(pin)) d.writeBit(bit);
  }

  pulseIn(pin: number, level: 0 | 1, timeoutUs: number): number {
    for (const p of this.partsOn(pin)) {
      const w = p.pulse?.(pin, level);
      if (w === undefined || w === null) continue;
      return w > timeoutUs ? -1 : w;
    }
    return -2;
  }

  i2cScan(_bus: number): number[] {
    return this.i2cDevices().map((d) => d.address).sort((a, b) => a - b);
  }

  i2cWrite(_bus: number, addr: number, data: Uint8Array, _stop: boolean): boolean {
    const d = this.i2cDevices().find((x) => x.address === addr);
    if (!d) return false;
    d.write(data);
    return true;
  }

  i2cRead(_bus: number, addr: number, n: number, _stop: boolean): Uint8Array | null {
    const d = this.i2cDevices().find((x) => x.address === addr);
    return d ? d.read(n) : null;
  }

  uartWrite(id: number, data: Uint8Array): number {
    const rx = this.uartRx.get(id) ?? [];
    for (const b of data) rx.push(b);
    this.uartRx.set(id, rx);
    return data.length;
  }

  uartRead(id: number, max: number): Uint8Array {
    const rx = this.uartRx.get(id) ?? [];
    return Uint8Array.from(rx.splice(0, max));
  }

  uartAny(id: number): number {
    return this.uartRx.get(id)?.length ?? 0;
  }

  timerStart(periodMs: number, periodic: boolean, handler: SoftIrq): number {
    const id = this.nextTimer++;
    const period = Math.max(1, periodMs);
    this.timers.set(id, { due: this.now() + period, period, periodic, handler });
    return id;
  }

  timerStop(handle: number): void {
    this.timers.delete(handle);
  }

  now(): number {
    return this.clock();
  }

  addTicker(tick: (nowMs: number) => void): () => void {
    this.tickers.add(tick);
    return () => this.tickers.delete(tick);
  }

  reset(): void {
    this.tickers.clear();
    this.watches = [];
    this.timers.clear();
    this.irqQueue.length = 0;
    for (const pin of [...this.pwm.keys()]) this.pwmStop(pin);
    this.uartRx.clear();
    for (const [gpio, p] of this.pins) {
      if (p.mode === 'unused' && p.out === 0) continue;
      p.mode = 'unused';
      p.pull = null;
      p.out = 0;
      this.publishPin(gpio);
    }
  }

  // #endregion

  // #region runtime side: soft IRQs, inputs, published state

  /** Moves due timers into the IRQ queue and returns (and clears) every queued soft IRQ. */
  takeIrqs(): SoftIrq[] {
    const now = this.now();
    for (const t of this.tickers) t(now);
    for (const [id, t] of this.timers) {
      if (t.due <= now) {
        this.irqQueue.push(t.handler);
        if (t.periodic) t.due = Math.max(t.due + t.period, now - t.period);
        else this.timers.delete(id);
      }
    }
    return this.irqQueue.splice(0);
  }

  /** Milliseconds until the next timer or pending publication is due (Infinity when none). */
  msUntilNextEvent(): number {
    this.flushPins();
    const now = this.now();
    let next = Infinity;
    for (const t of this.timers.values()) next = Math.min(next, t.due - now);
    for (const key of this.pending.keys()) next = Math.min(next, (this.lastSent.get(key) ?? -Infinity) + MIN_INTERVAL_MS - now);
    if (this.irqQueue.length > 0) next = 0;
    if (this.tickers.size > 0) next = Math.min(next, 1);
    return Math.max(0, next);
  }

  /** Applies an input from the panel. */
  applyInput(input: SimInput): void {
    if (input.kind === 'wiring') return this.wire(input.parts);
    if (input.kind === 'part') {
      const part = this.parts.find((p) => p.spec.id === input.id);
      part?.input?.(input.name, input.value);
      if (part) this.partChanged(part);
      return;
    }
    if (input.kind === 'sensor') {
      if (input.temperatureC !== undefined) {
        this.env.temperatureC = input.temperatureC;
        this.chipTemp = input.temperatureC + 4.5;
      }
      if (input.humidity !== undefined) this.env.humidity = input.humidity;
      if (input.pressureHpa !== undefined) this.env.pressureHpa = input.pressureHpa;
      return;
    }
    const gpio = this.pinId(input.pin) ?? this.pinId(Number(input.pin.replace(/^\D+/, '')));
    if (gpio === null) return;
    const p = this.pin(gpio);
    if (input.kind === 'adc') {
      p.volts = Math.max(0, Math.min(this.profile.adcVref, input.volts));
      return;
    }
    p.external = input.level;
    this.levelMaybeChanged(gpio);
    this.publishPin(gpio);
  }

  /** State changes due for publication (coalesced per pin; at most one per ~16 ms each). */
  takeChanges(): SimStateChange[] {
    this.flushPins();
    const now = this.now();
    const out: SimStateChange[] = [];
    for (const [key, change] of this.pending) {
      const last = this.lastSent.get(key);
      if (last === undefined || now - last >= MIN_INTERVAL_MS) {
        out.push(change);
        this.lastSent.set(key, now);
        this.pending.delete(key);
      }
    }
    return out;
  }

  /** The full current state (for a panel that just opened). */
  snapshot(): SimStateChange[] {
    const out: SimStateChange[] = [];
    for (const gpio of this.pins.keys()) out.push(this.pinChange(gpio));
    for (const p of this.parts) out.push(this.partChange(p));
    return out;
  }

  /** Replaces the wired parts (pins a removed part drove are released). */
  wire(specs: PartSpec[]): void {
    for (const [gpio, p] of this.pins) {
      if (p.external === null && p.volts === null) continue;
      if (!this.parts.some((part) => this.partGpios(part).includes(gpio))) continue;
      p.external = null;
      p.volts = null;
      this.levelMaybeChanged(gpio);
    }
    const board: PartBoard = {
      now: () => this.now(),
      gpio: (name) => this.pinId(name) ?? this.pinId(Number(name.replace(/^\D+/, ''))),
      level: (g) => this.level(this.pin(g)),
      pwm: (g) => this.pwm.get(g) ?? null,
      drive: (g, level) => {
        this.pin(g).external = level;
        this.levelMaybeChanged(g);
        this.publishPin(g);
      },
      volts: (g, v) => {
        this.pin(g).volts = Math.max(0, Math.min(this.profile.adcVref, v));
      },
      changed: (part) => this.partChanged(part),
    };
    this.parts = specs.map((spec, i) => makePart(spec, board, i + 1));
    for (const p of this.parts) this.partChanged(p);
  }

  /** The wired parts (tests and the panel read their state). */
  wiredParts(): readonly Part[] {
    return this.parts;
  }

  // #endregion

  private pin(gpio: number): PinState {
    const p = this.pins.get(gpio);
    if (!p) throw new RangeError(`no pin ${gpio}`);
    return p;
  }

  private level(p: PinState, gpio?: number): 0 | 1 {
    if (p.mode === 'out' || p.mode === 'pwm') return p.out;
    if (p.mode === 'open-drain' && p.out === 0) return 0;
    if (gpio !== undefined && this.parts.length) {
      const now = this.now();
      for (const part of this.parts) {
        const l = part.levelAt?.(gpio, now);
        if (l !== undefined && l !== null) return l;
      }
    }
    if (p.external !== null) return p.external;
    if (p.mode === 'open-drain') return 1;
    return p.pull === 'up' ? 1 : 0;
  }

  private levelMaybeChanged(gpio: number): void {
    const p = this.pin(gpio);
    const level = this.level(p);
    if (level === p.lastLevel) return;
    p.lastLevel = level;
    for (const part of this.parts) part.pinChanged?.(gpio, level);
    for (const w of this.watches) {
      if (w.pin === gpio && ((level === 1 && w.rising) || (level === 0 && w.falling))) this.irqQueue.push(w.handler);
    }
  }

  private displayName(gpio: number): string {
    return this.profile.pins.find((d) => d.gpio === gpio)?.names[0] ?? String(gpio);
  }

  private pinChange(gpio: number): SimStateChange {
    const p = this.pin(gpio);
    return { kind: 'pin', pin: this.displayName(gpio), mode: p.mode, level: this.level(p), pull: p.pull };
  }

  /** Marks a pin for publication; the change itself is built when changes are taken (a pin toggled a million times a second costs a Set.add each). */
  private publishPin(gpio: number): void {
    this.dirtyPins.add(gpio);
  }

  private flushPins(): void {
    for (const gpio of this.dirtyPins) this.queuePin(gpio);
    this.dirtyPins.clear();
  }

  private queuePin(gpio: number): void {
    this.queue(this.pinChange(gpio));
    if (gpio === this.profile.ledGpio && !this.pwm.has(gpio)) {
      const p = this.pin(gpio);
      this.queue({ kind: 'led', pin: 'LED', on: (p.mode === 'out' || p.mode === 'open-drain') && this.level(p) === 1 });
    }
  }

  private queue(change: SimStateChange): void {
    this.pending.set(change.kind === 'part' ? `part:${change.id}` : `${change.kind}:${change.pin}`, change);
  }

  private partChange(p: Part): SimStateChange {
    return { kind: 'part', id: p.spec.id, type: p.spec.type, state: p.state() };
  }

  private partChanged(p: Part): void {
    this.queue(this.partChange(p));
  }

  private i2cDevices(): I2cDevice[] {
    const wired = this.parts.flatMap((p) => (p.i2c ? [p.i2c] : []));
    return [...this.devices, ...wired];
  }

  private partGpios(p: Part): number[] {
    return [p.spec.pin, p.spec.trig].flatMap((n) => {
      const g = n === undefined ? null : (this.pinId(n) ?? this.pinId(Number(n.replace(/^\D+/, ''))));
      return g === null ? [] : [g];
    });
  }

  private partsOn(gpio: number): Part[] {
    return this.parts.filter((p) => this.partGpios(p).includes(gpio));
  }

  private oneWireOn(gpio: number) {
    return this.partsOn(gpio).flatMap((p) => (p.oneWire ? [p.oneWire] : []));
  }

  private notifyPwm(gpio: number): void {
    for (const p of this.partsOn(gpio)) {
      if (!p.pwmChanged) continue;
      p.pwmChanged();
      this.partChanged(p);
    }
  }

  private voltsToU16(v: number): number {
    const x = Math.round((Math.max(0, Math.min(this.profile.adcVref, v)) / this.profile.adcVref) * 4095);
    // a 12-bit converter scaled to 16 bits, as read_u16 does on RP2
    return (x << 4) | (x >> 8);
  }
}
