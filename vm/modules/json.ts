// json: dumps/dump print objects the way MicroPython's PRINT_JSON mode does (containers and
// str as JSON, anything else as its repr); loads/load follow modjson.c's lax one-pass parser
// (commas and colons are whitespace, so "[1 2]" loads). No indent, sort_keys or hooks, as
// in MicroPython.

import { None, objectType, typeOf, type PyType, type PyObj, type Kw } from '../objects/object';
import { PyFunction } from '../objects/function';
import { PyList } from '../objects/list';
import { PyTuple } from '../objects/tuple';
import { PyDict } from '../objects/dict';
import { PyFloat, floatRepr } from '../objects/float';
import { PyBytes, PyByteArray, bufferOf, utf8, latin1, decodeUtf8 } from '../objects/bytes';
import { parseIntStr } from '../objects/int';
import { pyErr, typeError } from '../objects/exception';
import { argStr } from '../runtime/args';
import * as ops from '../runtime/ops';
import type { PyModule } from '../objects/module';
import { nativeModule } from './util';
import { namedTupleTypes, slotFunctions } from './collections';
import { ioBaseType } from './io';

interface Seps { item: string; key: string }

function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (c >= 0x20) out += ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += '\\u' + c.toString(16).padStart(4, '0');
  }
  return out + '"';
}

function bytesText(b: Uint8Array): string { return decodeUtf8(b) ?? latin1(b); }

/** Prints a value in MicroPython's PRINT_JSON mode. */
function dumpValue(x: PyObj, seps: Seps): string {
  if (x === None) return 'null';
  if (x === true) return 'true';
  if (x === false) return 'false';
  if (typeof x === 'string') return jsonString(x);
  if (typeof x === 'number' || typeof x === 'bigint') return String(x);
  if (x instanceof PyFloat) return floatRepr(x.v);
  if (x instanceof PyBytes) return jsonString(bytesText(x.b));
  const plain = !userRepr(typeOf(x));
  if ((x instanceof PyList || x instanceof PyTuple) && plain) {
    return '[' + x.items.map((v) => dumpValue(v, seps)).join(seps.item) + ']';
  }
  if (x instanceof PyDict && plain) {
    return '{' + x.entries().map(([k, v]) => {
      const ks = typeof k === 'string' ? jsonString(k) : '"' + dumpValue(k, seps) + '"';
      return ks + seps.key + dumpValue(v, seps);
    }).join(seps.item) + '}';
  }
  return ops.repr(x);
}

/** True when a Python class (or namedtuple) above the native base gives x its own print form. */
function userRepr(t: PyType): boolean {
  for (const c of t.mro) {
    if (c.native) return false;
    if (namedTupleTypes.has(c)) return true;
    const r = c.dict.get('__repr__');
    if (r !== undefined && !(r instanceof PyFunction && slotFunctions.has(r))) return true;
  }
  return false;
}

/** The native stream type that provides `method` for x, or null (user classes are not streams). */
function streamMethod(x: PyObj, method: string): PyObj {
  const t = typeOf(x);
  for (const b of t.mro) {
    if (b === objectType || !b.native) continue;
    const f = b.dict.get(method);
    if (f !== undefined) return f;
  }
  throw pyErr('OSError', 'stream operation not supported');
}

function separators(kw: Kw): Seps {
  let sep: PyObj = None;
  if (kw) {
    for (const [k, v] of kw) {
      if (k !== 'separators') throw typeError('extra keyword arguments given');
      sep = v;
    }
  }
  if (sep === None) return { item: ', ', key: ': ' };
  const items = ops.toArray(sep);
  if (items.length !== 2) throw pyErr('ValueError', `requested length 2 but object has length ${items.length}`);
  return { item: argStr(items[0]), key: argStr(items[1]) };
}

// #region parser

class Reader {
  i = 0;
  cur = 0;
  constructor(private b: Uint8Array) { this.next(); }
  /** Advances; returns the new current byte (0 at the end, as NUL is not valid JSON). */
  next(): number { this.cur = this.i < this.b.length ? this.b[this.i++] : 0; return this.cur; }
}

const fail = () => pyErr('ValueError', 'syntax error in JSON');
const isDigit = (c: number) => c >= 48 && c <= 57;

function parseNumber(s: Reader, first: number): PyObj {
  let text = String.fromCharCode(first);
  let flt = false;
  for (;;) {
    const c = s.cur;
    if (c === 46 || c === 69 || c === 101) flt = true;
    else if (!(c === 43 || c === 45 || isDigit(c))) break;
    text += String.fromCharCode(c);
    s.next();
  }
  if (flt) {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) throw pyErr('ValueError', 'invalid syntax for number');
    return new PyFloat(Number(text));
  }
  const r = parseIntStr(text, 10);
  if (r === null) {
    const shown = text[0] === '-' || text[0] === '+' ? text.slice(1) : text;
    throw pyErr('ValueError', `invalid syntax for integer with base 10: ${ops.repr(shown)}`);
  }
  return r;
}

