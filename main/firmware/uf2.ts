// UF2 firmware images (board-protocols.md §9): reading one, checking it block by block before
// anything is copied (§9.3), and deciding whether it fits the bootloader drive that is plugged
// in. A bootloader silently ignores blocks for another chip, so a wrong file "copies" fine and
// does nothing: the check has to happen here, with a message that says what to get instead.
import { MoteError } from '../../shared/errors';
import { versionText } from './version-text';

export const UF2_BLOCK = 512;
const MAGIC_START0 = 0x0a324655;
const MAGIC_START1 = 0x9e5d5157;
const MAGIC_END = 0x0ab16f30;
const MAX_PAYLOAD = 476;
/** 128 MiB of 256-byte payloads: more than any chip with a UF2 bootloader holds. */
const MAX_BLOCKS = 1 << 19;
const FLAG_NOT_MAIN_FLASH = 0x0001;
const FLAG_FILE_CONTAINER = 0x1000;
const FLAG_FAMILY_ID = 0x2000;

/** Family ids (§9.2, from uf2families.json) and the names people know the chips by. */
export const UF2_FAMILIES: Readonly<Record<number, string>> = {
  0xe48bff56: 'RP2040',
  0xe48bff57: 'RP2040/RP2350 (absolute)',
  0xe48bff58: 'RP2040/RP2350 (data)',
  0xe48bff59: 'RP2350 (Arm)',
  0xe48bff5a: 'RP2350 (RISC-V)',
  0xe48bff5b: 'RP2350 (Arm, non-secure)',
  0x68ed2b88: 'SAMD21',
  0x55114460: 'SAMD51',
  0xada52840: 'nRF52840',
  0x621e937a: 'nRF52833',
  0x1b57745f: 'nRF52',
  0xbfdd4eee: 'ESP32-S2',
  0xc47e5767: 'ESP32-S3',
  0x1c5f21b0: 'ESP32',
  0xd42ba06c: 'ESP32-C3',
  0x540ddf62: 'ESP32-C6',
  0x332726f6: 'ESP32-H2',
  0x2b88d29c: 'ESP32-C2',
  0x3d308e94: 'ESP32-P4',
  0x57755a57: 'STM32F4',
};

const RP2040 = 0xe48bff56;
const RP2_ABSOLUTE = 0xe48bff57;
/** The families the RP2350 ROM accepts without a partition table (§9.3 step 6). */
const RP2350_ACCEPTS = [RP2_ABSOLUTE, 0xe48bff58, 0xe48bff59, 0xe48bff5a];
const RP2_FAMILIES = new Set([RP2040, ...RP2350_ACCEPTS, 0xe48bff5b]);

/** One numbered sequence of blocks for one family (a file may hold several, §9.3 step 5). */
export interface Uf2Group {
  /** null when the blocks carry no family id. */
  familyId: number | null;
  /** 'RP2040', 'ESP32-S3', 'family 0x12345678', or 'no family'. */
  family: string;
  blocks: number;
  /** Firmware bytes (sum of payloads). */
  payloadBytes: number;
  lowAddress: number;
  /** One past the last byte written. */
  highAddress: number;
}

export interface Uf2Image {
  /** All 512-byte blocks in the file, including ones not meant for main flash. */
  totalBlocks: number;
  /** The main-flash groups, in the order they first appear. */
  groups: Uf2Group[];
}

export function familyName(id: number | null): string {
  if (id === null) return 'no family';
  return UF2_FAMILIES[id] ?? `family 0x${id.toString(16).padStart(8, '0')}`;
}

function invalid(message: string): MoteError {
  return new MoteError('invalid-file', message);
}

