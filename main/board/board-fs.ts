// Files on the board through the raw REPL (board-protocols.md §5): list, stat, read, write,
// mkdir, remove, rename, hash, and sync of a local folder. Uploads stream the file to a receiver
// program's stdin (stream-upload.ts) where the board allows it; otherwise they send base64 via
// binascii in large chunks, one raw-paste exec per chunk (§5.2), or bytes literals without
// binascii. Downloads print base64 lines from one command. Writes go to a temp file that is
// verified and then renamed over the target, so an interrupted write leaves the old file.
// CIRCUITPY drives are drive-fs.ts's job.
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { join, posix } from 'node:path';
import { MoteError } from '../../shared/errors';
import type { BoardSession } from './board-session';
import { cancelled } from './board-stream';
import { renameCode, verificationError, verifyCode } from './board-write';
import { boardError } from './python-error';
import { parseBytesLiteral, pyBytes, pyString } from './python-literal';
import type { RawRepl } from './raw-repl';
import { type StreamPlan, streamPlan, streamUpload } from './stream-upload';
import { decodeTextFile } from '../util/text-file';

export interface BoardEntry {
  /** Absolute board path: '/lib/bme280.py'. */
  path: string;
  name: string;
  kind: 'file' | 'dir';
  /** Bytes; 0 for folders. */
  size: number;
}

export interface TransferOptions {
  signal?: AbortSignal;
  /** Called after every chunk with bytes done and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface BoardCapabilities {
  binascii: boolean;
  hashlib: boolean;
  /** sys.stdin.buffer and bytes.replace: uploads can stream to a receiver (stream-upload.ts). */
  stream: boolean;
}

export interface SyncReport {
  uploaded: string[];
  skipped: string[];
  /** Bytes sent. */
  bytes: number;
}

