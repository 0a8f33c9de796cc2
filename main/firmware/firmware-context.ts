// What the firmware commands and FirmwareService work with: the catalogue, the cache and the
// network module, built from the data folder and the mirror setting (a --mirror option, then
// MOTE_FIRMWARE_MIRROR, then the downloadMirror setting).
import { join } from 'node:path';
import type { Catalog } from '../../shared/firmware-catalog';
import { NetService } from '../net/net-service';
import { checkMirror } from '../net/mirror';
import { loadCatalog } from './catalog-store';
import { FirmwareCache } from './firmware-cache';

export interface FirmwareContext {
  catalog: Catalog;
  cache: FirmwareCache;
  net: NetService;
}

export interface ContextOptions {
  dataDir: string;
  /** resources/ (null when Mote runs without it: then there is no catalogue). */
  resources: string | null;
  /** The mirror from the command line or the environment; overrides the setting. */
  mirror?: string;
  /** The downloadMirror setting. */
  settingMirror(): Promise<string> | string;
  /** The app's one NetService, when there is one already (else one is made here). */
  net?: NetService;
}

export async function firmwareContext(options: ContextOptions): Promise<FirmwareContext> {
  const cacheRoot = join(options.dataDir, 'cache');
  const cache = new FirmwareCache(join(cacheRoot, 'firmware'));
  const shipped = join(options.resources ?? join(__dirname, 'resources'), 'firmware', 'catalog.json');
  const catalog = await loadCatalog(shipped, cache.dir);
  // a bad mirror is reported now, before any file is looked at
  if (options.mirror !== undefined) checkMirror(options.mirror);
  const net = options.net ?? new NetService({ cacheRoot, mirror: async () => options.mirror ?? (await options.settingMirror()), logFile: join(options.dataDir, 'logs', 'network.log') });
  return { catalog, cache, net };
}
