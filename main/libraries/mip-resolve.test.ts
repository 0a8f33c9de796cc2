// mip resolution and download against a local server laid out as micropython-lib's index:
// names, versions, deps (each once), URL packages, a damaged blob, a dropped connection, offline.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGES, testNetwork } from '../testing/library-fixtures';
import { buildMipIndex } from '../testing/mip-index-builder';
import { DriveFs } from '../board/drive-fs';
import { type FileServer, startFileServer } from '../testing/file-server';
import { LibraryService } from './library-service';
import { parseMipSpec } from './mip-spec';
import type { LibraryTarget } from './library-target';

const mp = (mpy: string): LibraryTarget => ({ firmware: 'micropython', mpy, bundleFlavour: 'py', libDir: '/lib', simulated: mpy === 'py', version: '1.27.0' });

describe('mip specs', () => {
  it('reads names, versions, shortcuts and addresses as mpremote does', () => {
    expect(parseMipSpec('ssd1306')).toEqual({ kind: 'index', name: 'ssd1306', version: 'latest' });
    expect(parseMipSpec('umqtt.simple@1.3.4')).toEqual({ kind: 'index', name: 'umqtt.simple', version: '1.3.4' });
    expect(parseMipSpec('github:org/repo')).toMatchObject({ kind: 'package-json', url: 'https://raw.githubusercontent.com/org/repo/HEAD/package.json' });
    expect(parseMipSpec('github:org/repo/drivers/x@v2')).toMatchObject({ url: 'https://raw.githubusercontent.com/org/repo/v2/drivers/x/package.json', ref: 'v2' });
    expect(parseMipSpec('github:org/repo/x.py')).toEqual({ kind: 'file', name: 'x.py', url: 'https://raw.githubusercontent.com/org/repo/HEAD/x.py' });
    expect(parseMipSpec('gitlab:org/repo@main')).toMatchObject({ url: 'https://gitlab.com/org/repo/-/raw/main/package.json' });
    expect(parseMipSpec('https://example.org/lib/pkg.json')).toMatchObject({ kind: 'package-json', url: 'https://example.org/lib/pkg.json' });
  });
  it('refuses what is not a spec, with the reason', () => {
    expect(() => parseMipSpec('a\\b')).toThrow(/use \/ in library paths/);
    expect(() => parseMipSpec('rm -rf')).toThrow(/is not a library name/);
    expect(() => parseMipSpec('github:onlyowner')).toThrow(/owner and a repository/);
    expect(() => parseMipSpec('  ')).toThrow(/empty/);
  });
});

