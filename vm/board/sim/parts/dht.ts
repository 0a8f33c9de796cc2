// DHT11 / DHT22 temperature and humidity sensors on one data pin: the 40-bit answer of the
// datasheets (humidity, temperature, checksum). Read more often than the sensor samples
// (DHT11 1 s, DHT22 2 s) and it does not answer, so the read times out as on a real board.

import type { Part, PartSpec, PartState } from './part';

export class Dht implements Part {
  private temperatureC = 22;
  private humidity = 50;
  private lastRead = -Infinity;

  constructor(
    readonly spec: PartSpec,
    private readonly now: () => number,
  ) {}

  private get minIntervalMs(): number {
    return this.spec.type === 'dht11' ? 1000 : 2000;
  }

  dhtRead(): Uint8Array | 'timeout' {
    const now = this.now();
    if (now - this.lastRead < this.minIntervalMs) return 'timeout';
    this.lastRead = now;
    const b = new Uint8Array(5);
    if (this.spec.type === 'dht11') {
      // whole degrees and percent, one decimal byte
      const t = Math.round(Math.max(0, Math.min(50, this.temperatureC)) * 10);
      const h = Math.round(Math.max(20, Math.min(90, this.humidity)));
      b.set([h, 0, Math.floor(t / 10), t % 10]);
    } else {
      const h = Math.round(Math.max(0, Math.min(100, this.humidity)) * 10);
      const tc = Math.max(-40, Math.min(80, this.temperatureC));
      const t = Math.round(Math.abs(tc) * 10);
      b.set([h >> 8, h & 0xff, ((t >> 8) & 0x7f) | (tc < 0 ? 0x80 : 0), t & 0xff]);
    }
    b[4] = (b[0] + b[1] + b[2] + b[3]) & 0xff;
    return b;
  }

  input(name: string, value: number): void {
    if (name === 'temperatureC') this.temperatureC = value;
    if (name === 'humidity') this.humidity = value;
  }

  state(): PartState {
    return { temperatureC: this.temperatureC, humidity: this.humidity };
  }
}
