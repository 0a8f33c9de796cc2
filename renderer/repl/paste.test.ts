import { describe, expect, it } from 'vitest';
import { pasteKeystrokes } from './paste';

describe('pasteKeystrokes', () => {
  it('types a single line as is', () => {
    expect(pasteKeystrokes('print(1)')).toBe('print(1)');
    expect(pasteKeystrokes('print(1)\n')).toBe('print(1)');
  });

  it('wraps several lines in paste mode with CR line ends', () => {
    expect(pasteKeystrokes('for i in range(3):\r\n    print(i)\n')).toBe('\x05for i in range(3):\r    print(i)\r\x04');
  });
});
