// Copying MicroPython to a folder that plays a micro:bit's MICROBIT drive: DETAILS.TXT says
// which micro:bit it is, and "DAPLink" takes the file (it vanishes) or writes FAIL.TXT.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { microbitHex, universalHex } from '../testing/firmware-images';
import { installMicrobit, type MicrobitDrive } from './microbit-install';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function microbit(boardId: string): MicrobitDrive {
  const path = join(mkdtempSync(join(tmpdir(), 'mote-mb-')), 'MICROBIT');
  mkdirSync(path);
  writeFileSync(join(path, 'DETAILS.TXT'), `# DAPLink Firmware - see https://mbed.com/daplink\nUnique ID: ${boardId}0000a1b2c3d4e5f6\nVersion: 0255\n`);
  writeFileSync(join(path, 'MICROBIT.HTM'), '<html></html>');
  cleanups.push(() => rmSync(join(path, '..'), { recursive: true, force: true }));
  return { path, label: 'MICROBIT', boardId };
}

/** DAPLink: once the whole file is there, it "flashes" and remounts without it (or with FAIL.TXT). */
function daplink(drive: MicrobitDrive, size: number, fail?: string): void {
  const timer = setInterval(() => {
    const f = join(drive.path, 'micropython.hex');
    if (existsSync(f) && statSync(f).size === size) {
      rmSync(f);
      if (fail) writeFileSync(join(drive.path, 'FAIL.TXT'), fail);
    }
  }, 10);
  cleanups.push(() => clearInterval(timer));
}

describe('installMicrobit', () => {
  it('copies V2 MicroPython to a V2 and sees DAPLink take it', async () => {
    const drive = microbit('9904');
    const hex = Buffer.from(microbitHex(2, 'MicroPython v1.18; micro:bit v2.1.2 with nRF52833'));
    daplink(drive, hex.length);
    const progress: number[] = [];
    const result = await installMicrobit(hex, drive, { pollMs: 10, onProgress: (d) => progress.push(d) });
    expect(result).toEqual({ version: 2, finished: true });
    expect(progress.at(-1)).toBe(hex.length);
    expect(readdirSync(drive.path).sort()).toEqual(['DETAILS.TXT', 'MICROBIT.HTM']);
  });

  it('refuses the other generation\'s firmware before copying anything', async () => {
    const v1 = microbit('9900');
    await expect(installMicrobit(Buffer.from(microbitHex(2, 'micro:bit v2.1.2')), v1)).rejects.toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/beyond the micro:bit V1's 256 KiB of flash: it is for a micro:bit V2/) });
    const v2 = microbit('9906');
    await expect(installMicrobit(Buffer.from(microbitHex(1, 'MicroPython v1.9.2; micro:bit v1.1.1 with nRF51822')), v2)).rejects.toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/for the micro:bit V1; this board is a micro:bit V2/) });
    expect(readdirSync(v1.path)).toHaveLength(2);
    expect(readdirSync(v2.path)).toHaveLength(2);
  });

  it('takes a Universal Hex on either, and refuses a damaged hex', async () => {
    const drive = microbit('9900');
    const hex = Buffer.from(universalHex());
    daplink(drive, hex.length);
    expect(await installMicrobit(hex, drive, { pollMs: 10 })).toEqual({ version: 1, finished: true });
    const cut = Buffer.from(microbitHex(1, 'x').split('\n').slice(0, 100).join('\n'));
    await expect(installMicrobit(cut, drive)).rejects.toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/cut short/) });
  });

  it('reports what DAPLink wrote in FAIL.TXT', async () => {
    const drive = microbit('9903');
    const hex = Buffer.from(microbitHex(2, 'micro:bit v2.1.2'));
    daplink(drive, hex.length, 'The interface firmware FAILED to reach the target MCU');
    await expect(installMicrobit(hex, drive, { pollMs: 10 })).rejects.toMatchObject({ code: 'board-protocol', message: 'The micro:bit refused the file: The interface firmware FAILED to reach the target MCU' });
  });

  it('says so when the drive vanishes mid-copy, and when DAPLink never finishes', async () => {
    const drive = microbit('9903');
    const hex = Buffer.from(microbitHex(2, 'micro:bit v2.1.2'));
    let pulled = false;
    await expect(
      installMicrobit(hex, drive, {
        onProgress: (done) => {
          if (done > 0 && !pulled) {
            pulled = true;
            rmSync(drive.path, { recursive: true, force: true });
          }
        },
      }),
    ).rejects.toMatchObject({ code: 'board-unplugged', message: expect.stringMatching(/MICROBIT went away after \d+ of \d+ bytes/) });
    const stuck = microbit('9903');
    const result = await installMicrobit(hex, stuck, { doneTimeoutMs: 100, pollMs: 10 });
    expect(result).toMatchObject({ finished: false, warning: expect.stringMatching(/still shows micropython.hex/) });
  });
});
