// The REPL: an xterm.js terminal connected to the board's friendly REPL. Keystrokes go to
// board:terminal-write, board text comes from board:terminal-data, run output from
// board:run-output (stderr in red). Multi-line paste uses paste mode; Ctrl-C stops a run;
// `File "…", line N` in tracebacks links to that line in the editor.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal, type ITheme } from '@xterm/xterm';
import { api, call } from '../api';
import { h } from '../app/dom';
import { guard, reportError } from '../app/errors';
import { InputWatch } from './input-watch';
import { CTRL_C, pasteKeystrokes } from './paste';
import { findTracebackLinks } from './traceback';
import { WriteBacklog } from './write-backlog';

export interface ReplOptions {
  /** A traceback link was followed. */
  openLocation(file: string, line: number): void;
  /** Whether a program started from the editor is running (Ctrl-C then means Stop). */
  isRunning(): boolean;
  stop(): void;
  /** Text the board printed (terminal and run output), for the plotter. */
  onOutput(text: string): void;
  /** Where focus goes after a program that took it for input() ends, when Run was clicked. */
  focusEditor(): void;
}

/** What the user is told when output came too fast to show (dropped by main or by the REPL itself). */
export function droppedNote(lines: number, size: number): string {
  const what = lines > 0 ? `${lines.toLocaleString('en')} line${lines === 1 ? '' : 's'}` : `${size.toLocaleString('en')} character${size === 1 ? '' : 's'}`;
  return `output too fast: ${what} not shown`;
}

