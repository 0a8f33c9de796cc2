import { describe, expect, it } from 'vitest';
import { uf2Block, uf2Image, uf2ImageOf } from '../testing/uf2-builder';
import { bootloaderTarget, checkFits, firmwareTitle, parseUf2 } from './uf2';

const RP2040_INFO = { banner: 'UF2 Bootloader v3.0', Model: 'Raspberry Pi RP2', 'Board-ID': 'RPI-RP2' };
const RP2350_INFO = { banner: 'UF2 Bootloader v1.0', Model: 'Raspberry Pi RP2350', 'Board-ID': 'RP2350' };

describe('parseUf2', () => {
  it('describes a valid image', () => {
    const image = parseUf2(uf2Image(10));
    expect(image.totalBlocks).toBe(10);
    expect(image.groups).toEqual([{ familyId: 0xe48bff56, family: 'RP2040', blocks: 10, payloadBytes: 2560, lowAddress: 0x10000000, highAddress: 0x10000a00 }]);
  });

  it('takes blocks in any order and skips blocks that are not for main flash', () => {
    const blocks = [0, 1, 2].map((i) => uf2Block({ target: 0x10000000 + i * 256, blockNo: i, numBlocks: 3 }));
    const extra = uf2Block({ target: 0, blockNo: 0, numBlocks: 1, flags: 0x1 });
    expect(parseUf2(Buffer.concat([blocks[2], extra, blocks[0], blocks[1]])).groups[0].blocks).toBe(3);
  });

  it("accepts picotool's RP2350 layout: one absolute block (E10), then the image in its own family", () => {
    const e10 = uf2Block({ family: 0xe48bff57, target: 0x10ffff00, blockNo: 0, numBlocks: 2, fill: 0xef });
    const image = parseUf2(Buffer.concat([e10, uf2Image(4, { family: 0xe48bff59 })]));
    expect(image.groups.map((g) => `${g.family}:${g.blocks}`)).toEqual(['RP2040/RP2350 (absolute):1', 'RP2350 (Arm):4']);
  });

  it('accepts a universal image (RP2040 and RP2350 images concatenated)', () => {
    expect(parseUf2(Buffer.concat([uf2Image(3), uf2Image(2, { family: 0xe48bff59 })])).groups).toHaveLength(2);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /empty/],
    ['a .bin renamed', Buffer.alloc(4096, 0xff), /not a UF2 file/],
    ['a cut download', uf2Image(4).subarray(0, 1800), /not a whole number of 512-byte UF2 blocks/],
    ['a damaged block', (() => { const b = uf2Image(4); b[3 * 512 + 508] ^= 1; return b; })(), /Block 3 of 4 is damaged/],
    ['a missing block', Buffer.concat([uf2Image(4).subarray(0, 1024), uf2Image(4).subarray(1536)]), /block 2 of 4 is missing/],
    ['a block twice', Buffer.concat([uf2Image(3), uf2Image(3).subarray(0, 512)]), /Block number 0 of the RP2040 image appears twice/],
    ['a wrong block count', Buffer.concat([uf2Image(2), uf2Block({ target: 0x10000200, blockNo: 2, numBlocks: 4 })]), /has 4 blocks, earlier blocks said 2/],
    ['a block numbered past the end', uf2Block({ target: 0x10000000, blockNo: 1, numBlocks: 1 }), /numbered 1, beyond/],
    ['an RP2 block of 128 bytes', uf2Block({ target: 0x10000000, blockNo: 0, numBlocks: 1, payload: 128 }), /256-byte blocks/],
    ['an impossible payload', uf2Block({ family: 0x68ed2b88, target: 0x2000, blockNo: 0, numBlocks: 1, payload: 477 }), /impossible payload size \(477/],
    ['only a file container', uf2Block({ target: 0, blockNo: 0, numBlocks: 1, flags: 0x1000 }), /no firmware for main flash/],
  ])('refuses %s with a specific message', (_name, data, message) => {
    expect(() => parseUf2(data)).toThrow(message);
    try {
      parseUf2(data);
    } catch (err) {
      expect(err).toMatchObject({ code: 'invalid-file' });
    }
  });
});