describe('mip install plans from a local index', () => {
  let server: FileServer;
  const data = () => mkdtempSync(join(tmpdir(), 'mote-lib-'));
  const service = (dataDir = data(), online = true) => new LibraryService({ dataDir, network: online ? testNetwork() : null, mirror: server.base + '/mip' });

  beforeAll(async () => {
    server = await startFileServer(Object.fromEntries([...buildMipIndex(PACKAGES)].map(([p, body]) => [`/mip/${p}`, { body }])));
    // a third-party package.json with relative urls and an index dependency
    server.files.set('/gh/org/kit/main/package.json', { body: JSON.stringify({ urls: [['kit/__init__.py', 'kit/__init__.py']], deps: [['ssd1306', 'latest']], version: '0.3' }) });
    server.files.set('/gh/org/kit/main/kit/__init__.py', { body: 'X = 1\n' });
  });
  afterAll(() => server.close());

  /** The index blob (source flavour) whose content contains `text`. */
  const blobOf = (text: string) => [...server.files].find(([p, f]) => p.startsWith('/mip/file/') && String(f.body).includes(text) && !String(f.body).startsWith('M'))!;

  it('searches the index by name and description', async () => {
    const s = service();
    expect((await s.search('oled', 'micropython')).map((l) => l.name).sort()).toEqual(['oled-kit', 'ssd1306']);
    expect((await s.search('mqtt client', 'micropython')).map((l) => l.name)).toEqual(['umqtt.simple']);
    expect(await s.search('nothing-like-this', 'micropython')).toEqual([]);
  });

  it('resolves deps depth first and fetches a package reached twice once', async () => {
    const plan = await service().plan(['oled-kit'], mp('py'));
    expect(plan.libraries.map((l) => [l.name, l.version])).toEqual([['ssd1306', '0.1.0'], ['font-small', '1.0'], ['oled-kit', '2.0.0']]);
    expect(plan.libraries[2].requires).toEqual(['ssd1306', 'font-small']);
    expect([...plan.files.keys()].sort()).toEqual(['font_small.py', 'oled_kit.py', 'ssd1306.py']);
    expect(plan.files.get('ssd1306.py')!.toString()).toContain("__version__ = '0.1.0'");
    expect(server.requests.filter((r) => r === 'GET /mip/package/py/ssd1306/latest.json')).toHaveLength(1);
  });

  it('takes .mpy files for a board that advertises mpy 6, and an exact version when asked', async () => {
    const plan = await service().plan(['umqtt.simple@1.4.0'], mp('6'));
    expect([...plan.files.keys()]).toEqual(['umqtt/simple.mpy']);
    expect(plan.files.get('umqtt/simple.mpy')!.subarray(0, 2)).toEqual(Buffer.from([0x4d, 6]));
  });

  it('says which library or version is missing', async () => {
    await expect(service().plan(['no-such-lib'], mp('py'))).rejects.toThrow(/There is no library 'no-such-lib' in the index .* \(for source \.py files\)/);
    await expect(service().plan(['ssd1306@9.9'], mp('py'))).rejects.toThrow(/'ssd1306' version 9.9/);
  });

  it('installs a package.json by address, with relative urls and index deps', async () => {
    const plan = await service().plan([`${server.base}/gh/org/kit/main/package.json`], mp('py'));
    expect(plan.libraries.map((l) => l.name)).toEqual(['ssd1306', 'main']);
    expect(plan.files.get('kit/__init__.py')!.toString()).toBe('X = 1\n');
  });

  it('refuses a blob whose content does not match its hash, and caches nothing of it', async () => {
    const [path, good] = blobOf('W = 5');
    server.files.set(path, { body: 'W = 6  # tampered\n' });
    const dir = data();
    try {
      await expect(service(dir).plan(['font-small'], mp('py'))).rejects.toThrow(/font_small\.py of font-small .* does not match its hash .* Nothing was installed/);
    } finally {
      server.files.set(path, good);
    }
    // the good copy is fetched afresh: the bad one was not kept
    expect((await service(dir).plan(['font-small'], mp('py'))).files.get('font_small.py')!.toString()).toContain('W = 5');
  });

  it('reports a dropped connection, and a retry works', async () => {
    const [path, file] = blobOf('MQTTClient');
    server.files.set(path, { ...file, behaviour: 'drop', drops: 1 });
    const dir = data();
    await expect(service(dir).plan(['umqtt.simple'], mp('py'))).rejects.toMatchObject({ code: 'network' });
    expect((await service(dir).plan(['umqtt.simple'], mp('py'))).files.size).toBe(1);
  });

  it('installs offline from what an earlier download cached, and says what is missing', async () => {
    const dir = data();
    await service(dir).plan(['oled-kit'], mp('py'));
    const before = server.requests.length;
    const offline = service(dir, false);
    const plan = await offline.plan(['oled-kit'], mp('py'));
    expect(plan.files.size).toBe(3);
    expect(server.requests.length).toBe(before);
    expect(offline.fetcher.served.network).toBe(0);
    await expect(offline.plan(['umqtt.simple'], mp('py'))).rejects.toThrow(/not in Mote's library cache, and Mote is offline/);
  });

  it('finds what is outdated on a board, updates it, and refuses .mpy files the board cannot load', async () => {
    const dir = data();
    const board = new DriveFs(mkdtempSync(join(tmpdir(), 'mote-lib-board-')));
    const s = service(dir);
    await s.install(await s.plan(['ssd1306', 'umqtt.simple'], mp('py')), board, mp('py'));
    const newer = buildMipIndex(PACKAGES.map((p) => (p.name === 'ssd1306' ? { ...p, version: '0.2.0' } : p)));
    const old = new Map([...server.files].filter(([p]) => p.startsWith('/mip/')));
    for (const [p, body] of newer) server.files.set(`/mip/${p}`, { body });
    try {
      expect(await s.outdated(board, mp('py'))).toEqual([{ name: 'ssd1306', installed: '0.1.0', available: '0.2.0' }]);
      await s.install(await s.plan(['ssd1306'], mp('py')), board, mp('py'));
      expect(await s.outdated(board, mp('py'))).toEqual([]);
      const mpy = await s.plan(['ssd1306'], mp('6'));
      await expect(s.install(mpy, board, { ...mp('6'), mpy: '5' })).rejects.toThrow(/ssd1306\.mpy is MicroPython \.mpy version 6; this board loads MicroPython \.mpy version 5/);
      await expect(s.install(mpy, board, { ...mp('6'), simulated: true })).rejects.toThrow(/the simulated board runs only \.py source/);
    } finally {
      for (const [p, f] of old) server.files.set(p, f);
    }
  });
});
