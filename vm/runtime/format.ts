// String formatting: the format-spec mini-language (format(), f-strings, str.format) and
// printf-style `%` formatting, with MicroPython's error texts.

import { typeOf, None, PyBuiltin, type PyObj } from '../objects/object';
import { PyFloat, floatRepr } from '../objects/float';
import { PyTuple } from '../objects/tuple';
import { PyDict } from '../objects/dict';
import { PyBytes, fromLatin1, latin1 } from '../objects/bytes';
import { pyErr, typeError } from '../objects/exception';
import { toBig } from '../objects/int';
import * as ops from './ops';
import { argFloat } from './args';

interface Spec { fill: string; align: string; sign: string; alt: boolean; zero: boolean; width: number; comma: string; prec: number; type: string }

function parseSpec(s: string): Spec {
  const m = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([a-zA-Z%])?$/su.exec(s);
  if (!m || (m[9] !== undefined && !'bcdeEfFgGnosxX%'.includes(m[9]))) throw pyErr('ValueError', 'invalid format specifier');
  return {
    // '0' fills with zeros whatever the alignment; numbers then default to '=', strings to '<'
    fill: m[1] ?? (m[5] ? '0' : ' '), align: m[2] ?? '', sign: m[3] ?? '-', alt: !!m[4], zero: !!m[5],
    width: m[6] ? Number(m[6]) : 0, comma: m[7] ?? '', prec: m[8] !== undefined ? Number(m[8]) : -1, type: m[9] ?? '',
  };
}

function pad(body: string, sign: string, sp: Spec, defAlign: string): string {
  const align = sp.align || defAlign;
  const len = [...sign].length + [...body].length;
  if (len >= sp.width) return sign + body;
  const n = sp.width - len;
  const f = sp.fill;
  switch (align) {
    case '<': return sign + body + f.repeat(n);
    case '^': return f.repeat(n >> 1) + sign + body + f.repeat(n - (n >> 1));
    case '=': return sign + f.repeat(n) + body;
    default: return f.repeat(n) + sign + body;
  }
}

function group(intPart: string, sep: string, every = 3): string {
  if (!sep) return intPart;
  let out = '';
  for (let i = intPart.length; i > 0; i -= every) out = intPart.slice(Math.max(0, i - every), i) + (out ? sep + out : '');
  return out;
}

function signOf(neg: boolean, sp: Spec): string { return neg ? '-' : sp.sign === '+' ? '+' : sp.sign === ' ' ? ' ' : ''; }

/** Formats a float per type f/e/g/% (JS toFixed rounds ties on the exact value, like MicroPython). */
export function fmtFloat(v: number, type: string, prec: number, alt: boolean): string {
  if (!Number.isFinite(v)) {
    const s = Number.isNaN(v) ? 'nan' : 'inf';
    return type === type.toUpperCase() && type !== '%' && type !== '' ? s.toUpperCase() : s;
  }
  const a = Math.abs(v);
  switch (type) {
    case 'f': case 'F': return toFixed(a, prec < 0 ? 6 : Math.min(prec, 100));
    case '%': return toFixed(a * 100, prec < 0 ? 6 : prec) + '%';
    case 'e': case 'E': {
      const s = expFix(a.toExponential(prec < 0 ? 6 : Math.min(prec, 100)));
      return type === 'E' ? s.toUpperCase() : s;
    }
    case 'g': case 'G': case '': case 'n': {
      if (type === '' && prec < 0) return floatRepr(a);
      let p = prec < 0 ? 6 : prec === 0 ? 1 : prec;
      if (a === 0) return alt ? '0.' + '0'.repeat(p - 1) : type === '' ? '0.0' : '0';
      const e = Number(a.toExponential(p - 1).split('e')[1]);
      let s: string;
      if (e >= -4 && e < p) {
        s = a.toFixed(Math.max(0, p - 1 - e));
        if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
        if (type === '' && !s.includes('.')) s += '.0';
      } else {
        s = a.toExponential(p - 1);
        const parts = s.split('e');
        let mant = parts[0];
        if (!alt && mant.includes('.')) mant = mant.replace(/\.?0+$/, '');
        s = expFix(mant + 'e' + parts[1]);
      }
      void p; p = 0;
      return type === 'G' ? s.toUpperCase() : s;
    }
  }
  throw pyErr('ValueError', `unknown format code '${type}' for object of type 'float'`);
}

/**
 * Fixed-point digits as MicroPython prints them: it never shows more significant digits
 * than the shortest round-trip form, so beyond those it pads with zeros
 * ("%.3f" % 449984008764055.625 is '449984008764055.600'); otherwise exact rounding.
 */
