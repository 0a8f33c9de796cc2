// Copying a firmware file onto a board's drive (a UF2 bootloader or the micro:bit's DAPLink):
// one pass to the drive's root in whole-block chunks, with progress and cancel, then flush.
// The board acts on the bytes as they arrive and restarts or remounts at the end, so there is
// no temp file and rename here (unlike every other write), and an error after the last byte
// is the board going away on time, not a failure.
import { promises as fsp } from 'node:fs';
import { MoteError } from '../../shared/errors';

export interface CopyOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface DriveLabel {
  label: string;
  /** The error for a drive that went away after `done` bytes. */
  gone(done: number, total: number): MoteError;
  /** What state the board is in when the copy is stopped part way. */
  stoppedNote: string;
  /**
   * Whether the drive is still mounted, asked before each chunk: after an unplug, writes can
   * keep landing in the OS's cache for a while, and only this notices in time.
   */
  present(): Promise<boolean>;
}

/** Bytes per write: a whole number of 512-byte blocks, so the board never waits on half a block. */
const CHUNK = 128 * 512;
/** After the last byte, the board may restart before close() returns: these then mean "done". */
const GONE_AFTER_COPY = new Set(['EIO', 'ENOENT', 'ENXIO', 'ENODEV', 'EBADF']);

export async function copyToDrive(data: Uint8Array, target: string, drive: DriveLabel, options: CopyOptions = {}): Promise<void> {
  let written = 0;
  let handle: fsp.FileHandle | null = null;
  try {
    handle = await fsp.open(target, 'w');
    options.onProgress?.(0, data.length);
    while (written < data.length) {
      if (options.signal?.aborted) throw new MoteError('cancelled', `Stopped after ${written} of ${data.length} bytes. ${drive.stoppedNote}`);
      if (written > 0 && !(await drive.present())) throw drive.gone(written, data.length);
      const { bytesWritten } = await handle.write(data, written, Math.min(CHUNK, data.length - written));
      written += bytesWritten;
      options.onProgress?.(written, data.length);
    }
    await handle.sync();
    await handle.close();
    handle = null;
  } catch (err) {
    await handle?.close().catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (err instanceof MoteError) throw err;
    if (written < data.length) {
      if (code === 'ENOSPC') throw new MoteError('no-space', `${drive.label} is full after ${written} of ${data.length} bytes: this is not a drive that takes firmware.`);
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') throw new MoteError('read-only', `${drive.label} does not let Mote write to it (${code}).`);
      throw drive.gone(written, data.length);
    }
    if (!GONE_AFTER_COPY.has(code)) throw err;
    // every byte went out and the board restarted while the OS was still closing: that is success
  }
}
