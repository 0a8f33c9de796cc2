// The REPL's last line of defence against a flood: text handed to xterm.js that it has not
// drawn yet. Main already bounds board output (main/board/output-governor.ts), but a window
// that stalls (a slow machine, a hidden tab) must not pile up text without limit: above
// `maxPending` characters waiting, new text is dropped and counted, and reported once xterm has
// caught up. Pure logic; repl-panel.ts wires it to the terminal.

export interface WriteTarget {
  /** Writes text; `done` runs once the terminal has processed it (xterm.js's write callback). */
  write(text: string, done: () => void): void;
}

export class WriteBacklog {
  private pending = 0;
  private droppedLines = 0;
  private droppedChars = 0;

  constructor(
    private readonly target: WriteTarget,
    /** Called when dropped text is reported (the terminal has room again). */
    private readonly onDropped: (lines: number, chars: number) => void,
    private readonly maxPending = 512 * 1024,
  ) {}

  /** Characters handed to the terminal and not yet processed. */
  get waiting(): number {
    return this.pending;
  }

  /** Writes board output, or drops it while the terminal is too far behind. */
  write(text: string): boolean {
    if (this.pending + text.length > this.maxPending && this.pending > 0) {
      this.droppedChars += text.length;
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.droppedLines++;
      return false;
    }
    this.pending += text.length;
    this.target.write(text, () => {
      this.pending -= text.length;
      if (this.droppedChars > 0 && this.pending === 0) this.report();
    });
    return true;
  }

  private report(): void {
    const lines = this.droppedLines;
    const chars = this.droppedChars;
    this.droppedLines = 0;
    this.droppedChars = 0;
    this.onDropped(lines, chars);
  }
}
