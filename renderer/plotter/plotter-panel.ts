// The plotter: numbers the board prints (tuples, lists, name:value, CSV after a header) drawn
// live with uPlot. Everything parsed is kept in typed-array rings (series-store.ts); the chart
// draws at most once per animation frame, decimated to min/max per pixel so spikes show at any
// zoom. Pause, Clear, a window or the whole history, zoom and pan (mouse and keys), fixed or
// automatic y, a readout under the cursor, min/max/mean of what is shown, CSV and PNG export,
// and Record (rows appended to a CSV in the project folder by main as they arrive).
import uPlot from 'uplot';
import { call } from '../api';
import { h } from '../app/dom';
import { guard, reportError } from '../app/errors';
import { PlotParser, type PlotSample } from './plot-parser';
import { PlotView, WINDOWS } from './plot-view';
import { MAX_SERIES, SeriesStore, type PlotSet } from './series-store';

/** Dash patterns for series 9-16, so they differ from 1-8 by more than colour. */
const DASH = [8, 4];
/** How often recorded rows go to main (main flushes to disk every second). */
const RECORD_BATCH_MS = 250;

/** One frame's cost, kept for the benchmark (scripts/bench-plotter.mjs). */
export interface DrawStats {
  frames: number;
  /** Script time of the last draws, in ms (a ring of the last 2,000). */
  times: number[];
}

export class PlotterPanel {
  readonly element: HTMLElement;
  readonly store = new SeriesStore();
  readonly view = new PlotView();
  readonly drawStats: DrawStats = { frames: 0, times: [] };
  private readonly parser = new PlotParser();
  private chart: uPlot | null = null;
  /** The set and series count the chart was built for. */
  private chartFor: { set: PlotSet; series: number; theme: number } | null = null;
  private shownSet: PlotSet | null = null;
  private theme = 0;
  private statsAt = 0;
  /** Each series' colour in the chart as built (the PNG legend uses them). */
  private colors: string[] = [];
  private paused = false;
  private frame = 0;
  private yFixed: [number, number] | null = null;
  private recording: { id: string; path: string; rows: string[]; timer: number; set: PlotSet; written: number } | null = null;

  private readonly chartHost = h('div', { class: 'plot-chart', tabindex: '0', role: 'img', 'aria-label': 'Plot' });
  private readonly empty = h('p', { class: 'plot-empty' }, 'Print numbers to plot them, for example print((x, y)) or print("temp:", t).');
  private readonly pauseButton = h('button', { type: 'button', class: 'btn small', 'aria-pressed': 'false' }, 'Pause');
  private readonly exportCsvButton = h('button', { type: 'button', class: 'btn small', disabled: true }, 'Export CSV');
  private readonly exportPngButton = h('button', { type: 'button', class: 'btn small', disabled: true }, 'Export PNG');
  private readonly recordButton = h('button', { type: 'button', class: 'btn small', 'aria-pressed': 'false' }, 'Record');
  private readonly windowSelect = h('select', { class: 'plot-select', 'aria-label': 'Show' }, ...Object.entries(WINDOWS).map(([value, w]) => h('option', { value }, w.label)));
  private readonly xSelect = h('select', { class: 'plot-select', 'aria-label': 'X axis' }, h('option', { value: 'sample' }, 'Sample number'), h('option', { value: 'seconds' }, 'Seconds'));
  private readonly setSelect = h('select', { class: 'plot-select', 'aria-label': 'Data set', hidden: true });
  private readonly yAuto = h('input', { type: 'checkbox', checked: true, 'aria-label': 'Automatic y range' }) as HTMLInputElement;
  private readonly yMin = h('input', { type: 'number', class: 'plot-y', 'aria-label': 'Y minimum', disabled: true, hidden: true, value: '0', step: 'any' }) as HTMLInputElement;
  private readonly yMax = h('input', { type: 'number', class: 'plot-y', 'aria-label': 'Y maximum', disabled: true, hidden: true, value: '100', step: 'any' }) as HTMLInputElement;
  private readonly liveButton = h('button', { type: 'button', class: 'btn small', hidden: true, title: 'Back to the newest data (End)' }, 'Follow live');
  private readonly statsTable = h('table', { class: 'plot-stats', 'aria-label': 'Statistics of what is shown' });
  private readonly status = h('p', { class: 'plot-status', role: 'status', 'aria-live': 'polite' });

