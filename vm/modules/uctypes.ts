// uctypes: C-structure access to memory through layout descriptors, as extmod/moductypes.c
// defines them (the encoding of the constants, sizes, alignment, errors). Memory is the
// simulated address space of uctypes-memory.ts.

import { PyType, objectType, None, methods, type PyObj } from '../objects/object';
import { PyTuple } from '../objects/tuple';
import { PyDict } from '../objects/dict';
import { PyFloat } from '../objects/float';
import { PyByteArray, PyBytes, needBuffer } from '../objects/bytes';
import { pyErr, typeError } from '../objects/exception';
import { normBig, toBig } from '../objects/int';
import type { PyModule } from '../objects/module';
import type { Interp } from '../runtime/interp';
import { argInt, argFloat, arity } from '../runtime/args';
import { nativeModule } from './util';
import { AddressSpace } from './uctypes-memory';

const LITTLE_ENDIAN = 0;
const BIG_ENDIAN = 1;
const NATIVE = 2;

// descriptor encoding: a scalar is type << 27 | offset (bitfields add position and length
// above the 17 offset bits); an aggregate's first item is kind << 29 | offset
const VAL_TYPE_BITS = 4;
const AGG_TYPE_BITS = 2;
const OFFSET_BITS = 17;
const LEN_BITS = OFFSET_BITS + 5;
const [UINT8, INT8, UINT16, INT16, UINT32, INT32, UINT64, INT64] = [0, 1, 2, 3, 4, 5, 6, 7];
const [BFUINT8, BFINT32, FLOAT32, FLOAT64] = [8, 13, 14, 15];
const [STRUCT, PTR, ARRAY] = [0, 1, 2];
const PTR_SIZE = 4;

const typeConst = (t: number, nbits: number): number => (t << (32 - nbits)) >> 1;
const getType = (x: number, nbits: number): number => (x >> (31 - nbits)) & ((1 << nbits) - 1);
const valueMask = (nbits: number): number => ~(0x80000000 >> nbits);
const scalarSize = (valType: number): number => (valType === FLOAT32 ? 4 : 1 << ((valType & 7) >> 1));

const structType = new PyType('struct', [objectType]);
structType.module = 'uctypes';

const syntaxError = (): never => { throw typeError('syntax error in uctypes descriptor'); };

/** A small int from a descriptor, as the C code reads it (MP_OBJ_SMALL_INT_VALUE). */
function word(x: PyObj): number {
  if (typeof x === 'number') return x | 0;
  if (typeof x === 'boolean') return x ? 1 : 0;
  return syntaxError();
}

const isDict = (d: PyObj): d is PyDict => d instanceof PyDict;

function aggSize(t: PyTuple, layout: number, max: { v: number }): number {
  const it = t.items;
  if (it.length < 2) syntaxError();
  switch (getType(word(it[0]), AGG_TYPE_BITS)) {
    case STRUCT:
      if (it.length !== 2) syntaxError();
      return structSize(it[1], layout, max);
    case PTR:
      if (it.length !== 2) syntaxError();
      max.v = Math.max(max.v, PTR_SIZE);
      return PTR_SIZE;
    case ARRAY: {
      const n = word(it[1]);
      const count = n & valueMask(VAL_TYPE_BITS);
      let itemSize: number;
      if (it.length === 2) { itemSize = scalarSize(getType(n, VAL_TYPE_BITS)); max.v = Math.max(max.v, itemSize); }
      else if (it.length === 3) itemSize = structSize(it[2], layout, max);
      else return syntaxError();
      return itemSize * count;
    }
    default: return syntaxError();
  }
}

function structSize(desc: PyObj, layout: number, max: { v: number }): number {
  if (!isDict(desc)) {
    if (desc instanceof PyTuple) return aggSize(desc, layout, max);
    if (typeof desc === 'number') throw typeError("can't unambiguously get sizeof scalar");
    return syntaxError();
  }
  let total = 0;
  for (const v of desc.values()) {
    if (typeof v === 'number') {
      const valType = getType(v, VAL_TYPE_BITS);
      let offset = v & valueMask(VAL_TYPE_BITS);
      if (valType >= BFUINT8 && valType <= BFINT32) offset &= (1 << OFFSET_BITS) - 1;
      const s = scalarSize(valType);
      max.v = Math.max(max.v, s);
      total = Math.max(total, offset + s);
    } else {
      if (!(v instanceof PyTuple)) syntaxError();
      const offset = word((v as PyTuple).items[0]) & valueMask(AGG_TYPE_BITS);
      total = Math.max(total, offset + aggSize(v as PyTuple, layout, max));
    }
  }
  // a native layout rounds the size up to the alignment of its biggest field
  if (layout === NATIVE && max.v > 0) total = (total + max.v - 1) & ~(max.v - 1);
  return total;
}

const sizeOf = (desc: PyObj, layout: number): number => structSize(desc, layout, { v: 0 });

