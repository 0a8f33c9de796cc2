// A hobby servo (SG90-style) on a PWM pin: a 0.5..2.5 ms pulse every ~20 ms sets the horn's
// angle 0..180°. Other frequencies or no pulse leave the horn where it was.

import type { Part, PartBoard, PartSpec, PartState } from './part';

export class Servo implements Part {
  private angle = 90;
  private driven = false;
  private readonly gpio: number | null;

  constructor(
    readonly spec: PartSpec,
    private readonly board: PartBoard,
  ) {
    this.gpio = spec.pin ? board.gpio(spec.pin) : null;
  }

  pwmChanged(): void {
    const p = this.gpio === null ? null : this.board.pwm(this.gpio);
    if (!p || p.freq < 30 || p.freq > 400 || p.dutyU16 === 0) {
      this.driven = false;
      return;
    }
    const pulseMs = (p.dutyU16 / 65535) * (1000 / p.freq);
    this.driven = true;
    this.angle = Math.round(Math.max(0, Math.min(180, ((pulseMs - 0.5) / 2) * 180)));
  }

  state(): PartState {
    return { angle: this.angle, driven: this.driven };
  }
}
