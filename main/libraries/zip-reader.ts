// Reads the entries of a .zip file held in memory (the CircuitPython bundles are zips): the
// central directory, then each entry stored or deflated, checked against its CRC-32.
// Deliberately small: no zip64, no encryption, no multi-disk archives (bundles use none).
import { crc32, inflateRawSync } from 'node:zlib';
import { MoteError } from '../../shared/errors';

export interface ZipEntry {
  /** Path inside the archive, '/' separated; folders end in '/'. */
  name: string;
  size: number;
  /** The entry's bytes, inflated and checked. */
  read(): Buffer;
}

/** No library file is this big; a larger entry is a damaged or hostile zip (a zip bomb). */
const MAX_ENTRY = 64 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function corrupt(what: string, detail: string): MoteError {
  return new MoteError('invalid-file', `${what} is not a readable zip file (${detail}).`);
}

/** Lists a zip's entries; `what` names the file in error messages. */
export function readZip(data: Buffer, what = 'The file'): ZipEntry[] {
  // the end record sits in the last 22 bytes plus a comment of at most 65535
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(what, 'no end of central directory');
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw corrupt(what, `central directory entry ${n + 1} is damaged`);
    const method = data.readUInt16LE(at + 10);
    const crc = data.readUInt32LE(at + 16);
    const compressed = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength).replace(/\\/g, '/');
    at += 46 + nameLength + extraLength + commentLength;
    entries.push({
      name,
      size,
      read: () => {
        if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL_SIGNATURE) throw corrupt(what, `${name} has no local header`);
        const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
        const raw = data.subarray(start, start + compressed);
        if (raw.length !== compressed) throw corrupt(what, `${name} is cut short`);
        if (size > MAX_ENTRY) throw corrupt(what, `${name} claims ${size} bytes`);
        let bytes: Buffer;
        if (method === 0) bytes = Buffer.from(raw);
        else if (method === 8) {
          try {
            // never inflate past the size the directory declares
            bytes = inflateRawSync(raw, { maxOutputLength: Math.max(size, 1) });
          } catch (e) {
            throw corrupt(what, `${name}: ${(e as Error).message}`);
          }
        } else throw corrupt(what, `${name} uses compression method ${method}`);
        if (bytes.length !== size || crc32(bytes) !== crc) throw corrupt(what, `${name} fails its checksum`);
        return bytes;
      },
    });
  }
  return entries;
}