function toFixed(a: number, p: number): string {
  const [mant, expStr] = a.toExponential().split('e');
  const digits = mant.replace('.', '');
  const e = Number(expStr);
  const fracNeeded = Math.max(0, digits.length - 1 - e);
  if (p < fracNeeded && a < 1e21) return a.toFixed(p);
  // positional form of the shortest digits, padded to p decimals
  let intPart: string; let frac: string;
  if (e >= 0) {
    intPart = digits.length > e + 1 ? digits.slice(0, e + 1) : digits + '0'.repeat(e + 1 - digits.length);
    frac = digits.slice(e + 1);
  } else {
    intPart = '0';
    frac = '0'.repeat(-e - 1) + digits;
  }
  if (p < frac.length) return a.toFixed(p);
  frac += '0'.repeat(p - frac.length);
  return p > 0 ? intPart + '.' + frac : intPart;
}

function expFix(s: string): string { return s.replace(/e([+-])(\d)$/, 'e$10$2'); }

function formatInt(v: number | bigint, sp: Spec): string {
  const big = toBig(v);
  const neg = big < 0n;
  const a = neg ? -big : big;
  let body: string; let prefix = '';
  switch (sp.type) {
    case 'b': body = a.toString(2); prefix = sp.alt ? '0b' : ''; break;
    case 'o': body = a.toString(8); prefix = sp.alt ? '0o' : ''; break;
    case 'x': body = a.toString(16); prefix = sp.alt ? '0x' : ''; break;
    case 'X': body = a.toString(16).toUpperCase(); prefix = sp.alt ? '0X' : ''; break;
    case 'c':
      if (sp.sign !== '-') throw pyErr('ValueError', "sign not allowed with integer format specifier 'c'");
      return pad(charFor(typeof a === 'bigint' && a >= -0x80000000n && a <= 0x7fffffffn ? Number(a) : a), '', sp, '>');
    case '': case 'd': case 'n': body = group(a.toString(), sp.comma); break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      return formatFloat(Number(v), sp);
    default: throw pyErr('ValueError', `unknown format code '${sp.type}' for object of type 'int'`);
  }
  if (sp.prec > 0) body = body.padStart(sp.prec, '0');
  const every = sp.type !== '' && sp.type !== 'd' && sp.type !== 'n' ? 4 : 3;
  const sign = signOf(neg, sp) + prefix;
  const align = sp.align || (sp.zero ? '=' : '>');
  // zero padding of a grouped number is made of grouped digits ('{:05,}'.format(16) is '0,016')
  if (sp.comma && sp.fill === '0' && align === '=') body = zeroGroup(a.toString(RADIX[sp.type] ?? 10), sp.comma, every, sp.width - [...sign].length);
  else if (every === 4 && sp.comma) body = group(body, sp.comma, 4);
  if (sp.type === 'X') body = body.toUpperCase();
  // the sign and any 0x prefix stay in front of '=' padding ('%#06x' % 18 is '0x0012')
  return pad(body, sign, { ...sp, align }, '>');
}

const RADIX: Record<string, number> = { b: 2, o: 8, x: 16, X: 16 };

/** Digits zero-padded until, grouped, they fill `width` (or the first length beyond it). */
function zeroGroup(digits: string, sep: string, every: number, width: number): string {
  let n = digits.length;
  while (n + Math.floor((n - 1) / every) < width) n++;
  return group(digits.padStart(n, '0'), sep, every);
}

function formatFloat(v: number, sp: Spec): string {
  const neg = v < 0 || Object.is(v, -0);
  let body = fmtFloat(v, sp.type, sp.prec, sp.alt);
  if (sp.comma) { const [i, f] = body.split('.'); body = group(i, sp.comma) + (f !== undefined ? '.' + f : ''); }
  return pad(body, signOf(neg && !Number.isNaN(v), sp), sp, sp.zero ? '=' : '>');
}

