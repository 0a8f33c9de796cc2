// Bounds the board output that main forwards to the window. A board can print far faster than
// a terminal can draw (a print loop on the simulated board makes ~280,000 lines/s); forwarding
// all of it starved the renderer until Stop could not even be clicked. Output here passes a
// token bucket (lines and bytes), is coalesced into a few events a second, and what does not fit
// is dropped whole lines at a time and counted, so the user is told "N lines not shown".
// It never slows the board: the raw REPL still reads every byte (it must, to see the end frame).

/** Where output goes: a run's stdout or stderr, or the friendly REPL's terminal. */
export type OutputChannel = 'stdout' | 'stderr' | 'terminal';

export interface OutputLimits {
  /** Sustained rate shown, in lines per second. */
  linesPerSecond: number;
  /** Sustained rate shown, in bytes per second. */
  bytesPerSecond: number;
  /** Burst allowance: a program that prints a long text once is shown whole up to this. */
  burstLines: number;
  burstBytes: number;
  /** Output is handed on at most once per this many ms (the first chunk after a pause goes at once). */
  flushMs: number;
  /** Drops are reported at most once per this many ms while a flood lasts (and once when it ends). */
  noticeMs: number;
}

/**
 * What the plotter is built to take (issue 14: 10,000 lines/s) and far more than anyone reads:
 * 10,000 lines/s, 512 KiB/s, with bursts of as much (a long listing printed at once). A print
 * loop on the simulated board makes ~250,000 lines/s; the rest is dropped and counted. The
 * REPL guards itself too, should the window still fall behind (renderer/repl/write-backlog.ts).
 */
export const DEFAULT_OUTPUT_LIMITS: OutputLimits = {
  linesPerSecond: 10_000,
  bytesPerSecond: 512 * 1024,
  burstLines: 10_000,
  burstBytes: 512 * 1024,
  flushMs: 50,
  noticeMs: 1000,
};

export interface OutputSink {
  /** Output to show, in the order it arrived. */
  deliver(channel: OutputChannel, data: Buffer, runId: string | null): void;
  /** `bytes` bytes holding `lines` line ends were not shown since the last report. */
  dropped(lines: number, bytes: number, runId: string | null): void;
}

interface Pending {
  channel: OutputChannel;
  runId: string | null;
  parts: Buffer[];
}

const NEWLINE = 0x0a;

