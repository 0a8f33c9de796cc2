// `mote firmware mirror DIR`: lays the firmware cache out as a mirror (<host>/<path> of each
// file's official address), so a teacher can put it on a school server or a shared folder and
// point every machine's mirror setting at it. Imported files go where the catalogue's build of
// the same board, flavour and version lives; files the catalogue does not know stay out.
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { type Catalog, findBoard } from '../../shared/firmware-catalog';
import { writeFileAtomic } from '../util/atomic-write';
import type { FirmwareCache } from './firmware-cache';

export interface MirrorReport {
  /** Paths written inside the mirror folder, '/'-separated. */
  written: string[];
  /** Cached files left out, with why. */
  skipped: string[];
}

export async function exportMirror(cache: FirmwareCache, catalog: Catalog, dir: string): Promise<MirrorReport> {
  const report: MirrorReport = { written: [], skipped: [] };
  for (const entry of await cache.list()) {
    const url = entry.url ?? findBoard(catalog, entry.boardId)?.builds.find((b) => b.flavour === entry.flavour && b.version === entry.version)?.url;
    if (!url) {
      report.skipped.push(`${entry.file}: the catalogue has no address for ${entry.boardId} ${entry.flavour} ${entry.version}`);
      continue;
    }
    const u = new URL(url);
    const rel = `${u.host}${decodeURIComponent(u.pathname)}`;
    await writeFileAtomic(join(dir, ...rel.split('/')), await fsp.readFile(cache.pathOf(entry)));
    report.written.push(rel);
  }
  return report;
}
