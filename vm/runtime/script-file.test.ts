// __file__: a script run as a file (main.py, the CLI, raw-REPL code) has it, as pyexec sets it
// for file input; a REPL line does not get one.
import { describe, it, expect } from 'vitest';
import { Interpreter } from '../index';
import { TestHost } from '../tests/support';

function run(src: string, filename: string, mode: 'exec' | 'single' = 'exec'): string {
  const host = new TestHost();
  const interp = new Interpreter(host, { heapLimit: 8 * 1024 * 1024, recursionLimit: 200 });
  interp.exec(src, filename, mode);
  return host.out;
}

describe('__file__', () => {
  it('names main.py when main.py runs', () => {
    expect(run("print(__file__)\nprint('__file__' in globals())", 'main.py')).toBe('main.py\nTrue\n');
  });

  it('follows the file that runs, one after another in the same interpreter', () => {
    const host = new TestHost();
    const interp = new Interpreter(host, {});
    interp.exec('a = __file__', 'boot.py');
    interp.exec('print(a, __file__)', 'main.py');
    expect(host.out).toBe('boot.py main.py\n');
  });

  it('is not set by a REPL line', () => {
    expect(run("print('__file__' in globals())", '<stdin>', 'single')).toBe('False\n');
  });
});
