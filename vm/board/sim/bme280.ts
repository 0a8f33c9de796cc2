// A simulated Bosch BME280 on the I2C bus: the register map, calibration block and raw ADC
// words a real chip presents, so unmodified drivers (MicroPython bme280.py, Adafruit's
// CircuitPython library) read back the temperature, pressure and humidity set from the panel.
// Raw values are found by inverting the datasheet's integer compensation formulas.

/** An I2C target on the simulated bus. */
export interface I2cDevice {
  readonly address: number;
  /** Bytes written by the controller in one transaction (first byte: register pointer). */
  write(data: Uint8Array): void;
  /** n bytes read by the controller, from the register pointer onward. */
  read(n: number): Uint8Array;
}

// Calibration of a real part (BMP280 datasheet example for T/P; humidity from a sample chip).
const T1 = 27504, T2 = 26435, T3 = -1000;
const P1 = 36477, P2 = -10685, P3 = 3024, P4 = 2855, P5 = 140, P6 = -7, P7 = 15500, P8 = -14600, P9 = 6000;
const H1 = 75, H2 = 362, H3 = 0, H4 = 313, H5 = 50, H6 = 30;

/** The environment the sensor measures. */
export interface Environment {
  temperatureC: number;
  humidity: number;
  pressureHpa: number;
}

export class Bme280 implements I2cDevice {
  private readonly regs = new Uint8Array(256);
  private pointer = 0;

  constructor(
    readonly address: number,
    private readonly env: () => Environment,
  ) {
    this.resetRegisters();
  }

  write(data: Uint8Array): void {
    if (data.length === 0) return;
    this.pointer = data[0];
    // register/value pairs follow the pointer (burst writes pair them up as the datasheet says)
    for (let i = 1; i < data.length; i += 2) {
      const reg = i === 1 ? data[0] : data[i - 1];
      const value = data[i];
      this.writeRegister(reg, value);
    }
  }

  read(n: number): Uint8Array {
    this.refreshData();
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = this.regs[this.pointer & 0xff];
      // auto-increment within the data and calibration areas
      this.pointer = (this.pointer + 1) & 0xff;
    }
    return out;
  }

  private writeRegister(reg: number, value: number): void {
    if (reg === 0xe0) {
      if (value === 0xb6) this.resetRegisters();
      return;
    }
    if (reg === 0xf2) this.regs[0xf2] = value & 0x07;
    else if (reg === 0xf4) this.regs[0xf4] = value;
    else if (reg === 0xf5) this.regs[0xf5] = value & 0xfd;
  }

  private resetRegisters(): void {
    this.regs.fill(0);
    this.regs[0xd0] = 0x60; // chip id
    const cal = new DataView(this.regs.buffer);
    cal.setUint16(0x88, T1, true);
    cal.setInt16(0x8a, T2, true);
    cal.setInt16(0x8c, T3, true);
    cal.setUint16(0x8e, P1, true);
    [P2, P3, P4, P5, P6, P7, P8, P9].forEach((v, i) => cal.setInt16(0x90 + 2 * i, v, true));
    this.regs[0xa1] = H1;
    cal.setInt16(0xe1, H2, true);
    this.regs[0xe3] = H3;
    this.regs[0xe4] = (H4 >> 4) & 0xff;
    this.regs[0xe5] = (H4 & 0x0f) | ((H5 & 0x0f) << 4);
    this.regs[0xe6] = (H5 >> 4) & 0xff;
    this.regs[0xe7] = H6 & 0xff;
    // data registers hold their reset values until a measurement
    this.setData(0x80000, 0x80000, 0x8000);
  }

  /** Measurement results: conversions happen at once, so status never shows "measuring". */
  private refreshData(): void {
    const ctrlMeas = this.regs[0xf4];
    const mode = ctrlMeas & 0x03;
    if (mode === 0) return; // sleep: keep the last results
    const env = this.env();
    const osrsT = (ctrlMeas >> 5) & 7;
    const osrsP = (ctrlMeas >> 2) & 7;
    const osrsH = this.regs[0xf2] & 7;
    const adcT = rawTemperature(env.temperatureC);
    const tFine = tFineOf(adcT);
    const adcP = osrsP ? rawPressure(env.pressureHpa * 100, tFine) : 0x80000;
    const adcH = osrsH ? rawHumidity(env.humidity, tFine) : 0x8000;
    this.setData(osrsT ? adcT : 0x80000, adcP, adcH);
    if (mode !== 3) this.regs[0xf4] = ctrlMeas & 0xfc; // forced mode returns to sleep
  }

  private setData(adcT: number, adcP: number, adcH: number): void {
    const r = this.regs;
    r[0xf7] = (adcP >> 12) & 0xff;
    r[0xf8] = (adcP >> 4) & 0xff;
    r[0xf9] = (adcP & 0x0f) << 4;
    r[0xfa] = (adcT >> 12) & 0xff;
    r[0xfb] = (adcT >> 4) & 0xff;
    r[0xfc] = (adcT & 0x0f) << 4;
    r[0xfd] = (adcH >> 8) & 0xff;
    r[0xfe] = adcH & 0xff;
  }
}

