// Intel HEX files as the micro:bit's DAPLink drive takes them (board-protocols.md §9.4;
// firmware-and-libraries.md §3): every record's checksum is checked, addresses are tracked per
// section, and Universal Hex sections (record types 0x0A–0x0D, one per board id) are told
// apart, so a file for the wrong micro:bit is refused before it is copied.
import { MoteError } from '../../shared/errors';

/** One run of data for one target: the whole file, or one Universal Hex block. */
export interface HexSection {
  /** The Universal Hex board id (0x9900, 0x9903, …); null in a plain hex file. */
  boardId: number | null;
  /** Data bytes (records of type 0x00 and 0x0D). */
  bytes: number;
  /** Lowest and one-past-highest flash address written (below 0x10000000: UICR and friends excluded). */
  low: number;
  high: number;
}

export interface HexImage {
  records: number;
  sections: HexSection[];
  /** The data bytes in file order, for finding the version text. */
  text: string;
}

/** Addresses at and above this are configuration registers (nRF UICR at 0x10001000), not flash. */
const CONFIG_SPACE = 0x10000000;

function bad(line: number, why: string): MoteError {
  return new MoteError('invalid-file', `Line ${line} of the hex file ${why}: the file is damaged. Download it again.`);
}

/** Parses and checks an Intel HEX file; throws MoteError('invalid-file') saying which line is wrong. */
export function parseHex(data: Uint8Array): HexImage {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  if (!text.startsWith(':')) throw new MoteError('invalid-file', 'This is not an Intel HEX file (it does not start with ":"). A micro:bit takes .hex files.');
  const lines = text.split(/\r?\n/);
  const sections: HexSection[] = [];
  let current: HexSection = { boardId: null, bytes: 0, low: Infinity, high: 0 };
  let base = 0;
  let records = 0;
  let ended = false;
  const payload: Buffer[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const n = i + 1;
    if (ended) throw bad(n, 'comes after the end-of-file record');
    if (!/^:([0-9A-Fa-f]{2})+$/.test(line)) throw bad(n, 'is not a hex record');
    const bytes = Buffer.from(line.slice(1), 'hex');
    const count = bytes[0];
    if (bytes.length !== count + 5) throw bad(n, `says it holds ${count} bytes but holds ${bytes.length - 5}`);
    if (bytes.reduce((sum, b) => (sum + b) & 0xff, 0) !== 0) throw bad(n, 'has a wrong checksum');
    records++;
    const type = bytes[3];
    const address = bytes.readUInt16BE(1);
    const body = bytes.subarray(4, 4 + count);
    switch (type) {
      case 0x00:
      case 0x0d: {
        const at = base + address;
        if (at < CONFIG_SPACE) {
          current.low = Math.min(current.low, at);
          current.high = Math.max(current.high, at + count);
        }
        current.bytes += count;
        payload.push(body);
        break;
      }
      case 0x01:
        ended = true;
        break;
      case 0x02:
        base = body.readUInt16BE(0) * 16;
        break;
      case 0x04:
        base = body.readUInt16BE(0) * 0x10000;
        break;
      case 0x03:
      case 0x05:
      case 0x0c:
        break;
      case 0x0a:
        // Universal Hex block start: the board id, big-endian, then C0 DE
        if (current.bytes) sections.push(current);
        current = { boardId: body.length >= 2 ? body.readUInt16BE(0) : null, bytes: 0, low: Infinity, high: 0 };
        break;
      case 0x0b:
        sections.push(current);
        current = { boardId: null, bytes: 0, low: Infinity, high: 0 };
        break;
      default:
        throw bad(n, `has record type 0x${type.toString(16).padStart(2, '0')}, which no micro:bit understands`);
    }
  }
  if (!ended) throw new MoteError('invalid-file', 'The hex file has no end-of-file record: it was cut short while downloading. Download it again.');
  if (current.bytes) sections.push(current);
  if (!sections.some((s) => s.bytes > 0)) throw new MoteError('invalid-file', 'The hex file holds no data.');
  for (const s of sections) if (s.low === Infinity) s.low = 0;
  return { records, sections, text: Buffer.concat(payload).toString('latin1') };
}

/** The micro:bit generations by DETAILS.TXT board id (board-protocols.md §9.4). */
export function microbitVersion(boardId: string | number): 1 | 2 | null {
  const id = typeof boardId === 'number' ? boardId : parseInt(boardId, 16);
  if (id === 0x9900 || id === 0x9901) return 1;
  if (id >= 0x9903 && id <= 0x9906) return 2;
  return null;
}

/** Flash sizes: nRF51822 256 KiB (V1), nRF52833 512 KiB (V2). */
const FLASH = { 1: 0x40000, 2: 0x80000 } as const;

/**
 * Checks a hex image against a micro:bit generation; throws MoteError('invalid-file') when
 * DAPLink would write outside its flash or the file is built for the other generation.
 */
export function checkHexFits(image: HexImage, version: 1 | 2): void {
  const universal = image.sections.filter((s) => s.boardId !== null);
  if (universal.length) {
    if (!universal.some((s) => microbitVersion(s.boardId!) === version)) {
      throw new MoteError('invalid-file', `This Universal Hex has no part for a micro:bit V${version}: get a build that includes V${version}.`);
    }
    return;
  }
  const [only] = image.sections;
  if (only.high > FLASH[version]) {
    throw new MoteError('invalid-file', `This hex file writes up to 0x${only.high.toString(16)}, beyond the micro:bit V${version}'s ${FLASH[version] / 1024} KiB of flash: ${version === 1 ? 'it is for a micro:bit V2' : 'it is not micro:bit firmware'}.`);
  }
  if (version === 2 && /nRF51822|micro:bit v1\./.test(image.text)) {
    throw new MoteError('invalid-file', 'This is MicroPython for the micro:bit V1; this board is a micro:bit V2. Get the V2 build (micropython-microbit-v2).');
  }
}
