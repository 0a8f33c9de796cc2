// Deeply nested programs on the simulated board (the real worker, with its own stack): the
// sizes issue 20 lists run there as they do on MicroPython, and anything deeper ends in
// MicroPython's recursion RuntimeError, never in a JS error or a dead worker.

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

/** Runs code in the raw REPL and returns [stdout, stderr] as the board printed them. */
async function rawRun(b: WorkerBoard, code: string): Promise<[string, string]> {
  b.send(code + '\x04');
  await b.expectOutput('OK');
  const out = await b.expectOutput('\x04');
  const err = await b.expectOutput('\x04>');
  return [out.slice(0, -1), err.slice(0, -2)];
}

describe('deeply nested programs on the simulated board', () => {
  it('runs 500 nested brackets, 5,000 elifs, 1,000 nested lambdas and 10,000 chained operators', async () => {
    const b = new WorkerBoard(workerFile);
    boards.push(b);
    await b.expectOutput('>>> ');
    b.send('\x01');
    await b.expectOutput('raw REPL; CTRL-B to exit\r\n>');
    expect(await rawRun(b, 'print(' + '('.repeat(500) + '1' + ')'.repeat(500) + ', len(' + '['.repeat(500) + ']'.repeat(500) + '))')).toEqual(['1 1\r\n', '']);
    let elifs = 'x = 4999\nif x == 0:\n    print(0)\n';
    for (let i = 1; i < 5000; i++) elifs += `elif x == ${i}:\n    print(${i})\n`;
    expect(await rawRun(b, elifs + 'else:\n    print("none")\n')).toEqual(['4999\r\n', '']);
    expect(await rawRun(b, 'f = ' + 'lambda: '.repeat(1000) + '7\nfor i in range(1000):\n    f = f()\nprint(f)')).toEqual(['7\r\n', '']);
    expect(await rawRun(b, 'print(' + Array(10000).fill('1').join(' + ') + ')')).toEqual(['10000\r\n', '']);
    // far deeper than any stack: the recursion error, and the board goes on
    const [out, err] = await rawRun(b, 'x = ' + '('.repeat(50000) + '1' + ')'.repeat(50000));
    expect(out).toBe('');
    expect(err).toMatch(/RuntimeError: maximum recursion depth exceeded\r\n$/);
    expect(err).not.toMatch(/internal error|\.js|\bat /);
    expect(await rawRun(b, 'print("still here")')).toEqual(['still here\r\n', '']);
  }, 60_000);
});
