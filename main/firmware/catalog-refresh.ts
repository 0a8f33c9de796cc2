// "Check for new firmware", done only when a person asks: reads the lists the official sites
// publish (each MicroPython board's download page, CircuitPython's files.json), adds the
// stable builds the catalogue lacks, and keeps the result in <data>/cache/firmware/catalog.json
// (atomically; the shipped catalogue stays as it is). Without network the shipped one is used.
import { join } from 'node:path';
import { MoteError } from '../../shared/errors';
import { buildsOf, type Catalog, type CatalogBoard, type CatalogBuild, compareVersions, type Flavour } from '../../shared/firmware-catalog';
import type { NetService } from '../net/net-service';
import { writeFileAtomic } from '../util/atomic-write';
import { REFRESHED_CATALOG } from './catalog-store';

const MICROPYTHON_BOARD_PAGE = (id: string) => `https://micropython.org/download/${id}/`;
const MICROPYTHON_FILES = 'https://micropython.org/resources/firmware/';
const CIRCUITPYTHON_FILES_JSON = 'https://raw.githubusercontent.com/adafruit/circuitpython-org/main/_data/files.json';
const CIRCUITPYTHON_BIN = 'https://downloads.circuitpython.org/bin/';
/** Builds kept per board and flavour: the newest few stable releases. */
const KEEP = 3;

export interface RefreshReport {
  catalog: Catalog;
  /** "RPI_PICO micropython 1.28.0", … */
  added: string[];
  /** Lists that could not be read, with why (the rest of the refresh still counts). */
  failures: string[];
}

export async function refreshCatalog(net: Pick<NetService, 'fetchBytes'>, shipped: Catalog, cacheDir: string, signal?: AbortSignal): Promise<RefreshReport> {
  const added: string[] = [];
  const failures: string[] = [];
  const found = new Map<string, CatalogBuild[]>();
  const note = (board: CatalogBoard, builds: CatalogBuild[]) => found.set(board.id, [...(found.get(board.id) ?? []), ...builds]);
  for (const board of shipped.boards) {
    const ext = extensionOf(board, 'micropython');
    if (!ext || !buildsOf(board, 'micropython').some((b) => b.url.startsWith(MICROPYTHON_FILES))) continue;
    try {
      const page = (await net.fetchBytes({ url: MICROPYTHON_BOARD_PAGE(board.id), purpose: 'firmware-catalog', maxBytes: 4 * 1024 * 1024, signal })).toString('utf8');
      note(board, micropythonBuilds(page, board.id, ext));
    } catch (e) {
      if (signal?.aborted) throw e;
      failures.push(`${board.id}: ${(e as Error).message}`);
    }
  }
  try {
    const files = JSON.parse((await net.fetchBytes({ url: CIRCUITPYTHON_FILES_JSON, purpose: 'firmware-catalog', maxBytes: 64 * 1024 * 1024, signal })).toString('utf8')) as unknown;
    for (const board of shipped.boards) {
      const ext = extensionOf(board, 'circuitpython');
      if (board.circuitpythonId && ext) note(board, circuitpythonBuilds(files, board.circuitpythonId, ext));
    }
  } catch (e) {
    if (signal?.aborted) throw e;
    failures.push(`CircuitPython's files.json: ${(e as Error).message}`);
  }
  if (found.size === 0 && failures.length) throw new MoteError('network', `No firmware list could be read: ${failures[0]}`);
  const boards = shipped.boards.map((board) => {
    const known = new Set(board.builds.map((b) => `${b.flavour} ${b.version}`));
    const fresh = (found.get(board.id) ?? []).filter((b) => !known.has(`${b.flavour} ${b.version}`) && known.add(`${b.flavour} ${b.version}`));
    for (const b of fresh) added.push(`${board.id} ${b.flavour} ${b.version}`);
    return { ...board, builds: [...board.builds, ...fresh] };
  });
  const catalog: Catalog = { ...shipped, updated: new Date().toISOString().slice(0, 10), boards };
  await writeFileAtomic(join(cacheDir, REFRESHED_CATALOG), JSON.stringify(catalog, null, 1) + '\n');
  return { catalog, added, failures };
}

/** The file extension the board's builds of one flavour use ('uf2', 'bin', 'hex', 'combined.hex'). */
function extensionOf(board: CatalogBoard, flavour: Flavour): string | null {
  const url = buildsOf(board, flavour)[0]?.url;
  if (!url) return null;
  return flavour === 'circuitpython' ? (/-\d+\.\d+\.\d+(?:-[\w.]+)?\.(.+)$/.exec(url)?.[1] ?? null) : (url.split('.').pop() ?? null);
}

/** The stable releases a MicroPython board page links: /resources/firmware/<ID>-<YYYYMMDD>-v<X.Y.Z>.<ext>. */
export function micropythonBuilds(page: string, id: string, ext: string): CatalogBuild[] {
  const seen = new Map<string, CatalogBuild>();
  const re = new RegExp(`/resources/firmware/(${id}-(\\d{8})-v(\\d+\\.\\d+\\.\\d+)\\.${ext.replace('.', '\\.')})"`, 'g');
  for (const m of page.matchAll(re)) if (!seen.has(m[3])) seen.set(m[3], { flavour: 'micropython', version: m[3], url: `${MICROPYTHON_FILES}${m[1]}` });
  return [...seen.values()].sort((a, b) => compareVersions(b.version, a.version)).slice(0, KEEP);
}

/** The stable en_US releases files.json lists for a board, addressed by the published pattern. */
export function circuitpythonBuilds(files: unknown, id: string, ext: string): CatalogBuild[] {
  if (!Array.isArray(files)) throw new MoteError('invalid-file', "CircuitPython's files.json is not a list of boards.");
  const entry = files.find((f): f is { versions?: unknown } => typeof f === 'object' && f !== null && (f as { id?: unknown }).id === id);
  const versions = Array.isArray(entry?.versions) ? (entry.versions as Array<Record<string, unknown>>) : [];
  return versions
    .filter((v) => v.stable === true && typeof v.version === 'string' && /^\d+\.\d+\.\d+$/.test(v.version) && (!Array.isArray(v.languages) || v.languages.includes('en_US')) && (!Array.isArray(v.extensions) || v.extensions.includes(ext)))
    .map((v) => ({ flavour: 'circuitpython' as const, version: v.version as string, url: `${CIRCUITPYTHON_BIN}${id}/en_US/adafruit-circuitpython-${id}-en_US-${v.version as string}.${ext}` }))
    .sort((a, b) => compareVersions(b.version, a.version))
    .slice(0, KEEP);
}
