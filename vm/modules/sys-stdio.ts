// sys.stdin, sys.stdout and sys.stderr as a board has them (shared/runtime/sys_stdio_mphal.c):
// three TextIOWrapper streams over the one serial port (stdin turns CR into LF, so readline()
// returns on Enter; stdout and stderr cook LF into CR LF), and under `.buffer` one FileIO that
// reads stdin and writes stdout as raw bytes (tools such as mpremote's `mount` speak binary over it).

import { PyType, objectType, None, methods, type PyObj } from '../objects/object';
import { PyBytes, utf8, fromUtf8, decodeUtf8, needBuffer } from '../objects/bytes';
import { PyList } from '../objects/list';
import { PyIter } from '../objects/iterator';
import { raiseOf, mkExc, pyErr } from '../objects/exception';
import type { Interp } from '../runtime/interp';
import { argNum } from '../runtime/args';
import * as ops from '../runtime/ops';

const textType = new PyType('TextIOWrapper', [objectType]);
const bufferType = new PyType('FileIO', [objectType]);
for (const t of [textType, bufferType]) t.module = 'io';

const EPERM = 1;

/** One of the stdio streams: fd 0 reads, fd 1 and 2 write; the binary `.buffer` does both. */
export class PyStdio extends PyIter {
  /** sys.stdout is print()'s own stream: print(file=sys.stdout) writes as print() does. */
  readonly $isStdout: boolean;
  constructor(readonly interp: Interp, readonly fd: number, readonly binary: boolean) {
    super();
    this.$type = binary ? bufferType : textType;
    this.$isStdout = !binary && fd !== 0;
  }

  /** select.poll on stdio (mp_hal_stdio_poll): readable when a byte is waiting, always writable. */
  $poll(flags: number): number { return ((flags & 1) && this.interp.stdinAvailable() !== 0 ? 1 : 0) | (flags & 4); }

  private canRead(): void { if (!this.binary && this.fd !== 0) throw raiseOf(mkExc('OSError', EPERM)); }

  /** One byte of stdin (CR read as LF on the text stream); -1 at the end of input. */
  byte(): number {
    const b = this.interp.readByte();
    if (b === -2) throw raiseOf(mkExc('KeyboardInterrupt'));
    return b === 13 && !this.binary ? 10 : b;
  }

  /** Up to n bytes (n < 0: until the end of input); stops after LF when `line`. */
  bytes(n: number, line = false): Uint8Array {
    this.canRead();
    const out: number[] = [];
    while (n < 0 || out.length < n) {
      const b = this.byte();
      if (b < 0) break;
      out.push(b);
      if (line && b === 10) break;
    }
    return Uint8Array.from(out);
  }

  /** n characters of UTF-8 text (stream_read_generic counts characters on a text stream). */
  chars(n: number): Uint8Array {
    this.canRead();
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const lead = this.byte();
      if (lead < 0) break;
      out.push(lead);
      const more = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
      for (let k = 0; k < more; k++) { const b = this.byte(); if (b < 0) return Uint8Array.from(out); out.push(b); }
    }
    return Uint8Array.from(out);
  }

  result(b: Uint8Array): PyObj { return this.binary ? new PyBytes(b) : fromUtf8(b); }

  next(): PyObj { const l = this.bytes(-1, true); return l.length ? this.result(l) : undefined; }
}

function S(a: PyObj[]): PyStdio {
  if (!(a[0] instanceof PyStdio)) throw pyErr('TypeError', 'stdio stream expected');
  return a[0];
}

const optNum = (a: PyObj[], i: number) => (a.length > i && a[i] !== None ? argNum(a[i]) : -1);

const stdioMethods = {
  // read([size]): size characters (text) or bytes (buffer); all input when size is omitted or < 0
  read: (a: PyObj[]) => { const s = S(a); const n = optNum(a, 1); return s.result(n >= 0 && !s.binary ? s.chars(n) : s.bytes(n)); },
  // readinto(buf[, nbytes]): fills buf (or its first nbytes) and returns the count
  readinto: (a: PyObj[]) => {
    const s = S(a); const target = needBuffer(a[1]);
    const n = a.length > 2 ? Math.min(argNum(a[2]), target.length) : target.length;
    const data = s.bytes(n);
    target.set(data);
    return data.length;
  },
  // readline([size])
  readline: (a: PyObj[]) => { const s = S(a); return s.result(s.bytes(optNum(a, 1), true)); },
  readlines: (a: PyObj[]) => { const s = S(a); const out: PyObj[] = []; for (let l = s.next(); l !== undefined; l = s.next()) out.push(l); return new PyList(out); },
  // write(buf[, max_len[, off]]): the count of bytes written (mp_stream_write_method)
  write: (a: PyObj[]) => {
    const s = S(a);
    if (!s.binary && s.fd === 0) throw raiseOf(mkExc('OSError', EPERM));
    const all = typeof a[1] === 'string' ? utf8(a[1]) : needBuffer(a[1]);
    const off = a.length > 3 ? Math.max(0, Math.min(argNum(a[3]), all.length)) : 0;
    const len = a.length > 2 ? Math.max(0, Math.min(argNum(a[2]), all.length - off)) : all.length - off;
    const data = all.subarray(off, off + len);
    if (s.binary) s.interp.writeBytes(data);
    else {
      const text = typeof a[1] === 'string' && len === all.length ? a[1] : decodeUtf8(data);
      // bytes that are not UTF-8 still go out as they are, LF cooked to CR LF as the board does
      if (text === null) s.interp.writeBytes(Uint8Array.from([...data].flatMap((b) => (b === 10 ? [13, 10] : [b]))));
      else s.interp.write(text);
    }
    return data.length;
  },
  close: (a: PyObj[]) => a[0],
  __enter__: (a: PyObj[]) => a[0],
  __exit__: () => None,
  __iter__: (a: PyObj[]) => a[0],
  __next__: (a: PyObj[]) => { const v = S(a).next(); if (v === undefined) throw pyErr('StopIteration'); return v; },
  __repr__: (a: PyObj[]) => `<io.${ops.typeName(a[0])} ${S(a).binary ? 0 : S(a).fd}>`,
};
methods(textType, stdioMethods);
methods(bufferType, stdioMethods);

/** The three streams of one interpreter, sharing one `.buffer`. */
export function makeStdio(interp: Interp): { stdin: PyStdio; stdout: PyStdio; stderr: PyStdio } {
  const buffer = new PyStdio(interp, 0, true);
  const [stdin, stdout, stderr] = [0, 1, 2].map((fd) => new PyStdio(interp, fd, false));
  for (const s of [stdin, stdout, stderr]) s.$d = new Map([['buffer', buffer as PyObj]]);
  return { stdin, stdout, stderr };
}
