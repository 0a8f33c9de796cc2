// Hostile programs never hurt the host: recursion limit, heap limit, interrupts, and
// scheduled callbacks running during sleep.
import { describe, it, expect } from 'vitest';
import { runProgram, TestHost } from './tests/support';
import { Interpreter, PyRaise } from './index';

describe('limits', () => {
  it('raises RuntimeError on runaway recursion', () => {
    const out = runProgram('def f(n):\n    return f(n + 1)\nf(0)\n');
    expect(out).toMatch(/RuntimeError: maximum recursion depth exceeded\n$/);
  });
  it('raises RuntimeError on recursion through __repr__', () => {
    const out = runProgram('class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())\n');
    expect(out).toMatch(/RuntimeError: maximum recursion depth exceeded\n$/);
  });
  it('recovers after a recursion error and can recurse again', () => {
    const out = runProgram('def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RuntimeError as e:\n    print("caught", e)\ndef g(n):\n    return 0 if n == 0 else 1 + g(n - 1)\nprint(g(100))\n');
    expect(out).toBe('caught maximum recursion depth exceeded\n100\n');
  });
  it('does not leak call depth when recursion errors are caught', () => {
    const out = runProgram('def f(n):\n    return f(n + 1)\nfor i in range(20):\n    try:\n        f(0)\n    except RuntimeError:\n        pass\ndef d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\nprint(d(990))\n');
    expect(out).toBe('990\n');
  });
  it('raises MemoryError for allocations beyond the heap limit', () => {
    expect(runProgram('x = [0] * (10 ** 8)\n', { heapLimit: 1 << 20 })).toMatch(/MemoryError/);
    expect(runProgram('s = "ab" * (10 ** 9)\n', { heapLimit: 1 << 20 })).toMatch(/MemoryError/);
    expect(runProgram('b = bytearray(10 ** 8)\n', { heapLimit: 1 << 20 })).toMatch(/MemoryError/);
    expect(runProgram('l = []\nwhile True:\n    l.append(1)\n', { heapLimit: 1 << 20 })).toMatch(/MemoryError/);
  });
  it('raises MemoryError when the host reports runaway heap growth', () => {
    const host = new TestHost();
    let used = 0;
    (host as TestHost & { memoryUsage: () => number }).memoryUsage = () => (used += 64 * 1024 * 1024);
    const interp = new Interpreter(host, { heapLimit: 1 << 20 });
    let err: unknown;
    try { interp.exec('x = []\nwhile True:\n    x.append(1)\n'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(PyRaise);
    expect(interp.formatException(err as PyRaise)).toMatch(/MemoryError/);
  });
  it('stops while True: pass when the host reports Ctrl-C', () => {
    const host = new TestHost();
    host.interruptAt = 3;
    const interp = new Interpreter(host);
    let err: unknown;
    try { interp.exec('while True:\n    pass\n'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(PyRaise);
    expect(interp.isKeyboardInterrupt(err)).toBe(true);
    expect(interp.formatException(err as PyRaise)).toBe('Traceback (most recent call last):\n  File "<stdin>", line 2, in <module>\nKeyboardInterrupt: \n');
  });
  it('interrupts a sleep and a recursive function', () => {
    const host = new TestHost();
    host.interruptAt = 2;
    const interp = new Interpreter(host);
    expect(() => interp.exec('import time\ntime.sleep(1000)\n')).toThrow(PyRaise);
    const host2 = new TestHost();
    host2.interruptAt = 5;
    const i2 = new Interpreter(host2);
    let err: unknown;
    try { i2.exec('def f():\n    while True:\n        pass\nf()\n'); } catch (e) { err = e; }
    expect(i2.isKeyboardInterrupt(err)).toBe(true);
  });
  it('runs scheduled callbacks during sleep, in order, and survives their exceptions', () => {
    const host = new TestHost();
    const interp = new Interpreter(host);
    interp.exec('import micropython, time\nseen = []\ndef cb(x):\n    seen.append(x)\n    if x == 2:\n        raise ValueError("bad")\nmicropython.schedule(cb, 1)\nmicropython.schedule(cb, 2)\nmicropython.schedule(cb, 3)\ntime.sleep_ms(10)\nprint(seen)\n');
    expect(host.out).toContain('[1, 2, 3]\n');
    expect(host.out).toContain('ValueError: bad');
  });
  it('exposes exit codes for SystemExit', () => {
    const interp = new Interpreter(new TestHost());
    let err: unknown;
    try { interp.exec('import sys\nsys.exit(3)\n'); } catch (e) { err = e; }
    expect(interp.isSystemExit(err)).toBe(true);
    expect(interp.exitCode(err as PyRaise)).toBe(3);
  });
  it('reads input() from the host and raises EOFError at end of input', () => {
    expect(runProgram('print(input("name? "))\nprint(input())\n', { stdin: 'Ada\n' })).toMatch(/^name\? Ada\nTraceback[\s\S]*EOFError/);
  });
  it('counts characters in sys.stdin.read(n), as a text stream does', () => {
    const src = 'import sys\nprint(sys.stdin.read(2))\nprint(sys.stdin.read(3))\nprint(sys.stdin.read(2))\nprint(sys.stdin.buffer.read(1))\n';
    expect(runProgram(src, { stdin: 'h\u00e9llo\u{1f600}\u20acz' })).toBe('h\u00e9\nllo\n\u{1f600}\u20ac\nb\'z\'\n');
  });
  it('gives sys.stdin.buffer as bytes: read, readinto, readline', () => {
    const src = 'import sys\nb=sys.stdin.buffer\nprint(b.read(3))\nx=bytearray(4)\nprint(b.readinto(x), x)\nprint(b.readline())\nprint(b.read())\n';
    expect(runProgram(src, { stdin: 'ab\u00e9cdef\ngh' })).toBe("b'ab\\xc3'\n4 bytearray(b'\\xa9cde')\nb'f\\n'\nb'gh'\n");
  });
});
