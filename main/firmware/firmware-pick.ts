// Choosing the firmware file for a board: the version asked for, else the newest the catalogue
// knows; from the cache when it is there, else downloaded (only when the person did not ask
// for offline, and only because they asked to install).
import { promises as fsp } from 'node:fs';
import { MoteError } from '../../shared/errors';
import { buildsOf, type Catalog, type CatalogBoard, compareVersions, type Flavour, isPrerelease } from '../../shared/firmware-catalog';
import type { NetService } from '../net/net-service';
import type { NetProgress } from '../net/net-types';
import type { CacheEntry, FirmwareCache } from './firmware-cache';
import { downloadBuild } from './firmware-download';

export interface PickRequest {
  flavour: Flavour;
  version?: string;
  /** Use only what is cached. */
  offline: boolean;
  signal?: AbortSignal;
  onProgress?: NetProgress;
}

export interface Picked {
  entry: CacheEntry;
  data: Buffer;
  downloaded: boolean;
}

export async function pickFirmware(catalog: Catalog, cache: FirmwareCache, net: Pick<NetService, 'download'> | null, board: CatalogBoard, req: PickRequest): Promise<Picked> {
  const cached = await cache.newest(board.id, req.flavour, req.version);
  const builds = buildsOf(board, req.flavour);
  const newestStable = builds.find((b) => !isPrerelease(b.version));
  const wanted = req.version ? builds.find((b) => b.version === req.version) : newestStable;
  const cachedIsEnough = cached && (req.version || !wanted || compareVersions(cached.version, wanted.version) >= 0 || req.offline);
  if (cached && cachedIsEnough) return { entry: cached, data: await fsp.readFile(cache.pathOf(cached)), downloaded: false };
  const name = flavourName(req.flavour);
  if (req.offline || !net) {
    const have = (await cache.list()).filter((e) => e.boardId === board.id).map((e) => `${flavourName(e.flavour)} ${e.version}`);
    throw new MoteError('not-found', `${name}${req.version ? ` ${req.version}` : ''} for ${board.name} is not in the firmware cache${have.length ? ` (it holds ${have.join(', ')})` : ''}. Import the file (Import firmware…, or mote firmware import) or download it.`);
  }
  if (!wanted) {
    const known = builds.map((b) => b.version).join(', ');
    throw new MoteError('not-found', known ? `The catalogue has no ${name} ${req.version} for ${board.name}; it knows ${known}.` : `There is no ${name} for ${board.name} in the catalogue.`);
  }
  const entry = await downloadBuild(net, cache, catalog, board, wanted, { signal: req.signal, onProgress: req.onProgress });
  return { entry, data: await fsp.readFile(cache.pathOf(entry)), downloaded: true };
}

export function flavourName(f: Flavour): string {
  return f === 'micropython' ? 'MicroPython' : 'CircuitPython';
}
