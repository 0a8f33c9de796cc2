// One interpreter state: builtins, sys.modules, __main__, the host, imports, exec/eval,
// polling (interrupts and soft-IRQ callbacks) and traceback formatting.

import type { HostIO } from '../host-io';
import { FsError } from '../host-io';
import { compile, SyntaxErr, type ConstDesc } from '../compile/index';
import { None, PyBuiltin, setMissingArgument, type PyObj, type Kw } from '../objects/object';
import { PyExc, PyRaise, pyErr, raiseOf, mkExc, excType, typeError } from '../objects/exception';
import { PyFloat } from '../objects/float';
import { PyComplex } from '../objects/complex';
import { PyBytes, PyByteArray, fromLatin1, fromUtf8, decodeUtf8, latin1, utf8 } from '../objects/bytes';
import { PyModule } from '../objects/module';
import { PyDict } from '../objects/dict';
import { PyTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { parseIntStr } from '../objects/int';
import { rt, TICKS } from './state';
import { need, charge } from './heap';
import { liveBytes } from './heap-walk';

/** What a fresh board's heap holds before the program starts (MicroPython reports a few KB). */
const HEAP_AT_BOOT = 4096;
import * as ops from './ops';
import { installOps, caught } from './glue';
import { installTypes } from '../builtins/types';
import { makeBuiltins } from '../builtins/index';
import { builtinModules } from '../modules/registry';
import { setComplexHooks } from './ops';
import { MountTable, kindAt, type RootVfsKind } from './mount-table';

export interface Implementation {
  name: 'micropython' | 'circuitpython';
  version: [number, number, number];
  versionString: string;
  machine: string;
  platform: string;
}

export interface InterpreterOptions {
  heapLimit?: number;
  recursionLimit?: number;
  implementation?: Implementation;
  argv?: string[];
  path?: string[];
  /** The flash filesystem's kind, for where littlefs and FAT differ from POSIX (default 'posix'). */
  rootVfs?: RootVfsKind;
}

let typesInstalled = false;
function installOnce(): void {
  if (typesInstalled) return;
  typesInstalled = true;
  setMissingArgument(() => { throw typeError('function missing 1 required positional arguments'); });
  installOps();
  installTypes();
  // module.__dict__ is the module's live namespace, as MicroPython returns its globals dict
  ops.setModuleDictHook((m) => new GlobalsDict(m.g));
  void setComplexHooks;
}

/** A compiled code object (result of compile()). */
export class PyCode {
  declare $type: PyObj;
  constructor(public source: string, public filename: string, public mode: string) {}
}

export class Interp {
  readonly builtins: PyModule;
  readonly modules = new Map<string, PyModule>();
  readonly main: PyModule;
  readonly heapLimit: number;
  readonly maxDepth: number;
  readonly impl: Implementation;
  readonly argv: string[];
  readonly path: string[];
  readonly registered = new Map<string, (interp: Interp) => PyModule>();
  /** _thread's scheduler, once a program started a thread (vm/modules/thread.ts). */
  threads: { tick(): void; sleep(ms: number): boolean } | null = null;
  /** Registered modules a file on sys.path overrides (a lib/neopixel.py wins over the built-in one). */
  readonly fallbacks = new Set<string>();
  private scheduled: [PyObj, PyObj][] = [];
  private inScheduled = false;
  /** Globals of the code currently running (for globals()/dir()). */
  private globalsStack: Record<string, PyObj>[] = [];
  cwd = '/';
  /** The flash filesystem at '/' and whatever os.mount() added. */
  readonly mounts: MountTable;
  /** Open file handles, closed on soft reset by the host if it wants. */
  stdinBuf: number[] = [];
  savedDepth = 0;
  readonly state: { depth: number; ticks: number } = { depth: 0, ticks: TICKS };
  /** The modelled heap in use (runtime/heap.ts), while another interpreter runs. */
  heapUsed = HEAP_AT_BOOT;
  /** Collections so far (gc.collect() and the count passing the limit). */
  collections = 0;

  constructor(readonly host: HostIO, opts: InterpreterOptions = {}) {
    installOnce();
    this.heapLimit = opts.heapLimit ?? 8 * 1024 * 1024;
    this.maxDepth = opts.recursionLimit ?? 200;
    this.impl = opts.implementation ?? { name: 'micropython', version: [1, 27, 0], versionString: '3.4.0; MicroPython v1.27.0', machine: 'Mote simulated board', platform: 'mote' };
    this.argv = opts.argv ?? [];
    this.path = opts.path ?? ['', '.frozen', '/lib'];
    if (host.memoryUsage) this.memBaseline = host.memoryUsage();
    this.mounts = new MountTable(host.fs ? { kind: 'native', point: '/', fs: host.fs, fsKind: opts.rootVfs ?? 'posix' } : null);
    const prev = this.enter();
    try {
      this.builtins = makeBuiltins();
      this.main = new PyModule('__main__');
      this.modules.set('__main__', this.main);
    } finally { this.leave(prev); }
  }

  // #region entering and leaving (the shared runtime state belongs to one interpreter at a time)

  enter(): PyObj {
    const prev = { interp: rt.interp, depth: rt.depth, maxDepth: rt.maxDepth, heapLimit: rt.heapLimit, heapBudget: rt.heapBudget, heapUsed: rt.heapUsed, tick: rt.tick };
    if (rt.interp !== this) {
      if (rt.interp) rt.interp.heapUsed = rt.heapUsed;
      rt.interp = this;
      rt.depth = 0;
      rt.maxDepth = this.maxDepth;
      rt.heapLimit = this.heapLimit;
      rt.heapBudget = this.heapLimit;
      rt.heapUsed = this.heapUsed;
      rt.tick = () => this.tick();
    }
    return prev;
  }

  leave(prev: PyObj): void {
    if (prev.interp !== this) {
      this.heapUsed = rt.heapUsed;
      rt.interp = prev.interp; rt.depth = prev.depth; rt.maxDepth = prev.maxDepth; rt.heapLimit = prev.heapLimit; rt.tick = prev.tick;
      rt.heapBudget = prev.heapBudget; rt.heapUsed = prev.interp ? prev.interp.heapUsed : prev.heapUsed;
    }
  }

  /**
   * gc.collect(), and what runtime/heap.ts calls when the count passes the limit: the count
   * becomes the size of what is reachable from the modules' globals plus `owner`, the object
   * being allocated or grown (live even when only a function's local refers to it).
   */
  collectHeap(owner?: PyObj): void {
    this.collections++;
    const roots: PyObj[] = [...this.modules.values()];
    const moduleGlobals = new Set(roots.map((m) => m.g));
    for (const g of this.globalsStack) if (!moduleGlobals.has(g)) roots.push(...Object.values(g));
    if (owner !== undefined) roots.push(owner);
    rt.heapUsed = HEAP_AT_BOOT + liveBytes(roots);
  }

  // #endregion

  write(s: string): void { this.host.write(s); }

  /** Raw output bytes (sys.stdout.buffer). */
  writeBytes(b: Uint8Array): void { if (this.host.writeBytes) this.host.writeBytes(b); else this.host.write(latin1(b)); }

  /** The tick handler: polls the host, raises KeyboardInterrupt, runs scheduled callbacks. */
  tick(): void {
    rt.ticks = TICKS;
    if (this.host.poll()) throw raiseOf(mkExc('KeyboardInterrupt'));
    if ((++this.tickCount & 63) === 0 && this.host.memoryUsage) this.checkMemory();
    if (this.scheduled.length && !this.inScheduled) this.runScheduled();
    if (this.threads) this.threads.tick();
  }

  private tickCount = 0;
  private memBaseline = -1;

  /** Safety net against runaway allocation: heap growth far beyond the heap limit → MemoryError. */
  private checkMemory(): void {
    const used = (this.host.memoryUsage as () => number)();
    if (this.memBaseline < 0) { this.memBaseline = used; return; }
    if (used - this.memBaseline > Math.max(4 * this.heapLimit, 256 * 1024 * 1024)) {
      this.memBaseline = used;
      throw raiseOf(mkExc('MemoryError', 'memory allocation failed'));
    }
  }

  schedule(fn: PyObj, arg: PyObj): boolean {
    if (this.scheduled.length >= 8) return false;
    this.scheduled.push([fn, arg]);
    rt.ticks = 0;
    return true;
  }

  runScheduled(): void {
    this.inScheduled = true;
    try {
      while (this.scheduled.length) {
        const [fn, arg] = this.scheduled.shift() as [PyObj, PyObj];
        // as mp_call_function_1_protected: any exception is printed and the program goes on
        try { ops.callObj(fn, [arg], null); } catch (e) {
          const r = caught(e);
          this.write(this.formatException(r.exc));
        }
      }
    } finally { this.inScheduled = false; }
  }

  /** Sleeps for ms, waking for interrupts and scheduled callbacks. */
  sleepMs(ms: number): void {
    if (this.threads && this.threads.sleep(ms)) return;
    const end = this.host.monotonicMs() + ms;
    for (;;) {
      this.tick();
      const left = end - this.host.monotonicMs();
      if (left <= 0) return;
      this.host.wait(left);
    }
  }

  /** Bytes of stdin that can be read without blocking, or -1 when the host cannot tell. */
  stdinAvailable(): number { return this.host.stdinReady ? this.host.stdinReady(0) : -1; }

  /**
   * Waits up to ms for stdin input (`forStdin`) or for time to pass, as a board's waits do with
   * MICROPY_EVENT_POLL_HOOK: soft IRQs run and Ctrl-C raises KeyboardInterrupt first. Returns
   * early when input arrives or something needs attention, so callers loop.
   */
  pollWait(ms: number, forStdin: boolean): void {
    this.tick();
    if (ms <= 0) return;
    if (forStdin && this.host.stdinReady) this.host.stdinReady(Math.min(ms, 1000));
    else this.host.wait(ms);
  }

  /** One byte of stdin as host.readByte() gives it (-1 end, -2 interrupt), running soft IRQs
   *  while none is there when the host can tell. */
  readByte(): number {
    if (this.host.stdinReady) while (this.host.stdinReady(0) <= 0) this.pollWait(Infinity, true);
    return this.host.readByte();
  }

  readLine(): string {
    const bytes: number[] = [];
    for (;;) {
      const b = this.readByte();
      if (b === -2) throw raiseOf(mkExc('KeyboardInterrupt'));
      if (b === -1) { if (!bytes.length) throw raiseOf(mkExc('EOFError')); break; }
      if (b === 10) break;
      if (b === 13) continue;
      bytes.push(b);
    }
    return decodeUtf8(Uint8Array.from(bytes)) ?? String.fromCharCode(...bytes);
  }

  // #region running code

  private materialize(consts: ConstDesc[]): PyObj[] {
    return consts.map((c) => {
      switch (c.t) {
        case 'int': return BigInt(c.v);
        case 'float': return new PyFloat(Number(c.v));
        case 'complex': return this.makeComplex(Number(c.v));
        case 'bytes': return new PyBytes(fromLatin1(c.v));
        default: return c.v;
      }
    });
  }

  makeComplex(imag: number): PyObj { return new PyComplex(0, imag); }

  /** Compiles source into a JS function bound to the given globals. */
  compileFn(source: string, filename: string, mode: 'exec' | 'single' | 'eval', g: Record<string, PyObj>): () => PyObj {
    let factory;
    let K;
    try {
      // compiling costs interrupt ticks like running does (exec() in a loop still polls for Ctrl-C)
      rt.ticks -= 50 + (source.length >> 4);
      // the source is in the heap while it compiles, and its bytecode stays (about a third)
      need(source.length);
      const cm = compile(source, filename, mode);
      charge(source.length >> 2);
      K = this.materialize(cm.consts);
      factory = new Function('$R', 'G', 'B', '$K', cm.code) as (r: PyObj, g: PyObj, b: PyObj, k: PyObj[]) => () => PyObj;
    } catch (e) {
      if (e instanceof SyntaxErr) {
        const x = mkExc(e.kind, e.message);
        x.tb.push(filename, e.line, e.scope);
        throw raiseOf(x);
      }
      // a parser, compiler or V8 limit (deep nesting): the Python error, never the JS one
      throw caught(e);
    }
    return factory(rt, g, this.builtins.g, K);
  }

  runIn(g: Record<string, PyObj>, f: () => PyObj): PyObj {
    const prev = this.enter();
    this.globalsStack.push(g);
    try { return f(); } catch (e) { throw caught(e); } finally { this.globalsStack.pop(); this.leave(prev); }
  }

  exec(source: string, filename = '<stdin>', mode: 'exec' | 'single' = 'exec'): void {
    const prev = this.enter();
    try {
      const fn = this.compileFn(source, filename, mode, this.main.g);
      // as pyexec does for file input (a script, main.py, raw-REPL code); not for REPL lines
      if (mode === 'exec') this.main.g.__file__ = filename;
      this.runIn(this.main.g, fn);
    } finally { this.leave(prev); }
  }

  currentGlobals(): Record<string, PyObj> { return this.globalsStack[this.globalsStack.length - 1] ?? this.main.g; }

  globalsDict(): PyDict {
    const d = new GlobalsDict(this.currentGlobals());
    return d;
  }

  /** exec()/eval() builtins. */
  execIn(src: PyObj, globals: PyObj, mode: 'exec' | 'eval'): PyObj {
    let g = this.currentGlobals();
    if (globals instanceof GlobalsDict) g = globals.g;
    else if (globals instanceof PyDict) {
      const obj: Record<string, PyObj> = Object.create(null);
      for (const [k, v] of globals.entries()) obj[ops.str(k)] = v;
      g = obj;
      try { return this.runCode(src, g, mode); } finally { for (const k of Object.keys(obj)) globals.set(k, obj[k]); }
    }
    return this.runCode(src, g, mode);
  }

  private runCode(src: PyObj, g: Record<string, PyObj>, mode: 'exec' | 'eval'): PyObj {
    let source: string; let filename = '<string>';
    if (src instanceof PyCode) { source = src.source; filename = src.filename; mode = src.mode === 'eval' ? 'eval' : 'exec'; }
    else if (typeof src === 'string') source = src;
    else if (src instanceof PyBytes) source = fromUtf8(src.b);
    else throw pyErr('TypeError', 'exec() arg 1 must be a string, bytes or code object');
    if (mode === 'eval') source = source.replace(/^\s+/, '');
    const fn = this.compileFn(source, filename, mode, g);
    return this.runIn(g, fn);
  }

  compileObj(source: string, filename: string, mode: string): PyCode {
    this.compileFn(source, filename, mode === 'eval' ? 'eval' : 'exec', this.currentGlobals());
    return new PyCode(source, filename, mode);
  }

  /** Runs a file from the board filesystem as a script (execfile). */
  execFile(path: string): void {
    const src = this.readText(path);
    const fn = this.compileFn(src, path, 'exec', this.main.g);
    this.main.g.__file__ = path;
    this.runIn(this.main.g, fn);
  }

  // #endregion

  // #region imports

  /** `import name` (asLeaf: return the leaf module instead of the top package). */
  importName(name: string, asLeaf: boolean, g: PyObj): PyObj {
    void g;
    const parts = name.split('.');
    let top: PyModule | null = null;
    let cur: PyModule | null = null;
    let full = '';
    for (const p of parts) {
      full = full ? full + '.' + p : p;
      const m = this.loadModule(full, cur);
      if (cur) cur.g[p] = m;
      cur = m;
      if (!top) top = m;
    }
    return asLeaf ? cur : top;
  }

  importFrom(name: string, level: number, g: PyObj): PyObj {
    let full = name;
    if (level > 0) {
      const pkg: string = g.__package__ ?? (g.__path__ !== undefined ? g.__name__ : String(g.__name__ ?? '').split('.').slice(0, -1).join('.'));
      if (!pkg) throw pyErr('ImportError', "can't perform relative import");
      const base = pkg.split('.');
      if (level - 1 > base.length) throw pyErr('ImportError', "can't perform relative import");
      const prefix = base.slice(0, base.length - (level - 1)).join('.');
      full = name ? prefix + '.' + name : prefix;
    }
    return this.importName(full, true, g);
  }

  importStar(m: PyObj, g: Record<string, PyObj>): void {
    if (!(m instanceof PyModule)) return;
    const all = m.g.__all__;
    const names: string[] = all !== undefined ? ops.toArray(all).map(ops.str) : Object.keys(m.g).filter((k) => !k.startsWith('_'));
    for (const k of names) g[k] = m.g[k];
  }

  tryImportSub(m: PyModule, name: string): PyObj {
    if (m.g.__path__ === undefined) return undefined;
    try { return this.importName(m.name + '.' + name, true, m.g); } catch (e) {
      if (e instanceof PyRaise && e.exc.$type === excType('ImportError')) return undefined;
      throw e;
    }
  }

  private loadModule(full: string, parent: PyModule | null): PyModule {
    const have = this.modules.get(full);
    if (have) return have;
    const reg = this.registered.get(full) ?? this.registered.get(full.replace(/^u/, ''));
    if (reg && !parent && !this.fallbacks.has(full)) { const m = reg(this); this.modules.set(full, m); return m; }
    // filesystem: package dir with __init__.py or module.py along sys.path (on any mount)
    const rel = full.split('.');
    const dirs = parent ? [String(parent.g.__path__)] : this.sysPath();
    if (this.mounts.size) {
      const leaf = rel[rel.length - 1];
      for (const d of dirs) {
        const base = this.resolvePath(d === '' ? '.' : d);
        const join = (a: string, b: string) => (a === '/' ? '/' + b : a + '/' + b);
        // the name shown in tracebacks is the path as sys.path spells it ('mod.py', '/lib/mod.py')
        const shown = (p: string) => (d === '' ? p.slice(base === '/' ? 1 : base.length + 1) : d.replace(/\/$/, '') + '/' + p.slice(base === '/' ? 1 : base.length + 1));
        const pkgDir = join(base, leaf);
        const file = pkgDir + '.py';
        if (kindAt(this.mounts, file) === 'file') return this.execModule(full, file, null, shown(file));
        if (kindAt(this.mounts, pkgDir) === 'dir') {
          const init = join(pkgDir, '__init__.py');
          return this.execModule(full, kindAt(this.mounts, init) === 'file' ? init : null, pkgDir, shown(init));
        }
      }
    }
    if (!parent) {
      if (reg) { const m = reg(this); this.modules.set(full, m); return m; }
      const factory = builtinModules[full] ?? (full.startsWith('u') ? builtinModules[full.slice(1)] : undefined);
      if (factory) { const m = factory(this); this.modules.set(full, m); return m; }
    }
    throw pyErr('ImportError', `no module named '${full}'`);
  }

  private sysPath(): string[] {
    const sys = this.modules.get('sys');
    if (sys && sys.g.path instanceof PyList) return sys.g.path.items.map(ops.str);
    return this.path;
  }

  private execModule(full: string, file: string | null, pkgDir: string | null, shown = file ?? ''): PyModule {
    const m = new PyModule(full);
    if (file) m.g.__file__ = shown;
    if (pkgDir) { m.g.__path__ = pkgDir; m.g.__package__ = full; }
    else m.g.__package__ = full.split('.').slice(0, -1).join('.');
    this.modules.set(full, m);
    if (file) {
      try {
        const src = this.readText(file);
        const fn = this.compileFn(src, shown, 'exec', m.g);
        this.runIn(m.g, fn);
      } catch (e) { this.modules.delete(full); throw e; }
    }
    return m;
  }

  readText(path: string): string {
    const [m, sub] = this.mounts.lookup(this.resolvePath(path));
    const total = m.kind === 'py' ? readPyFile(m.obj, sub) : this.readNative(m.fs, sub);
    return decodeUtf8(total) ?? latin1(total);
  }

  private readNative(fs: NonNullable<HostIO['fs']>, p: string): Uint8Array {
    try {
      const h = fs.open(p, 'r');
      const chunks: Uint8Array[] = [];
      try { for (;;) { const c = fs.read(h, 65536); if (!c.length) break; chunks.push(c); } } finally { fs.close(h); }
      return concat(chunks);
    } catch (e) { throw this.fsError(e); }
  }

  /** Turns an FsError into OSError(errno). */
  fsError(e: unknown): unknown {
    if (e instanceof FsError) return raiseOf(mkExc('OSError', e.errno));
    return e;
  }

  /** Absolute, normalised board path for a user path (cwd and '..' resolved). */
  resolvePath(p: string): string {
    const parts = (p.startsWith('/') ? p : this.cwd + '/' + p).split('/');
    const out: string[] = [];
    for (const s of parts) {
      if (!s || s === '.') continue;
      if (s === '..') out.pop(); else out.push(s);
    }
    return '/' + out.join('/');
  }

  open(args: PyObj[], kw: Kw): PyObj {
    const io = this.importName('io', true, this.main.g) as PyModule;
    return ops.callObj(io.g.open, args, kw);
  }

  // #endregion

  // #region tracebacks

  formatException(exc: PyExc): string {
    let out = 'Traceback (most recent call last):\n';
    const tb = exc.tb;
    for (let i = tb.length - 3; i >= 0; i -= 3) {
      out += `  File "${tb[i]}", line ${tb[i + 1]}` + (tb[i + 2] === null ? '\n' : `, in ${tb[i + 2]}\n`);
    }
    return out + this.excLine(exc);
  }

  excLine(exc: PyExc): string {
    let msg: string;
    try {
      const a = exc.args.items;
      if (a.length === 1 && exc.$type.isSubtype(excType('OSError')) && typeof a[0] === 'number') msg = ops.excStr(exc);
      else msg = a.length === 0 ? '' : a.length === 1 ? ops.str(a[0]) : ops.repr(exc.args);
    } catch { msg = '<exception str() failed>'; }
    return `${exc.$type.name}: ${msg}\n`;
  }

  // #endregion
}

/** globals() result: a dict view that writes through to the module's globals object. */
export class GlobalsDict extends PyDict {
  constructor(readonly g: Record<string, PyObj>) {
    super();
    for (const k of Object.keys(g)) super.set(k, g[k]);
  }
  override set(k: PyObj, v: PyObj): void { super.set(k, v); if (typeof k === 'string') this.g[k] = v; }
  override delete(k: PyObj): PyObj { if (typeof k === 'string') delete this.g[k]; return super.delete(k); }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const total = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0; for (const c of chunks) { total.set(c, o); o += c.length; }
  return total;
}

/** A whole file of a mounted Python VFS, read as a board's importer reads it: open(path, 'rb'), then
 *  readinto() a small buffer until it gives 0 (read() when the file object has no readinto). */
function readPyFile(vfs: PyObj, path: string): Uint8Array {
  const f = ops.cm2(vfs, 'open', path, 'rb');
  const chunks: Uint8Array[] = [];
  try {
    if (ops.gaOpt(f, 'readinto') === undefined) {
      const data = ops.cm0(f, 'read');
      chunks.push(data instanceof PyBytes ? data.b : utf8Of(data));
    } else {
      for (;;) {
        const buf = new PyByteArray(new Uint8Array(256));
        const n = Number(ops.cm1(f, 'readinto', buf));
        if (!(n > 0)) break;
        chunks.push(buf.bytes.slice(0, n));
      }
    }
  } finally { ops.cm0(f, 'close'); }
  return concat(chunks);
}

function utf8Of(x: PyObj): Uint8Array {
  if (typeof x === 'string') return utf8(x);
  throw typeError('read() must return bytes');
}

export { PyBuiltin, None, PyTuple, parseIntStr };
