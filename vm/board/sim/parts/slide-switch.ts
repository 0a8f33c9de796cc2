// A slide switch between 3.3 V and ground on a pin: on drives the pin high, off low (so it
// reads the same with or without a pull).

import type { Part, PartBoard, PartSpec, PartState } from './part';

export class SlideSwitch implements Part {
  private on = false;

  constructor(
    readonly spec: PartSpec,
    private readonly board: PartBoard,
  ) {
    this.apply();
  }

  private apply(): void {
    const g = this.spec.pin ? this.board.gpio(this.spec.pin) : null;
    if (g !== null) this.board.drive(g, this.on ? 1 : 0);
  }

  input(name: string, value: number): void {
    if (name !== 'on') return;
    this.on = value !== 0;
    this.apply();
  }

  state(): PartState {
    return { on: this.on };
  }
}
