import { describe, expect, it } from 'vitest';
import { decodeTextFile } from './text-file';

describe('decodeTextFile', () => {
  it('returns UTF-8 text, without a byte-order mark', () => {
    expect(decodeTextFile(Buffer.from('print("héllo")\n'), 'a.py')).toBe('print("héllo")\n');
    expect(decodeTextFile(Buffer.from('\ufeffx = 1\n'), 'a.py')).toBe('x = 1\n');
    expect(decodeTextFile(new Uint8Array(0), 'empty.py')).toBe('');
  });

  it('refuses binary data with its size and what to do instead', () => {
    const mpy = Buffer.from([0x4d, 0x06, 0x00, 0x1f, 0x02, 0x00, 0x00, 0x06]);
    expect(() => decodeTextFile(mpy, 'lib.mpy')).toThrow(expect.objectContaining({ code: 'invalid-file', message: expect.stringMatching(/^lib\.mpy is not a text file \(8 bytes of binary data\).*Download or Upload/) }));
    // no NUL, but not UTF-8 either (a Latin-1 or image byte soup)
    expect(() => decodeTextFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]), 'logo.png')).toThrow(/logo\.png is not a text file/);
  });
});
