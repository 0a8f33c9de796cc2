// The friendly REPL's line editor, byte for byte as MicroPython's shared/readline/readline.c
// (VT100 echo, history, auto-indent, Tab completion, emacs keys). It edits one "line" buffer
// that may already hold earlier continuation lines; it never executes anything itself.

export const CTRL_A = 0x01;
export const CTRL_B = 0x02;
export const CTRL_C = 0x03;
export const CTRL_D = 0x04;
export const CTRL_E = 0x05;

const HISTORY_SIZE = 8;
const AUTO_INDENT_ENABLED = 0x01;
const AUTO_INDENT_JUST_ADDED = 0x02;

const enum Esc {
  None,
  Esc,
  Bracket,
  BracketDigit,
  O,
}

/**
 * Completion outcome: text to insert; 'listed' when several candidates were already printed
 * (the editor then reprints the prompt and line); or null for no match.
 */
export type Completion = { insert: string } | 'listed' | null;

/**
 * Where the line editor sends its echo and asks for completions. `write` takes protocol text
 * whose char codes are bytes (the editor only ever holds bytes 0x20..0x7e plus '\n').
 */
export interface ReadlineHost {
  write(bytes: string): void;
  complete(text: string): Completion;
}

/** One REPL line editor; state survives across lines (history) like the C static `rl`. */
export class Readline {
  /** The whole input so far, continuation lines separated by '\n'. */
  line = '';
  private origLen = 0;
  private cursor = 0;
  private esc = Esc.None;
  private escDigit = '';
  private histCur = -1;
  private autoIndent = 0;
  private prompt = '';
  private readonly history: string[] = [];

  constructor(private readonly host: ReadlineHost) {}

  /** readline_init: start a fresh input with `prompt` (the buffer is usually empty). */
  init(line: string, prompt: string): void {
    this.line = line;
    this.origLen = line.length;
    this.esc = Esc.None;
    this.escDigit = '';
    this.histCur = -1;
    this.cursor = this.origLen;
    this.prompt = prompt;
    this.host.write(prompt);
    if (line.length === 0) this.autoIndent = AUTO_INDENT_ENABLED;
    this.doAutoIndent();
  }

  /** readline_note_newline: a continuation line starts (the caller already appended '\n'). */
  noteNewline(prompt: string): void {
    // as the blocking readline() a board uses for each continuation line
    this.esc = Esc.None;
    this.histCur = -1;
    this.origLen = this.line.length;
    this.cursor = this.origLen;
    this.prompt = prompt;
    this.host.write(prompt);
    this.doAutoIndent();
  }

  /** True when the current (last) line has nothing typed on it. */
  get currentLineEmpty(): boolean {
    return this.line.length === this.origLen;
  }

