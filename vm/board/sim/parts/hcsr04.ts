// HC-SR04 ultrasonic distance sensor: a pulse of at least 10 µs on TRIG, and ~0.5 ms after its
// falling edge ECHO goes high for the sound's round trip (58.3 µs per cm at 343 m/s). Nothing
// in range (over 400 cm) gives a 38 ms echo, as the module does.

import type { Part, PartBoard, PartSpec, PartState } from './part';

const US_PER_CM = 2 / 0.0343;
const ECHO_DELAY_US = 500;
const NO_ECHO_US = 38_000;

export class HcSr04 implements Part {
  private distanceCm = 50;
  private echoStart: number | null = null;
  private echoWidthUs = 0;
  private readonly trig: number | null;
  private readonly echo: number | null;

  constructor(
    readonly spec: PartSpec,
    private readonly board: PartBoard,
  ) {
    this.trig = spec.trig ? board.gpio(spec.trig) : null;
    this.echo = spec.pin ? board.gpio(spec.pin) : null;
  }

  private widthUs(): number {
    return this.distanceCm > 400 ? NO_ECHO_US : Math.round(this.distanceCm * US_PER_CM);
  }

  pinChanged(gpio: number, level: 0 | 1): void {
    if (gpio !== this.trig || level !== 0) return;
    this.echoStart = this.board.now() + ECHO_DELAY_US / 1000;
    this.echoWidthUs = this.widthUs();
  }

  levelAt(gpio: number, nowMs: number): 0 | 1 | null {
    if (gpio !== this.echo) return null;
    if (this.echoStart === null) return 0;
    return nowMs >= this.echoStart && nowMs < this.echoStart + this.echoWidthUs / 1000 ? 1 : 0;
  }

  pulse(gpio: number, level: 0 | 1): number | null {
    if (gpio !== this.echo || level !== 1 || this.echoStart === null) return null;
    // the echo of the last trigger, consumed once; an echo long over does not count
    if (this.board.now() > this.echoStart + this.echoWidthUs / 1000 + 60) return null;
    this.echoStart = null;
    return this.echoWidthUs;
  }

  input(name: string, value: number): void {
    if (name === 'distanceCm') this.distanceCm = Math.max(2, Math.min(500, value));
  }

  state(): PartState {
    return { distanceCm: this.distanceCm };
  }
}