  constructor() {
    this.pauseButton.addEventListener('click', () => this.setPaused(!this.paused));
    this.exportCsvButton.addEventListener('click', guard('plot export', () => this.exportCsv()));
    this.exportPngButton.addEventListener('click', guard('plot export', () => this.exportPng()));
    this.recordButton.addEventListener('click', guard('plot record', () => (this.recording ? this.stopRecording() : this.startRecording())));
    this.windowSelect.addEventListener('change', () => {
      this.view.window = WINDOWS[this.windowSelect.value]!.spec;
      this.view.follow();
      this.schedule();
    });
    this.xSelect.addEventListener('change', () => {
      this.view.xMode = this.xSelect.value === 'seconds' ? 'seconds' : 'sample';
      this.view.follow();
      this.chartFor = null;
      this.schedule();
    });
    this.setSelect.addEventListener('change', () => {
      this.shownSet = this.store.sets.find((s) => String(s.id) === this.setSelect.value) ?? null;
      this.view.follow();
      this.schedule();
    });
    const yChanged = () => {
      this.yMin.disabled = this.yMax.disabled = this.yAuto.checked;
      this.yMin.hidden = this.yMax.hidden = this.yAuto.checked;
      const lo = Number(this.yMin.value);
      const hi = Number(this.yMax.value);
      this.yFixed = !this.yAuto.checked && Number.isFinite(lo) && Number.isFinite(hi) && hi > lo ? [lo, hi] : null;
      this.schedule();
    };
    for (const input of [this.yAuto, this.yMin, this.yMax]) input.addEventListener('change', yChanged);
    this.liveButton.addEventListener('click', () => this.followLive());
    this.chartHost.addEventListener('keydown', (e) => this.onKey(e));
    this.chartHost.addEventListener('dblclick', () => this.followLive());
    this.chartHost.addEventListener(
      'wheel',
      (e) => {
        const set = this.displayed();
        if (!set || !e.ctrlKey) return; // plain wheel scrolls the page; Ctrl+wheel zooms
        e.preventDefault();
        this.view.zoomBy(set, e.deltaY > 0 ? 1.25 : 0.8);
        this.schedule();
      },
      { passive: false },
    );
    const clear = h('button', { type: 'button', class: 'btn small', onclick: () => this.clear() }, 'Clear');
    const yControls = h('label', { class: 'plot-yctl' }, this.yAuto, 'Auto y');
    this.element = h(
      'div',
      { class: 'plotter' },
      h('div', { class: 'panel-actions plot-actions' }, this.pauseButton, clear, this.recordButton, this.exportCsvButton, this.exportPngButton, this.liveButton),
      h('div', { class: 'panel-actions plot-actions' }, this.windowSelect, this.xSelect, this.setSelect, yControls, this.yMin, this.yMax),
      this.empty,
      this.chartHost,
      this.status,
      // Collapsed by default: the chart gets the panel's height.
      h('details', { class: 'plot-more', ontoggle: () => this.statsNow() }, h('summary', {}, 'Statistics'), this.statsTable),
    );
    new ResizeObserver(guard('plot resize', () => this.resize())).observe(this.chartHost);
  }

  /** Output from the board (any stream). Data is kept while paused; only drawing stops. */
  feed(text: string): void {
    const samples = this.parser.feed(text);
    if (!samples.length) return;
    for (const s of samples) this.add(s);
    if (!this.paused) this.schedule();
  }

  private add(sample: PlotSample): void {
    const before = this.store.current;
    const set = this.store.add(sample.names, sample.values, sample.named === true);
    if (set !== before) this.setsChanged(set);
    if (this.recording && set === this.recording.set) this.recordRow(set);
  }

  /** A new set began (the program printed another shape of data): show it. */
  private setsChanged(set: PlotSet): void {
    this.shownSet = set;
    this.view.follow();
    this.setSelect.replaceChildren(...this.store.sets.map((s, i) => h('option', { value: String(s.id) }, `Set ${i + 1}: ${s.names.slice(0, 4).join(', ')}${s.names.length > 4 ? '…' : ''}`)));
    this.setSelect.value = String(set.id);
    this.setSelect.hidden = this.store.sets.length < 2;
    this.empty.hidden = true;
    this.exportCsvButton.disabled = this.exportPngButton.disabled = false;
    if (this.recording) void this.stopRecording('The data changed shape (another number of values), so the recording stopped. Press Record to record the new data.');
  }

