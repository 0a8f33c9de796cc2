// A simulated part wired to the board (an OLED, a DHT22, a servo...): what the board gives it
// (pin levels, PWM, time) and what it offers back (an I2C target, 1-Wire replies, pulses,
// a state for the Board panel, inputs from the panel's controls). One part per file beside this.

import type { I2cDevice } from '../bme280';

/** Where a part is wired and what it is (the VM's side of wiring.json). */
export interface PartSpec {
  /** Unique within the wiring ('oled', 'dht1'). */
  id: string;
  type: PartType;
  /** Signal pin name as Python spells it ('GP15'); for the HC-SR04 the echo pin. */
  pin?: string;
  /** HC-SR04 trigger pin. */
  trig?: string;
  /** I2C address (SSD1306 0x3C, LCD1602 backpack 0x27). */
  address?: number;
}

export const PART_TYPES = ['ssd1306', 'lcd1602', 'dht11', 'dht22', 'ds18b20', 'hcsr04', 'servo', 'buzzer', 'ldr', 'slide-switch'] as const;
export type PartType = (typeof PART_TYPES)[number];

/** A part's state for the panel: flat values only, so it crosses the worker boundary as is. */
export type PartState = Record<string, number | string | boolean>;

/** What a part may ask of the board. */
export interface PartBoard {
  /** Milliseconds since power-on (fractional). */
  now(): number;
  /** GPIO id of a pin name, or null. */
  gpio(name: string): number | null;
  /** The level the board drives or sees on a pin. */
  level(gpio: number): 0 | 1;
  /** PWM on a pin, or null. */
  pwm(gpio: number): { freq: number; dutyU16: number } | null;
  /** Drives a pin from outside (a switch), or releases it (null). */
  drive(gpio: number, level: 0 | 1 | null): void;
  /** Puts a voltage on an analog pin. */
  volts(gpio: number, v: number): void;
  /** The part's state changed: the panel will get it (coalesced). */
  changed(part: Part): void;
}

/** A 1-Wire device: bit-level slots after a reset pulse. */
export interface OneWireDevice {
  reset(): void;
  /** The bit the device puts on the bus in a read slot (1 = released). */
  readBit(): 0 | 1;
  writeBit(bit: 0 | 1): void;
}

export interface Part {
  readonly spec: PartSpec;
  /** An I2C target at spec.address. */
  readonly i2c?: I2cDevice;
  /** A 1-Wire device on spec.pin. */
  readonly oneWire?: OneWireDevice;
  /** DHT protocol: the 5 bytes a read returns, or 'timeout' when the sensor does not answer. */
  dhtRead?(): Uint8Array | 'timeout';
  /** The level the part drives on one of its pins right now, or null when it does not drive it. */
  levelAt?(gpio: number, nowMs: number): 0 | 1 | null;
  /** A pulse the part sends on `gpio` at `level`: its width in µs, or null when none comes. */
  pulse?(gpio: number, level: 0 | 1): number | null;
  /** A pin of the part changed level (the board drove it). */
  pinChanged?(gpio: number, level: 0 | 1): void;
  /** PWM changed on the part's pin. */
  pwmChanged?(): void;
  /** A value from the panel's controls ('temperatureC', 'distanceCm', 'lux', 'on'...). */
  input?(name: string, value: number): void;
  /** The state the panel draws. */
  state(): PartState;
}
