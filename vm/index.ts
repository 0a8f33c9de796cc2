// Public API of the VM: the Interpreter and the native binding toolkit used by hosts and
// the board layer. Everything else in vm/ is internal.

import type { HostIO } from './host-io';
import { Interp, type InterpreterOptions, type Implementation } from './runtime/interp';
import {
  PyType, objectType, None, PyBuiltin, PyInstance, PyProperty, PyStaticMethod, PyClassMethod, typeOf, methods,
  type PyObj, type Kw, type NativeFn,
} from './objects/object';
import { PyExc, PyRaise, mkExc, raiseOf, excType, excTypes } from './objects/exception';
import { PyFloat } from './objects/float';
import { PyBytes, PyByteArray, bufferOf } from './objects/bytes';
import { PyList } from './objects/list';
import { PyTuple } from './objects/tuple';
import { PyDict } from './objects/dict';
import { PyModule } from './objects/module';
import { normBig } from './objects/int';
import * as ops from './runtime/ops';
import { caught, InternalError, HostAbort } from './runtime/glue';
import { argInt, argNum, argFloat, argStr, argBytes, arity, argsByName, noKw } from './runtime/args';
import { rt } from './runtime/state';

export type { HostIO, InterpreterOptions, Implementation, PyObj, Kw, NativeFn };
export { PyRaise, PyExc, PyModule, PyType, PyInstance, InternalError, HostAbort };
export { checkSyntax } from './compile/index';

/**
 * A Python interpreter: one instance is one fresh interpreter state (a soft reset is a new
 * instance). Code runs synchronously on the calling thread; the host supplies output,
 * blocking input, time, the filesystem and the interrupt poll (see HostIO).
 */
export class Interpreter {
  /** @internal */
  readonly vm: Interp;

  constructor(host: HostIO, options: InterpreterOptions = {}) {
    this.vm = new Interp(host, options);
  }

  /**
   * Compiles and runs source in the `__main__` globals. Mode 'single' is the REPL's: the
   * value of an expression statement is printed with repr unless it is None. Uncaught
   * Python exceptions propagate as PyRaise (format them with formatException).
   */
  exec(source: string, filename = '<stdin>', mode: 'exec' | 'single' = 'exec'): void {
    this.vm.exec(source, filename, mode);
  }

  /** The traceback text exactly as MicroPython prints it (ends with a newline). */
  formatException(exc: PyRaise | PyExc): string {
    return this.vm.formatException(exc instanceof PyRaise ? exc.exc : exc);
  }

  /** True when the thrown value is a Python SystemExit. */
  isSystemExit(e: unknown): e is PyRaise {
    return e instanceof PyRaise && e.exc.$type.isSubtype(excType('SystemExit'));
  }

  /** True when the thrown value is a Python KeyboardInterrupt. */
  isKeyboardInterrupt(e: unknown): e is PyRaise {
    return e instanceof PyRaise && e.exc.$type.isSubtype(excType('KeyboardInterrupt'));
  }

  /**
   * The process exit status for a SystemExit (as `micropython` uses it): 0 for no argument
   * or None, the int, or 1 after printing any other value.
   */
  exitCode(e: PyRaise): number {
    const a = e.exc.args.items;
    if (!a.length || a[0] === None) return 0;
    if (typeof a[0] === 'number') return a[0] & 255;
    if (typeof a[0] === 'boolean') return a[0] ? 1 : 0;
    this.vm.write(ops.str(a[0]) + '\n');
    return 1;
  }

  /**
   * Queues a soft-IRQ callback `fn(arg)` (micropython.schedule semantics): it runs at the
   * next poll point, in order; an exception in it is printed and does not stop the program.
   * Returns false when the queue is full.
   */
  schedule(fn: PyObj, arg: PyObj): boolean { return this.vm.schedule(fn, arg); }

  /**
   * One byte of stdin for a native called from running code (the board's input()): -1 at end
   * of input, -2 for Ctrl-C. Scheduled callbacks run while it waits, and may raise.
   */
  readByte(): number { return this.vm.readByte(); }

  /**
   * Registers a host-provided module (machine, board, digitalio...), created on first import.
   * With `fallback`, a module file of the same name on sys.path is imported instead, as a
   * board's frozen-in or library modules give way to a copy in its lib/ folder.
   */
  registerModule(name: string, factory: (interp: Interpreter) => PyModule, opts?: { fallback?: boolean }): void {
    this.vm.registered.set(name, () => factory(this));
    if (opts?.fallback) this.vm.fallbacks.add(name);
    else this.vm.fallbacks.delete(name);
  }

  /** Calls a Python callable from TypeScript. */
  call(fn: PyObj, ...args: PyObj[]): PyObj {
    const prev = this.vm.enter();
    try { return ops.callObj(fn, args, null); } catch (e) { throw caught(e); } finally { this.vm.leave(prev); }
  }

