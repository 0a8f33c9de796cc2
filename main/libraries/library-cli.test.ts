// `mote lib` end to end: the bundled CLI installs from a local mip index onto the simulated
// Pico behind a pty (as a classroom script would, one line per board), lists and removes;
// then works offline from the cache; and installs a bundle onto a CIRCUITPY drive folder.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBoardWorker } from '../testing/build-board-worker';
import { buildBundleZips } from '../testing/bundle-builder';
import { type FileServer, startFileServer } from '../testing/file-server';
import { PACKAGES } from '../testing/library-fixtures';
import { buildMipIndex } from '../testing/mip-index-builder';
import { buildMoteCli, runMote } from '../testing/mote-cli';
import { PtyBoard } from '../testing/pty-board';

let cli = '';
let server: FileServer;
const dataDir = mkdtempSync(join(tmpdir(), 'mote-lib-cli-'));
const mote = (args: string[]) => runMote(cli, args, { env: { MOTE_DATA_DIR: dataDir } });

beforeAll(async () => {
  cli = await buildMoteCli();
  server = await startFileServer(Object.fromEntries([...buildMipIndex(PACKAGES)].map(([p, body]) => [`/mip/${p}`, { body }])));
}, 60_000);
afterAll(() => server?.close());

describe('mote lib on the simulated Pico', { timeout: 120_000 }, () => {
  let board: PtyBoard;
  beforeAll(async () => {
    board = new PtyBoard({ kind: 'simulated', profile: 'pico', cliPath: (await buildBoardWorker()).cli });
    await board.start();
  }, 60_000);
  afterAll(() => board?.kill());

  it('searches, installs with dependencies shown first, lists versions, removes', async () => {
    const m = ['--mirror', `${server.base}/mip`];
    const found = await mote([...m, 'lib', 'search', 'oled']);
    expect(found.code).toBe(0);
    expect(found.stdout.toString()).toMatch(/^oled-kit\t2\.0\.0\tMicroPython\tScreens and fonts\.$/m);

    const p = ['--port', board.path, ...m];
    const installed = await mote([...p, 'lib', 'install', 'oled-kit']);
    expect(installed.stderr).toContain('Installing into /lib (.py):');
    expect(installed.stderr).toMatch(/ssd1306 0\.1\.0 {2}1 file\(s\)[^]*font-small 1\.0[^]*oled-kit 2\.0\.0 .*\(needs ssd1306, font-small\)/);
    expect(installed.stderr).toContain('  wrote /lib/oled_kit.py\n');
    expect(installed.stderr).toContain('3 file(s) written');
    expect(installed.code).toBe(0);
    expect((await mote(['--port', board.path, 'exec', 'import oled_kit\nprint(oled_kit.hello())'])).stdout.toString()).toBe('kit ssd1306 ok\r\n');

    const listed = await mote(['--port', board.path, '--json', 'lib', 'list']);
    expect(JSON.parse(listed.stdout.toString()).map((l: { name: string; version: string }) => `${l.name}=${l.version}`)).toEqual(['font_small=1.0', 'oled_kit=2.0.0', 'ssd1306=0.1.0']);
    expect((await mote([...p, 'lib', 'install', '--mpy', 'ssd1306'])).stderr).toContain('The simulated board runs only .py source');

    expect((await mote([...p, 'lib', 'remove', 'font_small'])).stderr).toContain('removed /lib/font_small.py');
    expect((await mote(['lib'])).code).toBe(2);
    expect((await mote(['lib', 'instal', 'x'])).stderr).toContain("mote: unknown 'lib' command 'instal'");
    const missing = await mote([...p, 'lib', 'install', 'nope']);
    expect([missing.code, missing.stderr.trim()]).toEqual([1, `mote: There is no library 'nope' in the index ${server.base}/mip (for source .py files).`]);
  });

  it('installs offline from the cache with no request going out, and refuses what is not cached', async () => {
    const before = server.requests.length;
    const p = ['--port', board.path, '--mirror', `${server.base}/mip`, '--offline'];
    // oled-kit asked for font-small 1.0 by version, so that is what the cache holds
    expect((await mote([...p, 'lib', 'install', 'font-small@1.0'])).stderr).toContain('1 file(s) written');
    const notCached = await mote([...p, 'lib', 'install', 'umqtt.simple']);
    expect(notCached.code).toBe(1);
    expect(notCached.stderr).toContain("is not in Mote's library cache, and Mote is offline");
    expect(server.requests.length).toBe(before);
  });
});

describe('mote lib with a CircuitPython drive', { timeout: 60_000 }, () => {
  it('imports a bundle folder and installs adafruit_bme280 with its dependencies onto CIRCUITPY', async () => {
    const bundles = mkdtempSync(join(tmpdir(), 'mote-bundles-'));
    for (const [name, data] of buildBundleZips('20260301')) writeFileSync(join(bundles, name), data);
    expect((await mote(['lib', 'import', bundles])).stdout.toString()).toBe(`Imported 3 bundle file(s) from ${bundles}.\n`);
    const drive = join(mkdtempSync(join(tmpdir(), 'mote-cp-')), 'CIRCUITPY');
    mkdirSync(drive);
    writeFileSync(join(drive, 'boot_out.txt'), 'Adafruit CircuitPython 9.2.1 on 2024-11-20; Raspberry Pi Pico with rp2040\nBoard ID:raspberry_pi_pico\n');
    const r = await mote(['--drive', drive, '--offline', 'lib', 'install', 'adafruit_bme280']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Installing into /lib (9.x-mpy):');
    expect(readdirSync(join(drive, 'lib')).sort()).toEqual(['adafruit_bme280', 'adafruit_bus_device', 'adafruit_register']);
    const listed = (await mote(['--drive', drive, 'lib', 'list'])).stdout.toString();
    expect(listed.replace(/\t\d+$/gm, '')).toBe('adafruit_bme280\t2.6.28\tmpy\nadafruit_bus_device\t5.2.10\tmpy\nadafruit_register\t1.10.1\tmpy\n');
  });
});