export class OutputGovernor {
  private lineTokens: number;
  private byteTokens: number;
  private refilledAt: number;
  private readonly pending: Pending[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;
  private lastFlush = -Infinity;
  private droppedLines = 0;
  private droppedBytes = 0;
  private droppedRun: string | null = null;
  private lastNotice: number;
  /** The last accepted byte ended mid-line and the rest of that line was dropped: resume at a line start. */
  private resumeAtLineStart = false;
  /** Whole-run totals, for tests and figures. */
  readonly totals = { shownLines: 0, shownBytes: 0, droppedLines: 0, droppedBytes: 0 };

  constructor(
    private readonly sink: OutputSink,
    private readonly limits: OutputLimits = DEFAULT_OUTPUT_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.lineTokens = limits.burstLines;
    this.byteTokens = limits.burstBytes;
    this.refilledAt = now();
    this.lastNotice = now();
  }

  /** Board output for `channel`. stderr (a run's traceback) is never dropped. */
  push(channel: OutputChannel, data: Uint8Array, runId: string | null = null): void {
    if (data.length === 0) return;
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const shown = channel === 'stderr' ? bytes : this.admit(bytes, runId);
    if (shown.length > 0) this.queue(channel, shown, runId);
    this.schedule();
  }

  /** Hands on everything admitted so far and reports any drop (end of a run, before its end event). */
  flush(): void {
    this.clearTimers();
    this.deliverPending();
    this.reportDrops();
  }

  /** Stops the timer; nothing more is delivered. */
  dispose(): void {
    this.clearTimers();
    this.pending.length = 0;
  }

  private clearTimers(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.flushTimer = null;
    this.noticeTimer = null;
  }

  /** Takes what the bucket allows from the front of `data`, counting the rest as dropped. */
  private admit(data: Buffer, runId: string | null): Buffer {
    this.refill();
    let start = 0;
    if (this.resumeAtLineStart) {
      const nl = data.indexOf(NEWLINE);
      if (nl < 0) {
        this.drop(data, 0, runId);
        return data.subarray(0, 0);
      }
      this.drop(data.subarray(0, nl + 1), 1, runId);
      this.resumeAtLineStart = false;
      start = nl + 1;
    }
    let end = start;
    let lines = 0;
    while (end < data.length && this.byteTokens >= 1) {
      const nl = data.indexOf(NEWLINE, end);
      const lineEnd = nl < 0 ? data.length : nl + 1;
      const complete = nl >= 0;
      // (an unfinished line needs a line's room too: its end may come in the next chunk)
      if (this.lineTokens < 1) break;
      const len = lineEnd - end;
      if (len <= this.byteTokens) {
        this.byteTokens -= len;
        if (complete) {
          this.lineTokens -= 1;
          lines++;
        }
        end = lineEnd;
        continue;
      }
      // a line longer than the bytes left: show what fits (cut on a character boundary), drop the rest of the line
      let cut = end + Math.floor(this.byteTokens);
      while (cut > end && (data[cut] & 0xc0) === 0x80) cut--;
      this.byteTokens -= cut - end;
      end = cut;
      break;
    }
    if (end < data.length) {
      const rest = data.subarray(end);
      this.drop(rest, count(rest, NEWLINE), runId);
      // the cut line's tail may continue in the next chunk: skip it there too
      this.resumeAtLineStart = rest[rest.length - 1] !== NEWLINE;
    }
    this.totals.shownLines += lines;
    this.totals.shownBytes += end - start;
    return data.subarray(start, end);
  }

  private drop(bytes: Buffer, lines: number, runId: string | null): void {
    if (bytes.length === 0) return;
    this.droppedLines += lines;
    this.droppedBytes += bytes.length;
    this.droppedRun = runId;
    this.totals.droppedLines += lines;
    this.totals.droppedBytes += bytes.length;
  }

  private refill(): void {
    const t = this.now();
    const seconds = Math.max(0, t - this.refilledAt) / 1000;
    this.refilledAt = t;
    this.lineTokens = Math.min(this.limits.burstLines, this.lineTokens + seconds * this.limits.linesPerSecond);
    this.byteTokens = Math.min(this.limits.burstBytes, this.byteTokens + seconds * this.limits.bytesPerSecond);
  }

  private queue(channel: OutputChannel, data: Buffer, runId: string | null): void {
    const last = this.pending[this.pending.length - 1];
    if (last && last.channel === channel && last.runId === runId) last.parts.push(Buffer.from(data));
    else this.pending.push({ channel, runId, parts: [Buffer.from(data)] });
  }

  /** First output after a pause goes out on the next turn of the event loop; a stream of it every flushMs. */
  private schedule(): void {
    if (!this.flushTimer && this.pending.length > 0) {
      const wait = Math.max(0, this.lastFlush + this.limits.flushMs - this.now());
      this.flushTimer = setTimeout(() => {
        this.flushTimer = null;
        this.deliverPending();
      }, wait);
    }
    // drops are reported once per noticeMs while a flood lasts, and once after it
    if (!this.noticeTimer && this.droppedBytes > 0) {
      const wait = Math.max(0, this.lastNotice + this.limits.noticeMs - this.now());
      this.noticeTimer = setTimeout(() => {
        this.noticeTimer = null;
        this.flush();
      }, wait);
    }
  }

  private deliverPending(): void {
    this.lastFlush = this.now();
    for (const p of this.pending.splice(0)) this.sink.deliver(p.channel, p.parts.length === 1 ? p.parts[0] : Buffer.concat(p.parts), p.runId);
  }

  private reportDrops(): void {
    if (this.droppedBytes === 0) return;
    this.lastNotice = this.now();
    const lines = this.droppedLines;
    const bytes = this.droppedBytes;
    this.droppedLines = 0;
    this.droppedBytes = 0;
    this.sink.dropped(lines, bytes, this.droppedRun);
  }
}

function count(data: Buffer, byte: number): number {
  let n = 0;
  for (let at = data.indexOf(byte); at >= 0; at = data.indexOf(byte, at + 1)) n++;
  return n;
}
