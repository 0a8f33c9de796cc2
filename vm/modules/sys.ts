// sys: argv, path, modules, implementation, platform, version(_info), byteorder, maxsize,
// stdin/stdout/stderr, print_exception, exit.

import { PyType, objectType, None, methods, PyInstance, type PyObj } from '../objects/object';
import { PyTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyDict } from '../objects/dict';
import { PyModule } from '../objects/module';
import { PyExc, raiseOf, mkExc, typeError } from '../objects/exception';
import { PyBytes, fromUtf8, needBuffer } from '../objects/bytes';
import type { Interp } from '../runtime/interp';
import * as ops from '../runtime/ops';
import { nativeModule } from './util';

/** sys.modules: a dict that writes through to the interpreter's module table. */
class ModulesDict extends PyDict {
  constructor(private interp: Interp) { super(); for (const [k, v] of interp.modules) super.set(k, v); }
  override set(k: PyObj, v: PyObj): void { super.set(k, v); if (typeof k === 'string' && v instanceof PyModule) this.interp.modules.set(k, v); }
  override delete(k: PyObj): PyObj { if (typeof k === 'string') this.interp.modules.delete(k); return super.delete(k); }
  override get(k: PyObj): PyObj { if (typeof k === 'string' && this.interp.modules.has(k)) return this.interp.modules.get(k); return super.get(k); }
}

const stdioType = new PyType('FileIO', [objectType]);
/** sys.stdin.buffer: the same input as bytes, as a tool reads binary data sent over the serial line. */
const stdinBufferType = new PyType('FileIO', [objectType]);
const implType = new PyType('implementation', [objectType]);

export function makeSys(interp: Interp): PyModule {
  const impl = interp.impl;
  const stdout = new PyInstance(stdioType); (stdout as unknown as { $isStdout: boolean }).$isStdout = true;
  const stderr = new PyInstance(stdioType); (stderr as unknown as { $isStdout: boolean }).$isStdout = true;
  const stdin = new PyInstance(stdioType);
  methods(stdioType, {
    write: (a) => { const s = a[1] instanceof PyBytes ? fromUtf8(a[1].b) : ops.str(a[1]); interp.write(s); return s.length; },
    read: (a) => readStdinText(a.length > 1 ? Number(a[1]) : -1),
    readline: () => interp.readLine() + '\n',
    flush: () => None,
    fileno: (a) => (a[0] === stdin ? 0 : a[0] === stdout ? 1 : 2),
  });
  /** Up to n bytes of stdin (n < 0: until end of input); blocks like a board's stdin. */
  const readStdin = (n: number, toNewline = false): Uint8Array => {
    const out: number[] = [];
    while (n < 0 || out.length < n) {
      const b = interp.readByte();
      if (b === -2) throw raiseOf(mkExc('KeyboardInterrupt'));
      if (b < 0) break;
      out.push(b);
      if (toNewline && b === 10) break;
    }
    return Uint8Array.from(out);
  };
  /** sys.stdin.read(n): stdin is a text stream, so n counts UTF-8 characters (all input when n < 0). */
  const readStdinText = (n: number): string => {
    if (n < 0) return fromUtf8(readStdin(-1));
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const lead = readStdin(1);
      if (!lead.length) break;
      out.push(lead[0]);
      const more = lead[0] >= 0xf0 ? 3 : lead[0] >= 0xe0 ? 2 : lead[0] >= 0xc0 ? 1 : 0;
      const rest = readStdin(more);
      out.push(...rest);
      if (rest.length < more) break;
    }
    return fromUtf8(Uint8Array.from(out));
  };
  const stdinBuffer = new PyInstance(stdinBufferType);
  methods(stdinBufferType, {
    read: (a) => new PyBytes(readStdin(a.length > 1 && a[1] !== None ? Number(a[1]) : -1)),
    // readinto(buf[, nbytes]): fills buf (or its first nbytes) and returns the count
    readinto: (a) => {
      const target = needBuffer(a[1]);
      const data = readStdin(Math.min(target.length, a.length > 2 ? Number(a[2]) : target.length));
      target.set(data);
      return data.length;
    },
    readline: () => new PyBytes(readStdin(-1, true)),
    fileno: () => 0,
  });
  stdout.$d.set('buffer', stdout); stderr.$d.set('buffer', stderr); stdin.$d.set('buffer', stdinBuffer);
  // select.poll on stdio (mp_hal_stdio_poll): the board has one serial port behind all three,
  // readable when a byte is waiting (always, when the host cannot tell) and writable
  const pollStdio = (flags: number): number => ((flags & 1) && interp.stdinAvailable() !== 0 ? 1 : 0) | (flags & 4);
  for (const o of [stdin, stdout, stderr, stdinBuffer]) (o as unknown as { $poll: typeof pollStdio }).$poll = pollStdio;
  const implObj = new PyInstance(implType);
  implObj.$d.set('name', impl.name);
  implObj.$d.set('version', new PyTuple([...impl.version, '']));
  implObj.$d.set('_machine', impl.machine);
  implObj.$d.set('_mpy', 6 | (6 << 8));
  methods(implType, { __repr__: (a) => { const d = (a[0] as PyInstance).$d; return `(name='${d.get('name')}', version=${ops.repr(d.get('version'))}, _machine='${d.get('_machine')}', _mpy=${d.get('_mpy')})`; } });
  const m = nativeModule('sys', {
    // sys.exit([code])
    exit: (a) => { throw raiseOf(a.length ? mkExc('SystemExit', a[0]) : mkExc('SystemExit')); },
    // sys.print_exception(exc, file=sys.stdout)
    print_exception: (a) => {
      const e = a[0];
      if (!(e instanceof PyExc)) throw typeError('print_exception: exception expected');
      const text = interp.formatException(e);
      const file = a[1];
      if (file !== undefined && file !== None && file !== stdout && file !== stderr) ops.cm1(file, 'write', text);
      else interp.write(text);
      return None;
    },
    exc_info: () => new PyTuple([None, None, None]),
    getrecursionlimit: () => interp.maxDepth,
    settrace: () => None,
    atexit: () => None,
    intern: (a) => a[0],
  }, {
    argv: new PyList(interp.argv.slice()),
    path: new PyList(interp.path.slice()),
    implementation: implObj,
    platform: impl.platform,
    version: impl.versionString,
    version_info: new PyTuple([3, 4, 0]),
    byteorder: 'little',
    maxsize: 2 ** 31 - 1,
    stdout, stderr, stdin,
  });
  m.g.modules = new ModulesDict(interp);
  return m;
}
