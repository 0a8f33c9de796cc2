// io: open() on the board filesystem (VmFilesystem), StringIO and BytesIO.
// Text files decode UTF-8; positions are byte offsets, as on MicroPython, while read(n) on a
// text stream counts characters (py/stream.c stream_read_generic).

import { PyType, objectType, None, methods, type PyObj, type Kw } from '../objects/object';
import { pyErr, typeError, raiseOf, mkExc } from '../objects/exception';
import { PyBytes, PyByteArray, utf8, fromUtf8, bufferOf } from '../objects/bytes';
import { PyList } from '../objects/list';
import { PyIter } from '../objects/iterator';
import type { PyModule } from '../objects/module';
import type { Interp } from '../runtime/interp';
import { argsByName, argNum, argStr } from '../runtime/args';
import * as ops from '../runtime/ops';
import { nativeModule } from './util';
import type { NativeMount } from '../runtime/mount-table';

export const textIOType = new PyType('TextIOWrapper', [objectType]);
export const fileIOType = new PyType('FileIO', [objectType]);
export const stringIOType = new PyType('StringIO', [objectType]);
export const bytesIOType = new PyType('BytesIO', [objectType]);
for (const t of [textIOType, fileIOType, stringIOType, bytesIOType]) t.module = 'io';

/** A stream: a board file or an in-memory buffer. */
export class PyStream extends PyIter {
  closed = false;
  /** In-memory contents (StringIO/BytesIO). */
  buf: Uint8Array = new Uint8Array(0);
  len = 0;
  pos = 0;
  constructor(type: PyType, public text: boolean, public interp: Interp | null, public handle: number, public readable: boolean, public writable: boolean, public memory: boolean) {
    super();
    this.$type = type;
  }
  private fs() { const fs = this.interp?.host.fs; if (!fs) throw raiseOf(mkExc('OSError', 19)); return fs; }
  check(): void { if (this.closed) throw pyErr('ValueError', 'I/O operation on closed file'); }
  wrap<T>(f: () => T): T { try { return f(); } catch (e) { throw this.interp ? this.interp.fsError(e) : e; } }

  readBytes(n: number): Uint8Array {
    this.check();
    if (!this.readable) throw raiseOf(mkExc('OSError', 9));
    if (this.memory) {
      const end = n < 0 ? this.len : Math.min(this.len, this.pos + n);
      const r = this.buf.slice(this.pos, Math.max(this.pos, end));
      this.pos += r.length;
      return r;
    }
    return this.wrap(() => {
      const fs = this.fs();
      if (n >= 0) return fs.read(this.handle, n);
      const chunks: Uint8Array[] = [];
      let total = 0;
      for (;;) { const c = fs.read(this.handle, 4096); if (!c.length) break; chunks.push(c); total += c.length; }
      const out = new Uint8Array(total); let o = 0;
      for (const c of chunks) { out.set(c, o); o += c.length; }
      return out;
    });
  }