/** Reads a scalar of valType at p (little-endian unless big). */
function load(p: Uint8Array, valType: number, big: boolean): PyObj {
  const dv = new DataView(p.buffer, p.byteOffset, p.byteLength);
  const le = !big;
  switch (valType) {
    case UINT8: return dv.getUint8(0);
    case INT8: return dv.getInt8(0);
    case UINT16: return dv.getUint16(0, le);
    case INT16: return dv.getInt16(0, le);
    case UINT32: return dv.getUint32(0, le);
    case INT32: return dv.getInt32(0, le);
    case UINT64: return normBig(dv.getBigUint64(0, le));
    case INT64: return normBig(dv.getBigInt64(0, le));
    case FLOAT32: return new PyFloat(dv.getFloat32(0, le));
    case FLOAT64: return new PyFloat(dv.getFloat64(0, le));
    default: return syntaxError();
  }
}

/** Writes v as valType at p: ints are truncated to the field's width, as C stores them. */
function store(p: Uint8Array, valType: number, big: boolean, v: PyObj): void {
  const dv = new DataView(p.buffer, p.byteOffset, p.byteLength);
  const le = !big;
  if (valType === FLOAT32) { dv.setFloat32(0, argFloat(v), le); return; }
  if (valType === FLOAT64) { dv.setFloat64(0, argFloat(v), le); return; }
  const n = BigInt.asUintN(64, toBig(argInt(v)));
  switch (valType & 6) {
    case UINT8: dv.setUint8(0, Number(n & 0xffn)); return;
    case UINT16: dv.setUint16(0, Number(n & 0xffffn), le); return;
    case UINT32: dv.setUint32(0, Number(n & 0xffffffffn), le); return;
    default: dv.setBigUint64(0, n, le);
  }
}

class UStruct {
  declare $type: PyType;
  constructor(readonly mem: AddressSpace, readonly desc: PyObj, readonly addr: number, readonly layout: number) {}

  private bytes(offset: number, len: number): Uint8Array { return this.mem.at(this.addr + offset, len); }
  private get big(): boolean { return this.layout === BIG_ENDIAN; }
  private sub(desc: PyObj, addr: number): UStruct { return new UStruct(this.mem, desc, addr, this.layout); }

  /** Field access (set === undefined) or assignment. */
  field(name: string, set?: PyObj): PyObj {
    const d = this.desc;
    if (!isDict(d)) throw typeError('struct: no fields');
    const f = d.get(name);
    if (f === undefined) throw pyErr('KeyError', name);
    if (typeof f === 'number') {
      const valType = getType(f, VAL_TYPE_BITS);
      let offset = f & valueMask(VAL_TYPE_BITS);
      if (valType <= INT64 || valType === FLOAT32 || valType === FLOAT64) {
        const p = this.bytes(offset, scalarSize(valType));
        if (set === undefined) return load(p, valType, this.big);
        store(p, valType, this.big, set);
        return None;
      }
      // bitfield: read the containing unsigned word, then shift and mask (always unsigned)
      const pos = (offset >> OFFSET_BITS) & 31;
      const len = (offset >> LEN_BITS) & 31;
      offset &= (1 << OFFSET_BITS) - 1;
      const base = valType & 6;
      const p = this.bytes(offset, scalarSize(base));
      const cur = load(p, base, this.big) as number;
      const mask = len >= 32 ? 0xffffffff : (1 << len) - 1;
      if (set === undefined) return ((cur >>> pos) & mask) >>> 0;
      const v = Number(BigInt.asUintN(32, toBig(argInt(set))));
      store(p, base, this.big, (((cur & ~(mask << pos)) | ((v & mask) << pos)) >>> 0));
      return None;
    }
    if (!(f instanceof PyTuple)) return syntaxError();
    if (set !== undefined) return syntaxError(); // can't assign to an aggregate
    const head = word(f.items[0]);
    const offset = head & valueMask(AGG_TYPE_BITS);
    switch (getType(head, AGG_TYPE_BITS)) {
      case STRUCT: return this.sub(f.items[1], this.addr + offset);
      case ARRAY:
        // an array of UINT8 is a bytearray over the same memory
        if (f.items.length === 2 && getType(word(f.items[1]), VAL_TYPE_BITS) === UINT8) return new PyByteArray(this.bytes(offset, aggSize(f, this.layout, { v: 0 })));
        return this.sub(f, this.addr + offset);
      default: return this.sub(f, this.addr + offset);
    }
  }

