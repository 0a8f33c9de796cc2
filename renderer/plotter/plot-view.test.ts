import { describe, expect, it } from 'vitest';
import { PlotView } from './plot-view';
import { SeriesStore } from './series-store';

function filled(n: number) {
  let now = 0;
  const store = new SeriesStore(1_000_000, () => now);
  for (let i = 0; i < n; i++) {
    now = i * 10; // 100 lines a second
    store.add(['v'], [i]);
  }
  return store.current!;
}

describe('PlotView', () => {
  it('follows the newest samples, a time window, or everything', () => {
    const set = filled(2000);
    const view = new PlotView();
    expect(view.range(set)).toEqual([1500, 2000]);
    view.window = { kind: 'seconds', s: 2 };
    expect(view.range(set)).toEqual([1799, 2000]); // x from 17.99 s to 19.99 s
    view.window = { kind: 'all' };
    expect(view.range(set)).toEqual([0, 2000]);
  });

  it('zooms and pans from what is shown, and End goes back to live', () => {
    const set = filled(2000);
    const view = new PlotView();
    view.zoomBy(set, 0.5);
    expect(view.zoom).toEqual([1624.75, 1874.25]);
    expect(view.following).toBe(false);
    view.panBy(set, -1);
    expect(view.range(set)).toEqual([1376, 1625]);
    view.follow();
    expect(view.range(set)).toEqual([1500, 2000]);
  });
});
