// Everything the plotter keeps: sets of series in typed-array rings. DOM-free.
//
// - A set is one shape of data. Named samples (`temp:21 hum:40`) join the current set (up to
//   MAX_SERIES names; a line may carry a subset); positional samples (tuples, plain numbers,
//   CSV columns) start a new set when their number of values changes, as a new program would.
// - Each set keeps up to `capacity` samples per series (1,000,000 by default) in Float64Array
//   rings that grow by doubling, so memory follows what was printed and is bounded: at most
//   (MAX_SERIES + 2) × 8 bytes × capacity per set, and MAX_SETS sets. When a ring is full the
//   oldest sample goes, and the set counts how many went: nothing leaves unannounced.
// - x is the sample number (counted from the first sample, including dropped ones), the host's
//   arrival time in seconds since the set began, or a first column named `t` or `time`.

export const MAX_SERIES = 16;
export const DEFAULT_CAPACITY = 1_000_000;
export const MAX_SETS = 8;

/** A growable ring of doubles. */
class Ring {
  private buf: Float64Array;
  private head = 0;
  length = 0;

  constructor(private readonly capacity: number) {
    this.buf = new Float64Array(Math.min(1024, capacity));
  }

  get bytes(): number {
    return this.buf.byteLength;
  }

  push(value: number): void {
    if (this.length === this.buf.length && this.buf.length < this.capacity) {
      const grown = new Float64Array(Math.min(this.capacity, this.buf.length * 2));
      for (let i = 0; i < this.length; i++) grown[i] = this.buf[(this.head + i) % this.buf.length]!;
      this.buf = grown;
      this.head = 0;
    }
    if (this.length < this.buf.length) {
      this.buf[(this.head + this.length) % this.buf.length] = value;
      this.length++;
    } else {
      this.buf[this.head] = value;
      this.head = (this.head + 1) % this.buf.length;
    }
  }

  at(i: number): number {
    return this.buf[(this.head + i) % this.buf.length]!;
  }
}

export type XMode = 'sample' | 'seconds';

/** The numbers one series shows in a range: for the readout under the legend. */
export interface SeriesStats {
  min: number;
  max: number;
  mean: number;
  count: number;
}

/** One shape of data: its series and their rings. */
export class PlotSet {
  readonly names: string[] = [];
  /** Sample numbers, arrival seconds, and one ring per series (NaN where a line had no value). */
  private readonly index: Ring;
  private readonly arrival: Ring;
  private readonly columns: Ring[] = [];
  /** A first column named t/time: it is x, not a series. */
  readonly timeColumn: boolean;
  /** Samples dropped from the front because the rings were full. */
  dropped = 0;
  /** Samples ever added. */
  total = 0;
  /** Values of names beyond MAX_SERIES, not kept (the panel says so). */
  ignored = 0;

  constructor(
    readonly id: number,
    readonly named: boolean,
    firstNames: string[],
    private readonly capacity: number,
    private readonly startMs: number,
  ) {
    this.index = new Ring(capacity);
    this.arrival = new Ring(capacity);
    this.timeColumn = !named && firstNames.length > 1 && /^(t|time)$/i.test(firstNames[0]!);
  }

  get length(): number {
    return this.index.length;
  }

  /** Series shown (the time column, if any, is x). */
  get seriesNames(): string[] {
    return this.timeColumn ? this.names.slice(1) : this.names;
  }

  get bytes(): number {
    return this.index.bytes + this.arrival.bytes + this.columns.reduce((n, c) => n + c.bytes, 0);
  }

  /** Whether a sample of these names belongs to this set. */
  fits(names: string[], named: boolean): boolean {
    if (named !== this.named) return false;
    return named || (names.length === this.names.length && names.every((n, i) => n === this.names[i]));
  }

  add(names: string[], values: number[], nowMs: number): void {
    const row = new Array<number>(this.columns.length).fill(NaN);
    names.forEach((name, i) => {
      let at = this.names.indexOf(name);
      if (at < 0) {
        if (this.names.length >= MAX_SERIES) {
          this.ignored++;
          return;
        }
        at = this.names.push(name) - 1;
        const ring = new Ring(this.capacity);
        for (let k = 0; k < this.index.length; k++) ring.push(NaN);
        this.columns.push(ring);
        row.push(NaN);
      }
      row[at] = values[i]!;
    });
    if (this.index.length === this.capacity) this.dropped++;
    this.index.push(this.total++);
    this.arrival.push((nowMs - this.startMs) / 1000);
    row.forEach((v, j) => this.columns[j]!.push(Number.isFinite(v) ? v : NaN));
  }

  /** x of the kept sample i. */
  x(i: number, mode: XMode): number {
    if (this.timeColumn) return this.columns[0]!.at(i);
    return mode === 'seconds' ? this.arrival.at(i) : this.index.at(i);
  }

  /** Value of column c (index into names, the time column included) at kept sample i. */
  column(c: number, i: number): number {
    return this.columns[c]!.at(i);
  }

