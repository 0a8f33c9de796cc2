// The builtins module: functions (print, len, range...) and the built-in type names.

import {
  PyType, typeOf, None, NotImplemented, Ellipsis, PyBuiltin, PyBoundMethod, PyInstance, objectType, typeType, intType, boolType,
  strType, floatType, classmethodType, staticmethodType, propertyType, superType, type PyObj, type Kw,
} from '../objects/object';
import { PyExc, excTypes, pyErr, typeError, raiseOf, mkExc } from '../objects/exception';
import { PyFloat } from '../objects/float';
import { normBig, toBig, intToStr } from '../objects/int';
import { PyTuple, tupleType } from '../objects/tuple';
import { PyList, listType, sortValues } from '../objects/list';
import { PyDict, dictType } from '../objects/dict';
import { setType, frozensetType } from '../objects/set';
import { rangeType } from '../objects/range';
import { sliceType } from '../objects/slice';
import { bytesType, bytearrayType, memoryviewType } from '../objects/bytes';
import { complexType } from '../objects/complex';
import { PyFunction } from '../objects/function';
import { PyIter, FnIter, JsArrayIter, iteratorType } from '../objects/iterator';
import { PyModule } from '../objects/module';
import { arity, argNum, argInt, argStr, argFloat, argsByName } from '../runtime/args';
import * as ops from '../runtime/ops';
import { formatValue } from '../runtime/format';
import { rt } from '../runtime/state';
import { objId } from '../runtime/hash';

const enumerateType = new PyType('enumerate', [iteratorType]);
const zipType = new PyType('zip', [iteratorType]);
const mapType = new PyType('map', [iteratorType]);
const filterType = new PyType('filter', [iteratorType]);
const reversedType = new PyType('reversed', [iteratorType]);

function fn(name: string, f: (a: PyObj[], kw: Kw) => PyObj): PyBuiltin { return new PyBuiltin(name, f); }

