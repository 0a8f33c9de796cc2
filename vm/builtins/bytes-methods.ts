// Methods of bytes and bytearray (shared where the behaviour is the same).

import { methods, arities, None, type PyObj } from '../objects/object';
import { PyBytes, PyByteArray, PyMemoryView, bytesType, bytearrayType, memoryviewType, bufferOf, latin1, fromLatin1, fromUtf8 } from '../objects/bytes';
import { PyList } from '../objects/list';
import { PyTuple } from '../objects/tuple';
import { pyErr, typeError } from '../objects/exception';
import { argNum } from '../runtime/args';
import * as ops from '../runtime/ops';
import { charge } from '../runtime/heap';
import { ArrayIter, JsArrayIter } from '../objects/iterator';
import { mvGet } from '../objects/memoryview';

function buf(x: PyObj): Uint8Array { const b = bufferOf(x); if (!b) throw typeError("a bytes-like object is required, not '" + ops.typeName(x) + "'"); return b; }
function mk(self: PyObj, b: Uint8Array): PyObj { return self instanceof PyByteArray ? new PyByteArray(b) : new PyBytes(b); }
function sArg(x: PyObj): string { return latin1(buf(x)); }

function strOp(name: string): (a: PyObj[], kw: Map<string, PyObj> | null) => PyObj {
  // Reuses str's implementation on a latin1 view, converting str results back to bytes.
  return (a, kw) => {
    const m = ops.strType.dict.get(name);
    const conv = (x: PyObj): PyObj => (bufferOf(x) && !(typeof x === 'number') ? sArg(x) : x instanceof PyTuple ? new PyTuple(x.items.map(conv)) : x);
    const r = m.fn([latin1(buf(a[0])), ...a.slice(1).map(conv)], kw);
    const back = (x: PyObj): PyObj => (typeof x === 'string' ? mk(a[0], fromLatin1(x)) : x);
    if (r instanceof PyList) return new PyList(r.items.map(back));
    if (r instanceof PyTuple) return new PyTuple(r.items.map(back));
    return back(r);
  };
}

export function bytesMethods(): void {
  const shared: Record<string, (a: PyObj[], kw: Map<string, PyObj> | null) => PyObj> = {
    // bytes.decode(encoding='utf-8', errors='strict')
    decode: (a) => fromUtf8(buf(a[0])),
    hex: (a) => Array.from(buf(a[0])).map((x) => x.toString(16).padStart(2, '0')).join(a[1] !== undefined ? ops.str(a[1]) : ''),
    __len__: (a) => buf(a[0]).length,
    __iter__: (a) => new JsArrayIter(Array.from(buf(a[0]))),
    __repr__: (a) => (a[0] instanceof PyByteArray ? 'bytearray(' + ops.bytesRepr(buf(a[0])) + ')' : ops.bytesRepr(buf(a[0]))),
    __str__: (a) => (a[0] instanceof PyByteArray ? 'bytearray(' + ops.bytesRepr(buf(a[0])) + ')' : ops.bytesRepr(buf(a[0]))),
    count: (a) => { const s = latin1(buf(a[0])); const sub = typeof a[1] === 'number' ? String.fromCharCode(a[1]) : sArg(a[1]); if (!sub) return s.length + 1; return s.split(sub).length - 1; },
  };
  for (const n of ['split', 'rsplit', 'strip', 'lstrip', 'rstrip', 'replace', 'find', 'rfind', 'index', 'rindex', 'startswith', 'endswith', 'upper', 'lower', 'isdigit', 'isalpha', 'isspace', 'partition', 'rpartition', 'center', 'splitlines']) shared[n] = strOp(n);
  shared.join = (a) => {
    const parts = ops.toArray(a[1]).map((p) => { const b = bufferOf(p); if (!b) throw typeError('join expects a list of str/bytes objects consistent with self object'); return latin1(b); });
    return mk(a[0], fromLatin1(parts.join(latin1(buf(a[0])))));
  };
  methods(bytesType, { ...shared, fromhex: (a) => bytesFromHex(a[a.length - 1]) });
  methods(bytearrayType, {
    ...shared,
    // bytearray.append(x)
    append: (a) => { const ba = a[0] as PyByteArray; const n = argNum(a[1]); if (n < 0 || n > 255) throw pyErr('ValueError', 'bytes value out of range'); grow(ba, 1); ba.b[ba.len - 1] = n; return None; },
    extend: (a) => { const ba = a[0] as PyByteArray; const src = bufferOf(a[1]) ?? Uint8Array.from(ops.toArray(a[1]).map(Number)); const n = ba.len; grow(ba, src.length); ba.b.set(src, n); return None; },
    pop: (a) => { const ba = a[0] as PyByteArray; if (!ba.len) throw pyErr('IndexError', 'pop from empty list'); const i = a.length > 1 ? ops.seqIndex(a[1], ba.len, 'bytearray') : ba.len - 1; const v = ba.b[i]; ba.b.copyWithin(i, i + 1, ba.len); ba.len--; return v; },
    copy: (a) => new PyByteArray((a[0] as PyByteArray).bytes.slice()),
    clear: (a) => { (a[0] as PyByteArray).len = 0; return None; },
    reverse: (a) => { (a[0] as PyByteArray).bytes.reverse(); return None; },
  });
  const ar: Record<string, [number, number]> = {
    decode: [1, 3], hex: [1, 2], join: [2, 2], split: [1, 3], rsplit: [1, 3], strip: [1, 2], lstrip: [1, 2], rstrip: [1, 2], replace: [3, 4],
    find: [2, 4], rfind: [2, 4], index: [2, 4], rindex: [2, 4], startswith: [2, 4], endswith: [2, 4], upper: [1, 1], lower: [1, 1],
    isdigit: [1, 1], isalpha: [1, 1], isspace: [1, 1], partition: [2, 2], rpartition: [2, 2], center: [2, 3],
    splitlines: [1, 2], count: [2, 4],
  };
  arities(bytesType, ar, typeError);
  arities(bytearrayType, { ...ar, append: [2, 2], extend: [2, 2], pop: [1, 2] }, typeError);
  methods(memoryviewType, {
    __len__: (a) => (a[0] as PyMemoryView).len,
    hex: shared.hex,
    // items by typecode; no tobytes(), which MicroPython's memoryview lacks (bytes(m) does it)
    __iter__: (a) => { const m = a[0] as PyMemoryView; const items: PyObj[] = []; for (let i = 0; i < m.len; i++) items.push(mvGet(m, i)); return new ArrayIter({ items }); },
    __repr__: (a) => `<memoryview>` + (a.length ? '' : ''),
  });
}

function grow(ba: PyByteArray, n: number): void {
  const need = ba.len + n;
  if (need > ba.b.length) {
    ops.checkAlloc(need);
    charge(Math.max(need, ba.b.length * 2, 16) - ba.b.length, ba);
    const nb = new Uint8Array(Math.max(need, ba.b.length * 2, 16));
    nb.set(ba.b.subarray(0, ba.len));
    ba.b = nb;
  }
  ba.len = need;
}

function bytesFromHex(s: PyObj): PyBytes {
  const t = ops.str(s).replace(/\s+/g, '');
  if (t.length % 2 || /[^0-9a-fA-F]/.test(t)) throw pyErr('ValueError', 'non-hex digit found');
  const out = new Uint8Array(t.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(t.slice(2 * i, 2 * i + 2), 16);
  return new PyBytes(out);
}
