// Recordings of plot data: CSV files in the workspace that grow as rows arrive. Each append is
// written at once (the OS holds it); the file is fsynced at least every FLUSH_MS, when the
// recording stops, and when the window that started it goes away, so at most a second of a
// lab's data is at risk from a power cut and none from a crash of the window.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { basename, extname, relative } from 'node:path';
import type { RecordingInfo } from '../../shared/contracts/plot';
import { MoteError } from '../../shared/errors';

export const FLUSH_MS = 1000;

interface Recording {
  id: string;
  owner: string;
  file: FileHandle;
  full: string;
  path: string;
  rows: number;
  bytes: number;
  dirty: boolean;
}

export interface RecorderOptions {
  /** The workspace folder's real path. */
  root: () => Promise<string>;
  /** Resolves a workspace path, refusing any that leaves the folder. */
  resolvePath: (path: string) => Promise<string>;
}

export class RecorderService {
  private readonly recordings = new Map<string, Recording>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly options: RecorderOptions) {
    this.timer = setInterval(() => void this.flushAll(), FLUSH_MS);
    this.timer.unref();
  }

  async start(name: string, header: string, owner: string): Promise<RecordingInfo> {
    const root = await this.options.root();
    const stem = basename(name, extname(name));
    // Never replace a file: plot.csv, plot-2.csv, plot-3.csv...
    for (let n = 1; n < 1000; n++) {
      const candidate = n === 1 ? `${stem}.csv` : `${stem}-${n}.csv`;
      const full = await this.options.resolvePath(candidate);
      let file: FileHandle;
      try {
        file = await fs.open(full, 'wx');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw new MoteError('internal', `Could not start the recording ${candidate}: ${(error as Error).message}`);
      }
      const head = header.endsWith('\n') ? header : `${header}\n`;
      await file.write(head);
      const recording: Recording = { id: randomBytes(8).toString('hex'), owner, file, full, path: relative(root, full), rows: 0, bytes: Buffer.byteLength(head), dirty: true };
      this.recordings.set(recording.id, recording);
      return this.info(recording);
    }
    throw new MoteError('already-exists', `${stem}.csv and 998 numbered copies exist already; choose another name.`);
  }

  async append(id: string, rows: string): Promise<RecordingInfo> {
    const r = this.get(id);
    if (!rows) return this.info(r);
    const text = rows.endsWith('\n') ? rows : `${rows}\n`;
    try {
      await r.file.write(text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new MoteError(code === 'ENOSPC' ? 'no-space' : 'internal', `The recording ${r.path} could not be written: ${(error as Error).message}`);
    }
    r.rows += text.split('\n').length - 1;
    r.bytes += Buffer.byteLength(text);
    r.dirty = true;
    return this.info(r);
  }

  async stop(id: string): Promise<RecordingInfo> {
    const r = this.get(id);
    this.recordings.delete(id);
    await r.file.sync().catch(() => undefined);
    await r.file.close().catch(() => undefined);
    return this.info(r);
  }

  /** The window that recorded went away (closed, crashed, reloaded): keep what it sent. */
  async connectionClosed(owner: string): Promise<void> {
    for (const r of [...this.recordings.values()]) if (r.owner === owner) await this.stop(r.id);
  }

  async dispose(): Promise<void> {
    clearInterval(this.timer);
    for (const id of [...this.recordings.keys()]) await this.stop(id);
  }

  private async flushAll(): Promise<void> {
    for (const r of this.recordings.values()) {
      if (!r.dirty) continue;
      r.dirty = false;
      await r.file.sync().catch(() => undefined);
    }
  }

  private get(id: string): Recording {
    const r = this.recordings.get(id);
    if (!r) throw new MoteError('not-found', 'That recording has ended.');
    return r;
  }

  private info(r: Recording): RecordingInfo {
    return { id: r.id, path: r.path, rows: r.rows, bytes: r.bytes };
  }
}
