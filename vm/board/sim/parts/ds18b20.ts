// DS18B20 digital thermometer on a 1-Wire bus, at the bit level of the datasheet: ROM commands
// (read, match, skip, search), then convert T, read and write the scratchpad. A conversion
// takes 750 ms at 12 bits; until the first one completes the scratchpad holds the power-on 85 °C.

import type { OneWireDevice, Part, PartSpec, PartState } from './part';
import { crc8 } from './crc8';

const CONVERSION_MS = [94, 188, 375, 750];

type Phase = 'rom' | 'match' | 'search' | 'function' | 'write-scratch' | 'idle';

export class Ds18b20 implements Part, OneWireDevice {
  readonly oneWire = this;
  readonly rom: Uint8Array;
  private temperatureC = 21.5;
  /** temperature LSB, MSB, TH, TL, config */
  private readonly scratch = Uint8Array.from([0x50, 0x05, 0x4b, 0x46, 0x7f]);
  private convertDoneAt = -Infinity;
  private pendingC = 85;
  private phase: Phase = 'idle';
  private inBits: number[] = [];
  private outBits: number[] = [];
  private matchIndex = 0;
  private searchBit = 0;
  private searchStep = 0;
  private received: number[] = [];

  constructor(
    readonly spec: PartSpec,
    private readonly now: () => number,
    serial: number,
  ) {
    const rom = [0x28, serial & 0xff, (serial >> 8) & 0xff, 0x4b, 0x46, 0x20, 0x16];
    this.rom = Uint8Array.from([...rom, crc8(Uint8Array.from(rom))]);
  }

  reset(): void {
    this.latchConversion();
    this.phase = 'rom';
    this.inBits = [];
    this.outBits = [];
    this.received = [];
  }

  readBit(): 0 | 1 {
    if (this.phase === 'search') {
      const bit = (this.rom[this.searchBit >> 3] >> (this.searchBit & 7)) & 1;
      // each search step: the bit, its complement, then the master's choice (a write)
      const out = this.searchStep === 0 ? bit : bit ^ 1;
      this.searchStep++;
      return out as 0 | 1;
    }
    if (this.phase === 'function' && this.outBits.length === 0) {
      // after convert T: read slots report 0 while converting, 1 when done
      return this.now() >= this.convertDoneAt ? 1 : 0;
    }
    if (this.phase === 'idle') return 1;
    const b = this.outBits.shift();
    return b === undefined ? 1 : (b as 0 | 1);
  }

  writeBit(bit: 0 | 1): void {
    if (this.phase === 'idle') return;
    if (this.phase === 'search') {
      const mine = (this.rom[this.searchBit >> 3] >> (this.searchBit & 7)) & 1;
      this.searchStep = 0;
      if (bit !== mine) {
        this.phase = 'idle';
        return;
      }
      if (++this.searchBit === 64) this.phase = 'function';
      return;
    }
    this.inBits.push(bit);
    if (this.inBits.length < 8) return;
    const byte = this.inBits.reduce((v, b, i) => v | (b << i), 0);
    this.inBits = [];
    this.byte(byte);
  }

  private byte(b: number): void {
    switch (this.phase) {
      case 'rom':
        if (b === 0x33) {
          this.send(this.rom);
          this.phase = 'function';
        } else if (b === 0x55) {
          this.phase = 'match';
          this.matchIndex = 0;
        } else if (b === 0xcc) this.phase = 'function';
        else if (b === 0xf0) {
          this.phase = 'search';
          this.searchBit = 0;
          this.searchStep = 0;
        } else this.phase = 'idle';
        return;
      case 'match':
        if (b !== this.rom[this.matchIndex]) this.phase = 'idle';
        else if (++this.matchIndex === 8) this.phase = 'function';
        return;
      case 'function':
        if (b === 0x44) {
          this.latchConversion();
          const resolution = (this.scratch[4] >> 5) & 3;
          this.pendingC = this.temperatureC;
          this.convertDoneAt = this.now() + CONVERSION_MS[resolution];
        } else if (b === 0xbe) {
          this.latchConversion();
          const sp = Uint8Array.from([...this.scratch.slice(0, 5), 0xff, 0x0c, 0x10]);
          this.send(Uint8Array.from([...sp, crc8(sp)]));
        } else if (b === 0x4e) {
          this.phase = 'write-scratch';
          this.received = [];
        }
        return;
      case 'write-scratch':
        this.received.push(b);
        if (this.received.length === 3) {
          this.scratch[2] = this.received[0];
          this.scratch[3] = this.received[1];
          this.scratch[4] = (this.received[2] & 0x60) | 0x1f;
          this.phase = 'function';
        }
        return;
      default:
        return;
    }
  }

  /** A finished conversion lands in the scratchpad, in 1/16 °C, rounded to the resolution. */
  private latchConversion(): void {
    if (this.now() < this.convertDoneAt || this.convertDoneAt === -Infinity) return;
    const resolution = (this.scratch[4] >> 5) & 3;
    const drop = 3 - resolution;
    let raw = Math.round(this.pendingC * 16);
    raw = (raw >> drop) << drop;
    this.scratch[0] = raw & 0xff;
    this.scratch[1] = (raw >> 8) & 0xff;
    this.convertDoneAt = -Infinity;
  }

  private send(bytes: Uint8Array): void {
    this.outBits = [];
    for (const b of bytes) for (let i = 0; i < 8; i++) this.outBits.push((b >> i) & 1);
  }

  input(name: string, value: number): void {
    if (name === 'temperatureC') this.temperatureC = Math.max(-55, Math.min(125, value));
  }

  state(): PartState {
    return { temperatureC: this.temperatureC, rom: Array.from(this.rom, (b) => b.toString(16).padStart(2, '0')).join('') };
  }
}
