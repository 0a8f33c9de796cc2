// MicroPython onto a micro:bit V2 from the dialog: the MICROBIT drive (a folder with a real
// DETAILS.TXT) gets an install button, the board is known from its DETAILS.TXT id, the V2 build
// is downloaded through the mirror (a GitHub release answers with a redirect) and checked
// against the board, and "DAPLink" takes the file. (Wrong-generation files: microbit-install.test.)
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FileServer, startFileServer } from '../main/testing/file-server';
import { microbitHex } from '../main/testing/firmware-images';
import { startAppWithMirror } from './firmware-fixtures';
import type { AppSession } from './harness';

describe('MicroPython on a micro:bit from the dialog', () => {
  let app: AppSession;
  let server: FileServer;
  let drive: string;
  let daplink: NodeJS.Timeout;
  const v2 = Buffer.from(microbitHex(2, 'MicroPython v1.18 on 2023-10-30; micro:bit v2.1.2 with nRF52833'));

  beforeAll(async () => {
    server = await startFileServer({
      '/github.com/microbit-foundation/micropython-microbit-v2/releases/download/v2.1.2/micropython-microbit-v2.1.2.hex': { body: '', redirect: '/objects.githubusercontent.com/v2.1.2.hex' },
      '/objects.githubusercontent.com/v2.1.2.hex': { body: v2 },
    });
    drive = join(mkdtempSync(join(tmpdir(), 'mote-e2e-mb-')), 'MICROBIT');
    mkdirSync(drive);
    writeFileSync(join(drive, 'DETAILS.TXT'), '# DAPLink Firmware - see https://mbed.com/daplink\r\nUnique ID: 9904360200052820a1b2c3d4\r\nVersion: 0255\r\n');
    // DAPLink: once the whole file has arrived it flashes the target and remounts without it
    daplink = setInterval(() => {
      const f = join(drive, 'micropython.hex');
      if (existsSync(f) && statSync(f).size === v2.length) rmSync(f);
    }, 20);
    app = await startAppWithMirror(server.base, drive);
  });
  afterAll(async () => {
    clearInterval(daplink);
    await app?.stop();
    await server?.close();
  });

  it('knows the V2, downloads its MicroPython when asked, and installs it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Install firmware on MICROBIT…' }).click({ timeout: 15_000 });
    const dialog = page.getByRole('dialog', { name: 'Install firmware on MICROBIT' });
    await expect(dialog.getByLabel('Board:').inputValue()).resolves.toBe('BBC_MICROBIT_V2');
    expect(server.requests).toEqual([]);
    await dialog.getByRole('button', { name: 'Download MicroPython 2.1.2' }).click();
    await dialog.getByText('Fits this board: MicroPython for micro:bit 2.1.2 (2023-10-30) for micro:bit V2', { exact: false }).waitFor({ timeout: 30_000 });
    await app.screenshot('firmware-microbit');
    await dialog.getByRole('button', { name: 'Install', exact: true }).click();
    await page.getByText(/Installed MicroPython on the micro:bit V2\./).waitFor({ timeout: 30_000 });
    expect(readdirSync(drive)).toEqual(['DETAILS.TXT']);
    expect(app.consoleErrors).toEqual([]);
    expect(app.offlineViolations).toEqual([]);
  });
});