  /** Value of series s (index into seriesNames) at kept sample i; NaN when absent. */
  y(s: number, i: number): number {
    return this.columns[this.timeColumn ? s + 1 : s]!.at(i);
  }

  /** The kept range [from, to) whose x lies in [x0, x1] (x grows with i for index and arrival). */
  rangeOf(x0: number, x1: number, mode: XMode): [number, number] {
    const lower = (target: number) => {
      let lo = 0;
      let hi = this.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.x(mid, mode) < target) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    // (a program's own t column is taken to grow, as time does)
    return [lower(x0), Math.max(lower(x0), lower(Number.isFinite(x1) ? x1 + 1e-9 : Infinity))];
  }

  stats(s: number, from: number, to: number): SeriesStats {
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    let count = 0;
    for (let i = from; i < to; i++) {
      const v = this.y(s, i);
      if (Number.isNaN(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
      count++;
    }
    return { min, max, mean: count ? sum / count : NaN, count };
  }

  /**
   * Points to draw for [from, to) at `buckets` columns: every sample when there are few,
   * otherwise the min and the max of each column in the order they occurred, so a one-sample
   * spike is never lost. Returns x and one array per series, aligned (null = gap).
   */
  decimate(from: number, to: number, buckets: number, mode: XMode): { xs: number[]; ys: Array<Array<number | null>> } {
    const n = to - from;
    const series = this.seriesNames.length;
    const xs: number[] = [];
    const ys: Array<Array<number | null>> = Array.from({ length: series }, () => []);
    const val = (s: number, i: number) => {
      const v = this.y(s, i);
      return Number.isNaN(v) ? null : v;
    };
    if (n <= buckets * 2) {
      for (let i = from; i < to; i++) {
        xs.push(this.x(i, mode));
        for (let s = 0; s < series; s++) ys[s]!.push(val(s, i));
      }
      return { xs, ys };
    }
    const size = n / buckets;
    for (let b = 0; b < buckets; b++) {
      const start = from + Math.floor(b * size);
      const end = Math.min(to, from + Math.floor((b + 1) * size));
      if (end <= start) continue;
      // Two points per column: at its first and last sample's x. For each series the first
      // carries whichever extreme came first, the second the other.
      const first: Array<number | null> = [];
      const second: Array<number | null> = [];
      for (let s = 0; s < series; s++) {
        let lo = Infinity;
        let hi = -Infinity;
        let loAt = -1;
        let hiAt = -1;
        for (let i = start; i < end; i++) {
          const v = this.y(s, i);
          if (Number.isNaN(v)) continue;
          if (v < lo) {
            lo = v;
            loAt = i;
          }
          if (v > hi) {
            hi = v;
            hiAt = i;
          }
        }
        if (loAt < 0) {
          first.push(null);
          second.push(null);
        } else if (loAt <= hiAt) {
          first.push(lo);
          second.push(hi);
        } else {
          first.push(hi);
          second.push(lo);
        }
      }
      xs.push(this.x(start, mode), this.x(end - 1, mode));
      for (let s = 0; s < series; s++) ys[s]!.push(first[s]!, second[s]!);
    }
    return { xs, ys };
  }

  /** CSV of everything kept: a header, the sample number, the arrival time and each series. */
  toCsv(): string {
    const escape = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const head = this.timeColumn ? ['sample', 'arrival_s', ...this.names] : ['sample', 'arrival_s', ...this.names];
    const lines = [head.map(escape).join(',')];
    for (let i = 0; i < this.length; i++) {
      const cells = [String(this.index.at(i)), this.arrival.at(i).toFixed(3)];
      for (const c of this.columns) {
        const v = c.at(i);
        cells.push(Number.isNaN(v) ? '' : String(v));
      }
      lines.push(cells.join(','));
    }
    return lines.join('\n') + '\n';
  }
}

/** All sets, the current one last. */
export class SeriesStore {
  readonly sets: PlotSet[] = [];
  /** Sets dropped because there were more than MAX_SETS. */
  droppedSets = 0;
  private nextId = 1;

  constructor(
    private readonly capacity = DEFAULT_CAPACITY,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get current(): PlotSet | null {
    return this.sets[this.sets.length - 1] ?? null;
  }

  /** Adds one sample; returns the set it went to (a new one when the shape changed). */
  add(names: string[], values: number[], named = false): PlotSet {
    const now = this.now();
    let set = this.current;
    if (!set || !set.fits(names, named)) {
      set = new PlotSet(this.nextId++, named, names, this.capacity, now);
      this.sets.push(set);
      if (this.sets.length > MAX_SETS) {
        this.sets.shift();
        this.droppedSets++;
      }
    }
    set.add(names, values, now);
    return set;
  }

  get bytes(): number {
    return this.sets.reduce((n, s) => n + s.bytes, 0);
  }

  clear(): void {
    this.sets.length = 0;
  }
}
