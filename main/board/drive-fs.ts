// File operations through a mounted CIRCUITPY drive (§6.2, §6.4): while USB mass storage is on,
// the board's filesystem is read-only to Python, so writes go through the computer's drive.
// Each write is a temp file, fsynced, renamed over the target, and the folder fsynced, so the
// board sees whole files; CircuitPython then auto-reloads code.py about 0.75 s later.
import { createHash } from 'node:crypto';
import { existsSync, promises as fsp, realpathSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { MoteError } from '../../shared/errors';
import { type BoardEntry, type BoardFiles, boardPath, type SyncOptions, type SyncReport, TEMP_SUFFIX, type TransferOptions, walkLocal } from './board-fs';
import { syncFolder, writeFileAtomic } from '../util/atomic-write';
import { cancelled } from './board-stream';
import { decodeTextFile } from '../util/text-file';

const CHUNK = 64 * 1024;
/**
 * Writes through the drive are not serialised with listings (unlike the REPL's), so a temp file
 * counts as abandoned only once it has not changed for this long: a write in progress touches it
 * with every 64 KiB chunk.
 */
const STALE_TEMP_MS = 60_000;

function isInside(root: string, full: string): boolean {
  const rel = relative(root, full);
  return !(rel === '..' || rel.startsWith(`..${sep}`) || resolve(root, rel) !== full);
}

function isTempName(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
}

export class DriveFs implements BoardFiles {
  constructor(readonly mountPath: string) {}

  /**
   * The host path of a board path, refusing anything that leaves the drive, by name or through
   * a symlink (FAT has none, but a drive formatted otherwise, or a folder standing in for one,
   * can): the deepest part of the path that exists must resolve inside the drive's real path.
   */
  hostPath(path: string): string {
    const p = boardPath(path);
    const full = resolve(this.mountPath, '.' + p);
    const outside = () => new MoteError('path-outside-root', `${path} is outside the board's drive.`);
    if (!isInside(resolve(this.mountPath), full)) throw outside();
    let existing = full;
    while (!existsSync(existing) && existing !== dirname(existing)) existing = dirname(existing);
    try {
      if (!isInside(realpathSync.native(this.mountPath), realpathSync.native(existing))) throw outside();
    } catch (error) {
      if (error instanceof MoteError) throw error;
      // the drive itself is gone: the operation reports that in its own words
    }
    return full;
  }

  async list(path: string, options: { recursive?: boolean } = {}): Promise<BoardEntry[]> {
    const base = boardPath(path);
    const out: BoardEntry[] = [];
    const walk = async (p: string) => {
      const entries = await this.wrap(() => fsp.readdir(this.hostPath(p), { withFileTypes: true }), `listing ${p}`);
      for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (p === '/' && /^(\.Trashes|\.fseventsd|\.Spotlight-V100|System Volume Information)$/.test(e.name)) continue;
        const q = posix.join(p, e.name);
        if (e.isDirectory()) {
          out.push({ path: q, name: e.name, kind: 'dir', size: 0 });
          if (options.recursive) await walk(q);
        } else if (e.isFile()) {
          const st = await fsp.stat(this.hostPath(q));
          if (isTempName(e.name)) {
            // a write's temp file: in progress when fresh (left alone), else left by an unplug
            if (Date.now() - st.mtimeMs > STALE_TEMP_MS) await fsp.rm(this.hostPath(q), { force: true }).catch(() => undefined);
            continue;
          }
          out.push({ path: q, name: e.name, kind: 'file', size: st.size });
        }
      }
    };
    await walk(base);
    return out;
  }

  async stat(path: string): Promise<{ kind: 'file' | 'dir'; size: number } | null> {
    try {
      const st = await fsp.stat(this.hostPath(path));
      return st.isDirectory() ? { kind: 'dir', size: 0 } : { kind: 'file', size: st.size };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw mapFsError(err, `checking ${path}`);
    }
  }

  async read(path: string, options: TransferOptions = {}): Promise<Buffer> {
    const data = await this.wrap(() => fsp.readFile(this.hostPath(path), { signal: options.signal }), `reading ${path}`);
    options.onProgress?.(data.length, data.length);
    return data;
  }

  /** Free bytes on the drive (what the host's filesystem reports for it); null when it cannot tell. */
  async freeBytes(path: string): Promise<number | null> {
    try {
      const s = await fsp.statfs(this.hostPath(path));
      return s.bavail * s.bsize;
    } catch {
      return null;
    }
  }

  async readText(path: string): Promise<string> {
    return decodeTextFile(await this.read(path), path);
  }

  async write(path: string, data: Uint8Array | string, options: TransferOptions = {}): Promise<void> {
    const target = this.hostPath(path);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    await this.wrap(
      () =>
        // A fixed temp name: an unplug mid-write leaves at most one stray file, replaced by the next write.
        writeFileAtomic(
          target,
          async (h) => {
            for (let i = 0; i < bytes.length; i += CHUNK) {
              if (options.signal?.aborted) throw cancelled();
              await h.write(bytes.subarray(i, i + CHUNK));
              options.onProgress?.(Math.min(i + CHUNK, bytes.length), bytes.length);
            }
          },
          { createParents: false, tempName: `.${posix.basename(boardPath(path))}${TEMP_SUFFIX}` },
        ),
      `writing ${path}`,
    );
    if (bytes.length === 0) options.onProgress?.(0, 0);
  }

  async mkdir(path: string, options: { parents?: boolean } = {}): Promise<void> {
    await this.wrap(async () => {
      try {
        await fsp.mkdir(this.hostPath(path), { recursive: options.parents });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST' && (await fsp.stat(this.hostPath(path))).isDirectory()) return;
        throw err;
      }
    }, `creating the folder ${path}`);
  }

  async remove(path: string, options: { recursive?: boolean } = {}): Promise<void> {
    if (boardPath(path) === '/') throw new MoteError('invalid-payload', 'Mote does not remove the whole board filesystem.');
    const host = this.hostPath(path);
    await this.wrap(async () => {
      const st = await fsp.stat(host);
      if (st.isDirectory()) await (options.recursive ? fsp.rm(host, { recursive: true }) : fsp.rmdir(host));
      else await fsp.unlink(host);
      await syncFolder(join(host, '..'));
    }, `removing ${path}`);
  }

  async rename(from: string, to: string): Promise<void> {
    await this.wrap(() => fsp.rename(this.hostPath(from), this.hostPath(to)), `renaming ${from} to ${to}`);
  }

  async sync(localDir: string, remoteDir: string, options: SyncOptions = {}): Promise<SyncReport> {
    const report: SyncReport = { uploaded: [], skipped: [], bytes: 0 };
    for (const rel of await walkLocal(localDir)) {
      if (options.signal?.aborted) throw cancelled();
      const remote = posix.join(boardPath(remoteDir), rel);
      const data = await fsp.readFile(join(localDir, rel));
      let existing: Buffer | null = null;
      try {
        existing = await fsp.readFile(this.hostPath(remote));
      } catch {
        existing = null;
      }
      if (existing && sha(existing) === sha(data)) {
        report.skipped.push(remote);
        options.onFile?.(remote, 'skip');
        continue;
      }
      options.onFile?.(remote, 'upload');
      await this.mkdir(posix.dirname(remote), { parents: true });
      await this.write(remote, data, { signal: options.signal });
      report.uploaded.push(remote);
      report.bytes += data.length;
    }
    return report;
  }

  private async wrap<T>(fn: () => Promise<T>, what: string): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw mapFsError(err, what);
    }
  }
}