  /** Writes text to the program's output, as print() would. */
  write(text: string): void { this.vm.write(text); }

  /**
   * Tab completion like MicroPython's REPL: for `text` ending in a name prefix, the names
   * (globals and builtins, or attributes after a dotted expression) that start with it.
   */
  completions(text: string): string[] {
    const m = /([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\.?([A-Za-z0-9_]*)$/.exec(text);
    const prev = this.vm.enter();
    try {
      let names: string[];
      let prefix: string;
      if (m && text.endsWith('.') || (m && m[1].includes('.'))) {
        const full = text.endsWith('.') ? m![1] : m![1];
        const parts = full.split('.');
        prefix = text.endsWith('.') ? '' : (parts.pop() as string);
        let obj: PyObj = this.vm.main.g[parts[0]] ?? this.vm.builtins.g[parts[0]];
        for (const p of parts.slice(1)) { if (obj === undefined) break; obj = ops.gaOpt(obj, p); }
        if (obj === undefined) return [];
        const dir = this.vm.builtins.g.dir;
        names = (ops.callObj(dir, [obj], null) as PyList).items as string[];
      } else {
        prefix = m ? m[1] : '';
        names = [...Object.keys(this.vm.main.g), ...Object.keys(this.vm.builtins.g)];
      }
      const out = [...new Set(names.filter((n) => n.startsWith(prefix) && !(prefix === '' && n.startsWith('_'))))].sort();
      return out;
    } catch { return []; } finally { this.vm.leave(prev); }
  }

  /** The `__main__` module's globals (read-only use recommended). */
  globals(): Record<string, PyObj> { return this.vm.main.g; }

  /** The builtins namespace (a host may replace entries, e.g. a board-specific help()). */
  builtins(): Record<string, PyObj> { return this.vm.builtins.g; }
}

// #region native binding toolkit

/**
 * The native binding toolkit: build Python modules, functions and classes in TypeScript.
 *
 * @example
 * ```ts
 * import { Interpreter, native } from '../vm';
 * interp.registerModule('machine', () => {
 *   const Pin = native.defineClass({
 *     name: 'Pin',
 *     init(self, args, kw) {
 *       native.arity(args, 1, 2);
 *       self.$native = { id: native.argInt(args[0]), mode: args[1] ?? native.None };
 *     },
 *     methods: {
 *       // Pin.value([x])
 *       value(self, args) {
 *         if (args.length) { hal.write(self.$native.id, native.truthy(args[0])); return native.None; }
 *         return hal.read(self.$native.id) ? 1 : 0;
 *       },
 *     },
 *     properties: { id: { get: (self) => self.$native.id } },
 *     constants: { IN: 0, OUT: 1 },
 *   });
 *   return native.module('machine', { freq: () => 125_000_000 }, { Pin });
 * });
 * ```
 */
export const native = {
  None,
  True: true as PyObj,
  False: false as PyObj,

  /** Creates a module object with native functions and plain attributes. */
  module(name: string, fns: Record<string, NativeFn> = {}, attrs: Record<string, PyObj> = {}): PyModule {
    const m = new PyModule(name);
    for (const [k, f] of Object.entries(fns)) m.g[k] = new PyBuiltin(k, f);
    for (const [k, v] of Object.entries(attrs)) m.g[k] = v;
    return m;
  },

  /** Creates a native function: `fn(args, kw)` gets positional args and keyword args (or null). */
  func(name: string, fn: NativeFn): PyBuiltin { return new PyBuiltin(name, fn); },

  /**
   * Defines a class Python code can instantiate and subclass. `init(self, args, kw)` runs as
   * `__init__`; methods get `(self, args, kw)`; instances are PyInstance objects where you
   * may keep native state in `self.$native`.
   */
  defineClass(spec: {
    name: string;
    module?: string;
    base?: PyType;
    init?: (self: PyInstance & { $native?: unknown }, args: PyObj[], kw: Kw) => void;
    methods?: Record<string, (self: PyInstance & { $native?: PyObj }, args: PyObj[], kw: Kw) => PyObj>;
    staticmethods?: Record<string, NativeFn>;
    classmethods?: Record<string, (cls: PyType, args: PyObj[], kw: Kw) => PyObj>;
    properties?: Record<string, { get: (self: PyInstance & { $native?: PyObj }) => PyObj; set?: (self: PyInstance & { $native?: PyObj }, v: PyObj) => void }>;
    constants?: Record<string, PyObj>;
  }): PyType {
    const t = new PyType(spec.name, [spec.base ?? objectType]);
    t.$type = typeOf(objectType);
    if (!spec.base) t.alloc = (cls) => new PyInstance(cls);
    t.module = spec.module ?? spec.name;
    if (spec.init) {
      const init = spec.init;
      methods(t, { __init__: (a, kw) => { init(a[0], a.slice(1), kw); return None; } });
    }
    for (const [k, f] of Object.entries(spec.methods ?? {})) t.dict.set(k, new PyBuiltin(k, (a, kw) => f(a[0], a.slice(1), kw)));
    for (const [k, f] of Object.entries(spec.staticmethods ?? {})) t.dict.set(k, new PyStaticMethod(new PyBuiltin(k, f)));
    for (const [k, f] of Object.entries(spec.classmethods ?? {})) t.dict.set(k, new PyClassMethod(new PyBuiltin(k, (a, kw) => f(a[0], a.slice(1), kw))));
    for (const [k, p] of Object.entries(spec.properties ?? {})) {
      const get = new PyBuiltin(k, (a) => p.get(a[0]));
      const set = p.set ? new PyBuiltin(k, (a) => { (p.set as (s: PyObj, v: PyObj) => void)(a[0], a[1]); return None; }) : None;
      t.dict.set(k, new PyProperty(get, set, None, None));
    }
    for (const [k, v] of Object.entries(spec.constants ?? {})) t.dict.set(k, v);
    PyType.version++;
    return t;
  },

  /** Converts a JS value to Python: numbers (integers → int, else float), strings, booleans, null/undefined → None, arrays → list, Uint8Array → bytes, plain objects → dict. */
  toPy(v: unknown): PyObj {
    if (v === null || v === undefined) return None;
    switch (typeof v) {
      case 'number': return Number.isInteger(v) && Number.isSafeInteger(v) ? v : new PyFloat(v);
      case 'bigint': return normBig(v);
      case 'string': case 'boolean': return v;
    }
    if (v instanceof Uint8Array) return new PyBytes(v);
    if (Array.isArray(v)) return new PyList(v.map((x) => native.toPy(x)));
    if (typeof v === 'object' && (v as PyObj).$type !== undefined) return v;
    if (typeof v === 'object') { const d = new PyDict(); for (const [k, x] of Object.entries(v as object)) d.set(k, native.toPy(x)); return d; }
    return None;
  },

  /** Converts a Python value to plain JS: int → number (bigint if huge), float → number, str, bool, None → null, list/tuple → array, bytes → Uint8Array, dict → object. */
  fromPy(v: PyObj): unknown {
    if (v === None) return null;
    switch (typeof v) { case 'number': case 'bigint': case 'string': case 'boolean': return v; }
    if (v instanceof PyFloat) return v.v;
    if (v instanceof PyList || v instanceof PyTuple) return v.items.map((x) => native.fromPy(x));
    if (v instanceof PyBytes) return v.b;
    if (v instanceof PyByteArray) return v.bytes;
    if (v instanceof PyDict) { const o: Record<string, unknown> = {}; for (const [k, x] of v.entries()) o[ops.str(k)] = native.fromPy(x); return o; }
    return v;
  },

  pyInt: (n: number | bigint): PyObj => (typeof n === 'bigint' ? normBig(n) : Math.trunc(n)),
  pyFloat: (n: number): PyObj => new PyFloat(n),
  pyStr: (s: string): PyObj => s,
  pyBytes: (b: Uint8Array): PyObj => new PyBytes(b),
  pyBytearray: (b: Uint8Array): PyObj => new PyByteArray(b),
  pyList: (items: PyObj[]): PyObj => new PyList(items),
  pyTuple: (items: PyObj[]): PyObj => new PyTuple(items),
  pyDict: (entries: [PyObj, PyObj][]): PyObj => { const d = new PyDict(); for (const [k, v] of entries) d.set(k, v); return d; },

  /** Returns a PyRaise to throw: `throw native.raiseError('ValueError', 'invalid pin')`. */
  raiseError(type: string, message?: string): PyRaise {
    if (!excTypes.has(type)) type = 'RuntimeError';
    return raiseOf(message === undefined ? mkExc(type) : mkExc(type, message));
  },
  /** Returns a PyRaise for OSError(errno) (printed `OSError: [Errno 2] ENOENT`). */
  raiseOSError(errno: number): PyRaise { return raiseOf(mkExc('OSError', errno)); },

  arity, argsByName, noKw, argInt, argNum, argFloat, argStr, argBytes, bufferOf,
  truthy: ops.truthy,
  repr: ops.repr,
  str: ops.str,
  getattr: ops.ga,
  setattr: ops.sa,
  isinstance: (o: PyObj, t: PyType) => typeOf(o).isSubtype(t),
  /** Calls a Python callable (inside running code; use Interpreter.call from outside). */
  call: (fn: PyObj, ...args: PyObj[]) => ops.callObj(fn, args, null),
  /** The interpreter currently running (inside natives). */
  current: () => rt.interp as Interp,
};

// #endregion

export { PyFloat, PyBytes, PyByteArray, PyList, PyTuple, PyDict };
