// What the Board panel draws for a simulated board: each pin's mode and level, PWM duty, the
// LEDs and NeoPixel colours, built up from the simulator's state changes. DOM-free.
import type { PinCapability, SimulatorChange, SimulatorPin } from '../../shared/contracts/simulator';

export type { PinCapability };
export type SimStateChange = SimulatorChange;
export type SimPinInfo = SimulatorPin;
export type PinMode = Extract<SimulatorChange, { kind: 'pin' }>['mode'];

export interface PinView {
  name: string;
  capabilities: PinCapability[];
  mode: PinMode;
  level: 0 | 1;
  pull: 'up' | 'down' | null;
  /** 0..1 while the pin runs PWM. */
  duty: number | null;
  freq: number | null;
  /** For LED pins: lit or not (PWM: brightness = duty). */
  ledOn: boolean;
  neopixels: [number, number, number][];
}

/** A wired part as last published: its type and state (pixels, angle, slider values). */
export type PartView = Extract<SimulatorChange, { kind: 'part' }>;

export class BoardModel {
  private readonly pins = new Map<string, PinView>();
  private readonly partViews = new Map<string, PartView>();
  /** Pins in the order the profile lists them. */
  private order: string[] = [];

  /** Starts over with a profile's pins (board connected or restarted). */
  reset(pins: SimPinInfo[]): void {
    this.pins.clear();
    this.partViews.clear();
    this.order = pins.map((p) => p.name);
    for (const p of pins) this.pins.set(p.name, blank(p.name, p.capabilities));
  }

  apply(changes: SimStateChange[]): void {
    for (const c of changes) {
      if (c.kind === 'part') {
        this.partViews.set(c.id, c);
        continue;
      }
      // 'led' changes name the LED ('LED'); the pin table knows it by its pin name ('GP25', 'GPIO2')
      const name = c.kind === 'led' && !this.pins.has(c.pin) ? (this.leds()[0]?.name ?? c.pin) : c.pin;
      let pin = this.pins.get(name);
      if (!pin) {
        pin = blank(name, []);
        this.pins.set(name, pin);
        this.order.push(name);
      }
      switch (c.kind) {
        case 'pin':
          pin.mode = c.mode;
          pin.level = c.level;
          pin.pull = c.pull ?? null;
          if (c.mode !== 'pwm') {
            pin.duty = null;
            pin.freq = null;
          }
          if (pin.capabilities.includes('led')) pin.ledOn = c.level === 1;
          break;
        case 'pwm':
          pin.mode = 'pwm';
          pin.duty = Math.min(1, Math.max(0, c.duty));
          pin.freq = c.freq;
          break;
        case 'led':
          pin.ledOn = c.on;
          break;
        case 'neopixel':
          pin.neopixels = c.colors.map((rgb) => [...rgb] as [number, number, number]);
          break;
      }
    }
  }

  /** The wired parts, in the order they were first published. */
  parts(): PartView[] {
    return [...this.partViews.values()];
  }

  /** Forgets parts that are no longer wired. */
  keepParts(ids: string[]): void {
    for (const id of [...this.partViews.keys()]) if (!ids.includes(id)) this.partViews.delete(id);
  }

  get(name: string): PinView | undefined {
    return this.pins.get(name);
  }

  all(): PinView[] {
    return this.order.map((n) => this.pins.get(n)!).filter(Boolean);
  }

  /** LEDs to draw: LED-capable pins, and any output pin that a program lit. */
  leds(): PinView[] {
    return this.all().filter((p) => p.capabilities.includes('led'));
  }

  neopixelPins(): PinView[] {
    return this.all().filter((p) => p.neopixels.length > 0 || p.capabilities.includes('neopixel'));
  }

  /** Pins the user can drive: inputs get a button, ADC pins a slider. */
  inputPins(): PinView[] {
    return this.all().filter((p) => p.mode === 'in' || p.mode === 'adc');
  }

  /** A program ended: its inputs are gone (the pins keep their levels, as a board's do). */
  programEnded(): void {
    for (const p of this.pins.values()) if (p.mode === 'in' || p.mode === 'adc') p.mode = 'unused';
  }
}

function blank(name: string, capabilities: PinCapability[]): PinView {
  return { name, capabilities, mode: 'unused', level: 0, pull: null, duty: null, freq: null, ledOn: false, neopixels: [] };
}

/** The brightness (0..1) an LED pin shows: PWM duty, else on/off. */
export function ledBrightness(pin: PinView): number {
  if (pin.mode === 'pwm' && pin.duty !== null) return pin.duty;
  return pin.ledOn || (pin.mode === 'out' && pin.level === 1) ? 1 : 0;
}
