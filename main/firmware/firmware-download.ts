// Getting one catalogue build into the cache: through main/net (mirror, resume, checks,
// atomic placement), then identified by its contents like an imported file, so a server that
// hands out the wrong file (or an error page) never leaves something installable in the cache.
import { promises as fsp } from 'node:fs';
import { MoteError } from '../../shared/errors';
import { buildFileName, type Catalog, type CatalogBoard, type CatalogBuild } from '../../shared/firmware-catalog';
import type { NetService } from '../net/net-service';
import type { NetProgress } from '../net/net-types';
import { type CacheEntry, FirmwareCache } from './firmware-cache';
import { identifyFirmware } from './identify';

export interface DownloadOptions {
  signal?: AbortSignal;
  onProgress?: NetProgress;
}

export async function downloadBuild(net: Pick<NetService, 'download'>, cache: FirmwareCache, catalog: Catalog, board: CatalogBoard, build: CatalogBuild, options: DownloadOptions = {}): Promise<CacheEntry> {
  const name = buildFileName(build);
  const file = FirmwareCache.fileFor(board.id, build.flavour, name);
  const got = await net.download({
    url: build.url,
    purpose: 'firmware',
    kind: 'firmware',
    name: file,
    size: build.size,
    sha256: build.sha256,
    // a build is at most a few MiB; 32 MiB stops a runaway answer early
    maxBytes: build.size ?? 32 * 1024 * 1024,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  try {
    const found = identifyFirmware(await fsp.readFile(got.path), name, catalog);
    if (!found.candidates.includes(board.id)) throw new MoteError('invalid-file', `The server sent ${found.chip} firmware for ${board.name} (${board.chip}).`);
    const entry: CacheEntry = {
      boardId: board.id,
      flavour: build.flavour,
      version: build.version,
      file,
      size: got.size,
      sha256: got.sha256,
      format: found.format,
      chip: found.chip,
      source: 'download',
      url: build.url,
      ...(found.title ? { title: found.title } : {}),
      addedAt: new Date().toISOString(),
    };
    await cache.add(entry);
    return entry;
  } catch (e) {
    await fsp.rm(got.path, { force: true });
    if (e instanceof MoteError && e.code === 'invalid-file') throw new MoteError('invalid-file', `${name} from ${new URL(build.url).host} is not usable firmware: ${e.message} Nothing was kept.`);
    throw e;
  }
}
