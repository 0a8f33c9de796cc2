// Says what a firmware file is from its contents, so files from a teacher's USB stick (named
// anything) can be filed in the cache under the right board: the UF2 family and embedded
// version text, the ESP image header, or the micro:bit hex. The file name is only a hint for
// telling apart boards with the same chip.
import { MoteError } from '../../shared/errors';
import { type Catalog, type CatalogBoard, type Flavour, findBoard } from '../../shared/firmware-catalog';
import { parseEspImage } from './esp-image';
import { microbitVersion, parseHex } from './intel-hex';
import { parseUf2, uf2Text } from './uf2';
import { versionText } from './version-text';

export type FirmwareFormat = 'uf2' | 'esp' | 'hex';

/** What a firmware file holds. */
export interface IdentifiedFirmware {
  format: FirmwareFormat;
  /** 'RP2040', 'RP2350', 'ESP32-S3', 'nRF52833', … */
  chip: string;
  flavour: Flavour | null;
  version: string | null;
  /** "MicroPython 1.27.0 (2025-12-09)" when the image says. */
  title: string | null;
  /** The catalogue board it is for, when Mote can tell; else null and `candidates` lists the boards with this chip. */
  boardId: string | null;
  candidates: string[];
  /** For ESP images: the flash address the file is written at. */
  address?: number;
}

const RP2350_FAMILIES = new Set([0xe48bff57, 0xe48bff58, 0xe48bff59, 0xe48bff5a, 0xe48bff5b]);
const BIGGEST = 32 * 1024 * 1024;

/** Identifies a firmware file; throws MoteError('invalid-file') when it is none (or damaged). */
export function identifyFirmware(data: Uint8Array, fileName: string, catalog: Catalog): IdentifiedFirmware {
  if (data.length > BIGGEST) throw new MoteError('invalid-file', `${fileName} is ${Math.round(data.length / 1048576)} MB: far too big to be firmware for these boards.`);
  const kind = formatOf(data);
  if (kind === 'uf2') {
    const image = parseUf2(data);
    const ids = image.groups.map((g) => g.familyId);
    const chip = ids.includes(0xe48bff56) ? 'RP2040' : ids.some((id) => id !== null && RP2350_FAMILIES.has(id)) ? 'RP2350' : image.groups[0].family;
    return finish('uf2', chip, uf2Text(data), fileName, catalog);
  }
  if (kind === 'esp') {
    const image = parseEspImage(data);
    return { ...finish('esp', image.chip, Buffer.from(data).toString('latin1'), fileName, catalog), address: image.address };
  }
  const hex = parseHex(data);
  const versions = new Set(hex.sections.map((s) => (s.boardId === null ? null : microbitVersion(s.boardId))));
  const top = Math.max(...hex.sections.map((s) => s.high));
  const chip = versions.has(1) && versions.has(2) ? 'nRF51822/nRF52833' : versions.has(2) || top > 0x40000 ? 'nRF52833' : 'nRF51822';
  return finish('hex', chip, hex.text, fileName, catalog);
}

/** The format by the first bytes (never by the name). */
function formatOf(data: Uint8Array): FirmwareFormat {
  if (data.length >= 8 && data[0] === 0x55 && data[1] === 0x46 && data[2] === 0x32 && data[3] === 0x0a) return 'uf2';
  if (data[0] === 0x3a) return 'hex';
  if (data[0] === 0xe9 || data[0x1000] === 0xe9 || data[0x2000] === 0xe9) return 'esp';
  throw new MoteError('invalid-file', 'This is not firmware Mote can install: not a UF2 file, not an ESP image and not an Intel HEX file.');
}

function finish(format: FirmwareFormat, chip: string, text: string, fileName: string, catalog: Catalog): IdentifiedFirmware {
  const v = versionText(text);
  const fitting = catalog.boards.filter((b) => chipFits(b, chip) && b.install === installFor(format));
  const board = byName(fileName, catalog, fitting) ?? byContent(text, fitting) ?? (fitting.length === 1 ? fitting[0] : null);
  return { format, chip, flavour: v?.flavour ?? null, version: v?.version ?? null, title: v?.title ?? null, boardId: board?.id ?? null, candidates: fitting.map((b) => b.id) };
}

function installFor(format: FirmwareFormat): CatalogBoard['install'] {
  return format === 'uf2' ? 'uf2' : format === 'esp' ? 'esptool' : 'daplink';
}

function chipFits(board: CatalogBoard, chip: string): boolean {
  return chip.split('/').includes(board.chip);
}

/** MicroPython's "<BOARD>-<date>-v<ver>.ext" and CircuitPython's "adafruit-circuitpython-<board>-<lang>-<ver>.ext". */
function byName(fileName: string, catalog: Catalog, fitting: CatalogBoard[]): CatalogBoard | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const cp = /^adafruit-circuitpython-(.+)-[a-z]{2}(?:_[A-Za-z]+)*-\d+\.\d+/.exec(base);
  const mp = /^([A-Z0-9_]+)(?:-[A-Z0-9_]+)?-\d{8}-/.exec(base);
  const board = cp ? findBoard(catalog, cp[1]) : mp ? findBoard(catalog, mp[1]) : null;
  return board && fitting.includes(board) ? board : null;
}

/** MicroPython embeds "<hwName> with <mcu>"; CircuitPython embeds its board id. Longest name wins (Pico W over Pico). */
function byContent(text: string, fitting: CatalogBoard[]): CatalogBoard | null {
  const hits = fitting.filter((b) => (b.hwName && text.includes(`${b.hwName} with `)) || (b.circuitpythonId && new RegExp(`(?<![\\w])${b.circuitpythonId}(?![\\w])`).test(text)));
  hits.sort((a, b) => (b.hwName ?? b.circuitpythonId ?? '').length - (a.hwName ?? a.circuitpythonId ?? '').length);
  return hits[0] ?? null;
}
