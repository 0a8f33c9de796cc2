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
import { startAppWithMirror } from './firmware-fixtures';
import type { AppSession } from './harness';
import { axeSerious, clickPastNotices } from './helpers';

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
    app = await startAppWithMirror(server.base, drive);
  });
  afterAll(async () => {
    clearInterval(board);
    await app?.stop();
    await server?.close();
  });

  it('picks the board, offers the download without going out, then installs what it downloaded', async () => {
    const { page } = app;
    await clickPastNotices(page, page.getByRole('button', { name: 'Install firmware on RPI-RP2…' }));
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
    await clickPastNotices(page, page.getByRole('button', { name: 'Install firmware on RPI-RP2…' }));
    const dialog = page.getByRole('dialog', { name: 'Install firmware on RPI-RP2' });
    await dialog.getByText(/Fits this board: MicroPython 1\.27\.0/).waitFor({ timeout: 10_000 });
    await expect(dialog.getByRole('button', { name: /^Download MicroPython/ }).count()).resolves.toBe(0);
    // another RP2040 board: nothing cached for it, so its download is offered instead
    await dialog.getByLabel('Board:').selectOption('RPI_PICO_W');
    await dialog.getByRole('button', { name: 'Download MicroPython 1.27.0' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(server.requests).toHaveLength(1);
  });

  it('imports files from a USB stick by their contents, refusing a damaged one', async () => {
    const { page } = app;
    const stick = mkdtempSync(join(tmpdir(), 'mote-e2e-stick-'));
    writeFileSync(join(stick, 'firmware.uf2'), uf2WithText('MicroPython v1.26.1 on 2025-09-11; Raspberry Pi Pico W with RP2040', { blocks: 800 }));
    writeFileSync(join(stick, 'cut.uf2'), firmware.subarray(0, 70_000));
    await clickPastNotices(page, page.getByRole('button', { name: 'Install firmware on RPI-RP2…' }));
    const dialog = page.getByRole('dialog', { name: 'Install firmware on RPI-RP2' });
    await dialog.getByLabel('Firmware files to import').setInputFiles([join(stick, 'firmware.uf2'), join(stick, 'cut.uf2')]);
    await dialog.getByText('firmware.uf2: imported: MicroPython 1.26.1 for RPI_PICO_W').waitFor({ timeout: 15_000 });
    await dialog.getByText(/cut\.uf2: refused: The file is 70000 bytes, not a whole number of 512-byte UF2 blocks/).waitFor();
    // the imported file's board is chosen and its file pre-selected
    await expect(dialog.getByLabel('Board:').inputValue()).resolves.toBe('RPI_PICO_W');
    await dialog.getByText(/Fits this board: MicroPython 1\.26\.1 \(2025-09-11\) for RP2040/).waitFor({ timeout: 10_000 });
    await app.screenshot('firmware-imported');
    expect(server.requests).toHaveLength(1);
  });

  it('checks for newer firmware only when asked', async () => {
    const { page } = app;
    server.files.set('/micropython.org/download/RPI_PICO/', { body: '<a href="/resources/firmware/RPI_PICO-20260401-v1.28.0.uf2">v1.28.0</a>' });
    const dialog = page.getByRole('dialog', { name: 'Install firmware on RPI-RP2' });
    await dialog.getByLabel('Board:').selectOption('RPI_PICO');
    await dialog.getByRole('button', { name: 'Check for newer firmware' }).click();
    await dialog.getByText(/New: RPI_PICO micropython 1\.28\.0/).waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Download MicroPython 1.28.0' }).waitFor();
    expect(server.requests).toContain('GET /micropython.org/download/RPI_PICO/');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(app.consoleErrors).toEqual([]);
    expect(app.offlineViolations).toEqual([]);
  });
});