/** Reads and checks a UF2 image (§9.3 steps 1–5); throws MoteError('invalid-file') saying what is wrong. */
export function parseUf2(data: Uint8Array): Uf2Image {
  if (data.length === 0) throw invalid('The file is empty: it is not UF2 firmware.');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  if (data.length < UF2_BLOCK || u32(0) !== MAGIC_START0 || u32(4) !== MAGIC_START1) {
    throw invalid('This is not a UF2 file (it does not start with a UF2 block). Boards in bootloader mode take .uf2 files; a .bin or .hex file needs another tool.');
  }
  if (data.length % UF2_BLOCK !== 0) {
    throw invalid(`The file is ${data.length} bytes, not a whole number of 512-byte UF2 blocks: it was probably cut short while downloading. Download it again.`);
  }
  const totalBlocks = data.length / UF2_BLOCK;
  interface Sequence extends Uf2Group {
    numBlocks: number;
    seen: Uint8Array;
  }
  const sequences = new Map<number | null, Sequence>();
  for (let i = 0; i < totalBlocks; i++) {
    const at = i * UF2_BLOCK;
    if (u32(at) !== MAGIC_START0 || u32(at + 4) !== MAGIC_START1 || u32(at + UF2_BLOCK - 4) !== MAGIC_END) {
      throw invalid(`Block ${i} of ${totalBlocks} is damaged (its UF2 markers are wrong): the file is corrupt. Download it again.`);
    }
    const flags = u32(at + 8);
    if (flags & (FLAG_NOT_MAIN_FLASH | FLAG_FILE_CONTAINER)) continue;
    const target = u32(at + 12);
    const payload = u32(at + 16);
    const blockNo = u32(at + 20);
    const numBlocks = u32(at + 24);
    const familyId = flags & FLAG_FAMILY_ID ? u32(at + 28) : null;
    if (payload === 0 || payload > MAX_PAYLOAD || payload % 4 !== 0) throw invalid(`Block ${i} has an impossible payload size (${payload} bytes): the file is corrupt.`);
    if (familyId !== null && RP2_FAMILIES.has(familyId) && (payload !== 256 || target % 256 !== 0)) {
      throw invalid(`Block ${i} is not a valid ${familyName(familyId)} block (Raspberry Pi chips take 256-byte blocks at 256-byte boundaries): the file is corrupt.`);
    }
    let seq = sequences.get(familyId);
    if (!seq) {
      // (a count past the file's length is reported below as missing blocks; absurd ones here)
      if (numBlocks === 0 || numBlocks > MAX_BLOCKS) throw invalid(`Block ${i} claims ${numBlocks} blocks in its image: the file is corrupt.`);
      seq = { familyId, family: familyName(familyId), blocks: 0, payloadBytes: 0, lowAddress: target, highAddress: target + payload, numBlocks, seen: new Uint8Array(numBlocks) };
      sequences.set(familyId, seq);
    }
    if (numBlocks !== seq.numBlocks) throw invalid(`Block ${i} says its ${seq.family} image has ${numBlocks} blocks, earlier blocks said ${seq.numBlocks}: the file is corrupt.`);
    if (blockNo >= numBlocks) throw invalid(`Block ${i} is numbered ${blockNo}, beyond its image's ${numBlocks} blocks: the file is corrupt.`);
    if (seq.seen[blockNo]) {
      // picotool's RP2350 images start with one "absolute" block (RP2350-E10) numbered 0 of 2;
      // the real image follows in its own family. Anything else numbered twice is damage.
      throw invalid(`Block number ${blockNo} of the ${seq.family} image appears twice: the file is corrupt.`);
    }
    seq.seen[blockNo] = 1;
    seq.blocks++;
    seq.payloadBytes += payload;
    seq.lowAddress = Math.min(seq.lowAddress, target);
    seq.highAddress = Math.max(seq.highAddress, target + payload);
  }
  const groups: Uf2Group[] = [];
  for (const seq of sequences.values()) {
    const missing = seq.seen.indexOf(0);
    // The RP2350-E10 workaround block is a sequence of 2 with only block 0 present, by design.
    const e10 = seq.familyId === RP2_ABSOLUTE && seq.numBlocks === 2 && seq.blocks === 1;
    if (missing >= 0 && !e10) {
      throw invalid(`The ${seq.family} image is incomplete: block ${missing} of ${seq.numBlocks} is missing. Download it again.`);
    }
    const { familyId, family, blocks, payloadBytes, lowAddress, highAddress } = seq;
    groups.push({ familyId, family, blocks, payloadBytes, lowAddress, highAddress });
  }
  if (groups.length === 0) throw invalid('The file holds no firmware for main flash (only files or extra data).');
  return { totalBlocks, groups };
}

/** What a bootloader drive's INFO_UF2.TXT says it accepts (§8, §9.3 step 6). */
export interface BootloaderTarget {
  /** 'RP2040', 'RP2350', 'SAMD21', … */
  chip: string;
  families: number[];
  /** Where firmware for this chip may go: [start, end) ranges; none when unknown. */
  ranges: Array<[number, number]>;
}

