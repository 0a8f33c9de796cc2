// Installing MicroPython on a BBC micro:bit (board-protocols.md §9.4): check the Intel HEX
// (every record's checksum, the addresses against the board's flash, V1 vs V2 by DETAILS.TXT),
// copy it to the MICROBIT drive, then wait for DAPLink to remount the drive (the file is gone
// from it) or to write FAIL.TXT with its reason.
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { MoteError } from '../../shared/errors';
import { cancelled, delay } from '../board/board-stream';
import type { BoardDrive } from '../drives/drive-service';
import { copyToDrive, type CopyOptions } from './drive-copy';
import { checkHexFits, microbitVersion, parseHex } from './intel-hex';

/** A MICROBIT drive as DriveService reports it. */
export interface MicrobitDrive {
  path: string;
  label: string;
  /** DETAILS.TXT's board id (9900 … 9906); absent on very old DAPLink, which means V1. */
  boardId?: string;
}

export function microbitDrive(d: BoardDrive | null | undefined): MicrobitDrive | null {
  return d?.kind === 'microbit' ? { path: d.path, label: d.label || 'MICROBIT', ...(d.microbitBoardId ? { boardId: d.microbitBoardId } : {}) } : null;
}

export interface MicrobitInstallOptions extends CopyOptions {
  /** How long to wait for DAPLink to finish (default 30 s: it flashes as it receives, then remounts). */
  doneTimeoutMs?: number;
  pollMs?: number;
}

export interface MicrobitInstallResult {
  version: 1 | 2;
  /** True when the drive remounted without the file: DAPLink took it. */
  finished: boolean;
  warning?: string;
}

/** The name DAPLink sees; any *.hex works, a fixed one keeps the drive tidy. */
const TARGET_NAME = 'micropython.hex';

/** Checks a hex file against the micro:bit on `drive`; returns its generation, or throws MoteError('invalid-file'). */
export function checkMicrobitHex(data: Uint8Array, drive: MicrobitDrive): 1 | 2 {
  const image = parseHex(data);
  const version = drive.boardId ? microbitVersion(drive.boardId) : 1;
  if (!version) throw new MoteError('invalid-file', `${drive.label} says it is board ${drive.boardId}, which is not a micro:bit Mote knows (a Calliope mini?).`);
  checkHexFits(image, version);
  return version;
}

export async function installMicrobit(data: Uint8Array, drive: MicrobitDrive, options: MicrobitInstallOptions = {}): Promise<MicrobitInstallResult> {
  const version = checkMicrobitHex(data, drive);
  await fsp.rm(join(drive.path, 'FAIL.TXT'), { force: true }).catch(() => undefined);
  const target = join(drive.path, TARGET_NAME);
  await copyToDrive(data, target, { label: drive.label, gone: (done, total) => gone(drive, done, total), stoppedNote: 'The micro:bit keeps its old program only if DAPLink had not started; copy the file again to finish.', present: () => exists(join(drive.path, 'DETAILS.TXT')) }, options);
  // DAPLink unmounts while it flashes and remounts without the file, or with FAIL.TXT saying why
  const deadline = Date.now() + (options.doneTimeoutMs ?? 30_000);
  for (;;) {
    const mounted = await exists(join(drive.path, 'DETAILS.TXT'));
    if (mounted) {
      const fail = await fsp.readFile(join(drive.path, 'FAIL.TXT'), 'utf8').catch(() => null);
      if (fail !== null) throw new MoteError('board-protocol', `The micro:bit refused the file: ${fail.trim()}`);
      if (!(await exists(target))) return { version, finished: true };
    }
    if (Date.now() >= deadline) {
      const secs = Math.round((options.doneTimeoutMs ?? 30_000) / 1000);
      return { version, finished: false, warning: `${drive.label} ${mounted ? `still shows ${TARGET_NAME}` : 'has not come back'} ${secs} s after the copy: unplug the micro:bit and plug it in again, then check it runs.` };
    }
    if (options.signal?.aborted) throw cancelled();
    await delay(options.pollMs ?? 250);
  }
}

async function exists(path: string): Promise<boolean> {
  return (await fsp.stat(path).catch(() => null)) !== null;
}

function gone(drive: MicrobitDrive, done: number, total: number): MoteError {
  return new MoteError('board-unplugged', `${drive.label} went away after ${done} of ${total} bytes. Plug the micro:bit in again and copy the firmware again.`);
}
