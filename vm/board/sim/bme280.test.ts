import { describe, expect, it } from 'vitest';
import { Bme280 } from './bme280';

// An independent float implementation of the datasheet's compensation (section 8.1), as the
// drivers that read this chip do it, to check the simulated chip end to end through registers.
function driverRead(dev: Bme280) {
  dev.write(Uint8Array.of(0xd0));
  const id = dev.read(1)[0];
  dev.write(Uint8Array.of(0x88));
  const c = new DataView(dev.read(26).buffer);
  dev.write(Uint8Array.of(0xe1));
  const h = dev.read(7);
  const T1 = c.getUint16(0, true), T2 = c.getInt16(2, true), T3 = c.getInt16(4, true);
  const P = [c.getUint16(6, true), ...[8, 10, 12, 14, 16, 18, 20, 22].map((o) => c.getInt16(o, true))];
  const H1 = c.getUint8(25);
  const H2 = new DataView(h.buffer).getInt16(0, true), H3 = h[2];
  const H4 = (((h[3] << 24) >> 24) << 4) | (h[4] & 0x0f);
  const H5 = (((h[5] << 24) >> 24) << 4) | (h[4] >> 4);
  const H6 = (h[6] << 24) >> 24;
  dev.write(Uint8Array.of(0xf2, 0x01));
  dev.write(Uint8Array.of(0xf4, 0x25)); // forced mode, x1 oversampling
  dev.write(Uint8Array.of(0xf7));
  const d = dev.read(8);
  const adcP = (d[0] << 12) | (d[1] << 4) | (d[2] >> 4);
  const adcT = (d[3] << 12) | (d[4] << 4) | (d[5] >> 4);
  const adcH = (d[6] << 8) | d[7];
  const v1 = (adcT / 16384 - T1 / 1024) * T2;
  const v2 = (adcT / 131072 - T1 / 8192) ** 2 * T3;
  const tFine = v1 + v2;
  const temperature = tFine / 5120;
  let p1 = tFine / 2 - 64000;
  let p2 = (p1 * p1 * P[5]) / 32768;
  p2 = p2 + p1 * P[4] * 2;
  p2 = p2 / 4 + P[3] * 65536;
  p1 = ((P[2] * p1 * p1) / 524288 + P[1] * p1) / 524288;
  p1 = (1 + p1 / 32768) * P[0];
  let p = 1048576 - adcP;
  p = ((p - p2 / 4096) * 6250) / p1;
  p = p + ((P[8] * p * p) / 2147483648 + (p * P[7]) / 32768 + P[6]) / 16;
  let hum = tFine - 76800;
  hum = (adcH - (H4 * 64 + (H5 / 16384) * hum)) * ((H2 / 65536) * (1 + (H6 / 67108864) * hum * (1 + (H3 / 67108864) * hum)));
  hum = hum * (1 - (H1 * hum) / 524288);
  return { id, temperature, pressureHpa: p / 100, humidity: hum };
}

describe('simulated BME280', () => {
  it('reads back the environment through the datasheet formulas', () => {
    const env = { temperatureC: 23.5, humidity: 41.2, pressureHpa: 1009.3 };
    const dev = new Bme280(0x76, () => env);
    const r = driverRead(dev);
    expect(r.id).toBe(0x60);
    expect(r.temperature).toBeCloseTo(23.5, 1);
    expect(r.pressureHpa).toBeCloseTo(1009.3, 0);
    expect(r.humidity).toBeCloseTo(41.2, 0);
    env.temperatureC = -5;
    env.humidity = 80;
    env.pressureHpa = 950;
    const r2 = driverRead(dev);
    expect(r2.temperature).toBeCloseTo(-5, 1);
    expect(r2.pressureHpa).toBeCloseTo(950, 0);
    expect(r2.humidity).toBeCloseTo(80, 0);
  });

  it('keeps reset values while asleep and honours soft reset', () => {
    const dev = new Bme280(0x76, () => ({ temperatureC: 20, humidity: 50, pressureHpa: 1000 }));
    dev.write(Uint8Array.of(0xfa));
    expect([...dev.read(3)]).toEqual([0x80, 0x00, 0x00]);
    dev.write(Uint8Array.of(0xf4, 0x27));
    dev.write(Uint8Array.of(0xf4));
    expect(dev.read(1)[0]).toBe(0x27); // normal mode stays
    dev.write(Uint8Array.of(0xe0, 0xb6));
    dev.write(Uint8Array.of(0xf4));
    expect(dev.read(1)[0]).toBe(0);
  });
});
