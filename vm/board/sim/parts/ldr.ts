// A photoresistor (GL5528-like: about 10 kΩ at 10 lux, gamma 0.7) from 3.3 V to an ADC pin,
// with 10 kΩ to ground: more light, higher voltage.

import type { Part, PartBoard, PartSpec, PartState } from './part';

const FIXED_OHMS = 10_000;

export function ldrVolts(lux: number): number {
  const ohms = 10_000 * Math.pow(Math.max(0.1, lux) / 10, -0.7);
  return (3.3 * FIXED_OHMS) / (FIXED_OHMS + ohms);
}

export class Ldr implements Part {
  private lux = 300;

  constructor(
    readonly spec: PartSpec,
    private readonly board: PartBoard,
  ) {
    this.apply();
  }

  private apply(): void {
    const g = this.spec.pin ? this.board.gpio(this.spec.pin) : null;
    if (g !== null) this.board.volts(g, ldrVolts(this.lux));
  }

  input(name: string, value: number): void {
    if (name !== 'lux') return;
    this.lux = Math.max(0, Math.min(100_000, value));
    this.apply();
  }

  state(): PartState {
    return { lux: this.lux };
  }
}