function parseString(s: Reader): string {
  const bytes: number[] = [];
  while (s.cur !== 0 && s.cur !== 34) {
    let c = s.cur;
    if (c === 92) {
      c = s.next();
      const esc: Record<number, number> = { 98: 8, 102: 12, 110: 10, 114: 13, 116: 9 };
      if (c === 117) {
        let num = 0;
        for (let k = 0; k < 4; k++) {
          let d = ((s.next() | 0x20) - 48) & 0xff;
          if (d > 9) d = (d - 39) & 0xff;
          num = (num << 4) | d;
        }
        bytes.push(...utf8(String.fromCodePoint(Math.min(num, 0x10ffff))));
        s.next();
        continue;
      }
      if (esc[c] !== undefined) c = esc[c];
    }
    bytes.push(c);
    s.next();
  }
  if (s.cur === 0) throw fail();
  s.next();
  return bytesText(Uint8Array.from(bytes));
}

function parseJson(buf: Uint8Array): PyObj {
  const s = new Reader(buf);
  const stack: PyObj[] = [];
  let top: PyObj = undefined;
  let key: PyObj = undefined;
  let depth = 0;
  let done = false;
  while (!done && s.cur !== 0) {
    const cur = s.cur;
    s.next();
    let value: PyObj;
    let enter = false;
    switch (cur) {
      case 44: case 58: case 32: case 9: case 10: case 13: continue;
      case 110: if (s.cur === 117 && s.next() === 108 && s.next() === 108) { s.next(); value = None; } else throw fail(); break;
      case 102: if (s.cur === 97 && s.next() === 108 && s.next() === 115 && s.next() === 101) { s.next(); value = false; } else throw fail(); break;
      case 116: if (s.cur === 114 && s.next() === 117 && s.next() === 101) { s.next(); value = true; } else throw fail(); break;
      case 34: value = parseString(s); break;
      case 91: value = new PyList([]); enter = true; break;
      case 123: value = new PyDict(); enter = true; break;
      case 93: case 125:
        depth--;
        if (top === undefined) throw fail();
        if (stack.length === 0) { done = true; continue; }
        top = stack.pop();
        continue;
      default:
        if (cur === 45 || isDigit(cur)) { value = parseNumber(s, cur); break; }
        throw fail();
    }
    if (top === undefined) {
      top = value;
      if (!enter) break;
    } else {
      if (top instanceof PyList) top.items.push(value);
      else if (key === undefined) { key = value; if (enter) throw fail(); } else { (top as PyDict).set(key, value); key = undefined; }
      if (enter) { stack.push(top); top = value; }
    }
    if (enter) depth++;
  }
  if (depth !== 0) throw fail();
  while (s.cur === 32 || (s.cur >= 9 && s.cur <= 13)) s.next();
  if (s.cur !== 0 || top === undefined || stack.length) throw fail();
  return top;
}

// #endregion

function loadsBuffer(x: PyObj): Uint8Array {
  if (typeof x === 'string') return utf8(x);
  const b = bufferOf(x);
  if (!b) throw typeError('object with buffer protocol required');
  return b;
}

export function makeJson(): PyModule {
  return nativeModule('json', {
    // json.dumps(obj, separators=None)
    dumps: (a, kw) => {
      if (a.length < 1) throw typeError('function missing 1 required positional arguments');
      if (a.length > 1) throw typeError('extra positional arguments given');
      return dumpValue(a[0], separators(kw));
    },
    // json.dump(obj, stream, separators=None)
    dump: (a, kw) => {
      if (a.length < 2) throw typeError(`function missing ${2 - a.length} required positional arguments`);
      if (a.length > 2) throw typeError('extra positional arguments given');
      const seps = separators(kw);
      const text = dumpValue(a[0], seps);
      // a user io.IOBase subclass gets the text as a bytearray through its own write()
      if (typeOf(a[1]).isSubtype(ioBaseType)) { ops.callObj(ops.ga(a[1], 'write'), [new PyByteArray(utf8(text))], null); return None; }
      ops.callObj(streamMethod(a[1], 'write'), [a[1], text], null);
      return None;
    },
    // json.loads(str)
    loads: (a) => { if (a.length !== 1) throw typeError(`function takes 1 positional arguments but ${a.length} were given`); return parseJson(loadsBuffer(a[0])); },
    // json.load(stream)
    load: (a) => {
      if (a.length !== 1) throw typeError(`function takes 1 positional arguments but ${a.length} were given`);
      const read = streamMethod(a[0], 'read');
      return parseJson(loadsBuffer(ops.callObj(read, [a[0]], null)));
    },
  });
}
