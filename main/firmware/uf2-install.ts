// Installing UF2 firmware (board-protocols.md §9.3): check the image and that the bootloader
// will take it, copy it to the drive's root in one pass, flush, then wait for the drive to
// vanish, which is the board restarting into its new firmware. The bootloader acts on the
// blocks as they arrive (drive-copy.ts).
import { basename, join } from 'node:path';
import { MoteError } from '../../shared/errors';
import { cancelled, delay } from '../board/board-stream';
import { type BoardDrive, classify } from '../drives/drive-service';
import { copyToDrive } from './drive-copy';
import { checkFits, parseUf2, type Uf2Group } from './uf2';

/** A UF2 bootloader drive, as DriveService reports it. */
export interface Uf2Drive {
  path: string;
  label: string;
  /** INFO_UF2.TXT as key/value pairs. */
  uf2Info: Record<string, string>;
}

/** The drive as installUf2 takes it, or null when it is not a UF2 bootloader drive. */
export function uf2Drive(d: BoardDrive | null | undefined): Uf2Drive | null {
  return d?.kind === 'uf2-bootloader' ? { path: d.path, label: d.label || basename(d.path), uf2Info: d.uf2Info ?? {} } : null;
}

export interface InstallOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** How long to wait for the board to restart after the copy (default 15 s). */
  rebootTimeoutMs?: number;
  /** How often to look whether the drive is gone (default 250 ms). */
  pollMs?: number;
}

export interface InstallResult {
  /** The firmware that was sent ('RP2040', …). */
  flashed: Uf2Group[];
  /** True when the drive vanished after the copy: the board restarted. */
  rebooted: boolean;
  /** Something the person should know although the copy went through. */
  warning?: string;
}

export async function installUf2(data: Uint8Array, fileName: string, drive: Uf2Drive, options: InstallOptions = {}): Promise<InstallResult> {
  const image = parseUf2(data);
  const fit = checkFits(image, drive.uf2Info, drive.label);
  if (!(await stillThere(drive))) throw gone(drive, 0, data.length);
  const target = join(drive.path, basename(fileName).replace(/[^\w.-]/g, '_') || 'firmware.uf2');
  await copyToDrive(data, target, { label: drive.label, gone: (done, total) => gone(drive, done, total), stoppedNote: 'The board stays in bootloader mode with part of the firmware: install again to finish.', present: () => stillThere(drive) }, options);
  const rebooted = await waitUntilGone(drive, options);
  const warning = rebooted
    ? fit.warning
    : `The board did not restart within ${Math.max(1, Math.round((options.rebootTimeoutMs ?? 15000) / 1000))} s after the copy. It may have ignored the firmware (made for another board?) or need a moment more; if ${drive.label} is still there, unplug the board and plug it in again.`;
  return { flashed: fit.matching, rebooted, ...(warning ? { warning } : {}) };
}

/** Whether the drive is still a bootloader drive (it vanishes, or its INFO_UF2.TXT does, when the board restarts). */
async function stillThere(drive: Uf2Drive): Promise<boolean> {
  return uf2Drive(await classify(drive.path, drive.label)) !== null;
}

async function waitUntilGone(drive: Uf2Drive, options: InstallOptions): Promise<boolean> {
  const deadline = Date.now() + (options.rebootTimeoutMs ?? 15000);
  for (;;) {
    if (!(await stillThere(drive))) return true;
    if (Date.now() >= deadline) return false;
    if (options.signal?.aborted) throw cancelled();
    await delay(options.pollMs ?? 250);
  }
}

function gone(drive: Uf2Drive, done: number, total: number): MoteError {
  const part = done > 0 ? ` after ${done} of ${total} bytes` : '';
  return new MoteError(
    'board-unplugged',
    `${drive.label} went away${part}. Put the board back in bootloader mode (hold BOOTSEL while plugging it in) and install again${done > 0 ? ': the bootloader itself is safe' : ''}.`,
  );
}
