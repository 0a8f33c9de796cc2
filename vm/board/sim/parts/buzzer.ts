// A passive piezo buzzer on a PWM pin: it sounds at the PWM frequency while the duty is neither
// 0 nor 100 % (a level that does not change makes no sound).

import type { Part, PartBoard, PartSpec, PartState } from './part';

export class Buzzer implements Part {
  private freq = 0;
  private sounding = false;
  private readonly gpio: number | null;

  constructor(
    readonly spec: PartSpec,
    private readonly board: PartBoard,
  ) {
    this.gpio = spec.pin ? board.gpio(spec.pin) : null;
  }

  pwmChanged(): void {
    const p = this.gpio === null ? null : this.board.pwm(this.gpio);
    this.sounding = !!p && p.dutyU16 > 0 && p.dutyU16 < 65535 && p.freq >= 20;
    this.freq = this.sounding && p ? p.freq : 0;
  }

  state(): PartState {
    return { sounding: this.sounding, freq: this.freq };
  }
}