function minmax(a: PyObj[], kw: Kw, isMax: boolean): PyObj {
  const key = kw?.get('key');
  const dflt = kw?.get('default');
  if (!a.length) throw typeError('function missing 1 required positional arguments');
  const items = a.length === 1 ? ops.toArray(a[0]) : a;
  if (!items.length) {
    if (dflt !== undefined) return dflt;
    throw pyErr('ValueError', 'arg is an empty sequence');
  }
  let best = items[0];
  let bk = key !== undefined && key !== None ? ops.callObj(key, [best], null) : best;
  for (let i = 1; i < items.length; i++) {
    const x = items[i];
    const k = key !== undefined && key !== None ? ops.callObj(key, [x], null) : x;
    if (ops.truthy(isMax ? ops.gt(k, bk) : ops.lt(k, bk))) { best = x; bk = k; }
  }
  return best;
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export function makeBuiltins(): PyModule {
  const m = new PyModule('builtins');
  const g = m.g;
  const types: PyType[] = [objectType, typeType, intType, boolType, strType, floatType, tupleType, listType, dictType, setType, frozensetType,
    rangeType, sliceType, bytesType, bytearrayType, memoryviewType, complexType, classmethodType, staticmethodType, propertyType, superType];
  for (const t of types) g[t.name] = t;
  for (const [n, t] of excTypes) g[n] = t;
  g.EnvironmentError = excTypes.get('OSError');
  g.IOError = excTypes.get('OSError');
  g.None = None; g.Ellipsis = Ellipsis; g.NotImplemented = NotImplemented;
  g.__name__ = 'builtins';

  enumerateType.construct = (_c, a, kw) => {
    const [it0, start] = argsByName(a, kw, ['iterable', 'start'], 1);
    const it = ops.iter(it0);
    let i: PyObj = start === undefined ? 0 : argInt(start);
    return new FnIter(() => { const v = it.next(); if (v === undefined) return undefined; const r = new PyTuple([i, v]); i = ops.add(i, 1); return r; }, enumerateType);
  };
  zipType.construct = (_c, a) => {
    const its = a.map(ops.iter);
    return new FnIter(() => {
      if (!its.length) return undefined;
      const out: PyObj[] = [];
      for (const it of its) { const v = it.next(); if (v === undefined) return undefined; out.push(v); }
      return new PyTuple(out);
    }, zipType);
  };
  mapType.construct = (_c, a) => {
    if (a.length < 2) throw typeError('function missing 1 required positional arguments');
    const f = a[0]; const its = a.slice(1).map(ops.iter);
    if (its.length === 1) { const it = its[0]; return new FnIter(() => { const v = it.next(); return v === undefined ? undefined : ops.call1(f, v); }, mapType); }
    return new FnIter(() => {
      const args: PyObj[] = [];
      for (const it of its) { const v = it.next(); if (v === undefined) return undefined; args.push(v); }
      return ops.callObj(f, args, null);
    }, mapType);
  };
  filterType.construct = (_c, a) => {
    arity(a, 2);
    const f = a[0]; const it = ops.iter(a[1]);
    return new FnIter(() => {
      for (;;) {
        const v = it.next();
        if (v === undefined) return undefined;
        if (ops.truthy(f === None ? v : ops.call1(f, v))) return v;
      }
    }, filterType);
  };
  reversedType.construct = (_c, a) => {
    arity(a, 1);
    const x = a[0];
    const t = typeOf(x);
    const rf = t.lookup('__reversed__');
    if (rf !== undefined && !(rf instanceof PyBuiltin)) return ops.callObj(rf, [x], null);
    if (x instanceof PyDict || typeof x === 'object' && x.$type === setType) throw typeError(`'${t.name}' object isn't reversible`);
    if (t.lookup('__len__') === undefined && typeof x !== 'string') throw typeError(`'${t.name}' object isn't reversible`);
    let i = ops.callObj(ga(x, '__len__'), [], null) as number;
    return new FnIter(() => (i > 0 ? ops.gi(x, --i) : undefined), reversedType);
  };
  for (const t of [enumerateType, zipType, mapType, filterType, reversedType]) g[t.name] = t;

  const defs: Record<string, (a: PyObj[], kw: Kw) => PyObj> = {
    // print(*objects, sep=' ', end='\n', file=sys.stdout, flush=False)
    print: (a, kw) => {
      let sep = ' '; let end = '\n'; let file: PyObj = None;
      if (kw) {
        const s = kw.get('sep'); if (s !== undefined && s !== None) sep = argStr(s);
        const e = kw.get('end'); if (e !== undefined && e !== None) end = argStr(e);
        const f = kw.get('file'); if (f !== undefined) file = f;
      }
      let out = '';
      for (let i = 0; i < a.length; i++) { if (i) out += sep; out += ops.str(a[i]); }
      out += end;
      if (file !== None && !(file as { $isStdout?: boolean }).$isStdout) { ops.cm1(file, 'write', out); return None; }
      rt.interp.write(out);
      return None;
    },
    // input([prompt])
    input: (a) => { arity(a, 0, 1); if (a.length) rt.interp.write(ops.str(a[0])); return rt.interp.readLine(); },
    // len(s)
    len: (a) => {
      arity(a, 1);
      const x = a[0];
      if (typeof x === 'string') return ops.strLen(x);
      if ((x instanceof PyList || x instanceof PyTuple) && x.$d === undefined) return x.items.length;
      if (x instanceof PyDict && x.$d === undefined) return x.size;
      const f = typeOf(x).lookup('__len__');
      if (f === undefined) throw typeError(`object of type '${ops.typeName(x)}' has no len()`);
      const r = ops.callObj(f, [x], null);
      if (typeof r !== 'number') throw typeError('object cannot be interpreted as an integer');
      return r;
    },
    // repr(obj)
    repr: (a) => { arity(a, 1); return ops.repr(a[0]); },
    // abs(x)
    abs: (a) => {
      arity(a, 1);
      const x = a[0];
      if (typeof x === 'number') return Math.abs(x);
      if (typeof x === 'bigint') return normBig(x < 0n ? -x : x);
      if (typeof x === 'boolean') return x ? 1 : 0;
      if (x instanceof PyFloat) return new PyFloat(Math.abs(x.v));
      const f = typeOf(x).lookup('__abs__');
      if (f !== undefined) return ops.callObj(f, [x], null);
      throw typeError(`unsupported type for __abs__: '${ops.typeName(x)}'`);
    },
    // isinstance(obj, classinfo)
    isinstance: (a) => { arity(a, 2); return isinst(a[0], a[1]); },
    // issubclass(cls, classinfo)
    issubclass: (a) => {
      arity(a, 2);
      if (!(a[0] instanceof PyType)) throw typeError('issubclass() arg 1 must be a class');
      const check = (c: PyObj): boolean => {
        if (c instanceof PyTuple) return c.items.some(check);
        if (!(c instanceof PyType)) throw typeError('issubclass() arg 2 must be a class or a tuple of classes');
        return a[0].isSubtype(c);
      };
      return check(a[1]);
    },
    // hash(obj)
    hash: (a) => { arity(a, 1); return ops.hashOf(a[0]); },
    // id(obj)
    id: (a) => { arity(a, 1); const x = a[0]; return typeof x === 'object' ? 0x20000000 + objId(x) * 16 : typeof x === 'number' ? x * 2 + 1 : objIdPrim(x); },
    // callable(obj)
    callable: (a) => {
      arity(a, 1);
      const x = a[0];
      return x instanceof PyFunction || x instanceof PyBuiltin || x instanceof PyBoundMethod || x instanceof PyType || typeOf(x).lookup('__call__') !== undefined;
    },
    // chr(i)
    chr: (a) => { arity(a, 1); const n = argNum(a[0]); if (n < 0 || n > 0x10ffff) throw pyErr('ValueError', 'chr() arg not in range(0x110000)'); return String.fromCodePoint(n); },
    // ord(c)
    ord: (a) => {
      arity(a, 1);
      const s = a[0];
      if (typeof s === 'string') {
        const cps = ops.strLen(s);
        if (cps !== 1) throw typeError(`ord() expected a character, but string of length ${cps} found`);
        return s.codePointAt(0) as number;
      }
      const b = (s as { b?: Uint8Array }).b;
      if (!b) throw typeError(`can't convert '${ops.typeName(s)}' object to str implicitly`);
      if (b.length === 1) return b[0];
      throw typeError(`ord() expected a character, but string of length ${b ? b.length : 0} found`);
    },
    // bin(x), oct(x), hex(x)
    bin: (a) => { arity(a, 1); return radix(a[0], 2, '0b'); },
    oct: (a) => { arity(a, 1); return radix(a[0], 8, '0o'); },
    hex: (a) => { arity(a, 1); return radix(a[0], 16, '0x'); },
    // divmod(a, b)
    divmod: (a) => { arity(a, 2); return new PyTuple([ops.floordiv(a[0], a[1]), ops.mod(a[0], a[1])]); },
    // pow(base, exp[, mod])
    pow: (a) => {
      arity(a, 2, 3);
      if (a.length === 3 && a[2] !== None) {
        const m = toBig(argInt(a[2]));
        let b = toBig(argInt(a[0])); let e = toBig(argInt(a[1]));
        if (m === 0n) throw pyErr('ValueError', 'divide by zero');
        b = ((b % m) + m) % m;
        if (e < 0n) { b = modInverse(b, m); e = -e; }
        let r = 1n;
        while (e > 0n) { if (e & 1n) r = (r * b) % m; b = (b * b) % m; e >>= 1n; }
        if (m < 0n && r > 0n) r += m;
        return normBig(r);
      }
      return ops.pow(a[0], a[1]);
    },
    // round(number[, ndigits])
    round: (a) => {
      arity(a, 1, 2);
      const x = a[0]; const nd = a[1];
      if (typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') {
        if (nd === undefined || nd === None) return typeof x === 'boolean' ? (x ? 1 : 0) : x;
        const n = argNum(nd);
        if (n >= 0) return x;
        const p = 10n ** BigInt(-n); const v = toBig(x);
        let q = v / p; const r = v - q * p;
        const twice = 2n * (r < 0n ? -r : r);
        if (twice > p || (twice === p && (q & 1n) !== 0n)) q += v < 0n ? -1n : 1n;
        return normBig(q * p);
      }
      if (x instanceof PyFloat) {
        if (nd === undefined || nd === None) {
          if (!Number.isFinite(x.v)) throw pyErr(Number.isNaN(x.v) ? 'ValueError' : 'OverflowError', Number.isNaN(x.v) ? 'cannot convert float NaN to integer' : "can't convert inf to int");
          return normBig(BigInt(roundHalfEven(x.v)));
        }
        const n = argNum(nd);
        if (!Number.isFinite(x.v)) return x;
        const f = 10 ** n;
        const y = x.v * f;
        const r = roundHalfEven(y) / f;
        return new PyFloat(Number.isFinite(r) ? r : x.v);
      }
      const f = typeOf(x).lookup('__round__');
      if (f !== undefined) return ops.callObj(f, nd === undefined ? [x] : [x, nd], null);
      throw typeError(`can't convert ${ops.typeName(x)} to float`);
    },
    // sum(iterable, start=0)
    sum: (a) => {
      arity(a, 1, 2);
      let acc: PyObj = a.length > 1 ? a[1] : 0;
      const it = ops.iter(a[0]);
      for (let v = it.next(); v !== undefined; v = it.next()) { acc = ops.add(acc, v); ops.tickLoop(1); }
      return acc;
    },
    // any(iterable) / all(iterable)
    any: (a) => { arity(a, 1); const it = ops.iter(a[0]); for (let v = it.next(); v !== undefined; v = it.next()) { if (ops.truthy(v)) return true; ops.tickLoop(1); } return false; },
    all: (a) => { arity(a, 1); const it = ops.iter(a[0]); for (let v = it.next(); v !== undefined; v = it.next()) { if (!ops.truthy(v)) return false; ops.tickLoop(1); } return true; },
    // min/max(iterable, *, key, default) or (a, b, ...)
    min: (a, kw) => minmax(a, kw, false),
    max: (a, kw) => minmax(a, kw, true),
    // sorted(iterable, *, key=None, reverse=False)
    sorted: (a, kw) => {
      arity(a, 1);
      const items = ops.toArray(a[0]);
      sortValues(items, kw?.get('key'), ops.truthy(kw?.get('reverse') ?? false));
      return new PyList(items);
    },
    // iter(obj[, sentinel])
    iter: (a) => {
      arity(a, 1, 2);
      if (a.length === 2) {
        const f = a[0]; const s = a[1];
        return new FnIter(() => { const v = ops.call0(f); return ops.eq(v, s) ? undefined : v; });
      }
      const x = a[0];
      const t = typeOf(x);
      const f = t.lookup('__iter__');
      if (f !== undefined && !(f instanceof PyBuiltin)) return ops.callObj(f, [x], null);
      return ops.iter(x);
    },
    // next(iterator[, default])
    next: (a) => {
      arity(a, 1, 2);
      const it = a[0];
      if (it instanceof PyIter && (it.$type.native || it.$type.lookup('__next__') instanceof PyBuiltin)) {
        const v = it.next();
        if (v !== undefined) return v;
        if (a.length > 1) return a[1];
        if ((it as { stop?: () => PyObj }).stop) throw (it as unknown as { stop: () => PyObj }).stop();
        throw pyErr('StopIteration');
      }
      const f = typeOf(it).lookup('__next__');
      if (f === undefined) throw typeError(`'${ops.typeName(it)}' object isn't an iterator`);
      if (a.length < 2) return ops.callObj(f, [it], null);
      try { return ops.callObj(f, [it], null); } catch (e) {
        if (e instanceof Object && (e as { exc?: PyExc }).exc?.$type.isSubtype(excTypes.get('StopIteration') as PyType)) return a[1];
        throw e;
      }
    },
    // getattr(obj, name[, default])
    getattr: (a) => {
      arity(a, 2, 3);
      const name = argStr(a[1]);
      if (a.length === 3) { const v = ops.gaOpt(a[0], name); return v === undefined ? a[2] : v; }
      return ops.ga(a[0], name);
    },
    // setattr(obj, name, value)
    setattr: (a) => { arity(a, 3); ops.sa(a[0], argStr(a[1]), a[2]); return None; },
    // hasattr(obj, name)
    hasattr: (a) => { arity(a, 2); return ops.gaOpt(a[0], argStr(a[1])) !== undefined; },
    // delattr(obj, name)
    delattr: (a) => { arity(a, 2); ops.da(a[0], argStr(a[1])); return None; },
    // dir([obj])
    dir: (a) => {
      const names = new Set<string>();
      if (!a.length) { for (const k of Object.keys(rt.interp.currentGlobals())) names.add(k); }
      else {
        const o = a[0];
        if (o instanceof PyModule) for (const k of Object.keys(o.g)) names.add(k);
        else {
          if (typeof o === 'object' && o.$d instanceof Map) for (const k of o.$d.keys()) names.add(k);
          const t = o instanceof PyType ? o : typeOf(o);
          // native types keep their special methods in slots on MicroPython, so dir() omits them
          // (MicroPython's lookup does not treat `object` as a real base, except for object itself)
          for (const c of t.mro) {
            if (c === objectType && o !== objectType) continue;
            for (const k of c.dict.keys()) if (!c.native || c === objectType || !k.startsWith('__')) names.add(k);
          }
          if (o instanceof PyInstance) names.add('__dict__');
        }
        const rest = [...names].filter((n) => n !== '__class__').sort();
        return new PyList(['__class__', ...rest]);
      }
      return new PyList([...names].sort());
    },
    // format(value[, spec])
    format: (a) => { arity(a, 1, 2); return formatValue(a[0], a.length > 1 ? argStr(a[1]) : ''); },
    // globals() / locals()
    globals: () => rt.interp.globalsDict(),
    locals: () => rt.interp.globalsDict(),
    // exec(source[, globals[, locals]]) / eval(...)
    exec: (a) => { arity(a, 1, 3); rt.interp.execIn(a[0], a[1], 'exec'); return None; },
    eval: (a) => { arity(a, 1, 3); return rt.interp.execIn(a[0], a[1], 'eval'); },
    // compile(source, filename, mode)
    compile: (a) => { arity(a, 3, 6); return rt.interp.compileObj(argStr(a[0]), argStr(a[1]), argStr(a[2])); },
    // __import__(name, globals=None, locals=None, fromlist=(), level=0)
    __import__: (a) => {
      const name = argStr(a[0]);
      const fromlist = a[3];
      return rt.interp.importName(name, fromlist !== undefined && fromlist !== None && ops.truthy(fromlist), rt.interp.currentGlobals());
    },
    // open(file, mode='r', ...)
    open: (a, kw) => rt.interp.open(a, kw),
    // help([obj])
    help: (a) => { rt.interp.write(helpText(a)); return None; },
    // bytes, complex are types; vars
    vars: (a) => { if (!a.length) return rt.interp.globalsDict(); return ops.ga(a[0], '__dict__'); },
    // __build_class__ is not exposed; execfile(filename)
    execfile: (a) => { rt.interp.execFile(argStr(a[0])); return None; },
  };
  for (const [k, f] of Object.entries(defs)) g[k] = fn(k, f);
  g.float = floatType;
  void argFloat; void PyInstance; void intToStr; void mkExc; void raiseOf; void JsArrayIter;
  return m;
}

function ga(o: PyObj, n: string): PyObj { return ops.ga(o, n); }

// help() / help(obj), worded as MicroPython's builtinhelp.c
function helpText(a: PyObj[]): string {
  if (!a.length) {
    return 'Welcome to MicroPython!\n\nFor online docs please visit http://docs.micropython.org/\n\nControl commands:\n' +
      '  CTRL-A        -- on a blank line, enter raw REPL mode\n  CTRL-B        -- on a blank line, enter normal REPL mode\n' +
      '  CTRL-C        -- interrupt a running program\n  CTRL-D        -- on a blank line, exit or do a soft reset\n' +
      '  CTRL-E        -- on a blank line, enter paste mode\n\nFor further help on a specific object, type help(obj)\n';
  }
  const o = a[0];
  let out = `object ${ops.str(o)} is of type ${typeOf(o).name}\n`;
  const entries: [string, PyObj][] = o instanceof PyModule ? Object.entries(o.g) : o instanceof PyType ? [...o.dict] : [];
  for (const [k, v] of entries) out += `  ${k} -- ${ops.str(v)}\n`;
  return out;
}

function objIdPrim(x: PyObj): number {
  const s = String(x);
  let h = 7;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) & 0xfffffff;
  return h * 2;
}

