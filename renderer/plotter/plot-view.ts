// What part of a set the chart shows: a live window (the last N samples or T seconds), the
// whole history, or a range the person zoomed to; and the keyboard/mouse moves between them.
// DOM-free, so the rules are unit-tested.
import type { PlotSet, XMode } from './series-store';

export type WindowSpec = { kind: 'samples'; n: number } | { kind: 'seconds'; s: number } | { kind: 'all' };

/** The choices the "Show" menu offers, by value. */
export const WINDOWS: Record<string, { label: string; spec: WindowSpec }> = {
  's500': { label: 'Last 500 samples', spec: { kind: 'samples', n: 500 } },
  's5000': { label: 'Last 5,000 samples', spec: { kind: 'samples', n: 5000 } },
  's50000': { label: 'Last 50,000 samples', spec: { kind: 'samples', n: 50_000 } },
  't10': { label: 'Last 10 seconds', spec: { kind: 'seconds', s: 10 } },
  't60': { label: 'Last minute', spec: { kind: 'seconds', s: 60 } },
  'all': { label: 'Everything kept', spec: { kind: 'all' } },
};

export class PlotView {
  window: WindowSpec = { kind: 'samples', n: 500 };
  xMode: XMode = 'sample';
  /** A fixed x range chosen by zooming or panning; null follows the newest data. */
  zoom: [number, number] | null = null;

  /** Kept-sample range [from, to) to draw. */
  range(set: PlotSet): [number, number] {
    const n = set.length;
    if (n === 0) return [0, 0];
    if (this.zoom) return set.rangeOf(this.zoom[0], this.zoom[1], this.xMode);
    switch (this.window.kind) {
      case 'all':
        return [0, n];
      case 'samples':
        return [Math.max(0, n - this.window.n), n];
      case 'seconds': {
        const last = set.x(n - 1, 'seconds');
        return [set.rangeOf(last - this.window.s, Infinity, 'seconds')[0], n];
      }
    }
  }

  /** The x extent shown: the range's ends, or the zoom itself (which may lie past the data). */
  extent(set: PlotSet): [number, number] | null {
    if (this.zoom) return this.zoom;
    const [from, to] = this.range(set);
    if (to <= from) return null;
    const x0 = set.x(from, this.xMode);
    const x1 = set.x(to - 1, this.xMode);
    return x1 > x0 ? [x0, x1] : [x0 - 0.5, x0 + 0.5];
  }

  /** Zooms by `factor` (< 1 in, > 1 out) around the middle of what is shown. */
  zoomBy(set: PlotSet, factor: number): void {
    const e = this.extent(set);
    if (!e) return;
    const mid = (e[0] + e[1]) / 2;
    const half = ((e[1] - e[0]) / 2) * factor;
    this.zoom = [mid - half, mid + half];
  }

  /** Pans by a fraction of the width (negative = back in time). */
  panBy(set: PlotSet, fraction: number): void {
    const e = this.extent(set);
    if (!e) return;
    const d = (e[1] - e[0]) * fraction;
    this.zoom = [e[0] + d, e[1] + d];
  }

  /** Back to following the newest data. */
  follow(): void {
    this.zoom = null;
  }

  get following(): boolean {
    return this.zoom === null;
  }
}
