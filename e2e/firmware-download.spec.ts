// One click for a new Pico: a fresh Mote with nothing cached, a Pico in bootloader mode, and
// the download site played by a local server that the mirror setting points at. The dialog
// picks the board, offers the download (and goes out only when it is pressed), pre-selects
// the downloaded file, installs it, and sees the board restart. Then the same file is there
// offline for the next Pico.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FileServer, startFileServer } from '../main/testing/file-server';
import { uf2WithText } from '../main/testing/firmware-images';
import { startApp, type AppSession } from './harness';
import { axeSerious, waitForConnected } from './helpers';

describe('firmware in one click', () => {
  let app: AppSession;
  let server: FileServer;
  let drive: string;
  let board: NodeJS.Timeout;
  const firmware = uf2WithText('MicroPython v1.27.0 on 2025-12-09; Raspberry Pi Pico with RP2040', { blocks: 1200 });
  const copied = () => join(drive, 'RPI_PICO-20251209-v1.27.0.uf2');

  function plugInPico(): void {
    mkdirSync(drive, { recursive: true });
    writeFileSync(join(drive, 'INFO_UF2.TXT'), 'UF2 Bootloader v3.0\r\nModel: Raspberry Pi RP2\r\nBoard-ID: RPI-RP2\r\n');
  }

  beforeAll(async () => {
    server = await startFileServer({ '/micropython.org/resources/firmware/RPI_PICO-20251209-v1.27.0.uf2': { body: firmware, behaviour: 'slow', chunk: 65536, tickMs: 20 } });
    drive = join(mkdtempSync(join(tmpdir(), 'mote-e2e-drive-')), 'RPI-RP2');
    plugInPico();
    // the board: once the whole file has arrived it restarts, and its drive goes away
    board = setInterval(() => {
      if (existsSync(copied()) && statSync(copied()).size === firmware.length) rmSync(drive, { recursive: true, force: true });
    }, 20);
    const dataDir = mkdtempSync(join(tmpdir(), 'mote-e2e-'));
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ downloadMirror: server.base }));
    app = await startApp({ dataDir, hostArgs: ['--extra-drive', drive] });
    await waitForConnected(app.page);
  });
  afterAll(async () => {
    clearInterval(board);
    await app?.stop();
    await server?.close();
  });

  it('picks the board, offers the download without going out, then installs what it downloaded', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Install firmware on RPI-RP2…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Install firmware on RPI-RP2' });
    await expect(dialog.getByLabel('Board:').inputValue()).resolves.toBe('RPI_PICO');
    await dialog.getByText('Nothing for Raspberry Pi Pico is available offline yet.', { exact: false }).waitFor();
    await expect(dialog.getByRole('button', { name: 'Install', exact: true }).isDisabled()).resolves.toBe(true);
    expect(server.requests).toEqual([]);
    await app.screenshot('firmware-one-click-offer');
    expect(await axeSerious(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'Download MicroPython 1.27.0' }).click();
    await dialog.getByText('Fits this board: MicroPython 1.27.0 (2025-12-09) for RP2040, 600.0 KB.').waitFor({ timeout: 30_000 });
    expect(server.requests).toEqual(['GET /micropython.org/resources/firmware/RPI_PICO-20251209-v1.27.0.uf2']);
    await expect(dialog.getByLabel(/MicroPython 1\.27\.0/).isChecked()).resolves.toBe(true);
    await app.screenshot('firmware-one-click-downloaded');
    await dialog.getByRole('button', { name: 'Install', exact: true }).click();
    await page.getByText(/Installed the RP2040 firmware on RPI-RP2\. The board restarted/).waitFor({ timeout: 30_000 });
    expect(existsSync(drive)).toBe(false);
  });

  it('has the firmware offline for the next Pico, pre-selected, with no download offered', async () => {
    const { page } = app;
    plugInPico();
    await page.getByRole('button', { name: 'Install firmware on RPI-RP2…' }).click({ timeout: 15_000 });
    const dialog = page.getByRole('dialog', { name: 'Install firmware on RPI-RP2' });
    await dialog.getByText(/Fits this board: MicroPython 1\.27\.0/).waitFor({ timeout: 10_000 });
    await expect(dialog.getByRole('button', { name: /^Download MicroPython/ }).count()).resolves.toBe(0);
    // another RP2040 board: nothing cached for it, so its download is offered instead
    await dialog.getByLabel('Board:').selectOption('RPI_PICO_W');
    await dialog.getByRole('button', { name: 'Download MicroPython 1.27.0' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(server.requests).toHaveLength(1);
    expect(app.consoleErrors).toEqual([]);
    expect(app.offlineViolations).toEqual([]);
  });
});
