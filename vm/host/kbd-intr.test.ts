// micropython.kbd_intr() through the real board worker and its shared-buffer stdin: with the
// interrupt char disabled a program reads 0x03 as data, and the next command has Ctrl-C again
// (pyexec.c arms it whenever code starts). Also the two ends of the ring on their own.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildBoardWorker } from '../../main/testing/build-board-worker';
import { createBoardSab, StdinReader, StdinWriter, STDIN_RING_BYTES } from './protocol';
import { WorkerBoard } from './testing/worker-board';

let workerFile = '';
beforeAll(async () => {
  workerFile = (await buildBoardWorker()).worker;
}, 60_000);

class Board extends WorkerBoard {
  constructor() {
    super(workerFile);
  }
}

const boards: Board[] = [];
afterEach(async () => {
  for (const b of boards.splice(0)) await b.worker.terminate();
});

describe('micropython.kbd_intr on the simulated board', () => {
  it('kbd_intr(-1) lets a program read Ctrl-C as data; the next command has Ctrl-C again', async () => {
    const b = new Board();
    boards.push(b);
    await b.expectOutput('>>> ');
    expect(b.writer.interruptChar()).toBe(-1); // at the prompt 0x03 is a REPL key
    b.send('import micropython, sys; micropython.kbd_intr(-1); print("go"); print(sys.stdin.buffer.read(3))\r');
    await b.expectOutput('go\r\n');
    expect(b.writer.interruptChar()).toBe(-1);
    b.send('a\x03b');
    expect(await b.expectOutput('>>> ')).toBe("b'a\\x03b'\r\n>>> ");
    expect(b.writer.interruptChar()).toBe(-1);

    b.send('while True: pass\r\r');
    await b.running();
    expect(b.writer.interruptChar()).toBe(0x03);
    b.send('\x03');
    expect(await b.expectOutput('>>> ')).toContain('KeyboardInterrupt: \r\n');
  });

  it('kbd_intr(3) re-arms Ctrl-C within the program', async () => {
    const b = new Board();
    boards.push(b);
    await b.expectOutput('>>> ');
    b.send('import micropython, sys; micropython.kbd_intr(-1); print("go"); x = sys.stdin.buffer.read(1); micropython.kbd_intr(3); print(x)\r');
    await b.expectOutput('go\r\n');
    b.send('\x03');
    await b.expectOutput("b'\\x03'\r\n>>> ");
    b.send('micropython.kbd_intr(-1); micropython.kbd_intr(3)\r');
    await b.expectOutput('>>> ');
    b.send('micropython.kbd_intr(-1)\r');
    await b.expectOutput('>>> ');
    // a command's kbd_intr(-1) ended with it: this loop stops at Ctrl-C
    b.send('while True: pass\r\r');
    await b.running();
    b.send('\x03');
    expect(await b.expectOutput('>>> ')).toContain('KeyboardInterrupt: \r\n');
  });

  it('another interrupt char replaces Ctrl-C while the program runs', async () => {
    const b = new Board();
    boards.push(b);
    await b.expectOutput('>>> ');
    b.send('import micropython, sys; micropython.kbd_intr(ord("q")); print("go"); print(sys.stdin.buffer.read(2)); sys.stdin.buffer.read(1)\r');
    await b.expectOutput('go\r\n');
    b.send('\x03\x03');
    await b.expectOutput("b'\\x03\\x03'\r\n");
    b.send('q');
    expect(await b.expectOutput('>>> ')).toContain('KeyboardInterrupt: \r\n');
  });
});

describe('the stdin ring follows the interrupt char', () => {
  function ends() {
    const sab = createBoardSab();
    return { writer: new StdinWriter(sab), reader: new StdinReader(sab) };
  }
  const drain = (r: StdinReader) => {
    const out: number[] = [];
    for (let b = r.take(); b >= 0; b = r.take()) out.push(b);
    return out;
  };

  it('starts with none, and both ends see the one the worker sets', () => {
    const { writer, reader } = ends();
    expect(writer.interruptChar()).toBe(-1);
    reader.setInterruptChar(3);
    expect(writer.interruptChar()).toBe(3);
    reader.setInterruptChar(256);
    expect(writer.interruptChar()).toBe(-1);
  });

  it('finds and clears through the current char only', () => {
    const { writer, reader } = ends();
    writer.write(Uint8Array.of(1, 3, 2, 7, 4));
    expect(reader.hasCtrlC()).toBe(false);
    reader.clearThroughLastCtrlC();
    expect(reader.available()).toBe(5);
    reader.setInterruptChar(7);
    expect(reader.hasCtrlC()).toBe(true);
    reader.clearThroughLastCtrlC();
    expect(drain(reader)).toEqual([4]);
  });

  it('drops bytes queued before an interrupt char that cannot fit, and keeps them when none is armed', () => {
    for (const armed of [true, false]) {
      const { writer, reader } = ends();
      reader.setInterruptChar(armed ? 3 : -1);
      writer.write(new Uint8Array(STDIN_RING_BYTES).fill(0x61)); // fills the ring
      writer.write(Uint8Array.of(0x62, 0x62));
      writer.write(Uint8Array.of(0x63, 3, 0x64));
      expect(reader.takeInterruptFlag()).toBe(true); // a 0x03 always flags, for the worker to judge
      const got = drain(reader);
      writer.flush();
      const rest = drain(reader);
      expect(got.length).toBe(STDIN_RING_BYTES);
      expect(rest).toEqual(armed ? [3, 0x64] : [0x62, 0x62, 0x63, 3, 0x64]);
    }
  });
});
