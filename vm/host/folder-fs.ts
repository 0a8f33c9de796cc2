// A board filesystem backed by a host folder: the VmFilesystem the simulated board's `open`
// and `os` use. Paths are confined to the folder (no '..', no symlinks out), a flash-sized
// quota raises ENOSPC, and CircuitPython's "drive presented to the host" makes Python writes
// fail with EROFS. It does not watch the folder; the owner reports host-side writes.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { FsError, type VmFilesystem, type VmStat, type VmStatvfs } from '../host-io';

const BLOCK = 4096;
const ERRNO: Record<string, number> = {
  ENOENT: 2, EIO: 5, EBADF: 9, EACCES: 13, EPERM: 13, EEXIST: 17, EXDEV: 18, ENOTDIR: 20, EISDIR: 21,
  EINVAL: 22, ENOSPC: 28, EROFS: 30, ENOTEMPTY: 39, ENAMETOOLONG: 36, ELOOP: 13,
};

interface OpenFile {
  fd: number;
  pos: number;
  append: boolean;
  readable: boolean;
  writable: boolean;
  hostPath: string;
}

export class FolderFs implements VmFilesystem {
  private readonly root: string;
  private readonly files = new Map<number, OpenFile>();
  /** Host paths the board itself changed, with when: host-side change reports for them are echoes. */
  private readonly boardWrites = new Map<string, number>();
  private nextHandle = 3;
  private usedCache: number | null = null;
  /** CircuitPython: true while the drive is presented to the host; Python writes then raise EROFS. */
  readOnly = false;

  constructor(root: string, readonly quotaBytes: number) {
    fs.mkdirSync(root, { recursive: true });
    this.root = fs.realpathSync(root);
  }

  /** The host folder. */
  get hostRoot(): string {
    return this.root;
  }

  stat(p: string): VmStat {
    const st = this.guard(() => fs.statSync(this.resolve(p)));
    return { mode: st.isDirectory() ? 0x4000 : 0x8000, size: st.isDirectory() ? 0 : st.size, mtime: Math.floor(st.mtimeMs / 1000) };
  }

  listdir(p: string): string[] {
    return this.guard(() => fs.readdirSync(this.resolve(p))).sort();
  }

  mkdir(p: string): void {
    this.writable();
    const host = this.resolve(p);
    // a folder takes a block of its own, as on littlefs: it counts against the flash
    if (!fs.existsSync(host)) this.reserve(1);
    this.guard(() => fs.mkdirSync(this.mark(host)));
    if (this.usedCache !== null) this.usedCache += BLOCK;
  }

  rmdir(p: string): void {
    this.writable();
    const host = this.resolve(p);
    if (host === this.root) throw new FsError(13, p);
    this.guard(() => fs.rmdirSync(this.mark(host)));
  }

