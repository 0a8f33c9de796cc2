// Back-pressure from main to the board worker: a printing program stops while more than
// MAX_OUTPUT_IN_FLIGHT of its output is unread by main (SabWord.OUTPUT_TAKEN), keeps its
// heartbeat meanwhile (so it is not taken for wedged), and still stops on Ctrl-C.

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('output the owner has not taken', () => {
  it('holds a print loop at about 1 MiB in flight, beating, until main takes it; Ctrl-C still stops it', async () => {
    const b = new WorkerBoard(workerFile);
    boards.push(b);
    await b.expectOutput('>>> ');
    b.takesOutput = false;
    b.send('n = 0\rwhile True:\r    n += 1\r    print(n)\r\r');
    await b.running();
    await b.until('1 MiB of output', () => b.received > 1024 * 1024);
    await sleep(500);
    const held = b.received;
    const beat = b.writer.heartbeat();
    await sleep(500);
    // nothing more arrived while nothing was taken, yet the worker is alive and waiting
    expect(b.received).toBe(held);
    expect(held).toBeLessThan(1024 * 1024 + 64 * 1024);
    expect(b.writer.heartbeat()).toBeGreaterThan(beat);
    expect(b.writer.busy()).toBe(true);

    b.takeOutput();
    await b.until('more output once taken', () => b.received > held + 256 * 1024);
    b.takeOutput();
    b.takesOutput = true;
    b.send('\x03');
    await b.until('the prompt after KeyboardInterrupt', () => /KeyboardInterrupt: \r\n>>> $/.test(b.out));
    expect(b.writer.busy()).toBe(false);
  });

  it('a Ctrl-C reaches a program held for output room', async () => {
    const b = new WorkerBoard(workerFile);
    boards.push(b);
    await b.expectOutput('>>> ');
    b.takesOutput = false;
    b.send('while True:\r    print("x" * 100)\r\r');
    await b.until('1 MiB of output', () => b.received > 1024 * 1024);
    await sleep(200);
    b.send('\x03');
    // the traceback itself waits for room: take what came, as main would
    b.takesOutput = true;
    b.takeOutput();
    await b.until('the prompt after KeyboardInterrupt', () => /KeyboardInterrupt: \r\n>>> $/.test(b.out));
  });
});