export function isinst(o: PyObj, c: PyObj): boolean {
  if (c instanceof PyType) {
    const t = typeOf(o);
    if (t === c || t.isSubtype(c)) return true;
    return false;
  }
  if (c instanceof PyTuple) return c.items.some((x) => isinst(o, x));
  throw typeError('issubclass() arg 2 must be a class or a tuple of classes');
}

function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [a, m < 0n ? -m : m]; let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) { const q = r0 / r1; [r0, r1] = [r1, r0 - q * r1]; [s0, s1] = [s1, s0 - q * s1]; }
  if (r0 !== 1n) throw pyErr('ValueError', 'base is not invertible for the given modulus');
  return ((s0 % m) + m) % m;
}

function radix(x: PyObj, base: number, prefix: string): string {
  let v: PyObj = x;
  if (typeof v === 'boolean') v = v ? 1 : 0;
  if (typeof v === 'string') throw pyErr('ValueError', `unknown format code '${prefix[1]}' for object of type 'str'`);
  if (typeof v !== 'number' && typeof v !== 'bigint') {
    const f = typeOf(x).lookup('__index__');
    if (f === undefined) throw typeError(`can't convert ${ops.typeName(x)} to int`);
    v = ops.callObj(f, [x], null);
  }
  const b = toBig(v);
  return (b < 0n ? '-' : '') + prefix + (b < 0n ? -b : b).toString(base);
}
