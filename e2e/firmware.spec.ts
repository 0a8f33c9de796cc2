// A Pico plugged in with BOOTSEL held: Mote notices its RPI-RP2 drive, offers to install
// firmware, refuses a file for the wrong chip before copying, installs the right one with
// progress, and sees the board restart. The drive is a folder the web host is told to treat as
// mounted (--extra-drive); this test plays the board, which restarts once the file has arrived.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uf2Block, uf2Image, uf2ImageOf } from '../main/testing/uf2-builder';
import { startApp, type AppSession } from './harness';
import { axeSerious, waitForConnected, clickPastNotices } from './helpers';

describe('installing firmware on a board in bootloader mode', () => {
  let app: AppSession;
  let drive: string;
  let board: NodeJS.Timeout;
  // 600 KiB, about the size of MicroPython for the Pico, with the version text its builds embed
  const firmware = uf2ImageOf(Buffer.concat([Buffer.alloc(4000, 0xff), Buffer.from('MicroPython v1.24.1 on 2024-11-29; Raspberry Pi Pico with RP2040'), Buffer.alloc(1200 * 256 - 4064, 0xff)]));
  beforeAll(async () => {
    drive = join(mkdtempSync(join(tmpdir(), 'mote-e2e-drive-')), 'RPI-RP2');
    mkdirSync(drive);
    writeFileSync(join(drive, 'INFO_UF2.TXT'), 'UF2 Bootloader v3.0\r\nModel: Raspberry Pi RP2\r\nBoard-ID: RPI-RP2\r\n');
    writeFileSync(join(drive, 'INDEX.HTM'), '<html></html>');
    const dataDir = mkdtempSync(join(tmpdir(), 'mote-e2e-'));
    const workspace = join(dataDir, 'workspace');
    mkdirSync(join(workspace, 'firmware'), { recursive: true });
    writeFileSync(join(workspace, 'firmware', 'micropython-pico.uf2'), firmware);
    const e10 = uf2Block({ family: 0xe48bff57, target: 0x10ffff00, blockNo: 0, numBlocks: 2, fill: 0xef });
    writeFileSync(join(workspace, 'firmware', 'micropython-pico2.uf2'), Buffer.concat([e10, uf2Image(40, { family: 0xe48bff59 })]));
    // the board: once the whole file has arrived it restarts, and its drive goes away
    board = setInterval(() => {
      const copied = join(drive, 'micropython-pico.uf2');
      if (existsSync(copied) && statSync(copied).size === firmware.length) rmSync(drive, { recursive: true, force: true });
    }, 20);
    app = await startApp({ dataDir, hostArgs: ['--extra-drive', drive] });
    await waitForConnected(app.page);
  });
  afterAll(async () => {
    clearInterval(board);
    await app?.stop();
  });

  it('notices the board and offers to install firmware', async () => {
    const { page } = app;
    await page.getByText('A board in bootloader mode is plugged in: Raspberry Pi RP2 (RPI-RP2).').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Install firmware on RPI-RP2…' }).waitFor();
    await app.screenshot('firmware-bootloader-found');
    // the board picker, where a beginner looks for the board, says where it went
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const picker = page.getByRole('dialog', { name: 'Choose a board' });
    await picker.getByText('RPI-RP2 (Raspberry Pi RP2) is in bootloader mode').waitFor();
    await picker.getByRole('button', { name: 'Cancel' }).click();
  });

  it('says before copying that a file is for another chip', async () => {
    const { page } = app;
    await clickPastNotices(page, page.getByRole('button', { name: 'Install firmware on RPI-RP2…' }));
    const dialog = page.getByRole('dialog', { name: 'Install firmware on RPI-RP2' });
    await dialog.getByText('Fits this board: MicroPython 1.24.1 (2024-11-29) for RP2040, 600.0 KB.').waitFor({ timeout: 10_000 });
    await dialog.getByLabel(/micropython-pico2\.uf2/).check();
    await dialog.getByText(/for RP2350 \(Arm\), but the board on RPI-RP2 takes RP2040 firmware/).waitFor({ timeout: 10_000 });
    await expect(dialog.getByRole('button', { name: 'Install', exact: true }).isDisabled()).resolves.toBe(true);
    await app.screenshot('firmware-wrong-chip');
    expect(await axeSerious(page)).toEqual([]);
    await dialog.getByLabel(/micropython-pico\.uf2/).check();
    await dialog.getByText(/Fits this board: MicroPython 1\.24\.1/).waitFor({ timeout: 10_000 });
  });

  it('installs with progress, and sees the board restart', async () => {
    const { page } = app;
    await page.getByRole('dialog', { name: 'Install firmware on RPI-RP2' }).getByRole('button', { name: 'Install', exact: true }).click();
    await page.getByText(/Installed the RP2040 firmware on RPI-RP2\. The board restarted/).waitFor({ timeout: 30_000 });
    await expect(page.getByText('A board in bootloader mode is plugged in', { exact: false }).count()).resolves.toBe(0);
    await app.screenshot('firmware-installed');
    expect(existsSync(drive)).toBe(false);
    // the drive is gone, and so is the offer
    await page.getByRole('button', { name: 'Install firmware on RPI-RP2…' }).waitFor({ state: 'detached', timeout: 10_000 });
    expect(app.consoleErrors).toEqual([]);
    expect(app.offlineViolations).toEqual([]);
  });
});
