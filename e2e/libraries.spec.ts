// Libraries in the window, as a student meets them: a program fails with "no module named
// 'ssd1306'", Mote offers to look it up, one search online (a local server standing in for
// micropython.org through the download mirror setting) and one Install later the program runs;
// the next missing library is offered by name from the cached index and installs in one click.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FileServer, startFileServer } from '../main/testing/file-server';
import { PACKAGES } from '../main/testing/library-fixtures';
import { buildMipIndex } from '../main/testing/mip-index-builder';
import { buildBundleZips } from '../main/testing/bundle-builder';
import { type AppSession, startApp } from './harness';
import { axeSerious, setEditorText, waitForConnected, waitForRepl } from './helpers';

describe('libraries in the window', () => {
  let app: AppSession;
  let server: FileServer;
  beforeAll(async () => {
    server = await startFileServer(Object.fromEntries([...buildMipIndex(PACKAGES)].map(([p, body]) => [`/micropython.org/pi/v2/${p}`, { body }])));
    const dataDir = mkdtempSync(join(tmpdir(), 'mote-e2e-lib-'));
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ downloadMirror: server.base }));
    app = await startApp({ dataDir });
    await waitForConnected(app.page);
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await server?.close();
  });

  it('offers to find a missing module, installs it from Libraries, and the program then runs', async () => {
    const { page } = app;
    await setEditorText(page, 'import ssd1306\nprint(ssd1306.hello())\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRepl(page, /no module named 'ssd1306'/);
    // nothing went out yet: no index is cached, so Mote offers a search rather than guessing
    expect(server.requests).toEqual([]);
    await page.getByRole('button', { name: 'Look for ssd1306 in Libraries' }).click();
    const dialog = page.getByRole('dialog', { name: 'Libraries' });
    await expect(dialog.getByRole('searchbox', { name: 'Search libraries' }).inputValue()).resolves.toBe('ssd1306');
    await dialog.getByRole('button', { name: 'Search online' }).click();
    const row = dialog.locator('tr[data-library=ssd1306]');
    await row.getByText('not installed').waitFor();
    await expect(row.innerText()).resolves.toContain('SSD1306 OLED driver.');
    await app.screenshot('libraries-search');
    expect(await axeSerious(page)).toEqual([]);
    await row.getByRole('button', { name: 'Install ssd1306' }).click();
    await row.getByText('0.1.0 installed').waitFor({ timeout: 20_000 });
    await app.screenshot('libraries-installed');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRepl(page, /^ssd1306 ok\r?$/m);
  });

  it('offers "Install oled-kit" by name once the index is cached, and installs its dependencies too', async () => {
    const { page } = app;
    await setEditorText(page, 'import oled_kit\nprint(oled_kit.hello())\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRepl(page, /no module named 'oled_kit'/);
    const offer = page.getByRole('button', { name: 'Install oled-kit' });
    await offer.waitFor();
    await app.screenshot('libraries-install-offer');
    await offer.click();
    await page.getByText(/Installed oled-kit 2\.0\.0, with ssd1306 0\.1\.0, font-small 1\.0/).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRepl(page, /^kit ssd1306 ok\r?$/m);
    expect(await page.getByRole('button', { name: 'Install oled-kit' }).count()).toBe(0);
    expect(app.offlineViolations).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it("offers a library before Run from the program's imports, even when the program copes without it", async () => {
    const { page } = app;
    // the run itself raises nothing: only the check of the imports before Run can make this offer
    await setEditorText(page, 'try:\n    import umqtt.simple\nexcept ImportError:\n    print("no mqtt yet")\nimport ssd1306\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRepl(page, /^no mqtt yet\r?$/m);
    await page.getByRole('button', { name: 'Install umqtt.simple' }).waitFor();
    // ssd1306 is on the board already: no offer for it
    expect(await page.getByRole('button', { name: 'Install ssd1306' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Install umqtt.simple' }).click();
    await page.getByText(/Installed umqtt\.simple 1\.4\.0/).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => document.body.dataset.running === 'false');
    expect(await page.getByRole('button', { name: 'Install umqtt.simple' }).count()).toBe(0);
  });

  it('on the CircuitPython board: imports a bundle from the Mote folder, installs adafruit_bme280 with its dependencies, and it runs', async () => {
    const { page } = app;
    const bundles = join(app.dataDir, 'workspace', 'bundles');
    mkdirSync(bundles, { recursive: true });
    for (const [name, data] of buildBundleZips('20260301')) writeFileSync(join(bundles, name), data);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const picker = page.getByRole('dialog', { name: 'Choose a board' });
    await picker.getByLabel(/CircuitPython/).first().check();
    await picker.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.waitForFunction(() => document.body.dataset.connection === 'connected' && /CircuitPython/.test(document.querySelector('.status-bar')?.textContent ?? ''), undefined, { timeout: 30_000 });

    await page.getByRole('button', { name: 'Libraries', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Libraries' });
    await dialog.getByText(/0 found in CircuitPython bundles/).waitFor();
    await dialog.getByRole('button', { name: 'Import library bundle…' }).click();
    const ask = page.getByRole('dialog', { name: 'Import library bundle' });
    await ask.getByRole('textbox').fill('bundles');
    await ask.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Imported 3 bundle file(s): their libraries install with no network.').waitFor();
    const search = dialog.getByRole('searchbox', { name: 'Search libraries' });
    await search.fill('bme280');
    const row = dialog.locator('tr[data-library=adafruit_bme280]');
    await row.getByText('not installed').waitFor();
    await expect(row.innerText()).resolves.toMatch(/2\.6\.28/);
    const requests = server.requests.length;
    await row.getByRole('button', { name: 'Install adafruit_bme280' }).click();
    await row.getByText('2.6.28 installed').waitFor({ timeout: 20_000 });
    await page.getByText(/Installed adafruit_bme280 2\.6\.28, with adafruit_bus_device 5\.2\.10, adafruit_register 1\.10\.1/).waitFor();
    await search.fill('adafruit');
    await dialog.locator('tr[data-library=adafruit_register]').getByText('1.10.1 installed').waitFor();
    await app.screenshot('libraries-circuitpython');
    expect(server.requests.length).toBe(requests);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await setEditorText(page, 'import board\nfrom adafruit_bme280 import basic\nprint("temp", basic.Adafruit_BME280_I2C(board.I2C()).temperature)\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRepl(page, /^temp 21\.5\r?$/m);
    expect(app.offlineViolations).toEqual([]);
  });
});
