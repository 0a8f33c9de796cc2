// Python literals crossing the raw REPL: string literals for paths, bytes literals for the
// repr transfer fallback (board-protocols.md §5.1 gives MicroPython's repr(bytes) format).

/** A Python str literal for any JS string (paths, names); ASCII-only output, so encoding never matters. */
export function pyString(s: string): string {
  let out = "'";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === "'" || ch === '\\') out += '\\' + ch;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c < 0x100) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out + "'";
}

/** A Python bytes literal: printable ASCII as itself, everything else escaped. */
export function pyBytes(data: Uint8Array): string {
  const parts: string[] = ["b'"];
  for (const b of data) {
    if (b === 0x27) parts.push("\\'");
    else if (b === 0x5c) parts.push('\\\\');
    else if (b === 0x0a) parts.push('\\n');
    else if (b === 0x0d) parts.push('\\r');
    else if (b === 0x09) parts.push('\\t');
    else if (b >= 0x20 && b < 0x7f) parts.push(String.fromCharCode(b));
    else parts.push('\\x' + b.toString(16).padStart(2, '0'));
  }
  parts.push("'");
  return parts.join('');
}

/** Parses one bytes literal as MicroPython's repr(bytes) prints it (b'…' or b"…"). */
export function parseBytesLiteral(text: string): Buffer {
  const t = text.trim();
  if (t.length < 3 || t[0] !== 'b' || (t[1] !== "'" && t[1] !== '"') || t[t.length - 1] !== t[1]) {
    throw new Error(`not a bytes literal: ${t.slice(0, 40)}`);
  }
  const body = t.slice(2, -1);
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      out.push(body.charCodeAt(i));
      continue;
    }
    const e = body[++i];
    switch (e) {
      case 'n': out.push(10); break;
      case 'r': out.push(13); break;
      case 't': out.push(9); break;
      case '\\': out.push(0x5c); break;
      case "'": out.push(0x27); break;
      case '"': out.push(0x22); break;
      case 'x':
        out.push(parseInt(body.slice(i + 1, i + 3), 16));
        i += 2;
        break;
      default:
        throw new Error(`unknown escape \\${e} in bytes literal`);
    }
  }
  return Buffer.from(out);
}
