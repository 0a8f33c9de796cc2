// The firmware specs' shared start: a fresh data folder whose download mirror is the local test
// server, the web host told that `drive` is a mounted drive, and the app connected.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type AppSession } from './harness';
import { waitForConnected } from './helpers';

export async function startAppWithMirror(mirror: string, drive: string): Promise<AppSession> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mote-e2e-'));
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ downloadMirror: mirror }));
  const app = await startApp({ dataDir, hostArgs: ['--extra-drive', drive] });
  await waitForConnected(app.page);
  return app;
}
