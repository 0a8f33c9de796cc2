// Test helper: firmware files made to order: ESP images with a real header for any chip,
// Intel HEX files for either micro:bit (plain or Universal), and UF2 images carrying the
// version text real builds embed. Each can then be damaged in one precise way.
import { uf2ImageOf } from './uf2-builder';

const ESP_IDS: Record<string, number> = { ESP32: 0, 'ESP32-S2': 2, 'ESP32-C3': 5, 'ESP32-S3': 9 };

/** An ESP image of `size` bytes for `chip`, with `text` inside; header at file offset `headerAt` (0xFF before it). */
export function espImage(chip: string, size: number, options: { text?: string; headerAt?: number } = {}): Buffer {
  const at = options.headerAt ?? 0;
  const b = Buffer.alloc(size, 0);
  b.fill(0xff, 0, at);
  for (let i = at + 24; i < size; i++) b[i] = (i * 31 + (i >> 8)) & 0xff;
  b[at] = 0xe9;
  b[at + 1] = 3; // segments
  b[at + 2] = 2; // flash mode DIO
  b[at + 3] = 0x20; // 4 MB, 40 MHz
  if (chip === 'ESP8266') {
    b.writeUInt32LE(0x40100004, at + 4);
  } else {
    b.writeUInt32LE(0x40080000, at + 4);
    b.fill(0, at + 8, at + 24);
    b.writeUInt16LE(ESP_IDS[chip], at + 12);
  }
  if (options.text) b.write(options.text, Math.min(size - options.text.length - 1, at + 0x400), 'latin1');
  return b;
}

/** One Intel HEX record with its checksum. */
export function hexRecord(type: number, address: number, data: Uint8Array | number[]): string {
  const bytes = [data.length, (address >> 8) & 0xff, address & 0xff, type, ...data];
  const sum = (0x100 - (bytes.reduce((a, b) => a + b, 0) & 0xff)) & 0xff;
  return ':' + [...bytes, sum].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join('') + '\n';
}

/** Data records for `bytes` from `base`, with extended-address records every 64 KiB. */
export function hexData(bytes: Uint8Array, base: number, type = 0x00): string {
  let out = '';
  let segment = -1;
  for (let i = 0; i < bytes.length; i += 16) {
    const at = base + i;
    if (at >>> 16 !== segment) {
      segment = at >>> 16;
      out += hexRecord(0x04, 0, [segment >> 8, segment & 0xff]);
    }
    out += hexRecord(type, at & 0xffff, bytes.subarray(i, i + 16));
  }
  return out;
}

/** MicroPython for one micro:bit: V1 fills flash below 256 KiB, V2 reaches past it; `text` is embedded. */
export function microbitHex(version: 1 | 2, text: string): string {
  const size = version === 1 ? 0x3c000 : 0x6c000;
  const bytes = new Uint8Array(size).map((_, i) => (i * 7) & 0xff);
  bytes.set(Buffer.from(text, 'latin1'), 0x2000);
  return hexData(bytes, 0) + hexRecord(0x01, 0, []);
}

/** A Universal Hex: one block per board id (V1: type 0x00 records, V2: type 0x0D). */
export function universalHex(): string {
  let out = '';
  for (const [id, version] of [[0x9900, 1], [0x9903, 2]] as const) {
    out += hexRecord(0x04, 0, [0, 0]);
    out += hexRecord(0x0a, 0, [id >> 8, id & 0xff, 0xc0, 0xde]);
    out += hexData(new Uint8Array(4096).fill(version), 0, version === 1 ? 0x00 : 0x0d).split('\n').slice(1).join('\n');
    out += hexRecord(0x0b, 0, []);
  }
  return out + hexRecord(0x01, 0, []);
}

/** A UF2 image (RP2040 by default) whose payload carries `text`, padded to `blocks` blocks. */
export function uf2WithText(text: string, options: { family?: number; blocks?: number } = {}): Buffer {
  const bytes = new Uint8Array((options.blocks ?? 16) * 256).map((_, i) => (i * 13) & 0xff);
  bytes.set(Buffer.from(text, 'latin1'), 300);
  return uf2ImageOf(bytes, { family: options.family });
}
