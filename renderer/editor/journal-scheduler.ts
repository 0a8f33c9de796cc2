// Decides when each dirty buffer is written to the recovery journal: shortly after typing
// pauses, and never later than `maxDelay` after the first unsaved change, so at most about a
// second of work can be lost. DOM-free; timers are injected so tests can drive the clock.

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

interface Pending {
  timer: unknown;
  firstChange: number;
}

/** Debounces journal writes per buffer, with a ceiling. */
export class JournalScheduler {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly save: (bufferId: string) => void,
    private readonly timers: Timers = realTimers,
    /** Quiet time after the last keystroke before writing. */
    private readonly idleDelay = 300,
    /** Longest time a change may wait while typing continues. */
    private readonly maxDelay = 900,
  ) {}

  /** A buffer changed: schedule its write. */
  changed(bufferId: string): void {
    const now = this.timers.now();
    const current = this.pending.get(bufferId);
    const firstChange = current?.firstChange ?? now;
    if (current) this.timers.clear(current.timer);
    const wait = Math.max(0, Math.min(this.idleDelay, firstChange + this.maxDelay - now));
    const timer = this.timers.set(() => this.flush(bufferId), wait);
    this.pending.set(bufferId, { timer, firstChange });
  }

  /** Writes now if a write is pending. */
  flush(bufferId: string): void {
    const current = this.pending.get(bufferId);
    if (!current) return;
    this.timers.clear(current.timer);
    this.pending.delete(bufferId);
    this.save(bufferId);
  }

  /** Writes every pending buffer now (before unload). */
  flushAll(): void {
    for (const id of [...this.pending.keys()]) this.flush(id);
  }

  /** Drops a pending write (the buffer was saved or closed on purpose). */
  cancel(bufferId: string): void {
    const current = this.pending.get(bufferId);
    if (current) this.timers.clear(current.timer);
    this.pending.delete(bufferId);
  }

  isPending(bufferId: string): boolean {
    return this.pending.has(bufferId);
  }
}