  /** read(n) on a text stream: the bytes of n characters. Like MicroPython it never reads past
   *  them (a stream has no buffer to give bytes back to): it reads as many bytes as characters are
   *  still wanted, then again for whatever the last character lacks, until n are whole. */
  readCharBytes(n: number): Uint8Array {
    let buf = new Uint8Array(0);
    let counted = 0; // bytes already counted as whole characters
    for (let more = n; more > 0;) {
      const got = this.readExactly(more);
      if (!got.length) break;
      const nb = new Uint8Array(buf.length + got.length); nb.set(buf); nb.set(got, buf.length); buf = nb;
      for (;;) {
        const b = buf[counted];
        // a stray continuation byte counts as 5, as in MicroPython; decoding then fails anyway
        const len = b < 0x80 ? 1 : (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 5;
        if (counted + len > buf.length) { more = counted + len - buf.length + n - 1; break; }
        counted += len; n--;
        if (counted >= buf.length) { more = n; break; }
      }
    }
    return buf;
  }

  /** n bytes, fewer only at the end of the stream (mp_stream_read_exactly). */
  private readExactly(n: number): Uint8Array {
    const first = this.readBytes(n);
    if (first.length === n || !first.length || this.memory) return first;
    const out = new Uint8Array(n); out.set(first);
    let got = first.length;
    while (got < n) { const c = this.readBytes(n - got); if (!c.length) break; out.set(c, got); got += c.length; }
    return out.slice(0, got);
  }

  readLineBytes(limit: number): Uint8Array {
    const out: number[] = [];
    while (limit < 0 || out.length < limit) {
      const b = this.readBytes(1);
      if (!b.length) break;
      out.push(b[0]);
      if (b[0] === 10) break;
    }
    return Uint8Array.from(out);
  }

  writeBytes(b: Uint8Array): number {
    this.check();
    if (!this.writable) throw raiseOf(mkExc('OSError', 9));
    if (this.memory) {
      const end = this.pos + b.length;
      if (end > this.buf.length) { const nb = new Uint8Array(Math.max(end, this.buf.length * 2)); nb.set(this.buf.subarray(0, this.len)); this.buf = nb; }
      this.buf.set(b, this.pos);
      this.pos = end;
      if (end > this.len) this.len = end;
      return b.length;
    }
    return this.wrap(() => this.fs().write(this.handle, b));
  }

  seek(off: number, whence: 0 | 1 | 2): number {
    this.check();
    // "In POSIX, it's error to seek before end of stream" (py/stream.c mp_stream_seek)
    if (whence === 0 && off < 0) throw raiseOf(mkExc('OSError', 22));
    if (this.memory) {
      const base = whence === 0 ? 0 : whence === 1 ? this.pos : this.len;
      this.pos = Math.max(0, base + off);
      return this.pos;
    }
    return this.wrap(() => this.fs().seek(this.handle, off, whence));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.memory) this.wrap(() => this.fs().close(this.handle));
  }

  /** Text that is not whole UTF-8 (a read from the middle of a character) is a UnicodeError. */
  decode(b: Uint8Array): PyObj { return this.text ? fromUtf8(b) : new PyBytes(b); }

  next(): PyObj {
    const line = this.readLineBytes(-1);
    return line.length ? this.decode(line) : undefined;
  }
}

function S(a: PyObj[]): PyStream {
  const s = a[0];
  if (!(s instanceof PyStream)) throw typeError('stream expected');
  return s;
}

const streamMethods = {
  // f.read([size])
  read: (a: PyObj[]) => {
    const s = S(a);
    const n = a.length > 1 ? argNum(a[1]) : -1;
    return s.decode(n >= 0 && s.text ? s.readCharBytes(n) : s.readBytes(n));
  },
  // f.readline([size])
  readline: (a: PyObj[]) => { const s = S(a); return s.decode(s.readLineBytes(a.length > 1 ? argNum(a[1]) : -1)); },
  // f.write(data)
  write: (a: PyObj[]) => {
    const s = S(a); const x = a[1];
    if (s.text) {
      if (typeof x !== 'string') throw typeError(`can't convert '${ops.typeName(x)}' object to str implicitly`);
      s.writeBytes(utf8(x));
      return ops.strLen(x);
    }
    const b = bufferOf(x);
    if (!b) throw typeError('object with buffer protocol required');
    return s.writeBytes(b);
  },
  // f.readinto(buf[, nbytes])
  readinto: (a: PyObj[]) => {
    const s = S(a); const target = bufferOf(a[1]);
    if (!target) throw typeError('object with buffer protocol required');
    const n = a.length > 2 ? Math.min(argNum(a[2]), target.length) : target.length;
    const r = s.readBytes(n);
    target.set(r);
    return r.length;
  },
  // f.seek(offset[, whence])
  seek: (a: PyObj[]) => S(a).seek(argNum(a[1]), (a.length > 2 ? argNum(a[2]) : 0) as 0 | 1 | 2),
  tell: (a: PyObj[]) => S(a).seek(0, 1),
  flush: (a: PyObj[]) => { const s = S(a); s.check(); if (!s.memory) s.wrap(() => s.interp!.host.fs!.flush(s.handle)); return None; },
  close: (a: PyObj[]) => { S(a).close(); return None; },
  __enter__: (a: PyObj[]) => a[0],
  __exit__: (a: PyObj[]) => { S(a).close(); return None; },
  __iter__: (a: PyObj[]) => a[0],
  __next__: (a: PyObj[]) => { const v = S(a).next(); if (v === undefined) throw pyErr('StopIteration'); return v; },
  __del__: () => None,
};
// files have readlines, StringIO and BytesIO do not (py/objstringio.c)
const fileMethods = {
  ...streamMethods,
  readlines: (a: PyObj[]) => { const s = S(a); const out: PyObj[] = []; for (;;) { const l = s.readLineBytes(-1); if (!l.length) break; out.push(s.decode(l)); } return new PyList(out); },
};

