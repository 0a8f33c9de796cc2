import { describe, expect, it } from 'vitest';
import { failingLocation, findTracebackLinks, refersToBuffer } from './traceback';

describe('traceback links', () => {
  it('finds stdin and file references with their offsets', () => {
    const line = '  File "<stdin>", line 3, in <module>';
    expect(findTracebackLinks(line)).toEqual([{ start: 2, end: 24, file: '<stdin>', line: 3 }]);
    expect(findTracebackLinks('  File "main.py", line 12, in blink')[0]).toMatchObject({ file: 'main.py', line: 12 });
    expect(findTracebackLinks('no link here')).toEqual([]);
  });

  it('picks the innermost frame of the last traceback', () => {
    const out = [
      'hello',
      'Traceback (most recent call last):',
      '  File "main.py", line 9, in <module>',
      '  File "main.py", line 4, in f',
      'ZeroDivisionError: divide by zero',
    ].join('\r\n');
    expect(failingLocation(out)).toEqual({ file: 'main.py', line: 4 });
    expect(failingLocation('all fine')).toBeNull();
  });

  it('matches buffers by base name, and the REPL pseudo-files', () => {
    expect(refersToBuffer('<stdin>', undefined)).toBe(true);
    expect(refersToBuffer('/lib/main.py', 'main.py')).toBe(true);
    expect(refersToBuffer('other.py', 'main.py')).toBe(false);
  });
});
