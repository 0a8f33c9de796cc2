// Fetching the CircuitPython bundles online through main/net, from a local server laid out as
// GitHub (releases API, release assets behind a redirect), reached through the download mirror:
// only the assets the board needs, checked against GitHub's digests; then the same install offline.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetService } from '../net/net-service';
import { buildBundleZips } from '../testing/bundle-builder';
import { type FileServer, startFileServer } from '../testing/file-server';
import { LibraryService } from './library-service';
import type { LibraryTarget } from './library-target';

const REPO = 'adafruit/Adafruit_CircuitPython_Bundle';
const TAG = '20260301';
const cp9: LibraryTarget = { firmware: 'circuitpython', mpy: 'py', bundleFlavour: '9.x-mpy', libDir: '/lib', simulated: false, version: '9.2.1' };

function release(server: FileServer, digests: 'right' | 'wrong'): void {
  const assets = [...buildBundleZips(TAG), [`adafruit-circuitpython-bundle-10.x-mpy-${TAG}.zip`, Buffer.from('not needed')] as const, [`adafruit-circuitpython-bundle-examples-${TAG}.zip`, Buffer.from('not needed')] as const];
  const listed = assets.map(([name, body]) => {
    const cdn = `/objects.githubusercontent.com/${name}`;
    server.files.set(cdn, { body });
    server.files.set(`/github.com/${REPO}/releases/download/${TAG}/${name}`, { body: '', redirect: cdn });
    const sha = createHash('sha256').update(digests === 'right' ? body : Buffer.from('other')).digest('hex');
    return { name, size: body.length, digest: `sha256:${sha}`, browser_download_url: `https://github.com/${REPO}/releases/download/${TAG}/${name}` };
  });
  server.files.set(`/api.github.com/repos/${REPO}/releases/latest`, { body: JSON.stringify({ tag_name: TAG, assets: listed }) });
}

describe('CircuitPython bundles from GitHub', () => {
  let server: FileServer;
  beforeAll(async () => {
    server = await startFileServer();
  });
  afterAll(() => server.close());
  const service = (dataDir: string, online = true) =>
    new LibraryService({ dataDir, network: online ? new NetService({ cacheRoot: join(dataDir, 'cache'), mirror: () => server.base, retries: 1, retryDelayMs: 10 }) : null });

  it('downloads the py and 9.x zips and the JSON when a library is asked for, then installs offline', async () => {
    release(server, 'right');
    const dataDir = mkdtempSync(join(tmpdir(), 'mote-bundle-dl-'));
    const plan = await service(dataDir).plan(['adafruit_bme280'], cp9);
    expect(plan.libraries.map((l) => l.name)).toEqual(['adafruit_bus_device', 'adafruit_register', 'adafruit_bme280']);
    expect([...plan.files.keys()].every((p) => p.endsWith('.mpy'))).toBe(true);
    expect(readdirSync(join(dataDir, 'cache', 'libraries', 'bundles')).sort()).toEqual([`adafruit-circuitpython-bundle-${TAG}.json`, `adafruit-circuitpython-bundle-9.x-mpy-${TAG}.zip`, `adafruit-circuitpython-bundle-py-${TAG}.zip`]);
    // the Community bundle is not on this server: said, not fatal
    expect(plan.notes.some((n) => n.includes('CircuitPython_Community_Bundle bundle could not be fetched'))).toBe(true);
    const before = server.requests.length;
    expect((await service(dataDir, false).plan(['adafruit_bme280'], cp9)).files.size).toBe(plan.files.size);
    expect(server.requests.length).toBe(before);
  });

  it('refuses assets that do not match GitHub digests, and keeps none of them', async () => {
    release(server, 'wrong');
    const dataDir = mkdtempSync(join(tmpdir(), 'mote-bundle-dl-'));
    await expect(service(dataDir).plan(['adafruit_bme280'], cp9)).rejects.toMatchObject({ code: 'invalid-file' });
    expect(readdirSync(join(dataDir, 'cache', 'libraries', 'bundles')).filter((n) => !n.startsWith('.'))).toEqual([]);
  });

  it('says so offline when no bundle was ever fetched or imported', async () => {
    await expect(service(mkdtempSync(join(tmpdir(), 'mote-bundle-dl-')), false).plan(['adafruit_bme280'], cp9)).rejects.toThrow(/no CircuitPython library bundle yet/);
  });
});