  /**
   * readline_process_char: returns -1 while editing, 0 when Enter finished the line, or the
   * control character (^A..^E on an empty line, ^C on any line) for the caller to act on.
   */
  processChar(c: number): number {
    const lastLen = this.line.length;
    let stepBack = 0;
    let redrawFromCursor = false;
    let stepForward = 0;
    let action: 'home' | 'end' | 'delete' | 'up' | 'down' | 'left' | 'right' | null = null;

    if (this.esc === Esc.None) {
      if (c >= CTRL_A && c <= CTRL_E && this.line.length === this.origLen) {
        return c;
      } else if (c === CTRL_A) {
        action = 'home';
      } else if (c === CTRL_B) {
        action = 'left';
      } else if (c === CTRL_C) {
        return c;
      } else if (c === CTRL_D) {
        action = 'delete';
      } else if (c === CTRL_E) {
        action = 'end';
      } else if (c === 0x06) {
        action = 'right';
      } else if (c === 0x0b) {
        // ^K: kill to end of line
        this.line = this.line.slice(0, this.cursor);
        redrawFromCursor = true;
      } else if (c === 0x0e) {
        action = 'down';
      } else if (c === 0x10) {
        action = 'up';
      } else if (c === 0x15) {
        // ^U: kill from start of line to cursor
        this.line = this.line.slice(0, this.origLen) + this.line.slice(this.cursor);
        stepBack = this.cursor - this.origLen;
        redrawFromCursor = true;
      } else if (c === 0x0d) {
        this.host.write('\r\n');
        this.pushHistory(this.line.slice(this.origLen));
        return 0;
      } else if (c === 27) {
        this.esc = Esc.Esc;
      } else if (c === 8 || c === 127) {
        if (this.cursor > this.origLen) {
          let nspace = 0;
          for (let i = this.origLen; i < this.cursor; i++) {
            if (this.line[i] !== ' ') {
              nspace = 0;
              break;
            }
            nspace += 1;
          }
          nspace = nspace < 4 ? 1 : 4;
          this.line = this.line.slice(0, this.cursor - nspace) + this.line.slice(this.cursor);
          stepBack = nspace;
          redrawFromCursor = true;
        }
      } else if (this.autoIndent & AUTO_INDENT_JUST_ADDED && (c === 9 || c === 32)) {
        // tab/space right after auto-indent: disable it (a space also removes 3 of the 4 spaces)
        this.autoIndent = 0;
        if (c === 32) {
          stepBack = 3;
          this.line = this.line.slice(0, this.line.length - 3);
        }
      } else if (c === 9) {
        const r = this.tab();
        if (r) {
          if (r === 'listed') {
            this.host.write(this.prompt);
            this.host.write(this.line.slice(this.origLen, this.cursor));
            redrawFromCursor = true;
          } else {
            this.line = this.line.slice(0, this.cursor) + r.insert + this.line.slice(this.cursor);
            redrawFromCursor = true;
            stepForward = r.insert.length;
          }
        }
      } else if (c >= 32 && c <= 126) {
        this.line = this.line.slice(0, this.cursor) + String.fromCharCode(c) + this.line.slice(this.cursor);
        redrawFromCursor = true;
        stepForward = 1;
      }
    } else if (this.esc === Esc.Esc) {
      if (c === 0x5b) this.esc = Esc.Bracket;
      else if (c === 0x4f) this.esc = Esc.O;
      else this.esc = Esc.None;
    } else if (this.esc === Esc.Bracket) {
      if (c >= 0x30 && c <= 0x39) {
        this.esc = Esc.BracketDigit;
        this.escDigit = String.fromCharCode(c);
      } else {
        this.esc = Esc.None;
        const ch = String.fromCharCode(c);
        if (ch === 'A') action = 'up';
        else if (ch === 'B') action = 'down';
        else if (ch === 'C') action = 'right';
        else if (ch === 'D') action = 'left';
        else if (ch === 'H') action = 'home';
        else if (ch === 'F') action = 'end';
      }
    } else if (this.esc === Esc.BracketDigit) {
      if (c === 0x7e) {
        const d = this.escDigit;
        if (d === '1' || d === '7') action = 'home';
        else if (d === '4' || d === '8') action = 'end';
        else if (d === '3') action = 'delete';
      }
      this.esc = Esc.None;
    } else if (this.esc === Esc.O) {
      if (c === 0x48) action = 'home';
      else if (c === 0x46) action = 'end';
      else this.esc = Esc.None;
      // (as in C, ESC O H/F leaves the escape state set until the next byte resets it)
    } else {
      this.esc = Esc.None;
    }

    switch (action) {
      case 'home':
        stepBack = this.cursor - this.origLen;
        break;
      case 'end':
        stepForward = this.line.length - this.cursor;
        break;
      case 'delete':
        if (this.cursor < this.line.length) {
          this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
          redrawFromCursor = true;
        }
        break;
      case 'up':
        if (this.histCur + 1 < HISTORY_SIZE && this.history[this.histCur + 1] !== undefined) {
          this.histCur += 1;
          this.line = this.line.slice(0, this.origLen) + this.history[this.histCur];
          stepBack = this.cursor - this.origLen;
          redrawFromCursor = true;
          stepForward = this.line.length - this.origLen;
        }
        break;
      case 'down':
        if (this.histCur >= 0) {
          this.histCur -= 1;
          this.line = this.line.slice(0, this.origLen) + (this.histCur >= 0 ? this.history[this.histCur] : '');
          stepBack = this.cursor - this.origLen;
          redrawFromCursor = true;
          stepForward = this.line.length - this.origLen;
        }
        break;
      case 'right':
        if (this.cursor < this.line.length) stepForward = 1;
        break;
      case 'left':
        if (this.cursor > this.origLen) stepBack = 1;
        break;
      case null:
        break;
    }

    this.redraw(lastLen, stepBack, redrawFromCursor, stepForward);
    this.autoIndent &= ~AUTO_INDENT_JUST_ADDED;
    return -1;
  }

  private redraw(lastLen: number, stepBack: number, fromCursor: boolean, stepForward: number): void {
    if (stepBack > 0) {
      this.moveCursorBack(stepBack);
      this.cursor -= stepBack;
    }
    if (fromCursor) {
      if (this.line.length < lastLen) this.host.write('\x1b[K');
      this.host.write(this.line.slice(this.cursor));
      this.moveCursorBack(this.line.length - (this.cursor + stepForward));
      this.cursor += stepForward;
    } else if (stepForward > 0) {
      this.host.write(this.line.slice(this.cursor, this.cursor + stepForward));
      this.cursor += stepForward;
    }
  }

  private moveCursorBack(n: number): void {
    if (n <= 0) return;
    if (n <= 4) this.host.write('\b\b\b\b'.slice(0, n));
    else this.host.write(`\x1b[${n}D`);
  }

