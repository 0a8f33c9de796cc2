// sys.stdin/stdout/stderr and their .buffer as a board has them (shared/runtime/sys_stdio_mphal.c;
// the WebAssembly build has the unix port's file-backed stdio instead, so the board's C file is the
// reference here): what rshell's upload (readinto) and mpremote's mount (write(b, n)) rely on.

import { describe, expect, it } from 'vitest';
import { folderBoard } from '../host/testing/folder-board';

/** Runs code in the raw REPL of a fresh board; returns [stdout, stderr]. */
function run(code: string): [string, string] {
  return folderBoard().h.exec(code);
}

describe('sys.stdin', () => {
  it('is a TextIOWrapper with readinto, readline, readlines, close; the buffer is one FileIO', () => {
    const [out, err] = run('import sys\nprint(sys.stdin, sys.stdout, sys.stderr, sys.stdin.buffer, sys.stdin.buffer is sys.stdout.buffer)\nprint(sys.stdin.close() is sys.stdin)');
    expect(err).toBe('');
    expect(out).toBe('<io.TextIOWrapper 0> <io.TextIOWrapper 1> <io.TextIOWrapper 2> <io.FileIO 0> True\r\nTrue\r\n');
  });

  it('readinto(buf, n) fills n bytes, as rshell uploads a file', () => {
    const { h } = folderBoard();
    h.host.push('import sys\nb = bytearray(8)\nn = sys.stdin.readinto(b, 5)\nprint(n, b)\x04');
    h.host.push('hello!!!');
    const out = h.feed('');
    expect(out).toBe("OK5 bytearray(b'hello\\x00\\x00\\x00')\r\n\x04\x04>");
  });

  it('turns Enter (CR) into LF, so readline() returns on Enter; the buffer keeps CR', () => {
    const { h } = folderBoard();
    h.host.push('import sys\nprint(repr(sys.stdin.readline()), repr(sys.stdin.buffer.read(3)))\x04');
    h.host.push('yes\rno\r');
    expect(h.feed('')).toBe("OK'yes\\n' b'no\\r'\r\n\x04\x04>");
  });

  it('readlines() reads lines to the end of input', () => {
    const { h } = folderBoard();
    h.host.push('import sys\nprint(sys.stdin.readlines())\x04');
    h.host.push('a\rb\n');
    // the queue ends after "b\n": that is the end of input for this host
    expect(h.feed('')).toContain("['a\\n', 'b\\n']");
  });

  it('has no flush() or fileno(), as on a Pico (a program calling them fails there too)', () => {
    const [out, err] = run('import sys\nprint(hasattr(sys.stdout, "fileno"))\nsys.stdout.flush()');
    expect(out).toBe('False\r\n');
    expect(err).toContain("AttributeError: 'TextIOWrapper' object has no attribute 'flush'");
  });

  it('cannot be written, and stdout cannot be read (EPERM)', () => {
    const [out, err] = run('import sys\nfor f in (lambda: sys.stdin.write("x"), lambda: sys.stdout.read(1)):\n    try: f()\n    except OSError as e: print(e.errno)');
    expect(err).toBe('');
    expect(out).toBe('1\r\n1\r\n');
  });
});

describe('sys.stdout', () => {
  it('text writes are cooked (LF to CR LF) and count bytes', () => {
    const [out, err] = run('import sys\nn = sys.stdout.write("\\u00e9\\n")\nprint(n)');
    expect(err).toBe('');
    expect(out).toBe('\xc3\xa9\r\n3\r\n');
  });

  it('text writes of bytes that are not UTF-8 go out as they are', () => {
    const [out, err] = run('import sys\nprint(sys.stdout.write(b"\\xff\\n"))');
    expect(err).toBe('');
    expect(out).toBe('\xff\r\n2\r\n');
  });

  it('.buffer writes raw bytes: no UTF-8, no CR, honours length and offset, takes a memoryview', () => {
    const [out, err] = run('import sys\nw = sys.stdout.buffer.write\nn = [w(b"\\x18\\x01\\xff\\n", 3), w(memoryview(b"abc\\n")), w(bytearray(b"xyz"), 1, 2)]\nprint(n)');
    expect(err).toBe('');
    expect(out).toBe('\x18\x01\xffabc\nz[3, 4, 1]\r\n');
  });
});