methods(textIOType, { ...fileMethods, __repr__: (a) => `<io.TextIOWrapper ${ops.hexId(a[0])}>` });
methods(fileIOType, { ...fileMethods, __repr__: (a) => `<io.FileIO ${ops.hexId(a[0])}>` });
methods(stringIOType, { ...streamMethods, getvalue: (a) => { const s = S(a); s.check(); return fromUtf8(s.buf.slice(0, s.len)); }, __repr__: (a) => `<io.StringIO ${ops.hexId(a[0])}>` });
methods(bytesIOType, { ...streamMethods, getvalue: (a) => { const s = S(a); s.check(); return new PyBytes(s.buf.slice(0, s.len)); }, __repr__: (a) => `<io.BytesIO ${ops.hexId(a[0])}>` });

function memStream(type: PyType, text: boolean, init: PyObj): PyStream {
  const s = new PyStream(type, text, null, 0, true, true, true);
  if (init !== undefined && init !== None) {
    let b: Uint8Array;
    if (text) { if (typeof init !== 'string') throw typeError("can't convert to str implicitly"); b = utf8(init); }
    else if (typeof init === 'number') b = new Uint8Array(0);
    else { const x = bufferOf(init); if (!x) throw typeError('object with buffer protocol required'); b = x.slice(); }
    s.buf = b; s.len = b.length;
  }
  return s;
}
stringIOType.construct = (_c, a) => memStream(stringIOType, true, a[0]);
bytesIOType.construct = (_c, a) => memStream(bytesIOType, false, a[0]);

/** open(file, mode='r', buffering=-1, encoding=None): on a mounted Python VFS, whatever its open() returns. */
export function openFile(interp: Interp, args: PyObj[], kw: Kw): PyObj {
  const [file, modeArg] = argsByName(args, kw, ['file', 'mode', 'buffering', 'encoding', 'errors', 'newline', 'closefd', 'opener'], 1);
  const mode = modeArg === undefined ? 'r' : argStr(modeArg);
  if (typeof file !== 'string') throw typeError(`can't convert '${ops.typeName(file)}' object to str implicitly`);
  const [m, sub] = interp.mounts.lookup(interp.resolvePath(file));
  if (m.kind === 'py') return ops.cm2(m.obj, 'open', sub, mode);
  return openOn(interp, m, sub, mode);
}

/** Opens a file of the flash filesystem (a native mount) with a mode string. */
export function openOn(interp: Interp, m: NativeMount, path: string, mode: string): PyStream {
  let kind = ''; let plus = false; let binary = false;
  for (const c of mode) {
    if ('rwax'.includes(c)) { if (kind) throw pyErr('ValueError', 'invalid mode'); kind = c; }
    else if (c === '+') plus = true;
    else if (c === 'b') binary = true;
    else if (c === 't') binary = false;
    else throw pyErr('ValueError', 'invalid mode');
  }
  if (!kind) kind = 'r';
  let h: number;
  try { h = m.fs.open(path, (kind + (plus ? '+' : '')) as 'r'); } catch (e) { throw interp.fsError(e); }
  return new PyStream(binary ? fileIOType : textIOType, !binary, interp, h, kind === 'r' || plus, kind !== 'r' || plus, false);
}

/** io.IOBase: a user class deriving from it is a stream whose Python read/write methods
 *  native code (json.dump, print(file=...)) calls with bytearrays, as MicroPython does. */
export const ioBaseType = new PyType('IOBase', [objectType]);
ioBaseType.module = 'io';

export function makeIo(interp: Interp): PyModule {
  return nativeModule('io', {
    open: (a, kw) => openFile(interp, a, kw),
  }, { StringIO: stringIOType, BytesIO: bytesIOType, TextIOWrapper: textIOType, FileIO: fileIOType, IOBase: ioBaseType });
}

export { PyByteArray };
