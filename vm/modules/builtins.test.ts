// `import builtins` (Thonny's back end starts with it), checked against the real MicroPython.

import { describe, expect, it } from 'vitest';
import { folderBoard, micropythonOutput } from '../host/testing/folder-board';
import { runProgram } from '../tests/support';

const PROGRAM = `import builtins
print(builtins, builtins.len is len, builtins.print is print, builtins.__name__)
print(all(hasattr(builtins, n) for n in ('input', 'open', 'ValueError', '__import__', 'super')))
builtins.extra = 42
print(extra)
def f():
    return extra + 1
print(f())
`;

describe('builtins module', () => {
  it('is the builtins namespace itself, as on MicroPython', async () => {
    const expected = await micropythonOutput(PROGRAM);
    expect(expected).toBe("<module 'builtins'> True True builtins\nTrue\n42\n43\n");
    expect(runProgram(PROGRAM)).toBe(expected);
  });

  it('imports on the board profiles too', () => {
    const { h } = folderBoard();
    expect(h.exec('import builtins\nprint(builtins.abs(-2))')).toEqual(['2\r\n', '']);
  });
});
