// Removes CircuitPython's terminal-title escapes (ESC ] 0 ; … ESC \, or … BEL) from the byte
// stream before any prompt matching, keeping the last title (it carries the version tag).
// Sequences may arrive split across reads; an unfinished one is held back until it completes.
// Other escape sequences (cursor moves, line clears) pass through untouched.

const ESC = 0x1b;
const BEL = 0x07;
const MAX_TITLE = 512; // a title longer than this is not one: give the bytes back

export class TitleFilter {
  private held: number[] = [];
  /** The last title seen (without the escape bytes), '' after a clear. */
  lastTitle: string | null = null;

  /** Returns the bytes with complete title sequences removed; holds back a trailing partial one. */
  push(data: Uint8Array): Uint8Array {
    const input = this.held.length ? Uint8Array.from([...this.held, ...data]) : data;
    this.held = [];
    const out: number[] = [];
    let i = 0;
    while (i < input.length) {
      const b = input[i];
      if (b !== ESC) {
        out.push(b);
        i++;
        continue;
      }
      const end = this.matchTitle(input, i);
      if (end === -1) {
        // possibly a title still arriving: hold from here on
        this.held = Array.from(input.subarray(i));
        break;
      }
      if (end === -2) {
        out.push(b);
        i++;
        continue;
      }
      i = end;
    }
    return Uint8Array.from(out);
  }

  /** Bytes held back for a title that never completed (for example at close). */
  flush(): Uint8Array {
    const rest = Uint8Array.from(this.held);
    this.held = [];
    return rest;
  }

  /** -1: incomplete (need more bytes); -2: not a title; else the index after the sequence. */
  private matchTitle(buf: Uint8Array, start: number): number {
    const prefix = [ESC, 0x5d, 0x30, 0x3b]; // ESC ] 0 ;
    for (let k = 0; k < prefix.length; k++) {
      if (start + k >= buf.length) return -1;
      if (buf[start + k] !== prefix[k]) return -2;
    }
    for (let j = start + prefix.length; j < buf.length; j++) {
      if (j - start > MAX_TITLE) return -2;
      if (buf[j] === BEL) {
        this.lastTitle = Buffer.from(buf.subarray(start + prefix.length, j)).toString('utf8');
        return j + 1;
      }
      if (buf[j] < 0x20 && buf[j] !== ESC) return -2; // titles are one line of text: this is not one
      if (buf[j] === ESC) {
        if (j + 1 >= buf.length) return -1;
        if (buf[j + 1] === 0x5c) {
          this.lastTitle = Buffer.from(buf.subarray(start + prefix.length, j)).toString('utf8');
          return j + 2;
        }
        return -2;
      }
    }
    return buf.length - start > MAX_TITLE ? -2 : -1;
  }
}

/** The CircuitPython version tag at the end of a title ("🐍Wi-Fi: off | code.py | 9.2.1" → "9.2.1"). */
export function versionFromTitle(title: string): string | null {
  const parts = title.split('|').map((p) => p.trim());
  const last = parts[parts.length - 1];
  return last && /^\d+\.\d+/.test(last) ? last : null;
}
