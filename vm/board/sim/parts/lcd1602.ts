// LCD1602 (HD44780) behind a PCF8574 I2C backpack: each byte written to the expander sets
// P0 RS, P1 RW, P2 E, P3 backlight, P4..P7 D4..D7; the controller takes a nibble on E's falling
// edge. Starts in 8-bit mode, as at power-on, until a function set selects 4-bit transfers.

import type { I2cDevice } from '../bme280';
import type { Part, PartSpec, PartState } from './part';

const RS = 0x01, E = 0x04, BL = 0x08;

export class Lcd1602 implements Part, I2cDevice {
  readonly i2c = this;
  readonly address: number;
  private latch = 0;
  private fourBit = false;
  private high: number | null = null;
  private readonly ddram = new Uint8Array(0x80).fill(0x20);
  private addr = 0;
  private increment = true;
  private displayOn = false;
  private backlight = false;

  constructor(
    readonly spec: PartSpec,
    private readonly changed: () => void,
  ) {
    this.address = spec.address ?? 0x27;
  }

  write(data: Uint8Array): void {
    for (const b of data) {
      const falling = (this.latch & E) !== 0 && (b & E) === 0;
      this.latch = b;
      this.backlight = (b & BL) !== 0;
      if (falling) this.nibble(b >> 4, (b & RS) !== 0);
    }
    this.changed();
  }

  read(n: number): Uint8Array {
    // the busy flag (D7) is never set: instructions complete at once
    return new Uint8Array(n).fill(this.latch & 0x7f);
  }

  private nibble(n: number, rs: boolean): void {
    if (!this.fourBit) {
      // 8-bit mode with D0..D3 unconnected: every strobe is a whole byte
      this.execute(n << 4, rs);
      return;
    }
    if (this.high === null) {
      this.high = n;
      return;
    }
    const byte = (this.high << 4) | n;
    this.high = null;
    this.execute(byte, rs);
  }

  private execute(b: number, rs: boolean): void {
    if (rs) {
      this.ddram[this.addr & 0x7f] = b;
      this.addr = (this.addr + (this.increment ? 1 : -1)) & 0x7f;
      return;
    }
    if (b & 0x80) this.addr = b & 0x7f;
    else if (b & 0x20) {
      const eight = (b & 0x10) !== 0;
      if (this.fourBit === eight) this.high = null;
      this.fourBit = !eight;
    } else if (b & 0x08) this.displayOn = (b & 0x04) !== 0;
    else if (b & 0x04) this.increment = (b & 0x02) !== 0;
    else if (b & 0x02) this.addr = 0;
    else if (b & 0x01) {
      this.ddram.fill(0x20);
      this.addr = 0;
      this.increment = true;
    }
  }

  /** The two visible lines (DDRAM 0x00.. and 0x40..), 16 characters each. */
  lines(): [string, string] {
    const row = (start: number) => String.fromCharCode(...this.ddram.slice(start, start + 16));
    return [row(0x00), row(0x40)];
  }

  state(): PartState {
    const [line1, line2] = this.lines();
    return { on: this.displayOn, backlight: this.backlight, line1, line2 };
  }
}
