// The plotter: numbers the board prints (tuples, name:value, CSV after a header) drawn live
// with uPlot, like Mu's plotter. Keeps every sample for CSV export; draws the last 500.
import uPlot from 'uplot';
import { h } from '../app/dom';
import { guard } from '../app/errors';
import { PlotParser, samplesToCsv, type PlotSample } from './plot-parser';

const WINDOW = 500;
const MAX_ROWS = 100_000;

export class PlotterPanel {
  readonly element: HTMLElement;
  private readonly parser = new PlotParser();
  private series: string[] = [];
  private rows: Array<Array<number | null>> = [];
  private chart: uPlot | null = null;
  private readonly chartHost = h('div', { class: 'plot-chart' });
  private readonly empty = h('p', { class: 'plot-empty' }, 'Print numbers to plot them, for example print((x, y)) or print("temp:", t).');
  private readonly pauseButton = h('button', { type: 'button', class: 'btn small', 'aria-pressed': 'false' }, 'Pause');
  private readonly exportButton = h('button', { type: 'button', class: 'btn small', disabled: true }, 'Export CSV');
  private paused = false;
  private frame = 0;

  constructor() {
    this.pauseButton.addEventListener('click', () => this.setPaused(!this.paused));
    this.exportButton.addEventListener('click', guard('plot export', () => this.exportCsv()));
    const clear = h('button', { type: 'button', class: 'btn small', onclick: () => this.clear() }, 'Clear');
    this.element = h('div', { class: 'plotter' }, h('div', { class: 'panel-actions' }, this.pauseButton, clear, this.exportButton), this.empty, this.chartHost);
    new ResizeObserver(guard('plot resize', () => this.resize())).observe(this.chartHost);
  }

  /** Output from the board (any stream). */
  feed(text: string): void {
    const samples = this.parser.feed(text);
    if (!samples.length || this.paused) return;
    for (const s of samples) this.add(s);
    this.schedule();
  }

  private add(sample: PlotSample): void {
    let grew = false;
    const row: Array<number | null> = new Array(this.series.length).fill(null);
    sample.names.forEach((name, i) => {
      let index = this.series.indexOf(name);
      if (index < 0) {
        if (this.series.length >= 8) return;
        index = this.series.push(name) - 1;
        grew = true;
      }
      row[index] = Number.isFinite(sample.values[i]!) ? sample.values[i]! : null;
    });
    if (grew) {
      for (const r of this.rows) while (r.length < this.series.length) r.push(null);
      this.rebuild();
    }
    this.rows.push(row);
    if (this.rows.length > MAX_ROWS) this.rows.splice(0, this.rows.length - MAX_ROWS);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private data(): uPlot.AlignedData {
    const start = Math.max(0, this.rows.length - WINDOW);
    const visible = this.rows.slice(start);
    const xs = visible.map((_, i) => start + i + 1);
    return [xs, ...this.series.map((_, j) => visible.map((r) => r[j] ?? null))];
  }

  private rebuild(): void {
    this.chart?.destroy();
    this.chart = null;
    this.empty.hidden = true;
    this.exportButton.disabled = false;
    const style = getComputedStyle(document.documentElement);
    const color = (i: number) => style.getPropertyValue(`--plot-${(i % 6) + 1}`).trim() || '#1f77b4';
    const axisColor = style.getPropertyValue('--fg').trim() || '#222';
    const gridColor = style.getPropertyValue('--border').trim() || '#ccc';
    const axis = { stroke: axisColor, grid: { stroke: gridColor, width: 1 }, ticks: { stroke: gridColor } };
    const { width, height } = this.size();
    this.chart = new uPlot(
      {
        width,
        height,
        scales: { x: { time: false } },
        legend: { show: true, live: false },
        cursor: { show: false },
        axes: [axis, axis],
        series: [{ label: 'sample' }, ...this.series.map((name, i) => ({ label: name, stroke: color(i), width: 2, spanGaps: true }))],
      },
      this.data(),
      this.chartHost,
    );
  }

  private size(): { width: number; height: number } {
    return { width: Math.max(120, this.chartHost.clientWidth), height: Math.max(80, this.chartHost.clientHeight - 28) };
  }

  private draw(): void {
    if (!this.chart && this.series.length) this.rebuild();
    this.chart?.setData(this.data());
  }

  private resize(): void {
    if (this.chart && this.chartHost.clientWidth > 0) this.chart.setSize(this.size());
  }

  /** Redraws with the current theme's colours. */
  themeChanged(): void {
    if (this.series.length) this.rebuild();
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.pauseButton.textContent = paused ? 'Resume' : 'Pause';
    this.pauseButton.setAttribute('aria-pressed', String(paused));
  }

  clear(): void {
    this.chart?.destroy();
    this.chart = null;
    this.series = [];
    this.rows = [];
    this.empty.hidden = false;
    this.exportButton.disabled = true;
  }

  /** Number of samples kept (for tests and the export button). */
  get sampleCount(): number {
    return this.rows.length;
  }

  private exportCsv(): void {
    const csv = samplesToCsv(this.series, this.rows);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    const link = h('a', { href: url, download: `mote-plot-${new Date().toISOString().replace(/[:.]/g, '-')}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