/** The file operations both BoardFs (over the REPL) and DriveFs (through a mounted CIRCUITPY) offer. */
export interface BoardFiles {
  list(path: string, options?: { recursive?: boolean }): Promise<BoardEntry[]>;
  stat(path: string): Promise<{ kind: 'file' | 'dir'; size: number } | null>;
  read(path: string, options?: TransferOptions): Promise<Buffer>;
  readText(path: string): Promise<string>;
  write(path: string, data: Uint8Array | string, options?: TransferOptions): Promise<void>;
  mkdir(path: string, options?: { parents?: boolean }): Promise<void>;
  remove(path: string, options?: { recursive?: boolean }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  sync(localDir: string, remoteDir: string, options?: SyncOptions): Promise<SyncReport>;
  /** Free bytes on the filesystem holding `path`; null when unknown. */
  freeBytes(path: string): Promise<number | null>;
}

export type SyncOptions = TransferOptions & { onFile?: (path: string, action: 'upload' | 'skip') => void };

export interface BoardFsOptions {
  /**
   * How uploads travel: 'stream' (default where the board can: the file as escaped bytes to a
   * receiver's stdin, stream-upload.ts) or 'commands' (one exec per chunk with the data in the source).
   */
  upload?: 'stream' | 'commands';
  /** Frame size and bytes in flight for 'stream' uploads (default: from the link's flow control, see streamPlan). */
  plan?: StreamPlan;
  /** Binary bytes per write command in 'commands' uploads (default 8192; base64 makes the command ~4/3 of that). */
  chunkSize?: number;
  /** Binary bytes per line when reading (default 3072). */
  readChunkSize?: number;
  /** Check the free space before a large write (default true; tests turn it off to reach the mid-upload failure). */
  checkFree?: boolean;
}


/** Writes of at least this many bytes check the board's free space before sending anything. */
const FREE_CHECK_BYTES = 16 * 1024;

/** Writes go to `.<name>.mote~` beside the target first. */
export const TEMP_SUFFIX = '.mote~';

const PROBE_CAPABILITIES = [
  'try:',
  ' import binascii',
  ' binascii.a2b_base64',
  " print('~b64')",
  'except Exception:',
  ' pass',
  'try:',
  ' import hashlib',
  ' hashlib.sha256',
  " print('~sha')",
  'except Exception:',
  ' pass',
  'try:',
  ' import sys',
  ' sys.stdin.buffer.read',
  " b''.replace",
  " print('~stdin')",
  'except Exception:',
  ' pass',
].join('\n');

/** Normalises a board path: absolute, '/' separators, no trailing slash (except the root). */
export function boardPath(p: string): string {
  const n = posix.normalize('/' + p.replace(/\\/g, '/'));
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

export class BoardFs implements BoardFiles {
  private caps: BoardCapabilities | null = null;
  private readonly chunkSize: number;
  private readonly readChunkSize: number;
  private readonly upload: 'stream' | 'commands';
  private readonly plan: StreamPlan | undefined;
  private readonly checksFree: boolean;

  constructor(
    private readonly session: BoardSession,
    options: BoardFsOptions = {},
  ) {
    this.upload = options.upload ?? 'stream';
    this.checksFree = options.checkFree ?? true;
    this.plan = options.plan;
    this.chunkSize = options.chunkSize ?? 8192;
    this.readChunkSize = Math.max(3, Math.floor((options.readChunkSize ?? 3072) / 3) * 3);
  }

  /** What the board offers for transfers (probed once per BoardFs). */
  async capabilities(): Promise<BoardCapabilities> {
    if (this.caps) return this.caps;
    const out = await this.session.exec(PROBE_CAPABILITIES, 'probing the board');
    const s = out.toString();
    this.caps = { binascii: s.includes('~b64'), hashlib: s.includes('~sha'), stream: s.includes('~stdin') };
    return this.caps;
  }

  /**
   * Lists a folder; with recursive, everything below it, each folder before its contents. Names
   * travel as repr(bytes), so any character (a newline, a Ctrl-D that would end the raw REPL's
   * output) arrives intact. Files named like Mote's temp files are listed, never removed: a user
   * may own one, and a stray temp file is replaced by the next write of its target anyway.
   */
  async list(path: string, options: { recursive?: boolean } = {}): Promise<BoardEntry[]> {
    const p = boardPath(path);
    const code = [
      'import os',
      'def L(p,r):',
      " for n in sorted(os.listdir(p)):",
      "  q=(p if p!='/' else '')+'/'+n",
      '  s=os.stat(q)',
      "  print('~%d %d %r'%(s[0]&0x4000,s[6],q.encode()))",
      '  if r and s[0]&0x4000:',
      '   L(q,r)',
      `L(${pyString(p)},${options.recursive ? 1 : 0})`,
    ].join('\n');
    const out = await this.session.exec(code, `listing ${p}`);
    const entries: BoardEntry[] = [];
    for (const line of out.toString('utf8').split(/\r?\n/)) {
      const m = /^~(\d+) (\d+) (b['"].*['"])$/.exec(line);
      if (!m) continue;
      const isDir = Number(m[1]) !== 0;
      const entryPath = parseBytesLiteral(m[3]!).toString('utf8');
      entries.push({ path: entryPath, name: posix.basename(entryPath), kind: isDir ? 'dir' : 'file', size: isDir ? 0 : Number(m[2]) });
    }
    return entries;
  }

  /** Free bytes on the filesystem holding `path`, or null when the board cannot tell (no os.statvfs). */
  async freeBytes(path: string): Promise<number | null> {
    const p = boardPath(path);
    const out = await this.session.exec(`import os\ntry:\n s=os.statvfs(${pyString(p)})\n print('~%d'%((s[1] or s[0])*s[4]))\nexcept Exception:\n print('~none')`, `checking free space on ${p}`);
    const m = /~(\d+)/.exec(out.toString());
    return m ? Number(m[1]) : null;
  }

  /** Refuses a write that cannot fit before any of it is sent (a full board would fail only near the end). */
  private async checkFree(p: string, size: number): Promise<void> {
    const free = await this.freeBytes(posix.dirname(p));
    // the new data goes to a temp file first, so the old file's space is not yet free
    if (free === null || size <= free) return;
    const kb = (n: number) => `${Math.ceil(n / 1024).toLocaleString('en')} KB`;
    throw new MoteError('no-space', `${p} needs ${kb(size)}, but the board has only ${kb(free)} free. Delete files on the board (Files → Board) to make room, then try again.`);
  }

  /** Kind and size of a path, or null when it does not exist. */
  async stat(path: string): Promise<{ kind: 'file' | 'dir'; size: number } | null> {
    const p = boardPath(path);
    const out = await this.session.exec(`import os\ntry:\n s=os.stat(${pyString(p)})\n print('~%d %d'%(s[0]&0x4000,s[6]))\nexcept OSError:\n print('~none')`, `checking ${p}`);
    const m = /~(\d+) (\d+)/.exec(out.toString());
    if (!m) return null;
    return Number(m[1]) ? { kind: 'dir', size: 0 } : { kind: 'file', size: Number(m[2]) };
  }

  /** Reads a whole file (binary-safe). */
  async read(path: string, options: TransferOptions = {}): Promise<Buffer> {
    const p = boardPath(path);
    const caps = await this.capabilities();
    const st = await this.stat(p);
    if (!st) throw new MoteError('not-found', `There is no file ${p} on the board.`);
    if (st.kind === 'dir') throw new MoteError('invalid-payload', `${p} is a folder, not a file.`);
    const total = st.size;
    const code = caps.binascii
      ? `from binascii import b2a_base64 as b\nf=open(${pyString(p)},'rb')\nwhile 1:\n d=f.read(${this.readChunkSize})\n if not d:\n  break\n print(b(d).decode().strip())\nf.close()`
      : `f=open(${pyString(p)},'rb')\nwhile 1:\n d=f.read(${this.readChunkSize})\n if not d:\n  break\n print(repr(d))\nf.close()`;
    const parts: Buffer[] = [];
    let done = 0;
    let pendingLine = '';
    const onStdout = (d: Buffer) => {
      pendingLine += d.toString('latin1');
      const lines = pendingLine.split('\n');
      pendingLine = lines.pop() ?? '';
      for (const raw of lines) {
        const line = raw.replace(/\r$/, '');
        if (!line) continue;
        const chunk = caps.binascii ? Buffer.from(line, 'base64') : parseBytesLiteral(line);
        parts.push(chunk);
        done += chunk.length;
        options.onProgress?.(done, total);
      }
    };
    const result = await this.session.execRaw(code, { onStdout, signal: options.signal, idleMs: 10000 });
    if (result.interrupted) throw cancelled();
    if (result.stderr.length) throw boardError(result.stderr.toString('utf8'), `reading ${p}`, this.session.identity.platform);
    if (pendingLine.trim()) onStdout(Buffer.from('\n'));
    const data = Buffer.concat(parts);
    if (data.length !== total) throw new MoteError('board-protocol', `Reading ${p} returned ${data.length} bytes instead of ${total}.`);
    return data;
  }

  async readText(path: string): Promise<string> {
    return decodeTextFile(await this.read(path), path);
  }

  /**
   * Writes a file atomically: the data goes to a temp file beside the target, is verified
   * (SHA-256 on the board, or size plus read-back), then renamed over the target.
   * Cancelling (or losing the board) leaves the old file in place.
   */
  async write(path: string, data: Uint8Array | string, options: TransferOptions = {}): Promise<void> {
    const p = boardPath(path);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    const caps = await this.capabilities();
    if (this.checksFree && bytes.length >= FREE_CHECK_BYTES) await this.checkFree(p, bytes.length);
    const temp = posix.join(posix.dirname(p), `.${posix.basename(p)}${TEMP_SUFFIX}`);
    if (caps.stream && this.upload === 'stream') {
      const plan = this.plan ?? streamPlan(this.session.transport.info.flowControl, this.session.raw.window);
      const platform = this.session.identity.platform;
      await this.session.withRaw((raw) => streamUpload(raw, bytes, { temp, target: p, plan, hashlib: caps.hashlib, platform, ...options }));
      return;
    }
    await this.writeByCommands(p, temp, bytes, caps, options);
  }

  /** The fallback upload: one raw-paste exec per chunk, the chunk in the source as base64 (or a bytes literal). */
  private async writeByCommands(p: string, temp: string, bytes: Buffer, caps: BoardCapabilities, options: TransferOptions): Promise<void> {
    const what = `writing ${p}`;
    await this.session.withRaw(async (raw) => {
      const run = (code: string) => this.rawExec(raw, code, what, options.signal);
      // open the temp file; with hashlib, a digest of exactly what was decoded goes along
      const prelude = [caps.binascii ? 'from binascii import a2b_base64 as _a' : '', caps.hashlib ? 'import hashlib\n_h=hashlib.sha256()' : '', `_f=open(${pyString(temp)},'wb')`];
      const first = bytes.length > 0 ? this.chunkCommand(bytes.subarray(0, this.chunkSize), caps) : '';
      let done = 0;
      try {
        options.onProgress?.(0, bytes.length);
        await run([...prelude, first].filter(Boolean).join('\n'));
        done = Math.min(this.chunkSize, bytes.length);
        options.onProgress?.(done, bytes.length);
        for (let i = this.chunkSize; i < bytes.length; i += this.chunkSize) {
          if (options.signal?.aborted) throw cancelled();
          const chunk = bytes.subarray(i, i + this.chunkSize);
          await run(this.chunkCommand(chunk, caps));
          done += chunk.length;
          options.onProgress?.(done, bytes.length);
        }
        // close, verify (size on the board's filesystem, and the SHA-256 of the data written), then
        // rename over the target
        const digest = caps.hashlib ? createHash('sha256').update(bytes).digest() : null;
        await run(['_f.close()', 'import os', ...verifyCode(temp, bytes.length, digest), ...renameCode(temp, p)].join('\n'));
      } catch (err) {
        if (this.session.stream.isClosed) throw err;
        await this.rawExec(raw, `import os\ntry:\n _f.close()\nexcept Exception:\n pass\ntry:\n os.remove(${pyString(temp)})\nexcept OSError:\n pass`, what).catch(() => undefined);
        throw (err instanceof MoteError && verificationError(err.message, p)) || err;
      }
    });
  }

  /** One chunk's write command (base64 when the board has binascii, else a bytes literal). */
  private chunkCommand(chunk: Uint8Array, caps: BoardCapabilities): string {
    const data = caps.binascii ? `_a(b'${Buffer.from(chunk).toString('base64')}')` : pyBytes(chunk);
    return caps.hashlib ? `_d=${data}\n_f.write(_d)\n_h.update(_d)` : `_f.write(${data})`;
  }

  /** Creates a folder (and, with parents, the folders above it). Existing folders are fine. */
  async mkdir(path: string, options: { parents?: boolean } = {}): Promise<void> {
    const p = boardPath(path);
    const parts = options.parents ? p.split('/').filter(Boolean).map((_, i, a) => '/' + a.slice(0, i + 1).join('/')) : [p];
    const code = [
      'import os',
      `for d in ${'[' + parts.map(pyString).join(',') + ']'}:`,
      ' try:',
      '  os.mkdir(d)',
      ' except OSError as e:',
      '  try:',
      '   s=os.stat(d)[0]&0x4000',
      '  except OSError:',
      '   s=0',
      '  if not s:',
      '   raise e',
    ].join('\n');
    await this.session.exec(code, `creating the folder ${p}`);
  }

  /** Removes a file, or a folder (with recursive, everything in it). */
  async remove(path: string, options: { recursive?: boolean } = {}): Promise<void> {
    const p = boardPath(path);
    if (p === '/') throw new MoteError('invalid-payload', 'Mote does not remove the whole board filesystem.');
    const code = [
      'import os',
      'def R(p):',
      ' if os.stat(p)[0]&0x4000:',
      options.recursive ? "  for n in list(os.listdir(p)):\n   R(p+'/'+n)" : '  pass',
      '  os.rmdir(p)',
      ' else:',
      '  os.remove(p)',
      `R(${pyString(p)})`,
    ].join('\n');
    await this.session.exec(code, `removing ${p}`);
  }

  async rename(from: string, to: string): Promise<void> {
    const a = boardPath(from);
    const b = boardPath(to);
    await this.session.exec(`import os\nos.rename(${pyString(a)},${pyString(b)})`, `renaming ${a} to ${b}`);
  }

  /** SHA-256 (hex) of board files, computed on the board; null per file when missing or when the board has no hashlib. */
  async hashes(paths: string[]): Promise<Map<string, string | null>> {
    const result = new Map<string, string | null>(paths.map((p) => [boardPath(p), null]));
    const caps = await this.capabilities();
    if (!caps.hashlib || paths.length === 0) return result;
    const list = '[' + [...result.keys()].map(pyString).join(',') + ']';
    const digest = caps.binascii ? "binascii.hexlify(h.digest()).decode()" : 'repr(h.digest())';
    const code = [
      'import hashlib',
      caps.binascii ? 'import binascii' : '',
      'b=bytearray(1024)',
      `for p in ${list}:`,
      ' try:',
      '  f=open(p,"rb")',
      ' except OSError:',
      '  continue',
      ' h=hashlib.sha256()',
      ' while 1:',
      '  n=f.readinto(b)',
      '  if not n:',
      '   break',
      '  h.update(memoryview(b)[:n])',
      ' f.close()',
      ` print('~'+${digest}+' '+p)`,
    ].join('\n');
    const out = await this.session.exec(code, 'hashing files');
    for (const line of out.toString('utf8').split(/\r?\n/)) {
      const m = /^~(\S+) (.*)$/.exec(line);
      if (!m) continue;
      result.set(m[2], caps.binascii ? m[1] : parseBytesLiteral(m[1]).toString('hex'));
    }
    return result;
  }

  /**
   * Copies a local folder to the board, skipping files whose SHA-256 (or, without hashlib,
   * size and content read back) already matches. Dot files and __pycache__ are left out.
   */
  async sync(localDir: string, remoteDir: string, options: SyncOptions = {}): Promise<SyncReport> {
    const root = boardPath(remoteDir);
    const files = await walkLocal(localDir);
    const report: SyncReport = { uploaded: [], skipped: [], bytes: 0 };
    const dirs = [...new Set(files.map((f) => posix.dirname(posix.join(root, f))))].filter((d) => d !== '/');
    if (dirs.length) await this.mkdir(dirs[0], { parents: true });
    for (const d of dirs.slice(1)) await this.mkdir(d, { parents: true });
    const remotePaths = files.map((f) => posix.join(root, f));
    const caps = await this.capabilities();
    const remoteHashes = caps.hashlib ? await this.hashes(remotePaths) : null;
    const sizes = caps.hashlib ? null : new Map((await this.list(root, { recursive: true })).map((e) => [e.path, e.size]));
    const total = (await Promise.all(files.map((f) => fsp.stat(join(localDir, f))))).reduce((n, s) => n + s.size, 0);
    let done = 0;
    for (let i = 0; i < files.length; i++) {
      if (options.signal?.aborted) throw cancelled();
      const data = await fsp.readFile(join(localDir, files[i]));
      const remote = remotePaths[i];
      let same: boolean;
      if (remoteHashes) same = remoteHashes.get(remote) === createHash('sha256').update(data).digest('hex');
      else same = sizes!.get(remote) === data.length && (await this.read(remote, { signal: options.signal })).equals(data);
      if (same) {
        report.skipped.push(remote);
        options.onFile?.(remote, 'skip');
      } else {
        options.onFile?.(remote, 'upload');
        await this.write(remote, data, { signal: options.signal, onProgress: (d) => options.onProgress?.(done + d, total) });
        report.uploaded.push(remote);
        report.bytes += data.length;
      }
      done += data.length;
      options.onProgress?.(done, total);
    }
    return report;
  }

  /** One command inside a held raw session; a traceback becomes a MoteError. */
  private async rawExec(raw: RawRepl, code: string, what: string, signal?: AbortSignal): Promise<Buffer> {
    if (signal?.aborted) throw cancelled();
    const r = await raw.exec(code, { idleMs: 10000 });
    if (r.stderr.length) throw boardError(r.stderr.toString('utf8'), what, this.session.identity.platform);
    return r.stdout;
  }
}

/** Files below `dir`, relative with '/' separators, sorted; dot files and __pycache__ left out. */
export async function walkLocal(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = await fsp.readdir(join(dir, prefix), { withFileTypes: true });
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.') || e.name === '__pycache__') continue;
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await walkLocal(dir, rel)));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}
