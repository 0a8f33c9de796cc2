// ESP firmware images (.bin) as esptool writes them (board-protocols.md §10,
// firmware-and-libraries.md §1.4, §6.1): find the image header (magic 0xE9) and the chip id
// in its extended header, so an image for another chip is refused before the flash is touched,
// and work out where in flash the file goes.
import { MoteError } from '../../shared/errors';

/** The chips esptool knows, by the chip id in byte 12 of an ESP32-family image header. */
export const ESP_CHIP_IDS: Readonly<Record<number, string>> = {
  0: 'ESP32',
  2: 'ESP32-S2',
  5: 'ESP32-C3',
  9: 'ESP32-S3',
  12: 'ESP32-C2',
  13: 'ESP32-C6',
  16: 'ESP32-H2',
  18: 'ESP32-P4',
  23: 'ESP32-C5',
};

/** Where each chip's second-stage bootloader sits in flash (esptool's BOOTLOADER_FLASH_OFFSET). */
export const BOOTLOADER_OFFSET: Readonly<Record<string, number>> = {
  ESP32: 0x1000,
  'ESP32-S2': 0x1000,
  'ESP32-S3': 0,
  'ESP32-C2': 0,
  'ESP32-C3': 0,
  'ESP32-C6': 0,
  'ESP32-H2': 0,
  'ESP32-C5': 0x2000,
  'ESP32-P4': 0x2000,
  ESP8266: 0,
};

const MAGIC = 0xe9;

export interface EspImage {
  /** 'ESP32', 'ESP32-S3', …, or 'ESP8266'. */
  chip: string;
  /** Where the image header sits in the file (0, or the bootloader offset for images written at 0x0). */
  headerAt: number;
  /** The flash address to write the file at. */
  address: number;
}

/**
 * Reads an ESP .bin: a merged image whose bootloader header is at the start (MicroPython:
 * written at the chip's bootloader offset) or at the bootloader offset (CircuitPython: written
 * at 0x0). Throws MoteError('invalid-file') for anything else.
 */
export function parseEspImage(data: Uint8Array): EspImage {
  if (data.length < 0x100) throw new MoteError('invalid-file', `The file is ${data.length} bytes: too small to be ESP firmware.`);
  for (const headerAt of [0, 0x1000, 0x2000]) {
    if (data.length < headerAt + 24 || data[headerAt] !== MAGIC) continue;
    const chip = chipOf(data, headerAt);
    if (!chip) continue;
    const offset = BOOTLOADER_OFFSET[chip];
    if (headerAt !== 0 && headerAt !== offset) continue;
    return { chip, headerAt, address: offset - headerAt };
  }
  throw new MoteError('invalid-file', 'This is not an ESP firmware image (no ESP image header, byte 0xE9, where esptool expects one). ESP boards take the .bin file from the firmware\'s download page.');
}

/** The chip an image header at `at` is for, or null when the header does not make sense. */
function chipOf(data: Uint8Array, at: number): string | null {
  const segments = data[at + 1];
  if (segments === 0 || segments > 16) return null;
  const view = new DataView(data.buffer, data.byteOffset + at, 24);
  const entry = view.getUint32(4, true);
  // ESP8266 images have no extended header; their entry point is in the IRAM at 0x4010xxxx
  if (entry >= 0x40100000 && entry < 0x40110000) return 'ESP8266';
  // the ESP32 family's extended header: chip id (u16), then reserved bytes that are zero
  const id = view.getUint16(12, true);
  for (let i = 16; i < 23; i++) if (data[at + i] !== 0) return null;
  return ESP_CHIP_IDS[id] ?? null;
}

/** Refuses an image for another chip, or one larger than the flash. */
export function checkEspFits(image: EspImage, size: number, chip: string, flashBytes: number | null): void {
  if (image.chip !== chip) {
    throw new MoteError('invalid-file', `This firmware is for the ${image.chip}, but the board has an ${chip}: it would not start. Get the ${chip} build.`);
  }
  if (flashBytes && image.address + size > flashBytes) {
    throw new MoteError('invalid-file', `The image needs ${Math.ceil((image.address + size) / 1024)} KiB of flash; this board has ${flashBytes / 1024} KiB.`);
  }
}
