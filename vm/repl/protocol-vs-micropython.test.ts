// The simulated board's REPL protocol, byte for byte against the real MicroPython REPL (its
// WebAssembly build, driven one character at a time) on the same inputs.
//
// Normalised, because these must differ between a Pico and the WebAssembly build:
//  - the banner line ("MicroPython v1.27.0 on …; JS with Emscripten" vs our profile's line);
//  - the WebAssembly build's print() writes a bare "\n" where a board's stdout cooks it to
//    "\r\n" (its own REPL echo and tracebacks already use "\r\n");
// Nothing else is rewritten. Where the ports themselves differ (SystemExit soft-resets a board;
// the WebAssembly port has nothing to reset), the test compares up to that point and says so.

import { beforeAll, describe, expect, it } from 'vitest';
import { WasmRepl, wasmFirstBytes } from '../host/testing/wasm-repl';
import { SimulatedBoard } from '../board/simulated-board';
import { QueueHost } from '../board/testing/queue-host';
import { pico } from '../board/profiles/pico';
import { makeBoardVm } from '../host/board-vm';

const BANNER = /(MicroPython|Adafruit CircuitPython) [^\r\n]* on [^\r\n]*; [^\r\n]*\r\n/g;

function normalise(s: string): string {
  return s.replace(BANNER, '<banner>\r\n');
}

function wasmCooked(s: string): string {
  return normalise(s.replace(/(?<!\r)\n/g, '\r\n'));
}

function newBoard() {
  const files = new Map<string, string>();
  const host = new QueueHost();
  const board = new SimulatedBoard(
    pico,
    host,
    { readText: (p) => files.get(p) ?? null, writeFileDirect: (p, t) => void files.set(p, t), closeAll: () => undefined, readOnly: false },
    makeBoardVm,
  );
  board.repl.powerOn();
  host.take();
  return {
    host,
    board,
    feed(s: string): string {
      host.push(s);
      for (;;) {
        const b = host.readIdle();
        if (b < 0) break;
        board.repl.feed(b);
      }
      return host.take();
    },
  };
}

/** Feeds the same input to both REPLs (fresh, at the first prompt) and returns both outputs. */
async function both(input: string): Promise<{ ours: string; real: string }> {
  const real = await WasmRepl.create();
  real.take();
  const ours = newBoard();
  return { ours: normalise(ours.feed(input)), real: wasmCooked(real.feed(input)) };
}

const cases: [string, string][] = [
  ['expression value', '1+1\r'],
  ['print', 'print("hello", 42)\r'],
  // readline.c ends a line on \r only; a bare \n is ignored (so \r\n counts once)
  ['\\n is not Enter, \\r\\n counts once', '1+1\n2+2\r\n3\r'],
  ['statement then name', 'x = 7\rx * 6\r'],
  ['auto-indent of a for loop (Enter until it runs)', 'for i in range(3):\rprint(i)\r\r\r\r'],
  ['auto-indent with nested blocks', 'def f(n):\rif n:\rreturn n * 2\r\r\r\r\rf(21)\r'],
  ['backspace removes an auto-indent level', 'if True:\r\x7f\x7f\x08print(1)\r'],
  ['space right after auto-indent disables it', 'if True:\r print(2)\r\r\r'],
  ['cursor keys, home/end, delete', 'prnt(1)\x1b[D\x1b[D\x1b[D\x1b[D\x1b[Di\x1b[F\x1b[H\x1b[3~p\r'],
  ['emacs keys on a non-empty line', 'abc\x01X\x05Y\x02\x02\x04\r'],
  ['history with up and down arrows', 'y = 3\ry + 1\r\x1b[A\x1b[A\x1b[B\r'],
  ['error traceback', 'undefined_name\r'],
  ['ZeroDivisionError', '1/0\r'],
  ['syntax error', 'def\r'],
  ['Ctrl-C on a non-empty line', 'abc\x03'],
  ['Ctrl-C at an empty prompt', '\x03'],
  ['Ctrl-C in a continuation line', 'if 1:\r\x03'],
  ['Ctrl-D ends a compound statement', 'for i in range(2):\rprint(i)\x04'],
  ['Tab does not complete builtins as a first word', 'pri\t("tab")\r'],
  ['Tab completes a global, and import', 'abc12 = 1\rabc13 = 2\rabc\t\x03impo\tsys\r'],
  ['Tab completes a module name after import', 'import ti\t\r'],
  ['Tab completes an attribute', 'class K:\ralpha = 1\ramber = 2\rbeta = 3\r\r\r\rK.b\t\r'],
  ['Tab lists several attributes in columns', 'class K:\ralpha = 1\ramber = 2\rbeta = 3\r\r\r\rK.a\t\x03'],
  ['Tab after whitespace inserts spaces', 'x = 1; \tx\r'],
  ['unclosed bracket continues', 'print(1,\r2)\r'],
  ['triple-quoted string continues', 's = """a\rb"""\rs\r'],
  ['Ctrl-A enters the raw REPL', '\r\x01'],
  ['raw exec', '\r\x01print(1)\x04'],
  ['raw exec of several statements', '\r\x01x = 2\nfor i in range(x):\n    print(i * 10)\n\x04'],
  ['raw error framing', '\r\x01 1/0\x04'],
  ['raw syntax error framing', '\r\x01 def (\x04'],
  ['raw Ctrl-C clears the buffer silently', '\r\x01garbage\x03print(2)\x04'],
  ['raw Ctrl-A reprints the banner', '\r\x01abc\x01print(3)\x04'],
  ['Ctrl-B leaves the raw REPL', '\r\x01\x02'],
  ['state kept across raw and friendly', 'z = 99\r\x01print(z)\x04\x02z\r'],
  ['paste mode', '\x05if 1:\r    print(5)\r\rprint(6)\x04'],
  ['paste mode keeps indentation and blank lines', '\x05def g():\r\r    return 8\r\rprint(g())\r\x04'],
  ['paste mode cancelled', '\x05abc\x03'],
  ['paste mode error', '\x05x = (\r\x04'],
  ['Ctrl-E on a non-empty line moves to the end', 'ab\x01\x05c\r'],
  // UTF-8 bytes (one char per byte here): the friendly line editor drops them, paste and raw keep them
  ['non-ASCII typed at the friendly prompt', 'print("\xc3\xa9\xe2\x82\xac")\r'],
  ['non-ASCII in paste mode', '\x05print("\xc3\xa9")\r\x04'],
  ['non-ASCII in the raw REPL', '\r\x01print("\xc3\xa9", len("\xe2\x82\xac"))\x04'],
];

