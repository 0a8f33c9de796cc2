// Puts a resolved set of library files onto a board (into /lib, or CIRCUITPY/lib) so that a
// failure leaves the board as it was: unchanged files are skipped, the free space is checked
// first, each file is written atomically (BoardFiles.write), and if any write fails the files
// already written are put back (old content restored, new files and new folders removed).
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { MoteError } from '../../shared/errors';
import type { BoardFiles } from '../board/board-fs';

export interface InstallOptions {
  signal?: AbortSignal;
  /** Bytes free on the board's filesystem, or null when it cannot tell. */
  freeSpace?: () => Promise<number | null>;
  onFile?: (path: string, action: 'write' | 'same', done: number, total: number) => void;
}

export interface InstallReport {
  written: string[];
  unchanged: string[];
  bytes: number;
}

/** Per-file overhead a FAT or littlefs filesystem spends beyond the bytes (a block, rounded up). */
const BLOCK = 4096;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Writes `files` (paths relative to `target`) onto the board; all of them or, on failure, none. */
export async function installFiles(board: BoardFiles, target: string, files: Map<string, Buffer>, options: InstallOptions = {}): Promise<InstallReport> {
  for (const rel of files.keys()) {
    // a library's file lands inside the lib folder, whatever its index or zip says
    if (!rel || rel.startsWith('/') || rel.includes('\\') || rel.split('/').some((p) => p === '..' || p === '.' || p === '')) {
      throw new MoteError('invalid-file', `A library file is named '${rel}', which would land outside ${target}. Nothing was installed.`);
    }
  }
  const entries = [...files].map(([rel, data]) => ({ path: posix.join(target, rel), data }));
  const previous = new Map<string, Buffer | null>();
  const toWrite: typeof entries = [];
  const unchanged: string[] = [];
  for (const e of entries) {
    const st = await board.stat(e.path);
    if (st?.kind === 'dir') throw new MoteError('already-exists', `${e.path} is a folder on the board; remove it before installing this library.`);
    const old = st ? await board.read(e.path, { signal: options.signal }) : null;
    if (old && old.length === e.data.length && sha(old) === sha(e.data)) unchanged.push(e.path);
    else {
      previous.set(e.path, old);
      toWrite.push(e);
    }
  }
  const needed = toWrite.reduce((n, e) => n + Math.ceil(e.data.length / BLOCK) * BLOCK - (previous.get(e.path)?.length ?? 0), 0);
  const free = await options.freeSpace?.();
  if (free != null && needed > free) {
    throw new MoteError('no-space', `The board has ${free} bytes free and the library needs about ${needed}. Nothing was installed; remove files from the board to make room.`);
  }
  const createdDirs: string[] = [];
  const written: string[] = [];
  let bytes = 0;
  try {
    for (const [i, e] of toWrite.entries()) {
      if (options.signal?.aborted) throw new MoteError('cancelled', 'The installation was cancelled.');
      await makeFolders(board, posix.dirname(e.path), createdDirs);
      written.push(e.path);
      await board.write(e.path, e.data, { signal: options.signal });
      bytes += e.data.length;
      options.onFile?.(e.path, 'write', i + 1, toWrite.length);
    }
  } catch (e) {
    const undone = await rollBack(board, written, previous, createdDirs);
    if (e instanceof MoteError) {
      const how = undone ? 'The files written so far were put back; the board is as it was.' : 'Some files could not be put back; check /lib on the board.';
      throw new MoteError(e.code, `${e.message} ${how}`);
    }
    throw e;
  }
  for (const p of unchanged) options.onFile?.(p, 'same', toWrite.length, toWrite.length);
  return { written, unchanged, bytes };
}

async function makeFolders(board: BoardFiles, dir: string, created: string[]): Promise<void> {
  const parts = dir.split('/').filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const p = '/' + parts.slice(0, i).join('/');
    if (created.includes(p)) continue;
    const st = await board.stat(p);
    if (st?.kind === 'file') throw new MoteError('already-exists', `${p} is a file on the board, where a library needs a folder.`);
    if (!st) {
      await board.mkdir(p);
      created.push(p);
    }
  }
}

async function rollBack(board: BoardFiles, written: string[], previous: Map<string, Buffer | null>, createdDirs: string[]): Promise<boolean> {
  let ok = true;
  for (const p of written.reverse()) {
    try {
      const old = previous.get(p);
      if (old) await board.write(p, old);
      else if (await board.stat(p)) await board.remove(p);
    } catch {
      ok = false;
    }
  }
  for (const d of createdDirs.reverse()) await board.remove(d).catch(() => (ok = false));
  return ok;
}