// #region datasheet compensation (integer versions, section 4.2.3) and their inverses

/** Arithmetic shift right without 32-bit wrap-around, so the search below stays monotonic. */
function sr(x: number, n: number): number {
  return Math.floor(x / 2 ** n);
}

function tFineOf(adcT: number): number {
  const var1 = sr(((adcT >> 3) - (T1 << 1)) * T2, 11);
  const var2 = sr(sr(((adcT >> 4) - T1) * ((adcT >> 4) - T1), 12) * T3, 14);
  return var1 + var2;
}

/** Temperature in 0.01 °C. */
export function compensateT(adcT: number): number {
  return sr(tFineOf(adcT) * 5 + 128, 8);
}

/** Pressure in Pa as Q24.8 (the 64-bit formula, done in BigInt). */
export function compensateP(adcP: number, tFine: number): number {
  let var1 = BigInt(tFine) - 128000n;
  let var2 = var1 * var1 * BigInt(P6);
  var2 = var2 + ((var1 * BigInt(P5)) << 17n);
  var2 = var2 + (BigInt(P4) << 35n);
  var1 = ((var1 * var1 * BigInt(P3)) >> 8n) + ((var1 * BigInt(P2)) << 12n);
  var1 = (((1n << 47n) + var1) * BigInt(P1)) >> 33n;
  if (var1 === 0n) return 0;
  let p = 1048576n - BigInt(adcP);
  p = (((p << 31n) - var2) * 3125n) / var1;
  var1 = (BigInt(P9) * (p >> 13n) * (p >> 13n)) >> 25n;
  var2 = (BigInt(P8) * p) >> 19n;
  p = ((p + var1 + var2) >> 8n) + (BigInt(P7) << 4n);
  return Number(p);
}

/** Relative humidity in %RH as Q22.10. */
export function compensateH(adcH: number, tFine: number): number {
  let v = tFine - 76800;
  v =
    sr(adcH * 16384 - H4 * 1048576 - H5 * v + 16384, 15) *
    sr((sr(sr(v * H6, 10) * (sr(v * H3, 11) + 32768), 10) + 2097152) * H2 + 8192, 14);
  v = v - sr(sr(sr(v, 15) * sr(v, 15), 7) * H1, 4);
  v = v < 0 ? 0 : v;
  v = v > 419430400 ? 419430400 : v;
  return sr(v, 12);
}

/** Smallest x in [lo, hi] with f(x) >= target, for f non-decreasing. */
function searchUp(lo: number, hi: number, f: (x: number) => number, target: number): number {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (f(mid) >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function rawTemperature(c: number): number {
  return searchUp(0, 0xfffff, compensateT, Math.round(c * 100));
}

function rawPressure(pa: number, tFine: number): number {
  // pressure falls as the raw value rises
  return searchUp(0, 0xfffff, (x) => -compensateP(x, tFine), -Math.round(pa * 256));
}

function rawHumidity(rh: number, tFine: number): number {
  return searchUp(0, 0xffff, (x) => compensateH(x, tFine), Math.round(rh * 1024));
}

// #endregion
