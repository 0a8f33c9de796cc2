// Where the resources/ folder (board ids, examples) is at run time: beside out/ in a checkout
// and the web host, or in the installed app's resources folder (electron-builder extraResources).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function resourcesDir(): string | null {
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [join(__dirname, '..', '..', 'resources'), ...(packaged ? [join(packaged, 'resources')] : [])];
  return candidates.find((dir) => existsSync(dir)) ?? null;
}
