// Test harness: a SimulatedBoard on a QueueHost with an in-memory file store, fed bytes
// synchronously. Test support only (no Node APIs).

import { SimulatedBoard, type BoardFiles, type VmFactory } from '../simulated-board';
import type { BoardProfile } from '../profiles/profile';
import { QueueHost } from './queue-host';
import type { VmFilesystem } from '../../host-io';

export class MemoryFiles implements BoardFiles {
  readonly files = new Map<string, string>();
  readOnly = false;
  readText(p: string): string | null {
    return this.files.get(p.replace(/^\//, '')) ?? null;
  }
  writeFileDirect(p: string, t: string): void {
    this.files.set(p.replace(/^\//, ''), t);
  }
  closeAll(): void {}
}

export class BoardHarness {
  readonly host: QueueHost;
  readonly files = new MemoryFiles();
  readonly board: SimulatedBoard;

  /**
   * Files live in memory (boot.py/main.py/code.py only) unless `fs` is given: then Python's
   * open/import/os see it too, and `files` are written into it.
   */
  constructor(profile: BoardProfile, makeVm: VmFactory, files: Record<string, string> = {}, fs?: VmFilesystem & BoardFiles) {
    this.host = new QueueHost(fs ?? null);
    if (fs) for (const [k, v] of Object.entries(files)) fs.writeFileDirect(k, v);
    else for (const [k, v] of Object.entries(files)) this.files.files.set(k, v);
    this.board = new SimulatedBoard(profile, this.host, fs ?? this.files, makeVm);
  }

  powerOn(): string {
    this.board.repl.powerOn();
    return this.host.take();
  }

  /** Feeds bytes and runs until the board waits for more input; returns the output. */
  feed(s: string): string {
    this.host.push(s);
    for (;;) {
      const b = this.host.readIdle();
      if (b < 0) break;
      this.board.repl.feed(b);
    }
    return this.host.take();
  }

  /** Runs code in the raw REPL and returns [stdout, stderr]. */
  exec(code: string): [string, string] {
    const out = this.feed(code + '\x04');
    const m = /^OK([\s\S]*?)\x04([\s\S]*?)\x04>$/.exec(out);
    if (!m) throw new Error(`unexpected raw REPL reply: ${JSON.stringify(out)}`);
    return [m[1], m[2]];
  }
}