  remove(p: string): void {
    this.writable();
    const host = this.resolve(p);
    this.guard(() => {
      if (fs.statSync(host).isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      fs.unlinkSync(this.mark(host));
    });
    this.usedCache = null;
  }

  rename(from: string, to: string): void {
    this.writable();
    const a = this.resolve(from);
    const b = this.resolve(to);
    if (a === this.root || b === this.root) throw new FsError(22);
    if (b.startsWith(a + path.sep)) throw new FsError(22);
    this.guard(() => {
      fs.statSync(a);
      fs.renameSync(this.mark(a), this.mark(b));
    });
  }

  statvfs(): VmStatvfs {
    const blocks = Math.floor(this.quotaBytes / BLOCK);
    return { bsize: BLOCK, blocks, bfree: Math.max(0, blocks - Math.ceil(this.used() / BLOCK)) };
  }

  open(p: string, flags: 'r' | 'w' | 'a' | 'x' | 'r+' | 'w+' | 'a+' | 'x+'): number {
    const host = this.resolve(p);
    const kind = flags[0];
    const plus = flags.endsWith('+');
    if (kind !== 'r' || plus) this.writable();
    const nodeFlags = { r: plus ? 'r+' : 'r', w: plus ? 'w+' : 'w', a: plus ? 'a+' : 'a', x: plus ? 'wx+' : 'wx' }[kind as 'r' | 'w' | 'a' | 'x'];
    // a new file takes a block even while empty (its metadata), so empty files cannot fill a board for free
    const creates = kind !== 'r' && !fs.existsSync(host);
    if (creates) this.reserve(1);
    const fd = this.guard(() => {
      if (fs.existsSync(host) && fs.statSync(host).isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      return fs.openSync(kind === 'r' && !plus ? host : this.mark(host), nodeFlags);
    });
    if (kind === 'w' || creates) this.usedCache = null;
    const handle = this.nextHandle++;
    this.files.set(handle, { fd, pos: 0, append: kind === 'a', readable: kind === 'r' || plus, writable: kind !== 'r' || plus, hostPath: host });
    return handle;
  }

  read(handle: number, n: number): Uint8Array {
    const f = this.file(handle);
    if (!f.readable) throw new FsError(9);
    const buf = new Uint8Array(Math.max(0, n));
    const got = this.guard(() => fs.readSync(f.fd, buf, 0, buf.length, f.pos));
    f.pos += got;
    return buf.subarray(0, got);
  }

  write(handle: number, data: Uint8Array): number {
    const f = this.file(handle);
    if (!f.writable) throw new FsError(9);
    if (this.readOnly) throw new FsError(30);
    const size = this.guard(() => fs.fstatSync(f.fd).size);
    const at = f.append ? size : f.pos;
    const growth = fileBlocks(Math.max(size, at + data.length)) - fileBlocks(size);
    if (growth > 0) this.reserve(growth);
    this.mark(f.hostPath);
    const n = this.guard(() => fs.writeSync(f.fd, data, 0, data.length, at));
    f.pos = at + n;
    if (growth > 0 && this.usedCache !== null) this.usedCache += growth * BLOCK;
    return n;
  }

  seek(handle: number, offset: number, whence: 0 | 1 | 2): number {
    const f = this.file(handle);
    const base = whence === 0 ? 0 : whence === 1 ? f.pos : this.guard(() => fs.fstatSync(f.fd).size);
    f.pos = Math.max(0, base + offset);
    return f.pos;
  }

  flush(handle: number): void {
    this.file(handle);
  }

  close(handle: number): void {
    const f = this.files.get(handle);
    if (!f) return;
    this.files.delete(handle);
    fs.closeSync(f.fd);
  }

  /** Closes every open file (soft reset). */
  closeAll(): void {
    for (const h of [...this.files.keys()]) this.close(h);
  }

  /** The board writing its own files (boot_out.txt), ignoring the read-only state. */
  writeFileDirect(p: string, text: string): void {
    fs.writeFileSync(this.mark(this.resolve(p)), text);
    this.usedCache = null;
  }

  /** Reads a board file as UTF-8, or null when missing. */
  readText(p: string): string | null {
    try {
      const host = this.resolve(p);
      if (!fs.statSync(host).isFile()) return null;
      return fs.readFileSync(host, 'utf8');
    } catch {
      return null;
    }
  }

  /** Whether the board itself changed this board path within the last `ms` milliseconds. */
  changedByBoard(p: string, ms = 2000): boolean {
    let host: string;
    try {
      host = this.resolve(p);
    } catch {
      return false;
    }
    const t = this.boardWrites.get(host);
    return t !== undefined && Date.now() - t < ms;
  }

  private mark(host: string): string {
    this.boardWrites.set(host, Date.now());
    if (this.boardWrites.size > 256) {
      const cutoff = Date.now() - 10_000;
      for (const [k, t] of this.boardWrites) if (t < cutoff) this.boardWrites.delete(k);
    }
    return host;
  }

  /** Forget the cached usage figure (after host-side changes). */
  invalidateUsage(): void {
    this.usedCache = null;
  }

  /**
   * Board path → host path. Rejects '..' segments and anything whose real location (following
   * links of the longest existing prefix) is outside the root.
   */
  resolve(p: string): string {
    const parts = p.split('/').filter((s) => s !== '' && s !== '.');
    if (parts.some((s) => s === '..' || s.includes('\\') || s.includes('\0'))) throw new FsError(2, p);
    const host = path.join(this.root, ...parts);
    // find the longest existing prefix and check its real path
    let probe = host;
    for (;;) {
      let real: string | null = null;
      try {
        real = fs.realpathSync(probe);
      } catch {
        real = null;
      }
      if (real !== null) {
        if (real !== this.root && !real.startsWith(this.root + path.sep)) throw new FsError(13, p);
        // a dangling link at the end cannot be followed either
        if (probe === host) return host;
        break;
      }
      try {
        if (fs.lstatSync(probe).isSymbolicLink()) throw new FsError(13, p);
      } catch (e) {
        if (e instanceof FsError) throw e;
      }
      const parent = path.dirname(probe);
      if (parent === probe) break;
      probe = parent;
    }
    return host;
  }

  /** Raises ENOSPC unless `blocks` more blocks fit in the flash. */
  private reserve(blocks: number): void {
    if (this.used() + blocks * BLOCK > this.quotaBytes) throw new FsError(28);
  }

  private used(): number {
    if (this.usedCache === null) this.usedCache = this.measure(this.root);
    return this.usedCache;
  }

  private measure(dir: string): number {
    let total = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) total += BLOCK + this.measure(full);
      else if (e.isFile()) total += fileBlocks(fs.statSync(full).size) * BLOCK;
    }
    return total;
  }

  private writable(): void {
    if (this.readOnly) throw new FsError(30);
  }

  private file(handle: number): OpenFile {
    const f = this.files.get(handle);
    if (!f) throw new FsError(9);
    return f;
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof FsError) throw e;
      const code = (e as { code?: string }).code;
      throw new FsError(code && code in ERRNO ? ERRNO[code] : 5, String((e as Error).message ?? e));
    }
  }
}

/** Blocks a file of `size` bytes takes: at least one, even when empty. */
function fileBlocks(size: number): number {
  return Math.max(1, Math.ceil(size / BLOCK));
}
