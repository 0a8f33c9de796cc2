// Waiting for stdin on the real board worker: select.poll sees a typed key (and waits for one
// with a timeout), and soft IRQs keep running while input() or sys.stdin.read() waits, as on a
// board, where the stdin wait runs MICROPY_EVENT_POLL_HOOK.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildBoardWorker } from '../../main/testing/build-board-worker';
import { WorkerBoard } from './testing/worker-board';

let workerFile = '';
beforeAll(async () => {
  workerFile = (await buildBoardWorker()).worker;
}, 60_000);

const boards: WorkerBoard[] = [];
afterEach(async () => {
  for (const b of boards.splice(0)) await b.worker.terminate();
});

async function board(): Promise<WorkerBoard> {
  const b = new WorkerBoard(workerFile);
  boards.push(b);
  await b.expectOutput('>>> ');
  return b;
}

/** Runs a multi-line program through paste mode (Ctrl-E ... Ctrl-D). */
function paste(b: WorkerBoard, lines: string[]): void {
  b.send('\x05' + lines.join('\r') + '\r\x04');
}

describe('select.poll on sys.stdin', () => {
  it('reports a waiting key, and the key loop of a game works', async () => {
    const b = await board();
    paste(b, [
      'import select, sys',
      'p = select.poll()',
      'p.register(sys.stdin, select.POLLIN)',
      'print("empty", p.poll(0), list(p.ipoll(0)))',
      'while not p.poll(0):',
      '    pass',
      'c = sys.stdin.read(1)',
      'print("got", repr(c), p.poll(0)[0][1], p.poll(0)[0][0] is sys.stdin)',
      'print("left", p.poll(0))',
    ]);
    await b.expectOutput('empty [] []\r\n');
    b.send('xy');
    await b.expectOutput("got 'x' 1 True\r\n");
    // 'y' is still queued: read it so the prompt does not get it
    expect(await b.expectOutput('\r\n')).toMatch(/^left \[\(<.*>, 1\)\]\r\n$/);
  });

  it('waits for a key up to its timeout, and reports POLLOUT with the default mask', async () => {
    const b = await board();
    paste(b, [
      'import select, sys',
      'p = select.poll()',
      'p.register(sys.stdin, select.POLLIN)',
      'print("short", p.poll(20))',
      'print("ready")',
      'r = p.poll(60000)',
      'print("long", r[0][1], repr(sys.stdin.read(1)))',
      'p.unregister(sys.stdin)',
      'print("none", p.poll(0))',
      'p.register(sys.stdin)',
      'print("default", p.poll(0)[0][1])',
    ]);
    await b.expectOutput('short []\r\n');
    await b.expectOutput('ready\r\n');
    b.send('k');
    await b.expectOutput("long 1 'k'\r\n");
    await b.expectOutput('none []\r\n');
    await b.expectOutput('default 4\r\n');
  });

  it('Ctrl-C stops a poll that waits', async () => {
    const b = await board();
    paste(b, ['import select, sys', 'p = select.poll()', 'p.register(sys.stdin, select.POLLIN)', 'print("waiting")', 'p.poll(-1)']);
    await b.expectOutput('waiting\r\n');
    b.send('\x03');
    expect(await b.expectOutput('>>> ')).toContain('KeyboardInterrupt: \r\n');
  });
});

describe('soft IRQs while stdin waits', () => {
  const timer = [
    'from machine import Timer',
    'n = 0',
    'def tick(t):',
    '    global n',
    '    n += 1',
    '    if n == 3:',
    '        print("ticked")',
    'tm = Timer(period=5, mode=Timer.PERIODIC, callback=tick)',
  ];

  it('a Timer keeps counting while input() waits for a line', async () => {
    const b = await board();
    paste(b, [...timer, 's = input("name? ")', 'tm.deinit()', 'print("got", s, n >= 3)']);
    await b.expectOutput('name? ');
    // the callback prints while input() still waits for the line
    await b.expectOutput('ticked\r\n');
    b.send('bob\r');
    await b.expectOutput('got bob True\r\n');
  });

  it('and while sys.stdin.read() waits for a byte', async () => {
    const b = await board();
    paste(b, [...timer, 'import sys', 'print("reading")', 'c = sys.stdin.read(1)', 'tm.deinit()', 'print("got", c, n >= 3)']);
    await b.expectOutput('reading\r\n');
    await b.expectOutput('ticked\r\n');
    b.send('z');
    await b.expectOutput('got z True\r\n');
  });
});
