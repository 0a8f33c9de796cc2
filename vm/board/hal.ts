// BoardHal: the only view of the hardware that the machine and CircuitPython bindings get.
// The simulator (board/sim) implements it; the bindings never see how pins, buses or timers
// are simulated, as MicroPython's extmod bindings never see a port's registers.

import type { BoardProfile } from './profiles/profile';

/** How a pin is driven. */
export type PinMode = 'in' | 'out' | 'open-drain' | 'pwm' | 'adc' | 'unused';
/** Internal pull resistor. */
export type Pull = 'up' | 'down' | null;

/** A callback the HAL will run later as a soft interrupt (scheduled, never nested in running code). */
export type SoftIrq = () => void;

/**
 * BoardHal is a board's hardware as the bindings see it: named pins with modes, levels, edge
 * interrupts, PWM, ADC, NeoPixel strips, I2C and UART buses, timers, and chip facts. Pins are
 * addressed by canonical id (the GPIO number); `pinId` resolves user-facing names.
 */
export interface BoardHal {
  readonly profile: BoardProfile;

  /** Resolves a pin name ('GP25', 'LED', 'D13', 'A0') or GPIO number to its GPIO id, or null. */
  pinId(name: string | number): number | null;
  /** Sets the mode and pull of a pin. */
  pinConfigure(pin: number, mode: PinMode, pull: Pull): void;
  /** The pin's current mode. */
  pinMode(pin: number): PinMode;
  /** The pin's current pull. */
  pinPull(pin: number): Pull;
  /** Drives an output (or releases/sinks an open-drain pin). */
  pinWrite(pin: number, level: 0 | 1): void;
  /** Reads the level the pin sees: the output latch, an external input (button), or the pull. */
  pinRead(pin: number): 0 | 1;
  /** Watches level changes on a pin; the handler runs as a soft IRQ. Returns an unsubscribe function. */
  pinWatch(pin: number, edges: { rising: boolean; falling: boolean }, handler: SoftIrq): () => void;

  /** PWM output on a pin: frequency in Hz, duty as 0..65535. */
  pwmSet(pin: number, freq: number, dutyU16: number): void;
  pwmGet(pin: number): { freq: number; dutyU16: number } | null;
  pwmStop(pin: number): void;

  /** ADC reading 0..65535 of a GPIO pin, or of an internal channel (see profile.adc). */
  adcReadPin(pin: number): number;
  adcReadChannel(channel: number): number;
  /** Die temperature in °C (microcontroller.cpu.temperature; the source of RP2 ADC channel 4). */
  cpuTemperature(): number;

  /** Shows pixel data on a NeoPixel strip on `pin`: `bpp` bytes per pixel in `order` ('GRB', 'GRBW', 'RGB'). */
  neopixelWrite(pin: number, data: Uint8Array, bpp: number, order: string): void;

  /** Bytes per pixel of the strip on `pin` (3 or 4), so raw bitstream frames can be shown. */
  neopixelBpp(pin: number, bpp: number): void;
  /** machine.bitstream's WS2812 frames on `pin`, shown on the strip wired there. */
  bitstream(pin: number, data: Uint8Array): void;

  /** The 5 bytes a DHT11/DHT22 on `pin` answers, or null when none answers (nothing wired, read too soon). */
  dhtRead(pin: number): Uint8Array | null;

  /** 1-Wire on `pin`: a reset pulse (true when a device answers with presence), then bit slots. */
  oneWireReset(pin: number): boolean;
  oneWireReadBit(pin: number): 0 | 1;
  oneWireWriteBit(pin: number, bit: 0 | 1): void;

  /** machine.time_pulse_us: the width in µs of the next pulse at `level`; -2 when none starts, -1 when it outlasts the timeout. */
  pulseIn(pin: number, level: 0 | 1, timeoutUs: number): number;

  /** I2C bus transactions; false/null when no device acknowledged the address. */
  i2cScan(bus: number): number[];
  i2cWrite(bus: number, addr: number, data: Uint8Array, stop: boolean): boolean;
  i2cRead(bus: number, addr: number, n: number, stop: boolean): Uint8Array | null;

  /** UART with TX looped back to RX (a jumper between the two pins). */
  uartWrite(id: number, data: Uint8Array): number;
  uartRead(id: number, max: number): Uint8Array;
  uartAny(id: number): number;

  /** Starts a timer; the callback runs as a soft IRQ. Returns a handle for timerStop. */
  timerStart(periodMs: number, periodic: boolean, handler: SoftIrq): number;
  timerStop(handle: number): void;

  /** Calls `tick(nowMs)` at every service point until removed (PIO state machines run there). */
  addTicker(tick: (nowMs: number) => void): () => void;

  /** Milliseconds since power-on. */
  now(): number;
  /** Soft reset of the hardware: pins back to inputs, PWM, timers and IRQs off, strips kept lit. */
  reset(): void;
}