function sha(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

function mapFsError(err: unknown, what: string): Error {
  if (err instanceof MoteError) return err;
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT': return new MoteError('not-found', `${cap(what)} failed: no such file or folder.`);
    case 'EEXIST': return new MoteError('already-exists', `${cap(what)} failed: it already exists.`);
    case 'EISDIR': return new MoteError('wrong-kind', `${cap(what)} failed: it is a folder, not a file.`);
    case 'ENOTDIR': return new MoteError('wrong-kind', `${cap(what)} failed: part of the path is a file, not a folder.`);
    case 'ENOSPC': return new MoteError('no-space', `${cap(what)} failed: the board's drive is full.`);
    case 'EROFS':
    case 'EACCES':
    case 'EPERM': return new MoteError('read-only', `${cap(what)} failed: the drive is read-only (boot.py may have remounted it for Python).`);
    case 'EIO':
    case 'ENODEV':
    case 'ENXIO': return new MoteError('board-unplugged', `${cap(what)} failed: the board's drive went away.`);
    case 'ENOTEMPTY': return new MoteError('python-error', `${cap(what)} failed: the folder is not empty.`);
    case 'ABORT_ERR': return new MoteError('cancelled', 'Cancelled.');
    default: return new MoteError('internal', `${cap(what)} failed: ${e.message}`);
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
