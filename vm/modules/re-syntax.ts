// MicroPython's regular-expression syntax (re1.5) turned into an equivalent JS RegExp source.
// re1.5 knows only: literals, '.', [...] and [^...] with ranges and \d\s\w classes, (...) and
// (?:...), ? * + and their lazy forms, |, ^ and $. Everything else is a literal ('{', '\n' as
// 'n'), and what it cannot compile is an error at compile time, including its size limits:
// its bytecode stores jump offsets, class sizes and group numbers in signed bytes.

import { pyErr } from '../objects/exception';

// re1.5's sizing pass fails on anything it cannot compile ('regex too complex'); only a
// stray ')' gets past it, to fail the compile proper ('error in regex')
const regexError = (): never => { throw pyErr('ValueError', 'regex too complex'); };
const NAMED = new Set(['d', 'D', 's', 'S', 'w', 'W']);
const fitsByte = (v: number): void => { if (v < -128 || v > 127) regexError(); };

/** A literal character as JS source, outside (`inClass` false) or inside a class. */
function lit(c: string, inClass: boolean): string {
  if (/[A-Za-z0-9 _]/.test(c)) return c;
  const code = c.charCodeAt(0);
  return code < 0x80 && (inClass ? /[\\\]^-]/ : /[\\^$.|?*+()[\]{}/]/).test(c) ? '\\' + c : `\\u${code.toString(16).padStart(4, '0')}`;
}

export interface Re15 { source: string; groups: number }

/** Translates a pattern, raising ValueError where MicroPython would. */
export function translateRe15(re: string): Re15 {
  // pc counts bytecode bytes as re1.5 emits them, only to apply its range checks
  const st = { pc: 0, sub: 0 };
  const [source, end] = seq(re, 0, st);
  if (end < re.length) throw pyErr('ValueError', 'error in regex'); // an unmatched ')'
  return { source, groups: st.sub };
}

/** One alternation level, up to ')' or the end; returns JS source and where it stopped. */
function seq(re: string, i: number, st: { pc: number; sub: number }): [string, number] {
  const start = st.pc;
  let term = st.pc;
  let altLabel = 0;
  const alts: string[] = [];
  let parts: string[] = [];
  for (; i < re.length && re[i] !== ')'; i++) {
    const c = re[i];
    switch (c) {
      case '\\': {
        i++;
        if (i >= re.length) regexError(); // trailing backslash
        term = st.pc; st.pc += 2;
        parts.push(NAMED.has(re[i]) ? '\\' + re[i] : lit(re[i], false));
        break;
      }
      case '.': term = st.pc; st.pc += 1; parts.push('[^]'); break;
      case '[': {
        term = st.pc;
        i++;
        let neg = false;
        if (re[i] === '^') { neg = true; i++; }
        st.pc += 2;
        let body = ''; let cnt = 0;
        for (; re[i] !== ']'; i++, cnt++) {
          let ch = re[i];
          if (ch === '\\') {
            i++; ch = re[i];
            if (ch !== undefined && NAMED.has(ch)) { body += '\\' + ch; st.pc += 2; continue; }
          }
          if (ch === undefined) regexError(); // unterminated class
          if (re[i + 1] === '-' && re[i + 2] !== ']' && re[i + 2] !== undefined) { body += lit(ch, true) + '-' + lit(re[i + 2], true); i += 2; }
          else body += lit(ch, true);
          st.pc += 2;
        }
        fitsByte(cnt);
        parts.push(cnt === 0 ? (neg ? '[^]' : '[]') : `[${neg ? '^' : ''}${body}]`);
        break;
      }
      case '(': {
        term = st.pc;
        const capture = !(re[i + 1] === '?' && re[i + 2] === ':');
        if (capture) { st.sub++; fitsByte(2 * st.sub + 1); st.pc += 2; } else i += 2;
        const [inner, j] = seq(re, i + 1, st);
        if (re[j] !== ')') regexError(); // no matching paren
        if (capture) st.pc += 2;
        parts.push(capture ? `(${inner})` : `(?:${inner})`);
        i = j;
        break;
      }
      case '?': case '*': case '+': {
        if (st.pc === term) regexError(); // nothing to repeat
        const lazy = re[i + 1] === '?';
        if (c === '?') { st.pc += 2; fitsByte(st.pc - term - 2); }
        else if (c === '*') { st.pc += 2; fitsByte(term - st.pc - 2); st.pc += 2; fitsByte(st.pc - term - 2); }
        else { fitsByte(term - st.pc - 2); st.pc += 2; }
        if (lazy) i++;
        parts[parts.length - 1] = `(?:${parts[parts.length - 1]})${c}${lazy ? '?' : ''}`;
        term = st.pc;
        break;
      }
      case '|':
        if (altLabel) fitsByte(st.pc - altLabel - 1);
        st.pc += 3; altLabel = st.pc; st.pc += 1;
        fitsByte(st.pc - start - 2);
        alts.push(parts.join('')); parts = [];
        term = st.pc;
        break;
      case '^': case '$': st.pc += 1; term = st.pc; parts.push(c); break;
      default: term = st.pc; st.pc += 2; parts.push(lit(c, false));
    }
  }
  if (altLabel) fitsByte(st.pc - altLabel - 1);
  alts.push(parts.join(''));
  return [alts.join('|'), i];
}
