import { describe, expect, it } from 'vitest';
import { MAX_SERIES, MAX_SETS, SeriesStore } from './series-store';

describe('SeriesStore', () => {
  it('keeps every sample up to its capacity, then drops the oldest and counts them', () => {
    const store = new SeriesStore(1000);
    for (let i = 0; i < 2500; i++) store.add(['1', '2'], [i, -i]);
    const set = store.current!;
    expect(set.length).toBe(1000);
    expect(set.dropped).toBe(1500);
    expect(set.total).toBe(2500);
    expect(set.x(0, 'sample')).toBe(1500);
    expect(set.y(0, 999)).toBe(2499);
    expect(set.y(1, 0)).toBe(-1500);
  });

  it('keeps a million samples per series in typed arrays, memory bounded by the capacity', () => {
    const store = new SeriesStore();
    for (let i = 0; i < 1_000_000; i++) store.add(['a', 'b'], [i, i * 2]);
    expect(store.current!.length).toBe(1_000_000);
    expect(store.current!.dropped).toBe(0);
    // index + arrival + 2 series, 8 bytes each, rounded up to the ring's power-of-two growth
    expect(store.bytes).toBeLessThanOrEqual(4 * 8 * 1_048_576);
    for (let i = 0; i < 100_000; i++) store.add(['a', 'b'], [i, i]);
    expect(store.bytes).toBeLessThanOrEqual(4 * 8 * 1_048_576);
    expect(store.current!.dropped).toBe(100_000);
  });

  it('starts a new set when the number of positional values changes, and keeps the old one', () => {
    const store = new SeriesStore();
    store.add(['1', '2'], [1, 2]);
    store.add(['1', '2'], [3, 4]);
    store.add(['1', '2', '3'], [5, 6, 7]);
    expect(store.sets.map((s) => [s.names.length, s.length])).toEqual([
      [2, 2],
      [3, 1],
    ]);
  });

  it('named values join one set, a line may carry a subset, and names past 16 are counted, not kept', () => {
    const store = new SeriesStore();
    store.add(['temp', 'hum'], [20, 40], true);
    store.add(['temp'], [21], true);
    store.add(['pressure'], [1000], true);
    const set = store.current!;
    expect(set.names).toEqual(['temp', 'hum', 'pressure']);
    expect([0, 1, 2].map((i) => set.y(1, i))).toEqual([40, NaN, NaN]);
    expect(set.y(2, 0)).toBeNaN();
    expect(set.y(2, 2)).toBe(1000);
    const many = Array.from({ length: MAX_SERIES + 3 }, (_, i) => `s${i}`);
    store.add(many, many.map((_, i) => i), true);
    expect(set.names.length).toBe(MAX_SERIES);
    expect(set.ignored).toBe(3 + MAX_SERIES + 3 - MAX_SERIES); // 3 names were already there
  });

  it('keeps at most MAX_SETS sets and counts the ones dropped', () => {
    const store = new SeriesStore();
    for (let k = 1; k <= MAX_SETS + 2; k++) store.add(Array.from({ length: k }, (_, i) => `${i + 1}`), new Array(k).fill(0));
    expect(store.sets.length).toBe(MAX_SETS);
    expect(store.droppedSets).toBe(2);
  });

  it('uses a first column named t or time as x', () => {
    const store = new SeriesStore();
    store.add(['time', 'v'], [0.5, 1]);
    store.add(['time', 'v'], [1.5, 2]);
    const set = store.current!;
    expect(set.seriesNames).toEqual(['v']);
    expect([set.x(0, 'sample'), set.x(1, 'sample')]).toEqual([0.5, 1.5]);
    expect(set.y(0, 1)).toBe(2);
  });

  it('decimates with min and max per column, so a single spike survives', () => {
    const store = new SeriesStore();
    for (let i = 0; i < 100_000; i++) store.add(['v'], [i === 54_321 ? 1000 : i % 2]);
    const set = store.current!;
    const { xs, ys } = set.decimate(0, set.length, 500, 'sample');
    expect(xs.length).toBeLessThanOrEqual(1000);
    expect(Math.max(...(ys[0]!.filter((v) => v !== null) as number[]))).toBe(1000);
    expect(Math.min(...(ys[0]!.filter((v) => v !== null) as number[]))).toBe(0);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]!);
  });

  it('finds the range of a window and its statistics', () => {
    let now = 0;
    const store = new SeriesStore(1_000_000, () => now);
    for (let i = 0; i < 100; i++) {
      now = i * 100; // 10 lines per second
      store.add(['v'], [i]);
    }
    const set = store.current!;
    expect(set.rangeOf(90, Infinity, 'sample')).toEqual([90, 100]);
    expect(set.rangeOf(8, Infinity, 'seconds')).toEqual([80, 100]);
    expect(set.stats(0, 90, 100)).toEqual({ min: 90, max: 99, mean: 94.5, count: 10 });
  });

  it('exports everything kept as CSV with a header and the time column', () => {
    let now = 1000;
    const store = new SeriesStore(1_000_000, () => now);
    store.add(['temp', 'hum, %'], [20.5, 40], true);
    now = 1500;
    store.add(['temp'], [21], true);
    expect(store.current!.toCsv()).toBe('sample,arrival_s,temp,"hum, %"\n0,0.000,20.5,40\n1,0.500,21,\n');
  });
});
