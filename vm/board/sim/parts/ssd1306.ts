// SSD1306 128x64 OLED on I2C, as its datasheet describes the controller: a control byte (Co and
// D/C# bits) before commands or display data, horizontal/vertical/page addressing, column and
// page windows, display on/off, invert, contrast, segment remap and COM scan direction.
// The panel gets the 1024-byte display RAM (page layout, as framebuf's MONO_VLSB) as hex.

import type { I2cDevice } from '../bme280';
import type { Part, PartSpec, PartState } from './part';

const WIDTH = 128;
const PAGES = 8;

/** Commands and how many argument bytes follow each. */
function argCount(cmd: number): number {
  if ([0x20, 0x81, 0x8d, 0xa8, 0xd3, 0xd5, 0xd9, 0xda, 0xdb].includes(cmd)) return 1;
  if (cmd === 0x21 || cmd === 0x22 || cmd === 0xa3) return 2;
  if (cmd === 0x26 || cmd === 0x27) return 6;
  if (cmd === 0x29 || cmd === 0x2a) return 5;
  return 0;
}

export class Ssd1306 implements Part, I2cDevice {
  readonly i2c = this;
  readonly address: number;
  readonly ram = new Uint8Array(WIDTH * PAGES);
  private on = false;
  private inverted = false;
  private contrast = 0x7f;
  private mode = 2; // page addressing after reset
  private col = 0;
  private page = 0;
  private colStart = 0;
  private colEnd = WIDTH - 1;
  private pageStart = 0;
  private pageEnd = PAGES - 1;
  private segRemap = false;
  private comReverse = false;
  private cmd: number[] = [];

  constructor(
    readonly spec: PartSpec,
    private readonly changed: () => void,
  ) {
    this.address = spec.address ?? 0x3c;
  }

  write(data: Uint8Array): void {
    let i = 0;
    while (i < data.length) {
      const control = data[i++];
      const isData = (control & 0x40) !== 0;
      // Co = 1: one byte follows, then another control byte; Co = 0: the rest is one stream
      const end = control & 0x80 ? Math.min(i + 1, data.length) : data.length;
      for (; i < end; i++) {
        if (isData) this.data(data[i]);
        else this.command(data[i]);
      }
    }
    this.changed();
  }

  read(n: number): Uint8Array {
    // status byte: bit 6 set when the display is off
    return new Uint8Array(n).fill(this.on ? 0x03 : 0x43);
  }

  private data(b: number): void {
    this.ram[this.page * WIDTH + this.col] = b;
    if (this.mode === 0) {
      if (++this.col > this.colEnd) {
        this.col = this.colStart;
        if (++this.page > this.pageEnd) this.page = this.pageStart;
      }
    } else if (this.mode === 1) {
      if (++this.page > this.pageEnd) {
        this.page = this.pageStart;
        if (++this.col > this.colEnd) this.col = this.colStart;
      }
    } else if (this.col < WIDTH - 1) this.col++;
  }

  private command(b: number): void {
    this.cmd.push(b);
    if (this.cmd.length <= argCount(this.cmd[0])) return;
    const [c, a1, a2] = this.cmd;
    this.cmd = [];
    if (c === 0xae || c === 0xaf) this.on = c === 0xaf;
    else if (c === 0xa6 || c === 0xa7) this.inverted = c === 0xa7;
    else if (c === 0x81) this.contrast = a1;
    else if (c === 0x20) this.mode = a1 & 3;
    else if (c === 0x21) {
      this.colStart = this.col = a1 & 0x7f;
      this.colEnd = a2 & 0x7f;
    } else if (c === 0x22) {
      this.pageStart = this.page = a1 & 7;
      this.pageEnd = a2 & 7;
    } else if (c >= 0xb0 && c <= 0xb7) this.page = c & 7;
    else if (c <= 0x0f) this.col = (this.col & 0xf0) | c;
    else if (c >= 0x10 && c <= 0x1f) this.col = ((c & 0x0f) << 4) | (this.col & 0x0f);
    else if (c === 0xa0 || c === 0xa1) this.segRemap = c === 0xa1;
    else if (c === 0xc0 || c === 0xc8) this.comReverse = c === 0xc8;
  }

  /** Whether the pixel at (x, y) of the glass is lit (module mounted so A1/C8 is upright). */
  lit(x: number, y: number): boolean {
    if (!this.on) return false;
    const col = this.segRemap ? x : WIDTH - 1 - x;
    const row = this.comReverse ? y : 63 - y;
    const bit = (this.ram[(row >> 3) * WIDTH + col] >> (row & 7)) & 1;
    return (bit === 1) !== this.inverted;
  }

  /** The glass as 64 rows of 128 bits, hex, row by row (what the panel draws). */
  pixelsHex(): string {
    let out = '';
    for (let y = 0; y < 64; y++) {
      for (let x = 0; x < WIDTH; x += 8) {
        let byte = 0;
        for (let k = 0; k < 8; k++) if (this.lit(x + k, y)) byte |= 0x80 >> k;
        out += byte.toString(16).padStart(2, '0');
      }
    }
    return out;
  }

  state(): PartState {
    return { on: this.on, contrast: this.contrast, pixels: this.pixelsHex() };
  }
}
