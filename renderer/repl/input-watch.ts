// Notices that a running program waits for keyboard input (input() or sys.stdin): the program
// asks for input and then prints nothing more. No board announces this (a serial board cannot),
// so it is inferred: a run whose source reads stdin, quiet for a moment, waits for the user.
// It only decides; the REPL panel shows the hint and moves focus.

/** Quiet time after which a program that reads stdin is taken to be waiting for it. */
export const QUIET_MS = 300;

const READS_STDIN = /\binput\s*\(|\bsys\.stdin\b|\bstdin\.read/;

export interface InputWatchTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export class InputWatch {
  private watching = false;
  private waiting = false;
  private timer: unknown = null;

  constructor(
    private readonly changed: (waiting: boolean) => void,
    private readonly timers: InputWatchTimers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
  ) {}

  get isWaiting(): boolean {
    return this.waiting;
  }

  /** A run of `source` started; only a program that reads stdin can wait for input. */
  started(source: string): void {
    this.watching = READS_STDIN.test(source);
    this.restart();
  }

  /** The program printed something: it is not waiting (yet). */
  output(): void {
    if (!this.watching) return;
    this.set(false);
    this.restart();
  }

  /** The user typed into the REPL: Enter answers the question. */
  typed(data: string): void {
    if (!this.watching || !/[\r\n]/.test(data)) return;
    this.set(false);
    this.restart();
  }

  /** The run ended (or never started). */
  ended(): void {
    this.watching = false;
    this.timers.clear(this.timer);
    this.timer = null;
    this.set(false);
  }

  private restart(): void {
    this.timers.clear(this.timer);
    this.timer = this.watching ? this.timers.set(() => this.set(true), QUIET_MS) : null;
  }

  private set(waiting: boolean): void {
    if (waiting === this.waiting) return;
    this.waiting = waiting;
    this.changed(waiting);
  }
}
