// Writes a file so that a crash, an unplug or a full disk leaves either the old or the new
// content, never a truncated mix: write a sibling temp file, fsync it, rename it over the
// target, then fsync the folder so the rename itself is on disk.
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Create missing parent folders (default true). */
  createParents?: boolean;
  /** The temp file's name beside the target (default unique per process and moment). */
  tempName?: string;
}

/** Writes the content itself, for callers that stream it in chunks (progress, cancel). */
export type ContentWriter = (handle: FileHandle) => Promise<void>;

export async function writeFileAtomic(file: string, data: string | Uint8Array | ContentWriter, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(file);
  if (options.createParents ?? true) await fs.mkdir(dir, { recursive: true });
  const temp = join(dir, options.tempName ?? `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fs.open(temp, 'w');
  try {
    if (typeof data === 'function') await data(handle);
    else await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await fs.rename(temp, file);
  await syncFolder(dir);
}

/** Best-effort fsync of a folder, so renames and removals in it reach the disk. */
export async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    await handle.sync().catch(() => undefined);
    await handle.close();
  } catch {
    // Folders cannot be opened for fsync on Windows; the file itself was fsynced.
  }
}