/** format(v, spec) */
export function formatValue(v: PyObj, spec: string): string {
  const t = typeOf(v);
  if (!t.native) {
    const f = t.lookup('__format__');
    if (f !== undefined && !(f instanceof PyBuiltin)) return ops.callObj(f, [v, spec], null);
  }
  if (typeof v === 'object' && v !== null && v.$prim !== undefined) v = v.$prim;
  const sp = parseSpec(spec);
  // a bool with any spec formats as the int it is ('{:5}'.format(True) is '    1'), as MicroPython does
  if (typeof v === 'number' || typeof v === 'bigint' || (typeof v === 'boolean' && spec !== '')) return formatInt(typeof v === 'boolean' ? (v ? 1 : 0) : v, sp);
  if (v instanceof PyFloat) {
    if (sp.type && !'eEfFgGn%'.includes(sp.type)) throw pyErr('ValueError', `unknown format code '${sp.type}' for object of type 'float'`);
    return formatFloat(v.v, sp);
  }
  if (sp.type && sp.type !== 's') throw pyErr('ValueError', `unknown format code '${sp.type}' for object of type '${t.name}'`);
  let s = ops.str(v);
  if (sp.prec >= 0) s = [...s].slice(0, sp.prec).join('');
  if (sp.sign !== '-' && spec.includes(sp.sign)) throw pyErr('ValueError', 'sign not allowed in string format specifier');
  if (sp.align === '=') throw pyErr('ValueError', "'=' alignment not allowed in string format specifier");
  return pad(s, '', sp, '<');
}

// #region % formatting

export function percentFormat(fmt: string, args: PyObj): string {
  const isMap = args instanceof PyDict || (typeof args === 'object' && args !== None && !(args instanceof PyTuple) && typeOf(args).lookup('__getitem__') !== undefined && typeof args !== 'string');
  const list: PyObj[] = args instanceof PyTuple ? args.items : [args];
  let ai = 0;
  const next = (): PyObj => {
    if (ai >= list.length) throw typeError('format string needs more arguments');
    return list[ai++];
  };
  let out = '';
  let usedMap = false;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%') { out += c; continue; }
    i++;
    if (fmt[i] === '%') { out += '%'; continue; }
    let arg: PyObj = undefined;
    if (fmt[i] === '(') {
      const end = fmt.indexOf(')', i);
      if (end < 0) throw pyErr('ValueError', 'incomplete format key');
      const key = fmt.slice(i + 1, end);
      arg = ops.gi(args, key);
      usedMap = true;
      i = end + 1;
    }
    let flags = '';
    while ('-+ #0'.includes(fmt[i]) && i < fmt.length) flags += fmt[i++];
    let width = '';
    if (fmt[i] === '*') { width = String(next()); i++; } else while (fmt[i] >= '0' && fmt[i] <= '9') width += fmt[i++];
    let prec = -1;
    if (fmt[i] === '.') {
      i++;
      let p = '';
      if (fmt[i] === '*') { p = String(next()); i++; } else while (fmt[i] >= '0' && fmt[i] <= '9') p += fmt[i++];
      prec = p ? Number(p) : 0;
    }
    const conv = fmt[i];
    if (conv === undefined) throw pyErr('ValueError', 'incomplete format');
    if (arg === undefined) arg = next();
    const sp: Spec = {
      // MicroPython zero-fills even a left-aligned number ('%-05d' % 3 is '30000'), never text
      fill: flags.includes('0') && !'srac'.includes(conv) ? '0' : ' ',
      align: flags.includes('-') ? '<' : flags.includes('0') && !'srac'.includes(conv) ? '=' : '>',
      sign: flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '-', alt: flags.includes('#'), zero: false,
      width: width ? Number(width) : 0, comma: '', prec, type: '',
    };
    switch (conv) {
      case 's': case 'r': case 'a': {
        let s = conv === 's' ? ops.str(arg) : ops.repr(arg);
        if (prec >= 0) s = s.slice(0, prec);
        out += pad(s, '', sp, '>');
        break;
      }
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        const n = intArg(arg);
        // a precision is a minimum digit count; left-aligned it then pads with spaces, not zeros
        const ip = prec < 0 ? { prec: -1 } : sp.align === '<' ? { prec, fill: ' ' } : { prec };
        out += formatInt(n, { ...sp, ...ip, type: 'diu'.includes(conv) ? 'd' : conv });
        break;
      }
      case 'c': {
        const s = charFor(arg);
        out += pad(s, '', sp, '>');
        break;
      }
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        const v = floatArg(arg);
        out += formatFloat(v, { ...sp, type: conv, prec: prec < 0 ? 6 : prec });
        break;
      }
      default: throw pyErr('ValueError', `unsupported format character '${conv}' (0x${conv.charCodeAt(0).toString(16)}) at index ${i}`);
    }
  }
  if (!usedMap && !isMap && ai < list.length) throw typeError('format string didn\'t convert all arguments');
  return out;
}

/** The character `%c` and `{:c}` make of a code point or a 1-character str, as MicroPython does
 *  (a code point outside Unicode comes out as NUL there). */
