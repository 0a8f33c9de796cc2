// Installs onto a folder that plays the bootloader drive: INFO_UF2.TXT, and a "board" that
// restarts (the folder vanishes) once it has received the whole file.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { uf2Image } from '../testing/uf2-builder';
import { installUf2, type Uf2Drive } from './uf2-install';

const RP2040_INFO = { banner: 'UF2 Bootloader v3.0', Model: 'Raspberry Pi RP2', 'Board-ID': 'RPI-RP2' };
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function bootloaderDrive(info = RP2040_INFO): Uf2Drive {
  const root = mkdtempSync(join(tmpdir(), 'mote-uf2-'));
  const path = join(root, 'RPI-RP2');
  mkdirSync(path);
  writeFileSync(join(path, 'INFO_UF2.TXT'), 'UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n');
  writeFileSync(join(path, 'INDEX.HTM'), '<html></html>');
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  return { path, label: 'RPI-RP2', uf2Info: info };
}

/** The board: restarts (its drive vanishes) once a .uf2 of `size` bytes has fully arrived.
 *  Returns the names of the files it took, as a bootloader would have seen them. */
function restartsAfter(drive: Uf2Drive, size: number): string[] {
  const received: string[] = [];
  const timer = setInterval(() => {
    const uf2 = existsSync(drive.path) ? readdirSync(drive.path).find((n) => n.endsWith('.uf2')) : undefined;
    if (uf2 && statSync(join(drive.path, uf2)).size === size) {
      received.push(uf2);
      rmSync(drive.path, { recursive: true, force: true });
    }
  }, 10);
  cleanups.push(() => clearInterval(timer));
  return received;
}

describe('installUf2', () => {
  it('copies the image in one pass, reports progress and sees the board restart', async () => {
    const drive = bootloaderDrive();
    const data = uf2Image(600); // 300 KiB
    restartsAfter(drive, data.length);
    const progress: number[] = [];
    const result = await installUf2(data, 'micropython-pico.uf2', drive, { onProgress: (d) => progress.push(d), pollMs: 10 });
    expect(result.rebooted).toBe(true);
    expect(result.warning).toBeUndefined();
    expect(result.flashed.map((g) => g.family)).toEqual(['RP2040']);
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(data.length);
    expect(progress.length).toBeGreaterThan(2);
    expect(existsSync(drive.path)).toBe(false);
  });

  it('refuses firmware for another chip before writing anything', async () => {
    const drive = bootloaderDrive();
    await expect(installUf2(uf2Image(8, { family: 0xe48bff59 }), 'pico2.uf2', drive)).rejects.toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/takes RP2040 firmware/) });
    expect(readdirSync(drive.path).sort()).toEqual(['INDEX.HTM', 'INFO_UF2.TXT']);
  });

  it('refuses a corrupt file before writing anything', async () => {
    const drive = bootloaderDrive();
    await expect(installUf2(uf2Image(8).subarray(0, 4000), 'cut.uf2', drive)).rejects.toMatchObject({ code: 'invalid-file' });
    expect(readdirSync(drive.path)).toHaveLength(2);
  });

  it('says so when the board does not restart (a bootloader that ignored the file)', async () => {
    const drive = bootloaderDrive();
    const result = await installUf2(uf2Image(8), 'x.uf2', drive, { rebootTimeoutMs: 100, pollMs: 10 });
    expect(result.rebooted).toBe(false);
    expect(result.warning).toMatch(/did not restart within 1 s after the copy/);
  });

  it('notices the drive vanishing mid-copy (the OS may still be taking writes into its cache)', async () => {
    const drive = bootloaderDrive();
    const data = uf2Image(1024); // 512 KiB: several chunks
    let pulled = false;
    const unplug = (done: number) => {
      if (done > 0 && !pulled) {
        pulled = true;
        rmSync(drive.path, { recursive: true, force: true });
      }
    };
    await expect(installUf2(data, 'x.uf2', drive, { onProgress: unplug })).rejects.toMatchObject({ code: 'board-unplugged', message: expect.stringMatching(/RPI-RP2 went away after 65536 of 524288 bytes/) });
  });

  it('reports a drive that is no longer there', async () => {
    const drive = bootloaderDrive();
    rmSync(drive.path, { recursive: true });
    await expect(installUf2(uf2Image(8), 'x.uf2', drive)).rejects.toMatchObject({ code: 'board-unplugged', message: expect.stringMatching(/RPI-RP2 went away\. .*hold BOOTSEL/) });
  });

  it('stops when cancelled, saying what state the board is in', async () => {
    const drive = bootloaderDrive();
    const ac = new AbortController();
    const data = uf2Image(2000);
    const p = installUf2(data, 'x.uf2', drive, { signal: ac.signal, onProgress: (d) => d > 0 && ac.abort() });
    await expect(p).rejects.toMatchObject({ code: 'cancelled', message: expect.stringMatching(/stays in bootloader mode with part of the firmware/) });
  });

  it('keeps only safe characters of the file name', async () => {
    const drive = bootloaderDrive();
    // The board itself records the name: an observer polling beside it can miss a file that
    // arrives and is taken between two of its looks (it did, on a loaded machine).
    const received = restartsAfter(drive, 512 * 4);
    const result = await installUf2(uf2Image(4), '../../evil name.uf2', drive, { pollMs: 10 });
    expect(result.rebooted).toBe(true);
    expect(received).toEqual(['evil_name.uf2']);
  });
});