/** Terminals want CRLF; the board may send bare LF. */
function toTerminal(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export class ReplPanel {
  readonly element: HTMLElement;
  readonly terminal: Terminal;
  private readonly fit = new FitAddon();
  private readonly host: HTMLElement;
  private readonly output: WriteBacklog;
  /** Shown in the REPL's header while the running program waits for the user to type. */
  readonly waitingHint = h('span', { class: 'repl-waiting', role: 'status', hidden: true }, 'The program is waiting for input: type here and press Enter');
  /** Tab moves focus out of the terminal instead of completing (toggled with Ctrl+M). */
  private tabMovesFocus = false;
  private readonly inputs = new InputWatch((waiting) => this.waitingChanged(waiting));
  /** Where focus was when a program's input() took it to the REPL ('taken' with nowhere to return); it goes back after the run. */
  private focusBefore: HTMLElement | 'taken' | null = null;

  constructor(private readonly options: ReplOptions) {
    this.host = h('div', { class: 'repl-terminal' });
    this.element = this.host;
    this.terminal = new Terminal({
      scrollback: 5000,
      convertEol: false,
      cursorBlink: true,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace',
      fontSize: 13,
      allowProposedApi: false,
      screenReaderMode: false,
      // Keeps every colour readable against the background in all three themes.
      minimumContrastRatio: 4.5,
    });
    this.terminal.loadAddon(this.fit);
    this.output = new WriteBacklog({ write: (text, done) => this.terminal.write(text, done) }, (lines, chars) => this.note(droppedNote(lines, chars)));
    this.terminal.onData(guard('REPL input', (data: string) => this.input(data)));
    this.terminal.attachCustomKeyEventHandler((e) => {
      // Ctrl+M switches what Tab does, as in VS Code's terminal: complete on the board, or move focus on
      if (e.type === 'keydown' && e.ctrlKey && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'm') {
        e.preventDefault();
        this.tabMovesFocus = !this.tabMovesFocus;
        this.note(this.tabMovesFocus ? 'Tab now moves focus out of the REPL. Ctrl+M: Tab completes names again.' : 'Tab completes names again. Ctrl+M: Tab moves focus out of the REPL.');
        this.describeKeys();
        return false;
      }
      // (returning false leaves Tab to the browser, which moves focus)
      if (e.key === 'Tab' && this.tabMovesFocus) return false;
      // Ctrl-Shift-C copies; plain Ctrl-C with a selection copies too, as in most terminals.
      if (e.type === 'keydown' && e.ctrlKey && e.key.toLowerCase() === 'c' && (e.shiftKey || this.terminal.hasSelection())) {
        void navigator.clipboard?.writeText(this.terminal.getSelection()).catch(() => undefined);
        return false;
      }
      // Ctrl-Shift-V pastes (Ctrl-V is handled by the browser's paste event below).
      if (e.type === 'keydown' && e.ctrlKey && e.shiftKey && e.key.toLowerCase() === 'v') {
        void navigator.clipboard?.readText().then((t) => this.paste(t)).catch(() => undefined);
        return false;
      }
      return true;
    });
    this.terminal.registerLinkProvider({
      provideLinks: (y, callback) => {
        const line = this.terminal.buffer.active.getLine(y - 1)?.translateToString(true) ?? '';
        const links = findTracebackLinks(line).map((link) => ({
          range: { start: { x: link.start + 1, y }, end: { x: link.end, y } },
          text: line.slice(link.start, link.end),
          activate: () => this.options.openLocation(link.file, link.line),
        }));
        callback(links.length ? links : undefined);
      },
    });
    api.on('board:terminal-data', ({ data }) => this.write(data));
    api.on('board:run-output', ({ stream, text }) => {
      this.write(text, stream === 'stderr');
      this.inputs.output();
    });
    api.on('board:output-dropped', ({ lines, bytes }) => this.note(droppedNote(lines, bytes)));
  }

  /** A program started from the editor: watch whether it waits for input. */
  runStarted(source: string): void {
    this.focusBefore = null;
    this.inputs.started(source);
  }

  /** The program ended: focus goes back where it was before input() took it. */
  runEnded(): void {
    this.inputs.ended();
    const before = this.focusBefore;
    this.focusBefore = null;
    if (!before || !this.host.contains(document.activeElement)) return;
    // after a click on Run the beginner's place is the editor, not the button
    if (before !== 'taken' && before.isConnected && !before.closest('[role=toolbar]')) before.focus();
    else this.options.focusEditor();
  }

  private waitingChanged(waiting: boolean): void {
    this.waitingHint.hidden = !waiting;
    this.host.classList.toggle('waiting-for-input', waiting);
    if (!waiting || this.host.contains(document.activeElement)) return;
    this.focusBefore ??= document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : 'taken';
    this.focus();
  }

  /** Attaches the terminal once its region is in the document and sized. */
  mount(): void {
    this.terminal.open(this.host);
    // Paste through the browser's paste event so multi-line text can use paste mode.
    this.host.addEventListener(
      'paste',
      (e) => {
        const text = e.clipboardData?.getData('text/plain');
        if (text === undefined) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        this.paste(text);
      },
      true,
    );
    this.describeKeys();
    new ResizeObserver(guard('REPL resize', () => this.resize())).observe(this.host);
    this.resize();
  }

  /** Tells screen readers (and the tooltip) how Tab behaves and how to leave the terminal. */
  private describeKeys(): void {
    const tab = this.tabMovesFocus ? 'Tab moves focus on' : 'Tab completes names; Ctrl+M makes Tab move focus on';
    this.terminal.textarea?.setAttribute('aria-label', `REPL input: type Python here and press Enter. ${tab}.`);
    this.host.title = this.tabMovesFocus ? 'Tab moves focus out of the REPL (Ctrl+M to complete names again)' : 'Press Ctrl+M, then Tab, to leave the REPL with the keyboard';
  }

  private lastSize = '';

  private resize(): void {
    if (!this.host.isConnected || this.host.clientWidth === 0 || this.host.clientHeight === 0) return;
    try {
      this.fit.fit();
    } catch (error) {
      reportError('REPL resize', error);
      return;
    }
    const size = `${this.terminal.cols}x${this.terminal.rows}`;
    if (size === this.lastSize) return;
    this.lastSize = size;
    void api.invoke('board:terminal-resize', { cols: this.terminal.cols, rows: this.terminal.rows });
  }

  private input(data: string): void {
    this.inputs.typed(data);
    if (data === CTRL_C && this.options.isRunning()) {
      this.options.stop();
      return;
    }
    void this.send(data);
  }

  private async send(data: string): Promise<void> {
    const result = await api.invoke('board:terminal-write', { data });
    if (!result.ok && result.code !== 'unknown-channel' && result.code !== 'not-connected') this.note(result.message);
  }

  /** Pastes text: one line typed, several through paste mode. */
  paste(text: string): void {
    const keys = pasteKeystrokes(text);
    for (let i = 0; i < keys.length; i += 60000) void this.send(keys.slice(i, i + 60000));
  }

  /** Writes board text; stderr in red so errors stand out from normal output. */
  write(text: string, stderr = false): void {
    const shown = toTerminal(text);
    // the plotter is fed only what the terminal shows: both keep up, or both skip
    if (this.output.write(stderr ? `\x1b[31m${shown}\x1b[39m` : shown)) this.options.onOutput(text);
  }

  /** A line from Mote itself (not the board), dimmed. */
  note(text: string): void {
    this.terminal.write(`\r\n\x1b[3;34m${toTerminal(text)}\x1b[23;39m\r\n`);
  }

  /** The terminal's text size (zoom); the terminal then refits its rows and columns. */
  setFontSize(px: number): void {
    if (this.terminal.options.fontSize === px) return;
    this.terminal.options.fontSize = px;
    this.resize();
  }

  setTheme(theme: ITheme): void {
    this.terminal.options.theme = theme;
  }

  focus(): void {
    this.terminal.focus();
  }

  clear(): void {
    this.terminal.clear();
  }

  /** The visible and scrolled-back text, for tests and copy-all. */
  text(): string {
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /** Used by the Stop command when the REPL has focus. */
  sendInterrupt(): void {
    void call('board:terminal-write', { data: CTRL_C }).catch(() => undefined);
  }
}
