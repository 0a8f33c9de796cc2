// A simulated pico in the real board worker, driven as its owner drives it: stdin through the
// shared-buffer ring, output collected as a binary string. Test support only.

import { Worker } from 'node:worker_threads';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createBoardSab, StdinWriter, type FromWorker, type WorkerInit } from '../protocol';

export class WorkerBoard {
  out = '';
  /** Output bytes received so far. */
  received = 0;
  private taken = 0;
  /** Tells the worker each output message was taken, as main does; false plays a main too busy to. */
  takesOutput = true;
  readonly writer: StdinWriter;
  readonly worker: Worker;
  constructor(workerFile: string) {
    const sab = createBoardSab();
    const init: WorkerInit = { profile: 'pico', fsRoot: fs.mkdtempSync(path.join(os.tmpdir(), 'mote-board-')), sab };
    this.worker = new Worker(workerFile, { workerData: init });
    this.writer = new StdinWriter(sab);
    this.worker.on('message', (m: FromWorker) => {
      if (m.type === 'output') {
        this.received += m.data.length;
        if (this.takesOutput) this.takeOutput();
        this.out += Buffer.from(m.data).toString('latin1');
      }
      else if (m.type === 'stdin-space') this.writer.flush();
    });
  }
  /** Tells the worker everything received so far was taken (SabWord.OUTPUT_TAKEN). */
  takeOutput(): void {
    this.writer.outputTaken(this.received - this.taken);
    this.taken = this.received;
  }
  send(s: string): void {
    this.writer.write(Buffer.from(s, 'latin1'));
  }
  /** Waits until `cond` holds (a deadline only so a failure does not hang the run). */
  async until(what: string, cond: () => boolean, ms = 10_000): Promise<void> {
    const t0 = Date.now();
    while (!cond()) {
      if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}; output so far ${JSON.stringify(this.out)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  /** Waits for text in the output and returns everything up to it, dropping that from the buffer. */
  async expectOutput(text: string): Promise<string> {
    await this.until(JSON.stringify(text), () => this.out.includes(text));
    const at = this.out.indexOf(text) + text.length;
    const got = this.out.slice(0, at);
    this.out = this.out.slice(at);
    return got;
  }
  /** Waits until code runs. */
  running(): Promise<void> {
    return this.until('code running', () => this.writer.busy());
  }
}