function charFor(a: PyObj): string {
  if (typeof a === 'string') {
    if ([...a].length !== 1) throw typeError('%c needs int or char');
    return a;
  }
  if (a instanceof PyFloat) throw typeError('integer needed');
  const n = intArg(a);
  if (typeof n === 'bigint' || n > 0x7fffffff || n < -0x80000000) throw pyErr('OverflowError', 'overflow converting long int to machine word');
  return n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\x00';
}

function intArg(a: PyObj): number | bigint {
  if (typeof a === 'number' || typeof a === 'bigint') return a;
  if (typeof a === 'boolean') return a ? 1 : 0;
  if (a instanceof PyFloat) return Math.trunc(a.v);
  throw typeError("can't convert " + ops.typeName(a) + ' to int');
}

function floatArg(a: PyObj): number {
  if (typeof a === 'number') return a;
  if (typeof a === 'bigint') return Number(a);
  if (typeof a === 'boolean') return a ? 1 : 0;
  return argFloat(a);
}

export function bytesPercent(fmt: PyBytes, args: PyObj): PyBytes {
  const conv = (x: PyObj): PyObj => (x instanceof PyBytes ? latin1(x.b) : x);
  const a = args instanceof PyTuple ? new PyTuple(args.items.map(conv)) : conv(args);
  return new PyBytes(fromLatin1(percentFormat(latin1(fmt.b), a)));
}

// #endregion

// #region str.format

export function strFormat(fmt: string, args: PyObj[], kw: Map<string, PyObj> | null, numbering = { auto: 0 }): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c === '{') {
      if (fmt[i + 1] === '{') { out += '{'; i++; continue; }
      // find matching close brace (nested {} allowed in spec)
      let depth = 1; let j = i + 1;
      for (; j < fmt.length; j++) { if (fmt[j] === '{') depth++; else if (fmt[j] === '}') { depth--; if (depth === 0) break; } }
      if (j >= fmt.length) throw pyErr('ValueError', "unmatched '{' in format");
      const field = fmt.slice(i + 1, j);
      i = j;
      let name = field; let conv: string | null = null; let spec = '';
      const colon = findTop(field, ':');
      if (colon >= 0) { spec = field.slice(colon + 1); name = field.slice(0, colon); }
      const bang = name.indexOf('!');
      if (bang >= 0) { conv = name.slice(bang + 1); name = name.slice(0, bang); }
      const m = /^([^.[]*)(.*)$/s.exec(name) as RegExpExecArray;
      let key = m[1];
      let v: PyObj;
      if (key === '') {
        if (numbering.auto < 0) throw pyErr('ValueError', "can't switch from manual field specification to automatic field numbering");
        key = String(numbering.auto++);
      } else if (/^\d+$/.test(key)) {
        if (numbering.auto > 0) throw pyErr('ValueError', "can't switch from automatic field numbering to manual field specification");
        numbering.auto = -1;
      }
      // fields nested in the spec are numbered after this one ('{:{}}'.format(v, spec))
      if (spec.includes('{')) spec = strFormat(spec, args, kw, numbering);
      if (/^\d+$/.test(key)) {
        const idx = Number(key);
        if (idx >= args.length) throw pyErr('IndexError', 'tuple index out of range');
        v = args[idx];
      } else {
        v = kw?.get(key);
        if (v === undefined) throw pyErr('KeyError', key);
      }
      let rest = m[2];
      while (rest) {
        const am = /^\.([^.[]+)/.exec(rest);
        if (am) { v = ops.ga(v, am[1]); rest = rest.slice(am[0].length); continue; }
        const im = /^\[([^\]]*)\]/.exec(rest);
        if (im) { v = ops.gi(v, /^\d+$/.test(im[1]) ? Number(im[1]) : im[1]); rest = rest.slice(im[0].length); continue; }
        throw pyErr('ValueError', 'invalid format field');
      }
      if (conv === 'r') v = ops.repr(v); else if (conv === 's') v = ops.str(v); else if (conv !== null && conv !== 'a') throw pyErr('ValueError', 'invalid conversion');
      out += spec === '' ? ops.str(v) : formatValue(v, spec);
    } else if (c === '}') {
      if (fmt[i + 1] === '}') { out += '}'; i++; continue; }
      throw pyErr('ValueError', "single '}' encountered in format string");
    } else out += c;
  }
  return out;
}

function findTop(s: string, ch: string): number {
  let d = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '[') d++; else if (s[i] === ']') d--;
    else if (s[i] === ch && d === 0) return i;
  }
  return -1;
}

// #endregion

ops.setFormatHooks(percentFormat, bytesPercent);
