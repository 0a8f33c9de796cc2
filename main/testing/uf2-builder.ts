// Test helper: builds UF2 images block by block (board-protocols.md §9.1), so tests can make
// valid firmware for any family and then damage it in one precise way.

export interface BlockSpec {
  family?: number | null;
  target: number;
  blockNo: number;
  numBlocks: number;
  payload?: number;
  flags?: number;
  fill?: number;
  /** The payload's bytes (else `fill`). */
  data?: Uint8Array;
}

export function uf2Block(spec: BlockSpec): Buffer {
  const b = Buffer.alloc(512);
  const family = spec.family === undefined ? 0xe48bff56 : spec.family;
  b.writeUInt32LE(0x0a324655, 0);
  b.writeUInt32LE(0x9e5d5157, 4);
  b.writeUInt32LE((spec.flags ?? 0) | (family !== null ? 0x2000 : 0), 8);
  b.writeUInt32LE(spec.target, 12);
  b.writeUInt32LE(spec.payload ?? 256, 16);
  b.writeUInt32LE(spec.blockNo, 20);
  b.writeUInt32LE(spec.numBlocks, 24);
  b.writeUInt32LE(family ?? 0, 28);
  b.fill(spec.fill ?? 0xa5, 32, 32 + (spec.payload ?? 256));
  if (spec.data) b.set(spec.data.subarray(0, spec.payload ?? 256), 32);
  b.writeUInt32LE(0x0ab16f30, 508);
  return b;
}

/** A whole image of `blocks` 256-byte blocks from `base` (an RP2040 program in flash by default). */
export function uf2Image(blocks: number, options: { family?: number | null; base?: number } = {}): Buffer {
  const base = options.base ?? 0x10000000;
  return Buffer.concat(Array.from({ length: blocks }, (_, i) => uf2Block({ family: options.family, target: base + i * 256, blockNo: i, numBlocks: blocks, fill: i & 0xff })));
}

/** An RP2040 image whose payloads are `bytes` (zero-padded to whole 256-byte blocks). */
export function uf2ImageOf(bytes: Uint8Array, options: { family?: number | null; base?: number } = {}): Buffer {
  const blocks = Math.max(1, Math.ceil(bytes.length / 256));
  const base = options.base ?? 0x10000000;
  return Buffer.concat(Array.from({ length: blocks }, (_, i) => uf2Block({ family: options.family, target: base + i * 256, blockNo: i, numBlocks: blocks, data: bytes.subarray(i * 256, i * 256 + 256) })));
}