  item(index: PyObj, set?: PyObj): PyObj {
    const d = this.desc;
    if (!(d instanceof PyTuple)) throw typeError("struct: can't index");
    const i = word(index);
    const kind = getType(word(d.items[0]), AGG_TYPE_BITS);
    if (kind === ARRAY) {
      const n = word(d.items[1]);
      const valType = getType(n, VAL_TYPE_BITS);
      if (i >= (n & valueMask(VAL_TYPE_BITS))) throw pyErr('IndexError', 'struct: index out of range');
      if (d.items.length === 2) {
        const s = scalarSize(valType);
        const p = this.bytes(s * i, s);
        if (set === undefined) return load(p, valType, this.big);
        store(p, valType, this.big, set);
        return None;
      }
      if (set !== undefined) throw typeError("'struct' object doesn't support item assignment");
      return this.sub(d.items[2], this.addr + sizeOf(d.items[2], this.layout) * i);
    }
    if (kind === PTR) {
      // pointers are followed as stored, in the board's own byte order
      const target = load(this.bytes(0, PTR_SIZE), UINT32, false) as number;
      const what = d.items[1];
      if (typeof what === 'number') {
        const valType = getType(what, VAL_TYPE_BITS);
        const s = scalarSize(valType);
        return load(this.mem.at(target + s * i, s), valType, false);
      }
      return this.sub(what, target + sizeOf(what, this.layout) * i);
    }
    return syntaxError();
  }

  /** int(p) of a PTR: the address it holds. */
  $int(): PyObj {
    const d = this.desc;
    if (d instanceof PyTuple && getType(word(d.items[0]), AGG_TYPE_BITS) === PTR) return load(this.bytes(0, PTR_SIZE), UINT32, false);
    throw typeError("can't convert struct to int");
  }

  $setattr(name: string, v: PyObj): void { this.field(name, v); }
  $buffer(): Uint8Array { return this.bytes(0, sizeOf(this.desc, this.layout)); }

  kind(): string {
    const d = this.desc;
    if (isDict(d)) return 'STRUCT';
    if (d instanceof PyTuple) {
      const k = getType(word(d.items[0]), AGG_TYPE_BITS);
      return k === PTR ? 'PTR' : k === ARRAY ? 'ARRAY' : 'unk';
    }
    return 'ERROR';
  }
}
UStruct.prototype.$type = structType;

export function makeUctypes(interp: Interp): PyModule {
  void interp;
  const mem = new AddressSpace();
  structType.construct = (_c, a) => {
    if (a.length < 2 || a.length > 3) throw typeError(`function takes ${a.length < 2 ? 2 : 3} positional arguments but ${a.length} were given`);
    const addr = Number(BigInt.asUintN(32, toBig(argInt(a[0]))));
    return new UStruct(mem, a[1], addr, a.length === 3 ? Number(argInt(a[2])) : NATIVE);
  };
  methods(structType, {
    __getattr__: (a) => (a[0] as UStruct).field(String(a[1])),
    __getitem__: (a) => (a[0] as UStruct).item(a[1]),
    __setitem__: (a) => (a[0] as UStruct).item(a[1], a[2]),
    __repr__: (a) => { const s = a[0] as UStruct; return `<struct ${s.kind()} ${s.addr.toString(16)}>`; },
  });
  structType.dict.set('__hash__', None);

  const addrArg = (x: PyObj): number => Number(BigInt.asUintN(32, toBig(argInt(x))));
  const consts: Record<string, PyObj> = { struct: structType, NATIVE, LITTLE_ENDIAN, BIG_ENDIAN, BF_POS: OFFSET_BITS, BF_LEN: LEN_BITS };
  const names = ['UINT8', 'INT8', 'UINT16', 'INT16', 'UINT32', 'INT32', 'UINT64', 'INT64', 'BFUINT8', 'BFINT8', 'BFUINT16', 'BFINT16', 'BFUINT32', 'BFINT32', 'FLOAT32', 'FLOAT64'];
  names.forEach((n, i) => { consts[n] = typeConst(i, VAL_TYPE_BITS); });
  consts.VOID = consts.UINT8;
  Object.assign(consts, { SHORT: consts.INT16, USHORT: consts.UINT16, INT: consts.INT32, UINT: consts.UINT32, LONG: consts.INT32, ULONG: consts.UINT32, LONGLONG: consts.INT64, ULONGLONG: consts.UINT64 });
  consts.PTR = typeConst(PTR, AGG_TYPE_BITS);
  consts.ARRAY = typeConst(ARRAY, AGG_TYPE_BITS);
  return nativeModule('uctypes', {
    sizeof: (a) => {
      if (a.length < 1 || a.length > 2) throw typeError('function expected at most 2 arguments, got ' + a.length);
      const o = a[0];
      if (o instanceof PyByteArray) return o.len;
      if (o instanceof UStruct) {
        if (a.length !== 1) throw typeError('');
        return sizeOf(o.desc, o.layout);
      }
      return sizeOf(o, a.length === 2 ? Number(argInt(a[1])) : NATIVE);
    },
    addressof: (a) => { arity(a, 1); return mem.addressOf(needBuffer(a[0])); },
    bytearray_at: (a) => { arity(a, 2); return new PyByteArray(mem.at(addrArg(a[0]), Number(argInt(a[1])))); },
    bytes_at: (a) => { arity(a, 2); return new PyBytes(mem.at(addrArg(a[0]), Number(argInt(a[1]))).slice()); },
  }, consts);
}