describe('bootloaderTarget and checkFits', () => {
  it('reads the chip from INFO_UF2.TXT', () => {
    expect(bootloaderTarget(RP2040_INFO)?.chip).toBe('RP2040');
    expect(bootloaderTarget(RP2350_INFO)?.chip).toBe('RP2350');
    expect(bootloaderTarget({ 'Board-ID': 'SAMD21G18A-Feather-v0' })?.chip).toBe('SAMD21');
    expect(bootloaderTarget({ 'Board-ID': 'ESP32S3-FeatherS3-revB' })?.chip).toBe('ESP32-S3');
    expect(bootloaderTarget({ 'Board-ID': 'Mystery-1' })).toBeNull();
  });

  it('lets RP2040 firmware onto RPI-RP2 and RP2350 firmware onto RP2350', () => {
    expect(checkFits(parseUf2(uf2Image(4)), RP2040_INFO, 'RPI-RP2').matching).toHaveLength(1);
    const e10 = uf2Block({ family: 0xe48bff57, target: 0x10ffff00, blockNo: 0, numBlocks: 2, fill: 0xef });
    const pico2 = parseUf2(Buffer.concat([e10, uf2Image(4, { family: 0xe48bff59 })]));
    expect(checkFits(pico2, RP2350_INFO, 'RP2350').matching.map((g) => g.family)).toEqual(['RP2350 (Arm)']);
    // a universal image fits both
    const universal = parseUf2(Buffer.concat([uf2Image(3), uf2Image(2, { family: 0xe48bff59 })]));
    expect(checkFits(universal, RP2040_INFO, 'RPI-RP2').matching.map((g) => g.family)).toEqual(['RP2040']);
    expect(checkFits(universal, RP2350_INFO, 'RP2350').matching.map((g) => g.family)).toEqual(['RP2350 (Arm)']);
  });

  it('refuses firmware for another chip, naming both', () => {
    expect(() => checkFits(parseUf2(uf2Image(4, { family: 0xe48bff59 })), RP2040_INFO, 'RPI-RP2')).toThrow(
      'This firmware is for RP2350 (Arm), but the board on RPI-RP2 takes RP2040 firmware: it would ignore the file. Get the RP2040 build of the firmware.',
    );
    expect(() => checkFits(parseUf2(uf2Image(4)), RP2350_INFO, 'RP2350')).toThrow(/for RP2040, but the board on RP2350 takes RP2350 firmware/);
    // picotool's E10 block is not named as if it were firmware of its own
    const e10 = uf2Block({ family: 0xe48bff57, target: 0x10ffff00, blockNo: 0, numBlocks: 2, fill: 0xef });
    expect(() => checkFits(parseUf2(Buffer.concat([e10, uf2Image(4, { family: 0xe48bff59 })])), RP2040_INFO, 'RPI-RP2')).toThrow(/^This firmware is for RP2350 \(Arm\), but/);
    expect(() => checkFits(parseUf2(uf2Image(4, { family: 0xc47e5767, base: 0 })), RP2040_INFO, 'RPI-RP2')).toThrow(/for ESP32-S3/);
  });

  it('refuses RP2040 firmware that writes outside flash and RAM', () => {
    expect(() => checkFits(parseUf2(uf2Image(4, { base: 0x30000000 })), RP2040_INFO, 'RPI-RP2')).toThrow(/outside the RP2040's flash and RAM/);
  });

  it('warns instead of refusing when it cannot tell', () => {
    expect(checkFits(parseUf2(uf2Image(4)), { 'Board-ID': 'Mystery-1' }, 'MYSTERYBOOT').warning).toMatch(/does not know the chip behind MYSTERYBOOT/);
    expect(checkFits(parseUf2(uf2Image(4, { family: null })), RP2040_INFO, 'RPI-RP2').warning).toMatch(/does not say which chip/);
  });
});

describe('firmwareTitle', () => {
  const image = (text: string, at: number) => {
    const bytes = Buffer.alloc(2048, 0xff);
    bytes.write(text, at, 'latin1');
    return uf2ImageOf(bytes);
  };

  it('reads the version text the build embeds, even across a block boundary', () => {
    expect(firmwareTitle(image('MicroPython v1.24.1 on 2024-11-29; Raspberry Pi Pico with RP2040', 240))).toBe('MicroPython 1.24.1 (2024-11-29)');
    expect(firmwareTitle(image('Adafruit CircuitPython 9.2.1 on 2024-11-20; Raspberry Pi Pico with rp2040', 700))).toBe('Adafruit CircuitPython 9.2.1 (2024-11-20)');
    expect(firmwareTitle(image('MicroPython v1.25.0-preview.123.gabc on 2025-01-02', 10))).toBe('MicroPython 1.25.0-preview.123.gabc (2025-01-02)');
  });

  it('is null for an image without one', () => {
    expect(firmwareTitle(uf2Image(8))).toBeNull();
  });
});

