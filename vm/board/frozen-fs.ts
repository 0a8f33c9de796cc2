// The board filesystem as Python sees it: the host-backed files plus a read-only '/.frozen'
// folder holding the modules a firmware build freezes in (on sys.path as '.frozen', as on a
// real board). Everything outside '/.frozen' goes to the real filesystem untouched.

import { FsError, type VmFilesystem, type VmStat, type VmStatvfs } from '../host-io';
import { utf8 } from '../objects/bytes';

const ROOT = '/.frozen';
const BASE = 1 << 30;

export class FrozenOverlayFs implements VmFilesystem {
  private readonly files = new Map<string, Uint8Array>();
  private readonly dirs = new Set<string>([ROOT]);
  private readonly open_ = new Map<number, { data: Uint8Array; pos: number }>();
  private next = BASE;

  constructor(
    private readonly inner: VmFilesystem,
    frozen: Record<string, string>,
  ) {
    for (const [rel, src] of Object.entries(frozen)) {
      const full = `${ROOT}/${rel}`;
      this.files.set(full, utf8(src));
      const parts = full.split('/');
      for (let i = 2; i < parts.length; i++) this.dirs.add(parts.slice(0, i).join('/'));
    }
  }

  private frozen(p: string): boolean {
    return p === ROOT || p.startsWith(ROOT + '/');
  }

  stat(p: string): VmStat {
    if (!this.frozen(p)) return this.inner.stat(p);
    if (this.dirs.has(p)) return { mode: 0x4000, size: 0, mtime: 0 };
    const f = this.files.get(p);
    if (!f) throw new FsError(2);
    return { mode: 0x8000, size: f.length, mtime: 0 };
  }

  listdir(p: string): string[] {
    if (!this.frozen(p)) return this.inner.listdir(p);
    if (!this.dirs.has(p)) throw new FsError(this.files.has(p) ? 20 : 2);
    const prefix = p + '/';
    const names = new Set<string>();
    for (const k of [...this.files.keys(), ...this.dirs]) {
      if (k.startsWith(prefix)) names.add(k.slice(prefix.length).split('/')[0]);
    }
    return [...names].sort();
  }

  mkdir(p: string): void {
    if (this.frozen(p)) throw new FsError(30);
    this.inner.mkdir(p);
  }

  rmdir(p: string): void {
    if (this.frozen(p)) throw new FsError(30);
    this.inner.rmdir(p);
  }

  remove(p: string): void {
    if (this.frozen(p)) throw new FsError(30);
    this.inner.remove(p);
  }

  rename(from: string, to: string): void {
    if (this.frozen(from) || this.frozen(to)) throw new FsError(30);
    this.inner.rename(from, to);
  }

  statvfs(): VmStatvfs {
    return this.inner.statvfs();
  }

  open(p: string, flags: 'r' | 'w' | 'a' | 'x' | 'r+' | 'w+' | 'a+' | 'x+'): number {
    if (!this.frozen(p)) return this.inner.open(p, flags);
    if (flags !== 'r') throw new FsError(30);
    if (this.dirs.has(p)) throw new FsError(21);
    const data = this.files.get(p);
    if (!data) throw new FsError(2);
    const h = this.next++;
    this.open_.set(h, { data, pos: 0 });
    return h;
  }

  read(h: number, n: number): Uint8Array {
    const f = this.open_.get(h);
    if (!f) return this.inner.read(h, n);
    const out = f.data.subarray(f.pos, f.pos + Math.max(0, n));
    f.pos += out.length;
    return out.slice();
  }

  write(h: number, data: Uint8Array): number {
    if (this.open_.has(h)) throw new FsError(9);
    return this.inner.write(h, data);
  }

  seek(h: number, offset: number, whence: 0 | 1 | 2): number {
    const f = this.open_.get(h);
    if (!f) return this.inner.seek(h, offset, whence);
    f.pos = Math.max(0, (whence === 0 ? 0 : whence === 1 ? f.pos : f.data.length) + offset);
    return f.pos;
  }

  flush(h: number): void {
    if (!this.open_.has(h)) this.inner.flush(h);
  }

  close(h: number): void {
    if (!this.open_.delete(h)) this.inner.close(h);
  }
}
