// Python tokenizer: source text → tokens with INDENT/DEDENT/NEWLINE, f-strings kept as
// one token whose parts the parser re-tokenizes. Never throws: bad input becomes an
// 'error' token carrying a MicroPython-worded message.

export type TokKind =
  | 'name' | 'number' | 'string' | 'op' | 'newline' | 'indent' | 'dedent' | 'eof' | 'error';

export interface Token {
  kind: TokKind;
  /** For 'name'/'op': the text. For 'string': decoded value (see str fields). For 'number': source text. */
  value: string;
  line: number;
  col: number;
  /** String literal details. */
  prefix?: string;
  /** For bytes literal: decoded byte values as latin1 chars in value. */
  bytes?: boolean;
  fstring?: boolean;
  /** Raw body of an f-string (escapes not yet processed, as written). */
  raw?: string;
}

const OPS3 = ['**=', '//=', '>>=', '<<=', '...', '!='];
const OPS2 = ['**', '//', '>>', '<<', '<=', '>=', '==', '!=', '->', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=', ':='];
const OPS1 = '+-*/%&|^~<>()[]{},:;.=@';

function isIdStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c.charCodeAt(0) > 127;
}
function isIdChar(c: string): boolean {
  return isIdStart(c) || (c >= '0' && c <= '9');
}

/** Decodes the escapes of a (non-raw) string literal body. Returns null and sets err on failure. */
export function decodeEscapes(body: string, isBytes: boolean, err: { msg?: string }): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') { out += c; continue; }
    i++;
    const e = body[i];
    switch (e) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case "'": out += "'"; break;
      case '"': out += '"'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x': {
        const h = body.slice(i + 1, i + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(h)) { err.msg = 'invalid \\x escape'; return out; }
        out += String.fromCharCode(parseInt(h, 16)); i += 2; break;
      }
      case 'u': case 'U': {
        if (isBytes) { out += '\\' + e; break; }
        const n = e === 'u' ? 4 : 8;
        const h = body.slice(i + 1, i + 1 + n);
        if (h.length !== n || !/^[0-9a-fA-F]+$/.test(h)) { err.msg = 'invalid \\u escape'; return out; }
        const cp = parseInt(h, 16);
        if (cp > 0x10ffff) { err.msg = 'invalid \\u escape'; return out; }
        out += String.fromCodePoint(cp); i += n; break;
      }
      case 'N': err.msg = 'unicode name escapes'; return out;
      default:
        if (e >= '0' && e <= '7') {
          let j = i; let v = 0;
          while (j < i + 3 && body[j] >= '0' && body[j] <= '7') { v = v * 8 + (body.charCodeAt(j) - 48); j++; }
          out += String.fromCharCode(isBytes ? v & 0xff : v); i = j - 1;
        } else {
          out += '\\' + (e ?? '');
        }
    }
  }
  return out;
}