/** Reads the chip from INFO_UF2.TXT (Board-ID first, then Model); null when Mote cannot tell. */
export function bootloaderTarget(info: Record<string, string>): BootloaderTarget | null {
  const id = (info['Board-ID'] ?? '').toUpperCase();
  const model = (info.Model ?? '').toUpperCase();
  const has = (s: string) => id.startsWith(s) || model.includes(s);
  if (id === 'RPI-RP2' || (has('RP2') && !has('RP2350'))) {
    return { chip: 'RP2040', families: [RP2040], ranges: [[0x10000000, 0x11000000], [0x20000000, 0x20042000]] };
  }
  if (has('RP2350')) return { chip: 'RP2350', families: RP2350_ACCEPTS, ranges: [] };
  const byPrefix: Array<[string, string, number]> = [
    ['SAMD21', 'SAMD21', 0x68ed2b88],
    ['SAMD51', 'SAMD51', 0x55114460],
    ['NRF52840', 'nRF52840', 0xada52840],
    ['NRF52833', 'nRF52833', 0x621e937a],
    ['ESP32S2', 'ESP32-S2', 0xbfdd4eee],
    ['ESP32-S2', 'ESP32-S2', 0xbfdd4eee],
    ['ESP32S3', 'ESP32-S3', 0xc47e5767],
    ['ESP32-S3', 'ESP32-S3', 0xc47e5767],
  ];
  for (const [prefix, chip, family] of byPrefix) if (id.startsWith(prefix)) return { chip, families: [family], ranges: [] };
  return null;
}

export interface FitReport {
  /** The groups the bootloader will flash. */
  matching: Uf2Group[];
  /** Set when Mote could not tell the chip: the copy may do nothing. */
  warning?: string;
}

/**
 * Checks that the bootloader will take the image; throws MoteError('invalid-file') when it would
 * ignore every block (nothing would happen) or write outside the chip's memory.
 */
export function checkFits(image: Uf2Image, info: Record<string, string>, driveLabel: string): FitReport {
  const target = bootloaderTarget(info);
  // a lone absolute block is picotool's RP2350-E10 workaround, not firmware by itself
  const firmware = image.groups.filter((g) => !(g.familyId === RP2_ABSOLUTE && g.blocks === 1));
  const described = (firmware.length ? firmware : image.groups).map((g) => g.family).join(' and ');
  if (!target) {
    return { matching: image.groups, warning: `Mote does not know the chip behind ${driveLabel} (Board-ID "${info['Board-ID'] ?? '?'}"); it cannot check that this ${described} firmware fits.` };
  }
  const matching = firmware.filter((g) => g.familyId !== null && target.families.includes(g.familyId));
  const untagged = firmware.filter((g) => g.familyId === null);
  if (matching.length === 0 && untagged.length === 0) {
    throw invalid(`This firmware is for ${described}, but the board on ${driveLabel} takes ${target.chip} firmware: it would ignore the file. Get the ${target.chip} build of the firmware.`);
  }
  const flashed = matching.length ? matching : untagged;
  for (const g of flashed) {
    if (target.ranges.length && !target.ranges.some(([lo, hi]) => g.lowAddress >= lo && g.highAddress <= hi)) {
      throw invalid(`This firmware writes to 0x${g.lowAddress.toString(16)}–0x${g.highAddress.toString(16)}, outside the ${target.chip}'s flash and RAM: it is not ${target.chip} firmware.`);
    }
  }
  return matching.length ? { matching } : { matching: untagged, warning: `The firmware does not say which chip it is for; the board on ${driveLabel} takes ${target.chip} firmware.` };
}

/**
 * What firmware an image holds, read from the version text its builds embed ("MicroPython
 * v1.24.1 on 2024-11-29", "Adafruit CircuitPython 9.2.1 on 2024-11-20"), so a person choosing
 * among downloaded files sees more than a file name. Null when there is no such text.
 */
export function firmwareTitle(data: Uint8Array): string | null {
  return versionText(uf2Text(data))?.title ?? null;
}

/** The payloads of a UF2 file in file order, as latin1 text (a string may cross a block boundary). */
export function uf2Text(data: Uint8Array): string {
  const parts: Uint8Array[] = [];
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let at = 0; at + UF2_BLOCK <= data.length; at += UF2_BLOCK) {
    if (view.getUint32(at, true) !== MAGIC_START0) continue;
    const size = Math.min(view.getUint32(at + 16, true), MAX_PAYLOAD);
    parts.push(data.subarray(at + 32, at + 32 + size));
  }
  return Buffer.concat(parts).toString('latin1');
}