describe('REPL protocol vs the real MicroPython REPL', () => {
  let ready = false;
  beforeAll(async () => {
    await WasmRepl.create();
    ready = true;
  });

  for (const [name, input] of cases) {
    it(name, async () => {
      expect(ready).toBe(true);
      const { ours, real } = await both(input);
      expect(ours).toBe(real);
    });
  }

  it('raw-paste handshake: R\\x01, the window size, then \\x01', async () => {
    const input = '\r\x01\x05A\x01';
    const enter = '\r\n>>> \r\nraw REPL; CTRL-B to exit\r\n>';
    const real = await wasmFirstBytes(input, enter.length + 5);
    const ours = newBoard().feed(input);
    expect(ours).toBe(real);
    expect(ours).toBe(enter + 'R\x01\x80\x00\x01');
  });

  it('raw SystemExit prints nothing on stderr (then a board soft-resets)', async () => {
    const input = '\r\x01print(4)\nraise SystemExit\x04';
    const real = await WasmRepl.create();
    real.take();
    const theirs = wasmCooked(real.feed(input));
    const ours = newBoard().feed(input);
    // Up to the two end markers both agree; the WebAssembly port stops there, a board reboots.
    expect(theirs.endsWith('OK4\r\n\x04\x04')).toBe(true);
    expect(ours).toBe(theirs + 'MPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>');
  });

  it('paste mode echoes a bare \\n as it is (no "=== ")', () => {
    expect(newBoard().feed('\x05a = 1\nprint(a)\x04')).toBe('\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== a = 1\nprint(a)\r\n1\r\n>>> ');
  });

  it('raw-paste exchange as the MicroPython docs transcript shows it', () => {
    const b = newBoard();
    expect(b.feed('\r\x01')).toBe('\r\n>>> \r\nraw REPL; CTRL-B to exit\r\n>');
    expect(b.feed('\x05A\x01')).toBe('R\x01\x80\x00\x01');
    expect(b.feed('print(123)\x04')).toBe('\x04123\r\n\x04\x04>');
  });

  it('raw-paste flow control: one \\x01 per window consumed', () => {
    const b = newBoard();
    b.feed('\r\x01\x05A\x01');
    const body = `x = ${'1'.repeat(300)}\nprint(len(str(x)))\n`;
    let acks = 0;
    let out = '';
    for (const ch of body) {
      const o = b.feed(ch);
      acks += o.split('\x01').length - 1;
      out += o.replace(/\x01/g, '');
    }
    expect(acks).toBe(Math.floor(body.length / 128));
    expect(out).toBe('');
    expect(b.feed('\x04')).toBe('\x04300\r\n\x04\x04>');
  });

  it('raw-paste: Ctrl-C during the upload ends it with KeyboardInterrupt', () => {
    const b = newBoard();
    b.feed('\r\x01\x05A\x01');
    expect(b.feed('print(1)\x03')).toBe('\x04\x04KeyboardInterrupt: \r\n\x04>');
  });

  it('raw-paste: a syntax error is reported with the usual framing', () => {
    const b = newBoard();
    b.feed('\r\x01\x05A\x01');
    const out = b.feed('def (\x04');
    expect(out.startsWith('\x04\x04Traceback (most recent call last):\r\n')).toBe(true);
    expect(out.endsWith('SyntaxError: invalid syntax\r\n\x04>')).toBe(true);
  });

  it('raw-paste: unknown command byte is refused with R\\x00', () => {
    const b = newBoard();
    b.feed('\r\x01');
    expect(b.feed('\x05B\x01')).toBe('R\x00>');
  });
});