export function tokenize(src: string): Token[] {
  // MicroPython's lexer reads CR LF and a lone CR as LF everywhere, string literals included
  if (src.includes('\r')) src = src.replace(/\r\n?/g, '\n');
  const toks: Token[] = [];
  const indents = [0];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let depth = 0; // bracket nesting
  let atLineStart = true;
  const n = src.length;
  const push = (kind: TokKind, value: string, l: number, c: number) => { toks.push({ kind, value, line: l, col: c }); };
  const error = (msg: string, l: number, c: number) => { toks.push({ kind: 'error', value: msg, line: l, col: c }); };

  while (i < n) {
    if (atLineStart && depth === 0) {
      // measure indentation
      let col = 0; let j = i;
      while (j < n && (src[j] === ' ' || src[j] === '\t' || src[j] === '\f')) {
        col = src[j] === '\t' ? (col + 8) & ~7 : src[j] === '\f' ? 0 : col + 1; j++;
      }
      if (j >= n) { i = j; break; }
      const c = src[j];
      if (c === '\n' || c === '#' || c === '\r' || (c === '\\' && src[j + 1] === '\n')) {
        // blank or comment line: skip entirely
        while (j < n && src[j] !== '\n') j++;
        if (src[j - 1] === '\\' && src[j - 2] !== '\\' && c === '\\') { /* continuation of blank */ }
        i = j + 1; line++; lineStart = i; continue;
      }
      atLineStart = false;
      const top = indents[indents.length - 1];
      if (col > top) { indents.push(col); push('indent', '', line, col); }
      else if (col < top) {
        while (indents.length > 1 && col < indents[indents.length - 1]) { indents.pop(); push('dedent', '', line, col); }
        if (col !== indents[indents.length - 1]) { error('unindent doesn\'t match any outer indent level', line, col); return finish(); }
      }
      i = j;
      continue;
    }
    const c = src[i];
    const col = i - lineStart;
    if (c === ' ' || c === '\t' || c === '\f' || c === '\r') { i++; continue; }
    if (c === '#') { while (i < n && src[i] !== '\n') i++; continue; }
    if (c === '\\') {
      if (src[i + 1] === '\n') { i += 2; line++; lineStart = i; continue; }
      if (src[i + 1] === '\r' && src[i + 2] === '\n') { i += 3; line++; lineStart = i; continue; }
      error('invalid syntax', line, col); return finish();
    }
    if (c === '\n') {
      if (depth === 0) { push('newline', '', line, col); atLineStart = true; }
      i++; line++; lineStart = i; continue;
    }
    // string literal (with optional prefix)
    if (isIdStart(c)) {
      let j = i;
      while (j < n && isIdChar(src[j])) j++;
      const word = src.slice(i, j);
      const q = src[j];
      if ((q === '"' || q === "'") && word.length <= 2 && /^(r|b|f|u|br|rb|fr|rf)$/.test(word)) {
        const r = readString(word, j);
        if (!r) return finish();
        continue;
      }
      push('name', word, line, col);
      i = j; continue;
    }
    if (c === '"' || c === "'") { if (!readString('', i)) return finish(); continue; }
    if ((c >= '0' && c <= '9') || (c === '.' && src[i + 1] >= '0' && src[i + 1] <= '9')) {
      const m = /^(0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?[jJ]?)/.exec(src.slice(i, i + 400));
      if (!m) { error('invalid syntax', line, col); return finish(); }
      let text = m[0];
      i += text.length;
      if (i < n && isIdChar(src[i])) { error('invalid syntax', line, col); return finish(); }
      // legacy octal like 0777 is invalid
      if (/^0\d/.test(text) && !/[.eEjJ]/.test(text) && !/^0+$/.test(text.replace(/_/g, ''))) { error('invalid syntax', line, col); return finish(); }
      text = text.replace(/_/g, '');
      push('number', text, line, col);
      continue;
    }
    // operators
    const three = src.slice(i, i + 3);
    const two = src.slice(i, i + 2);
    let op = '';
    if (OPS3.includes(three)) op = three;
    else if (OPS2.includes(two)) op = two;
    else if (OPS1.includes(c)) op = c;
    if (!op) { error('invalid syntax', line, col); return finish(); }
    if (op === '(' || op === '[' || op === '{') depth++;
    else if ((op === ')' || op === ']' || op === '}') && depth > 0) depth--;
    push('op', op, line, col);
    i += op.length;
  }
  return finish();

  function finish(): Token[] {
    if (toks.length && toks[toks.length - 1].kind === 'error') return toks;
    const last = toks[toks.length - 1];
    const eofLine = src.endsWith('\n') || src.length === 0 ? line : line + 1;
    if (last && last.kind !== 'newline' && last.kind !== 'dedent' && last.kind !== 'indent') push('newline', '', eofLine, 0);
    while (indents.length > 1) { indents.pop(); push('dedent', '', eofLine, 0); }
    push('eof', '', eofLine, 0);
    return toks;
  }

  function readString(prefix: string, qpos: number): boolean {
    const startLine = line; const startCol = i - lineStart;
    const q = src[qpos];
    const triple = src[qpos + 1] === q && src[qpos + 2] === q;
    const ql = triple ? 3 : 1;
    let j = qpos + ql;
    const raw = prefix.includes('r');
    let body = '';
    for (;;) {
      if (j >= n) { error('invalid syntax', startLine, startCol); return false; }
      const ch = src[j];
      if (ch === '\\') {
        if (j + 1 >= n) { j++; continue; }
        if (src[j + 1] === '\n') { line++; lineStart = j + 2; }
        body += ch + src[j + 1]; j += 2; continue;
      }
      if (ch === '\n') {
        if (!triple) { error('invalid syntax', startLine, startCol); return false; }
        line++; lineStart = j + 1;
      }
      if (ch === q && (!triple || (src[j + 1] === q && src[j + 2] === q))) { j += ql; break; }
      if (ch === '\r' && src[j + 1] === '\n') { j++; continue; }
      body += ch; j++;
    }
    i = j;
    const isBytes = prefix.includes('b');
    const tok: Token = { kind: 'string', value: '', line: startLine, col: startCol, prefix };
    if (prefix.includes('f')) { tok.fstring = true; tok.raw = body; tok.value = body; }
    else if (raw) tok.value = body;
    else {
      const err: { msg?: string } = {};
      tok.value = decodeEscapes(body, isBytes, err);
      if (err.msg) { error(err.msg, startLine, startCol); return false; }
    }
    if (isBytes) {
      tok.bytes = true;
      for (let k = 0; k < tok.value.length; k++) {
        if (tok.value.charCodeAt(k) > 255) { error('bytes can only contain ASCII literal characters', startLine, startCol); return false; }
      }
    }
    toks.push(tok);
    return true;
  }
}
