// The simulated kit as a student meets it: open an example from the Examples menu, run it, and
// watch the parts in the Board panel: the LED blinking, text on the OLED, the ultrasonic
// distance following its slider, the DHT22 logger feeding the plotter.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppSession } from './harness';
import { axeSerious, waitForConnected, waitForRepl } from './helpers';

async function openExample(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  const menu = page.getByRole('menu', { name: 'Examples' });
  await menu.waitFor();
  await menu.getByRole('menuitem', { name: title, exact: true }).click();
  await page.locator('.tab-select[aria-current=true]', { hasText: title }).waitFor({ timeout: 10_000 });
}

async function run(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

async function stop(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await waitForRepl(page, /KeyboardInterrupt/);
}

/** Moves a range slider as a user would, firing its input event. */
async function setSlider(page: Page, label: string, value: number, part?: RegExp): Promise<void> {
  const board = page.getByRole('region', { name: 'Board', exact: true });
  // the board's own sensor sliders (BME280) carry the same names as a wired part's: name the part
  const scope = part ? board.getByRole('group', { name: part }) : board;
  await scope.getByLabel(label, { exact: true }).evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

describe('Examples menu and the simulated kit', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1400, height: 1000 } });
    await waitForConnected(app.page);
  });
  afterAll(async () => {
    await app?.stop();
  });
  const board = () => app.page.getByRole('region', { name: 'Board', exact: true });

  it('Blink: the LED changes state at the programmed rate', async () => {
    const { page } = app;
    await openExample(page, 'Blink');
    await run(page);
    await waitForRepl(page, /LED on/);
    // sample the LED's accessible name for 3 s: a 0.5 s toggle gives about 6 changes
    const changes = await page.evaluate(async () => {
      const names: string[] = [];
      const end = performance.now() + 3000;
      while (performance.now() < end) {
        const led = [...document.querySelectorAll('[role=img]')].find((e) => /^GP25 LED: /.test(e.getAttribute('aria-label') ?? ''));
        names.push(led?.getAttribute('aria-label') ?? '');
        await new Promise((r) => setTimeout(r, 25));
      }
      return names.filter((n, i) => i > 0 && n !== names[i - 1]).length;
    });
    await app.screenshot('kit-blink');
    expect(changes).toBeGreaterThanOrEqual(4);
    expect(changes).toBeLessThanOrEqual(8);
    await stop(page);
  });

  it('OLED hello: the display shows the text', async () => {
    const { page } = app;
    await openExample(page, 'OLED hello + bar graph');
    // the example's driver is on the board by the time its tab opens
    await page.getByText('Copied lib/ssd1306.py to the board for OLED hello + bar graph.').waitFor({ timeout: 10_000 });
    await run(page);
    const oled = board().getByRole('img', { name: /^OLED display I2C 0x3C: on, \d+ pixels lit$/ });
    await oled.waitFor({ timeout: 20_000 });
    await waitForRepl(page, /pot: \d+/);
    // the "H" of "Hello": both uprights (columns 1 and 5) lit for rows 0..6, the gap between them dark at row 1
    const px = await oled.evaluate((el) => {
      const c = (el as HTMLCanvasElement).getContext('2d')!;
      const lit = (x: number, y: number) => c.getImageData(x, y, 1, 1).data[0] > 128;
      let uprights = 0;
      for (let y = 0; y < 7; y++) uprights += Number(lit(1, y)) + Number(lit(5, y));
      return { uprights, gap: lit(3, 1) };
    });
    await app.screenshot('kit-oled');
    expect(px).toEqual({ uprights: 14, gap: false });
    await stop(page);
  });

  it('Ultrasonic: the printed distance follows the slider within 5 %', async () => {
    const { page } = app;
    await openExample(page, 'Ultrasonic distance meter');
    await run(page);
    await waitForRepl(page, /distance: /);
    await setSlider(page, 'Distance', 187);
    await waitForRepl(page, /distance: 18[0-9]\.\d cm/);
    const text = await page.locator('.region-repl .xterm-rows').innerText();
    const last = [...text.matchAll(/distance: ([\d.]+) cm/g)].map((m) => Number(m[1])).at(-1)!;
    expect(Math.abs(last - 187) / 187).toBeLessThan(0.05);
    await app.screenshot('kit-ultrasonic');
    await stop(page);
  });

  it('an example saved on the computer takes its wiring.json along', async () => {
    const { page } = app;
    await openExample(page, 'Servo sweep');
    await board().getByRole('img', { name: /^Servo GP16 at \d+°/ }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /^Save / });
    await dialog.getByLabel('File name').fill('servo.py');
    await dialog.getByLabel('This computer').check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: /^servo\.py, on this computer/ }).waitFor({ timeout: 5000 });
    const wiringPath = join(app.dataDir, 'workspace', 'wiring.json');
    await expect.poll(() => existsSync(wiringPath), { timeout: 5000 }).toBe(true);
    expect(JSON.parse(readFileSync(wiringPath, 'utf8'))).toEqual({ version: 1, parts: [{ id: 'servo', type: 'servo', pin: 'GP16' }] });
  });

  it('DHT22 logger: the plotter gets the slider values', async () => {
    const { page } = app;
    await openExample(page, 'DHT22 logger');
    await setSlider(page, 'Temperature', 31.5, /^DHT22/);
    await setSlider(page, 'Humidity', 64, /^DHT22/);
    await run(page);
    await waitForRepl(page, /temperature: 31\.5 humidity: 64\.0/);
    const plotter = page.getByRole('region', { name: 'Plotter', exact: true });
    await plotter.getByText('temperature', { exact: true }).first().waitFor({ timeout: 10_000 });
    await plotter.getByText('humidity', { exact: true }).first().waitFor({ timeout: 10_000 });
    await app.screenshot('kit-dht22-plotter');
    await stop(page);
    expect(await axeSerious(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