  private displayed(): PlotSet | null {
    return this.shownSet && this.store.sets.includes(this.shownSet) ? this.shownSet : this.store.current;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!this.paused) this.draw();
    });
  }

  /** Draws the current view (at most once per frame; see schedule). */
  draw(): void {
    const started = performance.now();
    const set = this.displayed();
    if (!set || set.length === 0) return;
    const names = set.seriesNames;
    if (!this.chart || !this.chartFor || this.chartFor.set !== set || this.chartFor.series !== names.length || this.chartFor.theme !== this.theme) this.build(set);
    const [from, to] = this.view.range(set);
    const width = Math.max(100, Math.round(this.chart!.bbox.width / devicePixelRatio) || this.chartHost.clientWidth);
    const { xs, ys } = set.decimate(from, to, width, this.view.xMode);
    const extent = this.view.extent(set);
    this.chart!.batch(() => {
      this.chart!.setData([xs, ...ys] as uPlot.AlignedData, false);
      if (extent) this.chart!.setScale('x', { min: extent[0], max: extent[1] });
      const y = this.yFixed ?? this.autoY(set, from, to);
      if (y) this.chart!.setScale('y', { min: y[0], max: y[1] });
    });
    // Words and numbers beside the chart change at most four times a second: a person cannot
    // read faster, and rebuilding them every frame would cost layout at 60 frames a second.
    if (started - this.statsAt > 250) {
      this.statsAt = started;
      this.updateStats(set, from, to);
    }
    this.liveButton.hidden = this.view.following;
    this.drawStats.frames++;
    this.drawStats.times.push(performance.now() - started);
    if (this.drawStats.times.length > 2000) this.drawStats.times.splice(0, 1000);
  }

  private autoY(set: PlotSet, from: number, to: number): [number, number] | null {
    let lo = Infinity;
    let hi = -Infinity;
    set.seriesNames.forEach((_, s) => {
      if (this.chart && this.chart.series[s + 1] && this.chart.series[s + 1]!.show === false) return;
      const st = set.stats(s, from, to);
      if (!st.count) return;
      lo = Math.min(lo, st.min);
      hi = Math.max(hi, st.max);
    });
    if (!Number.isFinite(lo)) return null;
    const pad = hi > lo ? (hi - lo) * 0.05 : Math.max(1, Math.abs(lo) * 0.1);
    return [lo - pad, hi + pad];
  }

  private build(set: PlotSet): void {
    this.chart?.destroy();
    const style = getComputedStyle(document.documentElement);
    const color = (i: number) => style.getPropertyValue(`--plot-${(i % 8) + 1}`).trim() || '#1f77b4';
    this.colors = set.seriesNames.map((_, i) => color(i));
    const axisColor = style.getPropertyValue('--fg').trim() || '#222';
    const gridColor = style.getPropertyValue('--border').trim() || '#ccc';
    const axis = { stroke: axisColor, grid: { stroke: gridColor, width: 1 }, ticks: { stroke: gridColor } };
    const { width, height } = this.size();
    const xLabel = set.timeColumn ? set.names[0]! : this.view.xMode === 'seconds' ? 'seconds' : 'sample';
    this.chart = new uPlot(
      {
        width,
        height,
        scales: { x: { time: false, auto: false }, y: { auto: false } },
        legend: { show: true, live: true },
        cursor: { drag: { x: true, y: false, setScale: false } },
        axes: [{ ...axis, label: xLabel, labelSize: 16, size: 36 }, axis],
        series: [{ label: xLabel }, ...set.seriesNames.map((name, i) => ({ label: name, stroke: color(i), width: 1.5, spanGaps: true, dash: i >= 8 ? DASH : undefined }))],
        hooks: {
          // Dragging across the chart zooms to that x range (double-click or End: back to live).
          setSelect: [
            (u: uPlot) => {
              if (u.select.width < 3) return;
              const x0 = u.posToVal(u.select.left, 'x');
              const x1 = u.posToVal(u.select.left + u.select.width, 'x');
              u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
              this.view.zoom = [x0, x1];
              this.schedule();
            },
          ],
          // A legend click hides or shows a series; the y range follows what is visible.
          setSeries: [() => this.schedule()],
        },
      },
      [[], ...set.seriesNames.map(() => [])] as unknown as uPlot.AlignedData,
      this.chartHost,
    );
    this.chartFor = { set, series: set.seriesNames.length, theme: this.theme };
  }

  private updateStats(set: PlotSet, from: number, to: number): void {
    const fmt = (v: number) => (Number.isFinite(v) ? (Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(3) : String(Math.round(v * 1000) / 1000)) : '–');
    const open = (this.statsTable.parentElement as HTMLDetailsElement | null)?.open ?? true;
    const rows = !open ? [] : set.seriesNames.map((name, s) => {
      const st = set.stats(s, from, to);
      return h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, fmt(st.min)), h('td', {}, fmt(st.max)), h('td', {}, fmt(st.mean)));
    });
    if (open) this.statsTable.replaceChildren(h('tr', {}, h('th', {}, 'Series'), h('th', {}, 'Min'), h('th', {}, 'Max'), h('th', {}, 'Mean')), ...rows);
    const mb = (this.store.bytes / 1048576).toFixed(1);
    const notes = [`${set.length.toLocaleString('en')} samples kept (${mb} MB)`, `showing ${(to - from).toLocaleString('en')}`];
    if (set.dropped) notes.push(`${set.dropped.toLocaleString('en')} oldest dropped (the limit is ${(1_000_000).toLocaleString('en')} per series)`);
    if (set.ignored) notes.push(`values of series past the first ${MAX_SERIES} not kept: ${set.ignored.toLocaleString('en')}`);
    if (this.store.droppedSets) notes.push(`${this.store.droppedSets} older data sets dropped`);
    if (this.paused) notes.push('paused: data is still kept');
    if (this.recording) notes.push(`recording to ${this.recording.path}`);
    const text = notes.join(' · ');
    if (this.status.textContent !== text) this.status.textContent = text;
  }

  private onKey(e: KeyboardEvent): void {
    const set = this.displayed();
    if (!set) return;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => this.view.panBy(set, -0.1),
      ArrowRight: () => this.view.panBy(set, 0.1),
      '+': () => this.view.zoomBy(set, 0.8),
      '=': () => this.view.zoomBy(set, 0.8),
      '-': () => this.view.zoomBy(set, 1.25),
      End: () => this.view.follow(),
      Home: () => {
        const first = set.x(0, this.view.xMode);
        const e0 = this.view.extent(set);
        if (e0) this.view.zoom = [first, first + (e0[1] - e0[0])];
      },
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
    this.schedule();
  }

  /** Refreshes the statistics on the next frame (the person just opened them). */
  private statsNow(): void {
    this.statsAt = 0;
    this.schedule();
  }

  private followLive(): void {
    this.view.follow();
    this.schedule();
  }

  private size(): { width: number; height: number } {
    return { width: Math.max(120, this.chartHost.clientWidth), height: Math.max(100, this.chartHost.clientHeight - 40) };
  }

  private resize(): void {
    if (this.chart && this.chartHost.clientWidth > 0) {
      this.chart.setSize(this.size());
      this.schedule();
    }
  }

  /** Redraws with the current theme's colours. */
  themeChanged(): void {
    this.theme++;
    this.schedule();
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.pauseButton.textContent = paused ? 'Resume' : 'Pause';
    this.pauseButton.setAttribute('aria-pressed', String(paused));
    if (!paused) this.schedule();
  }

  clear(): void {
    if (this.recording) void this.stopRecording();
    this.chart?.destroy();
    this.chart = null;
    this.chartFor = null;
    this.shownSet = null;
    this.store.clear();
    this.view.follow();
    this.empty.hidden = false;
    this.setSelect.hidden = true;
    this.exportCsvButton.disabled = this.exportPngButton.disabled = true;
    this.statsTable.replaceChildren();
    this.status.textContent = '';
  }

  /** Which series the chart shows (a legend click hides one), for tests. */
  chartShown(): boolean[] {
    return this.chart ? this.chart.series.slice(1).map((s) => s.show !== false) : [];
  }

  /** Number of samples kept in the data set shown (for tests). */
  get sampleCount(): number {
    return this.displayed()?.length ?? 0;
  }

  private stamp(): string {
    return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  }

  private download(blob: Blob, name: string): void {
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private exportCsv(): void {
    const set = this.displayed();
    if (set) this.download(new Blob([set.toCsv()], { type: 'text/csv' }), `mote-plot-${this.stamp()}.csv`);
  }

  /** The current view as a PNG: the chart's canvas, with the legend drawn under it. */
  private async exportPng(): Promise<void> {
    const set = this.displayed();
    if (!this.chart || !set) return;
    const source = this.chart.ctx.canvas;
    const style = getComputedStyle(document.documentElement);
    const ratio = source.width / Math.max(1, source.clientWidth || source.width);
    const line = 18 * ratio;
    const rows = Math.ceil(set.seriesNames.length / 4);
    const canvas = document.createElement('canvas');
    canvas.width = source.width;
    canvas.height = source.height + Math.ceil((rows + 0.5) * line);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = style.getPropertyValue('--bg-panel').trim() || '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(source, 0, 0);
    ctx.font = `${12 * ratio}px sans-serif`;
    ctx.textBaseline = 'middle';
    const colWidth = canvas.width / 4;
    set.seriesNames.forEach((name, i) => {
      const x = (i % 4) * colWidth + 8 * ratio;
      const y = source.height + (Math.floor(i / 4) + 0.75) * line;
      ctx.fillStyle = this.colors[i] ?? '#888';
      ctx.fillRect(x, y - 2 * ratio, 14 * ratio, 4 * ratio);
      ctx.fillStyle = style.getPropertyValue('--fg').trim() || '#000';
      ctx.fillText(name, x + 20 * ratio, y);
    });
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) this.download(blob, `mote-plot-${this.stamp()}.png`);
  }

  private async startRecording(): Promise<void> {
    const set = this.displayed();
    const header = ['sample', 'arrival_s', ...(set?.names ?? [])].map((n) => (/[",\n]/.test(n) ? `"${n.replace(/"/g, '""')}"` : n)).join(',');
    if (!set) {
      this.status.textContent = 'Record starts with the first numbers printed: run a program that prints them, then press Record.';
      return;
    }
    const info = await call('plot:record-start', { name: `plot-${this.stamp()}.csv`, header });
    this.recording = { id: info.id, path: info.path, rows: [], set, written: set.length, timer: window.setInterval(() => void this.flushRecording(), RECORD_BATCH_MS) };
    this.recordButton.textContent = 'Stop recording';
    this.recordButton.setAttribute('aria-pressed', 'true');
    this.recordButton.title = `Recording to ${info.path} in the project folder`;
    this.schedule();
  }

  private recordRow(set: PlotSet): void {
    const r = this.recording!;
    const i = set.length - 1;
    const cells = [String(set.total - 1), set.x(i, 'seconds').toFixed(3), ...set.names.map((_, c) => set.column(c, i))];
    r.rows.push(cells.map((v) => (typeof v === 'number' ? (Number.isNaN(v) ? '' : String(v)) : v)).join(','));
  }

  private async flushRecording(): Promise<void> {
    const r = this.recording;
    if (!r || !r.rows.length) return;
    const rows = r.rows.splice(0).join('\n') + '\n';
    try {
      await call('plot:record-append', { id: r.id, rows });
    } catch (error) {
      reportError('plot record', error);
      await this.stopRecording(`Recording stopped: ${(error as Error).message}`);
    }
  }

  private async stopRecording(reason?: string): Promise<void> {
    const r = this.recording;
    if (!r) return;
    window.clearInterval(r.timer);
    await this.flushRecording();
    this.recording = null;
    this.recordButton.textContent = 'Record';
    this.recordButton.setAttribute('aria-pressed', 'false');
    this.recordButton.title = '';
    const info = await call('plot:record-stop', { id: r.id }).catch(() => null);
    this.status.textContent = reason ?? (info ? `Recorded ${info.rows.toLocaleString('en')} rows to ${info.path} in the project folder.` : 'Recording stopped.');
  }
}
