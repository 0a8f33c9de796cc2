// HostIO on Node for the command-line runner: synchronous stdout, blocking stdin, sleeping
// with Atomics.wait, and a VmFilesystem over a real directory (the board root).

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostIO, VmFilesystem, VmStat, VmStatvfs } from '../host-io';
import { FsError } from '../host-io';

/** A VmFilesystem over a directory of the real filesystem; board '/' is `root`. */
export class NodeDirFs implements VmFilesystem {
  private handles = new Map<number, { fd: number; pos: number; append: boolean }>();
  private next = 3;
  constructor(private root: string) {}
  private real(p: string): string { return path.join(this.root, p); }
  private wrap<T>(f: () => T): T {
    try { return f(); } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const map: Record<string, number> = { ENOENT: 2, EACCES: 13, EEXIST: 17, ENOTDIR: 20, EISDIR: 21, EINVAL: 22, ENOSPC: 28, EROFS: 30, ENOTEMPTY: 39, EPERM: 1 };
      throw new FsError(map[err.code ?? ''] ?? 5, err.message);
    }
  }
  stat(p: string): VmStat { return this.wrap(() => { const s = fs.statSync(this.real(p)); return { mode: s.isDirectory() ? 0x4000 : 0x8000, size: s.size, mtime: Math.floor(s.mtimeMs / 1000) }; }); }
  listdir(p: string): string[] { return this.wrap(() => fs.readdirSync(this.real(p)).sort()); }
  mkdir(p: string): void { this.wrap(() => fs.mkdirSync(this.real(p))); }
  rmdir(p: string): void { this.wrap(() => fs.rmdirSync(this.real(p))); }
  remove(p: string): void { this.wrap(() => { if (fs.statSync(this.real(p)).isDirectory()) throw Object.assign(new Error('is dir'), { code: 'EISDIR' }); fs.unlinkSync(this.real(p)); }); }
  rename(a: string, b: string): void { this.wrap(() => fs.renameSync(this.real(a), this.real(b))); }
  statvfs(): VmStatvfs { return { bsize: 4096, blocks: 256, bfree: 200 }; }
  open(p: string, flags: 'r' | 'w' | 'a' | 'x' | 'r+' | 'w+' | 'a+' | 'x+'): number {
    return this.wrap(() => {
      if (fs.existsSync(this.real(p)) && fs.statSync(this.real(p)).isDirectory()) throw Object.assign(new Error('is dir'), { code: 'EISDIR' });
      const fd = fs.openSync(this.real(p), flags.replace('x', 'wx'));
      const h = this.next++;
      this.handles.set(h, { fd, pos: flags.startsWith('a') ? fs.fstatSync(fd).size : 0, append: flags.startsWith('a') });
      return h;
    });
  }
  private h(handle: number) { const h = this.handles.get(handle); if (!h) throw new FsError(9); return h; }
  read(handle: number, n: number): Uint8Array {
    const h = this.h(handle);
    return this.wrap(() => { const b = Buffer.alloc(n); const k = fs.readSync(h.fd, b, 0, n, h.pos); h.pos += k; return new Uint8Array(b.subarray(0, k)); });
  }
  write(handle: number, data: Uint8Array): number {
    const h = this.h(handle);
    return this.wrap(() => { if (h.append) h.pos = fs.fstatSync(h.fd).size; const k = fs.writeSync(h.fd, data, 0, data.length, h.pos); h.pos += k; return k; });
  }
  seek(handle: number, offset: number, whence: 0 | 1 | 2): number {
    const h = this.h(handle);
    const base = whence === 0 ? 0 : whence === 1 ? h.pos : fs.fstatSync(h.fd).size;
    h.pos = Math.max(0, base + offset);
    return h.pos;
  }
  flush(handle: number): void { this.h(handle); }
  close(handle: number): void { const h = this.handles.get(handle); if (h) { fs.closeSync(h.fd); this.handles.delete(handle); } }
}

/** HostIO for the CLI: real stdout, stdin, clock; Ctrl-C arrives through the SIGINT flag. */
export class NodeHost implements HostIO {
  private sleeper = new Int32Array(new SharedArrayBuffer(4));
  private t0 = performance.now();
  interrupted = false;
  fs: VmFilesystem | null;
  constructor(root: string | null) { this.fs = root === null ? null : new NodeDirFs(root); }
  write(text: string): void {
    const b = Buffer.from(text, 'utf8');
    let off = 0;
    while (off < b.length) {
      try { off += fs.writeSync(1, b, off); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e; }
    }
  }
  writeBytes(data: Uint8Array): void {
    let off = 0;
    while (off < data.length) {
      try { off += fs.writeSync(1, data, off); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e; }
    }
  }
  readByte(): number {
    const b = Buffer.alloc(1);
    for (;;) {
      try { const n = fs.readSync(0, b, 0, 1, null); return n === 0 ? -1 : b[0]; } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') { this.wait(5); continue; }
        if (code === 'EOF') return -1;
        return -1;
      }
    }
  }
  wait(ms: number): void { Atomics.wait(this.sleeper, 0, 0, Math.max(0, Math.min(ms, 50))); }
  poll(): boolean { const i = this.interrupted; this.interrupted = false; return i; }
  monotonicMs(): number { return performance.now() - this.t0; }
  memoryUsage(): number { return process.memoryUsage().heapUsed; }
  wallMs(): number { return Date.now(); }
}
