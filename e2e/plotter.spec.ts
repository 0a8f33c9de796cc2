// The plotter as a maker uses it on the simulated board: two series from tuples, pause and
// resume, CSV and PNG export, name:value and CSV-with-header programs, Record into the project
// folder, and a print flood that Stop still ends.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppSession } from './harness';
import { setEditorText, waitForConnected, waitForRepl } from './helpers';

interface PlotState {
  sets: number;
  names: string[];
  length: number;
  frames: number;
}

const plotState = (page: Page) =>
  page.evaluate(() => {
    const p = (window as unknown as { motePlotter: { store: { sets: Array<{ seriesNames: string[]; length: number }> }; drawStats: { frames: number } } }).motePlotter;
    const set = p.store.sets[p.store.sets.length - 1];
    return { sets: p.store.sets.length, names: set?.seriesNames ?? [], length: set?.length ?? 0, frames: p.drawStats.frames } as PlotState;
  });

async function run(page: Page, program: string): Promise<void> {
  await setEditorText(page, program);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

async function finished(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.running === 'false', undefined, { timeout: 30_000 });
}

describe('plotter', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1400, height: 900 } });
    await waitForConnected(app.page);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('draws two series from (sin, cos) tuples and keeps every sample', async () => {
    const { page } = app;
    await run(page, 'import math\nfor i in range(300):\n    t = i / 20\n    print((math.sin(t), math.cos(t)))\nprint("done")\n');
    await waitForRepl(page, /^done$/m);
    await finished(page);
    await page.waitForFunction(() => (window as unknown as { motePlotter: { sampleCount: number } }).motePlotter.sampleCount === 300);
    const state = await plotState(page);
    expect(state.names).toEqual(['1', '2']);
    expect(state.length).toBe(300);
    const plotter = page.getByRole('region', { name: 'Plotter', exact: true });
    await plotter.getByText('Statistics').click();
    // the statistics fill in on the next frame after they are opened
    await expect.poll(() => plotter.getByRole('table', { name: 'Statistics of what is shown' }).innerText(), { timeout: 5000 }).toMatch(/Min[\s\S]*-1[\s\S]*1/);
    await app.screenshot('plotter-sin-cos');
  });

  it('hides a series from its legend entry, and zooms and pans from the keyboard', async () => {
    const { page } = app;
    const plotter = page.getByRole('region', { name: 'Plotter', exact: true });
    const shown = () => page.evaluate(() => (window as unknown as { motePlotter: { chartShown(): boolean[] } }).motePlotter.chartShown());
    expect(await shown()).toEqual([true, true]);
    await plotter.locator('.u-legend .u-series').nth(2).click();
    expect(await shown()).toEqual([true, false]);
    await plotter.locator('.u-legend .u-series').nth(2).click();
    const chart = plotter.getByRole('img', { name: 'Plot' });
    await chart.focus();
    await page.keyboard.press('+');
    await plotter.getByRole('button', { name: 'Follow live' }).waitFor();
    const zoomed = await page.evaluate(() => (window as unknown as { motePlotter: { view: { zoom: [number, number] } } }).motePlotter.view.zoom);
    expect(zoomed[1] - zoomed[0]).toBeLessThan(299 * 0.85);
    await page.keyboard.press('ArrowLeft');
    const panned = await page.evaluate(() => (window as unknown as { motePlotter: { view: { zoom: [number, number] } } }).motePlotter.view.zoom);
    expect(panned[0]).toBeLessThan(zoomed[0]);
    await page.keyboard.press('End');
    await plotter.getByRole('button', { name: 'Follow live' }).waitFor({ state: 'hidden' });
  });

  it('exports CSV with what was printed, and PNG of the chart', async () => {
    const { page } = app;
    const plotter = page.getByRole('region', { name: 'Plotter', exact: true });
    const [csv] = await Promise.all([page.waitForEvent('download'), plotter.getByRole('button', { name: 'Export CSV' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8').split('\n');
    expect(text[0]).toBe('sample,arrival_s,1,2');
    expect(text.length).toBe(302); // header, 300 rows, final newline
    const [, , sin1, cos1] = text[2]!.split(',').map(Number);
    expect(sin1).toBeCloseTo(Math.sin(1 / 20), 5);
    expect(cos1).toBeCloseTo(Math.cos(1 / 20), 5);
    const [png] = await Promise.all([page.waitForEvent('download'), plotter.getByRole('button', { name: 'Export PNG' }).click()]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const canvasWidth = await plotter.locator('canvas').first().evaluate((c) => (c as HTMLCanvasElement).width);
    expect(bytes.readUInt32BE(16)).toBe(canvasWidth);
  });

  it('keeps data while paused without drawing, and draws again on resume', async () => {
    const { page } = app;
    await run(page, 'import time\ni = 0\nwhile True:\n    print((i, i * 2))\n    i += 1\n    time.sleep_ms(5)\n');
    await page.waitForFunction(() => (window as unknown as { motePlotter: { sampleCount: number } }).motePlotter.sampleCount > 20);
    const plotter = page.getByRole('region', { name: 'Plotter', exact: true });
    await plotter.getByRole('button', { name: 'Pause' }).click();
    const paused = await plotState(page);
    await page.waitForTimeout(600);
    const later = await plotState(page);
    expect(later.frames).toBe(paused.frames);
    expect(later.length).toBeGreaterThan(paused.length);
    await plotter.getByRole('button', { name: 'Resume' }).click();
    await page.waitForFunction((f) => (window as unknown as { motePlotter: { drawStats: { frames: number } } }).motePlotter.drawStats.frames > f, later.frames);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await finished(page);
  });

  it('reads name:value lines and CSV after a header, each as its own set of series', async () => {
    const { page } = app;
    await run(page, 'for i in range(50):\n    print("temp:", 20 + i / 10, "hum:", 40 - i / 10)\n');
    await finished(page);
    await page.waitForFunction(() => (window as unknown as { motePlotter: { store: { current: { seriesNames: string[] } } } }).motePlotter.store.current.seriesNames.join() === 'temp,hum');
    await run(page, 'print("time,light,sound")\nfor i in range(40):\n    print("%d,%d,%d" % (i, i * 3, 100 - i))\n');
    await finished(page);
    await page.waitForFunction(() => (window as unknown as { motePlotter: { sampleCount: number } }).motePlotter.sampleCount === 40);
    const state = await plotState(page);
    expect(state.names).toEqual(['light', 'sound']); // time is the x axis
    const plotter = page.getByRole('region', { name: 'Plotter', exact: true });
    await expect(plotter.getByRole('combobox', { name: 'Data set' }).isVisible()).resolves.toBe(true);
    await app.screenshot('plotter-csv-header');
  });

  it('records every row printed into a CSV file in the project folder', async () => {
    const { page } = app;
    const plotter = page.getByRole('region', { name: 'Plotter', exact: true });
    await run(page, 'import time\nfor i in range(400):\n    print((i, i * i))\n    time.sleep_ms(10)\nprint("end")\n');
    await page.waitForFunction(() => (window as unknown as { motePlotter: { store: { current: { seriesNames: string[] } } } }).motePlotter.store.current.seriesNames.join() === '1,2');
    await plotter.getByRole('button', { name: 'Record' }).click();
    await expect(plotter.getByRole('button', { name: 'Stop recording' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await waitForRepl(page, /^end$/m);
    await finished(page);
    await plotter.getByRole('button', { name: 'Stop recording' }).click();
    await plotter.getByText(/Recorded \d+ rows to plot-/).waitFor();
    const folder = join(app.dataDir, 'workspace');
    const file = readdirSync(folder).find((n) => /^plot-.*\.csv$/.test(n))!;
    const rows = readFileSync(join(folder, file), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('sample,arrival_s,1,2');
    const values = rows.slice(1).map((r) => r.split(',').map(Number));
    expect(values.length).toBeGreaterThan(10);
    // consecutive, complete, and the last row is the last line printed
    for (let k = 1; k < values.length; k++) expect(values[k]![2]).toBe(values[k - 1]![2]! + 1);
    expect(values.at(-1)!.slice(2)).toEqual([399, 399 * 399]);
  });

  it('a print flood does not freeze the page: Stop ends it', async () => {
    const { page } = app;
    await run(page, 'i = 0\nwhile True:\n    print((i, -i))\n    i += 1\n');
    await page.waitForFunction(() => (window as unknown as { motePlotter: { sampleCount: number } }).motePlotter.sampleCount > 5000, undefined, { timeout: 30_000 });
    const started = Date.now();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await finished(page);
    console.log(`plotter flood: Stop answered in ${Date.now() - started} ms; ${(await plotState(page)).length} samples kept`);
    await run(page, 'print("after", 6 * 7)\n');
    await waitForRepl(page, /after 42/);
    expect(app.consoleErrors).toEqual([]);
  });
});
