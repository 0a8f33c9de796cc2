// Test support: an in-memory VmFilesystem and a scriptable HostIO, plus a runner that
// executes a program and returns its output as the CLI would print it (traceback included).

import type { HostIO, VmFilesystem, VmStat, VmStatvfs } from '../host-io';
import { FsError } from '../host-io';
import { Interpreter, PyRaise, InternalError } from '../index';
import { utf8 } from '../objects/bytes';

interface Node { dir: boolean; data: Uint8Array; children: Map<string, Node>; mtime: number }

/** An in-memory filesystem (the board's flash, for tests). */
export class MemFs implements VmFilesystem {
  private root: Node = { dir: true, data: new Uint8Array(0), children: new Map(), mtime: 0 };
  /** Bytes in files; writing past `capacity` is ENOSPC, as on a board's flash. */
  private used = 0;
  constructor(private readonly capacity = Infinity) {}
  private handles = new Map<number, { node: Node; pos: number; append: boolean; write: boolean; read: boolean }>();
  private next = 1;
  private find(p: string): Node | null {
    let n = this.root;
    for (const part of p.split('/').filter(Boolean)) {
      if (!n.dir) throw new FsError(20);
      const c = n.children.get(part);
      if (!c) return null;
      n = c;
    }
    return n;
  }
  private parent(p: string): [Node, string] {
    const parts = p.split('/').filter(Boolean);
    const name = parts.pop();
    if (!name) throw new FsError(22);
    const dir = this.find('/' + parts.join('/'));
    if (!dir) throw new FsError(2);
    if (!dir.dir) throw new FsError(20);
    return [dir, name];
  }
  stat(p: string): VmStat { const n = this.find(p); if (!n) throw new FsError(2); return { mode: n.dir ? 0x4000 : 0x8000, size: n.dir ? 0 : n.data.length, mtime: n.mtime }; }
  listdir(p: string): string[] { const n = this.find(p); if (!n) throw new FsError(2); if (!n.dir) throw new FsError(20); return [...n.children.keys()]; }
  mkdir(p: string): void { const [d, name] = this.parent(p); if (d.children.has(name)) throw new FsError(17); d.children.set(name, { dir: true, data: new Uint8Array(0), children: new Map(), mtime: 0 }); }
  rmdir(p: string): void { const [d, name] = this.parent(p); const n = d.children.get(name); if (!n) throw new FsError(2); if (!n.dir) throw new FsError(20); if (n.children.size) throw new FsError(39); d.children.delete(name); }
  remove(p: string): void { const [d, name] = this.parent(p); const n = d.children.get(name); if (!n) throw new FsError(2); if (n.dir) throw new FsError(21); this.used -= n.data.length; d.children.delete(name); }
  rename(a: string, b: string): void {
    const [da, na] = this.parent(a); const n = da.children.get(na); if (!n) throw new FsError(2);
    const [db, nb] = this.parent(b); da.children.delete(na); db.children.set(nb, n);
  }
  statvfs(): VmStatvfs { return { bsize: 4096, blocks: 256, bfree: 200 }; }
  open(p: string, flags: string): number {
    const existing = this.find(p);
    if (existing?.dir) throw new FsError(21);
    let node = existing;
    const mode = flags[0];
    if (!node) {
      if (mode === 'r') throw new FsError(2);
      const [d, name] = this.parent(p);
      node = { dir: false, data: new Uint8Array(0), children: new Map(), mtime: 0 };
      d.children.set(name, node);
    } else if (mode === 'x') throw new FsError(17);
    if (mode === 'w') { this.used -= node.data.length; node.data = new Uint8Array(0); }
    const h = this.next++;
    this.handles.set(h, { node, pos: mode === 'a' ? node.data.length : 0, append: mode === 'a', write: mode !== 'r' || flags.includes('+'), read: mode === 'r' || flags.includes('+') });
    return h;
  }
  read(h: number, n: number): Uint8Array { const f = this.handles.get(h); if (!f) throw new FsError(9); const r = f.node.data.slice(f.pos, f.pos + n); f.pos += r.length; return r; }
  write(h: number, data: Uint8Array): number {
    const f = this.handles.get(h); if (!f) throw new FsError(9);
    if (f.append) f.pos = f.node.data.length;
    const end = f.pos + data.length;
    const grow = end - f.node.data.length;
    if (grow > 0 && this.used + grow > this.capacity) throw new FsError(28);
    if (grow > 0) this.used += grow;
    if (end > f.node.data.length) { const nd = new Uint8Array(end); nd.set(f.node.data); f.node.data = nd; }
    f.node.data.set(data, f.pos); f.pos = end; return data.length;
  }
  seek(h: number, off: number, whence: number): number { const f = this.handles.get(h); if (!f) throw new FsError(9); const base = whence === 0 ? 0 : whence === 1 ? f.pos : f.node.data.length; f.pos = Math.max(0, base + off); return f.pos; }
  flush(): void { /* nothing buffered */ }
  close(h: number): void { this.handles.delete(h); }
  /** Test helper: writes a file. */
  put(p: string, text: string): void { const h = this.open(p, 'w'); this.write(h, utf8(text)); this.close(h); }
}

/** A HostIO for tests: collects output, feeds stdin from a string, fake clock. */
export class TestHost implements HostIO {
  out = '';
  private stdin: Uint8Array;
  private pos = 0;
  clock = 0;
  polls = 0;
  /** poll() returns true once when polls reaches this count. */
  interruptAt = -1;
  fs: VmFilesystem | null;
  constructor(stdin = '', fs: VmFilesystem | null = new MemFs()) { this.stdin = utf8(stdin); this.fs = fs; }
  write(t: string): void { this.out += t; }
  readByte(): number { return this.pos < this.stdin.length ? this.stdin[this.pos++] : -1; }
  wait(ms: number): void { this.clock += ms; }
  poll(): boolean { this.polls++; if (this.polls === this.interruptAt) return true; return false; }
  monotonicMs(): number { return this.clock += 0.001; }
  wallMs(): number { return 1700000000000 + this.clock; }
}

/** Runs a program like the CLI does and returns stdout + traceback text. */
export function runProgram(src: string, opts: { stdin?: string; heapLimit?: number; host?: TestHost } = {}): string {
  const host = opts.host ?? new TestHost(opts.stdin ?? '');
  const interp = new Interpreter(host, { heapLimit: opts.heapLimit ?? 64 * 1024 * 1024, recursionLimit: 1000 });
  try { interp.exec(src, '<stdin>'); } catch (e) {
    if (e instanceof PyRaise) host.write(interp.formatException(e));
    else if (e instanceof InternalError) host.write('INTERNAL ' + e.toString() + '\n');
    else host.write('JS ERROR ' + String(e) + '\n');
  }
  return host.out;
}
