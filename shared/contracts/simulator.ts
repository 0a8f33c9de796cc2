// The simulator domain: the simulated board's hardware as the Board panel draws it (pins, LED,
// PWM, NeoPixels) and the inputs the panel sends back (buttons, potentiometers, sensor values).
// The serial side of the simulated board goes through the board domain like any board.
// Handlers live in main/simulator/simulator-handlers.ts.
import * as v from 'valibot';
import { boundedString, channel, event, noFields } from '../contract-kit';

/** A pin name as Python uses it ('GP15', 'LED', 'D13', 'A0'). */
const pinName = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,16}$/));

/** What the panel can attach to a pin. */
export type PinCapability = 'digital' | 'adc' | 'pwm' | 'led' | 'neopixel';

/** A pin of the running simulated board. */
export interface SimulatorPin {
  name: string;
  capabilities: PinCapability[];
}

/** One hardware change, coalesced (at most ~60 per second per pin). */
export type SimulatorChange =
  | { kind: 'pin'; pin: string; mode: 'in' | 'out' | 'open-drain' | 'pwm' | 'adc' | 'unused'; level: 0 | 1; pull?: 'up' | 'down' | null }
  | { kind: 'pwm'; pin: string; freq: number; duty: number }
  | { kind: 'led'; pin: string; on: boolean }
  | { kind: 'neopixel'; pin: string; colors: [number, number, number][] }
  /** A wired part's state: an OLED's pixels (hex rows), a servo's angle, a sensor's slider values. */
  | { kind: 'part'; id: string; type: PartType; state: Record<string, number | string | boolean> };

/** The kinds of part a student can wire to the simulated board. */
export const PART_TYPES = ['ssd1306', 'lcd1602', 'dht11', 'dht22', 'ds18b20', 'hcsr04', 'servo', 'buzzer', 'ldr', 'slide-switch'] as const;
export type PartType = (typeof PART_TYPES)[number];

/**
 * One part in wiring.json: where it is connected. `pin` is its signal pin (the HC-SR04's echo),
 * `trig` the HC-SR04's trigger pin, `address` an I2C part's address (SSD1306 0x3C, LCD1602 0x27).
 */
export const partSpec = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,32}$/)),
  type: v.picklist(PART_TYPES),
  pin: v.optional(pinName),
  trig: v.optional(pinName),
  address: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0x08), v.maxValue(0x77))),
});
export type PartSpec = v.InferOutput<typeof partSpec>;

/** wiring.json, saved beside a program in its project folder: the parts and where they are wired. */
export const wiringFile = v.strictObject({
  version: v.literal(1),
  parts: v.pipe(v.array(partSpec), v.maxLength(32)),
});
export type WiringFile = v.InferOutput<typeof wiringFile>;

/** The simulated board's life: running, restarted after a crash or hang (with the reason), stopped. */
export type SimulatorStatus =
  | { state: 'stopped' }
  | { state: 'starting'; profile: string }
  | { state: 'running'; profile: string }
  | { state: 'restarted'; profile: string; reason: string };

export interface SimulatorState {
  status: SimulatorStatus;
  /** Pins of the running board ([] when stopped). */
  pins: SimulatorPin[];
  /** The latest value of every pin, LED, PWM output and NeoPixel strip seen so far. */
  hardware: SimulatorChange[];
}

/** An input from the panel. */
export const simulatorInput = v.variant('kind', [
  /** A button on a pin: pressing drives it 'low' (to ground) or 'high'; 'released' lets it float back to its pull. */
  v.strictObject({ kind: v.literal('pin'), pin: pinName, drive: v.picklist(['low', 'high', 'released']) }),
  /** A voltage on an analog pin, 0..3.3 V. */
  v.strictObject({ kind: v.literal('adc'), pin: pinName, volts: v.pipe(v.number(), v.minValue(0), v.maxValue(3.3)) }),
  /** The environment the BME280 measures (and the chip temperature follows). */
  v.strictObject({
    kind: v.literal('sensor'),
    temperatureC: v.optional(v.pipe(v.number(), v.minValue(-40), v.maxValue(85))),
    humidity: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
    pressureHpa: v.optional(v.pipe(v.number(), v.minValue(300), v.maxValue(1100))),
  }),
  /** The parts wired to the board (replaces the wiring before). */
  v.strictObject({ kind: v.literal('wiring'), parts: wiringFile.entries.parts }),
  /** A control of a wired part: a slider ('temperatureC', 'humidity', 'distanceCm', 'lux') or a switch ('on'). */
  v.strictObject({
    kind: v.literal('part'),
    id: partSpec.entries.id,
    name: v.picklist(['temperatureC', 'humidity', 'distanceCm', 'lux', 'on']),
    value: v.pipe(v.number(), v.minValue(-100), v.maxValue(100_000)),
  }),
]);
export type SimulatorInput = v.InferOutput<typeof simulatorInput>;

export const simulatorChannels = {
  'simulator:get-state': channel(noFields).returns<SimulatorState>(),
  /** A button press/release, a potentiometer position or a sensor reading for the running board. */
  'simulator:send-input': channel(v.strictObject({ input: simulatorInput })).returns<null>(),
  /** Terminates and restarts the simulated board's worker (files kept), like unplugging a board. */
  'simulator:hard-reset': channel(v.strictObject({ reason: v.optional(boundedString(200)) })).returns<null>(),
  /**
   * CircuitPython: shows or hides the board's CIRCUITPY drive to the host. While shown, Python
   * writes fail with OSError 30 (Read-only filesystem), as on a real board; hidden by default.
   */
  'simulator:set-drive-presented': channel(v.strictObject({ presented: v.boolean() })).returns<null>(),
};

export const simulatorEvents = {
  /** Hardware changes since the last event, coalesced. */
  'simulator:hardware-changed': event<{ changes: SimulatorChange[] }>(),
  /** The worker started, was restarted (crash, hang, reset) or stopped. */
  'simulator:status-changed': event<SimulatorStatus>(),
};