  private tab(): Completion {
    if (this.line.length !== 0 && this.cursor > 0 && isSpace(this.line[this.cursor - 1])) {
      return { insert: '    ' };
    }
    return this.host.complete(this.line.slice(this.origLen, this.cursor));
  }

  private doAutoIndent(): void {
    if (!(this.autoIndent & AUTO_INDENT_ENABLED)) return;
    const line = this.line;
    const len = line.length;
    if (len > 1 && line[len - 1] === '\n') {
      let i: number;
      for (i = len - 1; i > 0; i--) if (line[i - 1] === '\n') break;
      let j: number;
      for (j = i; j < len; j++) if (line[j] !== ' ') break;
      if (i > 0 && j + 1 === len) {
        // previous line is all spaces: stop if the one before it is too
        for (let k = i - 1; k > 0; --k) {
          if (line[k - 1] === '\n') return;
          if (line[k - 1] !== ' ') break;
        }
      }
      let n = Math.floor((j - i) / 4);
      if (line[len - 2] === ':') n += 1;
      while (n-- > 0) {
        this.line += '    ';
        this.host.write('    ');
        this.cursor += 4;
        this.autoIndent |= AUTO_INDENT_JUST_ADDED;
      }
    }
  }

  private pushHistory(entry: string): void {
    if (entry !== '' && this.history[0] !== entry) {
      this.history.unshift(entry);
      if (this.history.length > HISTORY_SIZE) this.history.length = HISTORY_SIZE;
    }
  }
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';
}

/**
 * mp_repl_continue_with_input: whether the friendly REPL should ask for another line
 * (compound statement without a closing blank line, open bracket, open triple quote, or '\').
 */
export function continueWithInput(input: string): boolean {
  if (input.length === 0) return false;
  const startsWithWord = (w: string) =>
    input.startsWith(w) && (input.length === w.length || !/[A-Za-z0-9_]/.test(input[w.length]) && input.charCodeAt(w.length) < 0x80);
  const compound =
    input[0] === '@' || ['if', 'while', 'for', 'try', 'with', 'def', 'class', 'async'].some(startsWithWord);
  const Q1S = 1, Q1D = 2, Q3S = 3, Q3D = 4;
  let paren = 0, brack = 0, brace = 0, q = 0;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch === "'") {
      if ((q === 0 || q === Q3S) && input[i + 1] === "'" && input[i + 2] === "'") {
        i += 2;
        q = Q3S - q;
      } else if (q === 0 || q === Q1S) {
        q = Q1S - q;
      }
    } else if (ch === '"') {
      if ((q === 0 || q === Q3D) && input[i + 1] === '"' && input[i + 2] === '"') {
        i += 2;
        q = Q3D - q;
      } else if (q === 0 || q === Q1D) {
        q = Q1D - q;
      }
    } else if (ch === '\\' && (input[i + 1] === "'" || input[i + 1] === '"' || input[i + 1] === '\\')) {
      if (q !== 0) i++;
    } else if (q === 0) {
      if (ch === '(') paren++;
      else if (ch === ')') paren--;
      else if (ch === '[') brack++;
      else if (ch === ']') brack--;
      else if (ch === '{') brace++;
      else if (ch === '}') brace--;
    }
  }
  if (q === Q3S || q === Q3D) return true;
  if ((paren > 0 || brack > 0 || brace > 0) && q === 0) return true;
  const last = input[input.length - 1];
  if (last === '\\') return true;
  if (compound && last !== '\n') return true;
  return false;
}

/**
 * mp_repl_autocomplete's result from a list of candidate names for the partial word `partial`:
 * one match or a longer common prefix inserts text; several print a column list (returned as
 * the text to print, with '\n' line ends) and the editor redraws the line.
 */
export function completeFromCandidates(partial: string, candidates: string[], firstWord: boolean): { insert?: string; list?: string } | null {
  const matches = candidates.filter((c) => c.startsWith(partial));
  if (matches.length === 0) {
    const imp = 'import ';
    if (firstWord && imp.startsWith(partial)) return { insert: imp.slice(partial.length) };
    return null;
  }
  let common = matches[0];
  for (const m of matches) {
    let j = partial.length;
    while (j < common.length && j < m.length && common[j] === m[j]) j++;
    common = common.slice(0, j);
  }
  if (matches.length === 1 || common.length > partial.length) return { insert: common.slice(partial.length) };
  const SLOT = 16, MAX = 64;
  let lineLen = MAX;
  let out = '';
  for (const m of matches) {
    let gap = Math.floor((lineLen + SLOT - 1) / SLOT) * SLOT - lineLen;
    if (gap < 2) gap += SLOT;
    if (lineLen + gap + m.length <= MAX) {
      out += ' '.repeat(gap) + m;
      lineLen += gap + m.length;
    } else {
      out += '\n' + m;
      lineLen = m.length;
    }
  }
  return { list: out + '\n' };
}
