// The firmware cache: a teacher's USB stick imported by contents, downloads from a local server
// under the official path layout (or a mirror), and which file a board then gets.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Catalog, findBoard } from '../../shared/firmware-catalog';
import { NetService } from '../net/net-service';
import { type FileServer, startFileServer } from '../testing/file-server';
import { espImage, microbitHex, uf2WithText } from '../testing/firmware-images';
import { uf2Image } from '../testing/uf2-builder';
import { FirmwareCache } from './firmware-cache';
import { pickFirmware } from './firmware-pick';

const catalog = JSON.parse(readFileSync(join(__dirname, '../../resources/firmware/catalog.json'), 'utf8')) as Catalog;
const PICO_W_127 = uf2WithText('MicroPython v1.27.0 on 2025-12-09; Raspberry Pi Pico W with RP2040', { blocks: 64 });
let root: string;
let cache: FirmwareCache;
let server: FileServer;
let net: NetService;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'mote-fwcache-'));
  cache = new FirmwareCache(join(root, 'cache', 'firmware'));
  server = await startFileServer({ '/micropython.org/resources/firmware/RPI_PICO_W-20251209-v1.27.0.uf2': { body: PICO_W_127 } });
  net = new NetService({ cacheRoot: join(root, 'cache'), mirror: () => server.base, retryDelayMs: 5 });
});
afterEach(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('importing a USB stick', () => {
  it('files each firmware by what it holds, and says why it refused the rest', async () => {
    const stick = join(root, 'stick');
    mkdirSync(join(stick, 'pico'), { recursive: true });
    mkdirSync(join(stick, 'microbit'));
    writeFileSync(join(stick, 'pico', 'firmware.uf2'), PICO_W_127);
    writeFileSync(join(stick, 'pico', 'old.uf2'), uf2WithText('MicroPython v1.26.1 on 2025-09-11; Raspberry Pi Pico W with RP2040'));
    writeFileSync(join(stick, 'esp.bin'), espImage('ESP32', 8192, { text: 'MicroPython v1.27.0 on 2025-12-09; Generic ESP32 module with ESP32' }));
    writeFileSync(join(stick, 'microbit', 'mp.hex'), microbitHex(2, 'MicroPython v1.18 on 2023-10-30; micro:bit v2.1.2 with nRF52833'));
    writeFileSync(join(stick, 'broken.uf2'), PICO_W_127.subarray(0, 5000));
    writeFileSync(join(stick, 'mystery.uf2'), uf2Image(8));
    writeFileSync(join(stick, 'notes.txt'), 'bring cables');
    const outcomes = await cache.import([stick], catalog);
    expect(outcomes.map((o) => [o.file.slice(stick.length + 1), o.status])).toEqual([
      ['broken.uf2', 'refused'],
      ['esp.bin', 'added'],
      ['microbit/mp.hex', 'added'],
      ['mystery.uf2', 'refused'],
      ['pico/firmware.uf2', 'added'],
      ['pico/old.uf2', 'added'],
    ]);
    expect(outcomes[0]).toMatchObject({ reason: expect.stringMatching(/not a whole number of 512-byte UF2 blocks/) });
    expect(outcomes[3]).toMatchObject({ reason: expect.stringMatching(/could be for RPI_PICO, RPI_PICO_W, ADAFRUIT_FEATHER_RP2040, ADAFRUIT_QTPY_RP2040: say which board it is for/) });
    expect((await cache.list()).map((e) => `${e.boardId} ${e.flavour} ${e.version} ${e.file}`)).toEqual([
      'BBC_MICROBIT_V2 micropython 2.1.2 BBC_MICROBIT_V2/micropython/mp.hex',
      'ESP32_GENERIC micropython 1.27.0 ESP32_GENERIC/micropython/esp.bin',
      'RPI_PICO_W micropython 1.27.0 RPI_PICO_W/micropython/firmware.uf2',
      'RPI_PICO_W micropython 1.26.1 RPI_PICO_W/micropython/old.uf2',
    ]);
    // the same stick again adds nothing; --board files what the contents cannot tell
    const again = await cache.import([stick], catalog, undefined);
    expect(again.filter((o) => o.status === 'already-cached')).toHaveLength(4);
    const forced = await cache.import([join(stick, 'mystery.uf2')], catalog, 'adafruit_feather_rp2040');
    expect(forced).toMatchObject([{ status: 'refused', reason: expect.stringMatching(/Neither the contents nor the name say which firmware/) }]);
    const wrongBoard = await cache.import([join(stick, 'esp.bin')], catalog, 'RPI_PICO');
    expect(wrongBoard).toMatchObject([{ status: 'refused', reason: 'This is ESP32 firmware; Raspberry Pi Pico has an RP2040.' }]);
  });

  it('drops index entries whose file has gone, and survives a damaged index', async () => {
    const f = join(root, 'fw.uf2');
    writeFileSync(f, PICO_W_127);
    const [added] = await cache.import([f], catalog);
    expect(added.status).toBe('added');
    rmSync(join(cache.dir, 'RPI_PICO_W', 'micropython', 'fw.uf2'));
    expect(await cache.list()).toEqual([]);
    writeFileSync(join(cache.dir, 'index.json'), '{"entries": [{"boardId": 3');
    expect(await cache.list()).toEqual([]);
    expect((await cache.import([f], catalog))[0].status).toBe('added');
  });
});

describe('pickFirmware', () => {
  const board = () => findBoard(catalog, 'rpi_pico_w')!;

  it('downloads the newest build once, then uses the cache (also offline)', async () => {
    const first = await pickFirmware(catalog, cache, net, board(), { flavour: 'micropython', offline: false });
    expect(first).toMatchObject({ downloaded: true, entry: { boardId: 'RPI_PICO_W', version: '1.27.0', source: 'download', url: 'https://micropython.org/resources/firmware/RPI_PICO_W-20251209-v1.27.0.uf2', title: 'MicroPython 1.27.0 (2025-12-09)' } });
    expect(first.data.equals(PICO_W_127)).toBe(true);
    const second = await pickFirmware(catalog, cache, net, board(), { flavour: 'micropython', offline: false });
    expect(second.downloaded).toBe(false);
    const offline = await pickFirmware(catalog, cache, null, board(), { flavour: 'micropython', offline: true });
    expect(offline.entry.version).toBe('1.27.0');
    expect(server.requests).toHaveLength(1);
  });

  it('offline, says what the cache holds instead of going out', async () => {
    await expect(pickFirmware(catalog, cache, net, board(), { flavour: 'circuitpython', offline: true })).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/CircuitPython for Raspberry Pi Pico W is not in the firmware cache\. Import the file/) });
    expect(server.requests).toEqual([]);
  });

  it('keeps nothing when the server hands out something else than firmware (an error page)', async () => {
    server.files.set('/micropython.org/resources/firmware/RPI_PICO_W-20251209-v1.27.0.uf2', { body: '<html>Service unavailable</html>' });
    await expect(pickFirmware(catalog, cache, net, board(), { flavour: 'micropython', offline: false })).rejects.toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/RPI_PICO_W-20251209-v1\.27\.0\.uf2 from micropython\.org is not usable firmware: .*Nothing was kept/) });
    expect(await cache.list()).toEqual([]);
    expect(readdirSync(join(cache.dir, 'RPI_PICO_W', 'micropython'))).toEqual([]);
  });

  it('refuses a version the catalogue does not know, naming the ones it does', async () => {
    await expect(pickFirmware(catalog, cache, net, board(), { flavour: 'micropython', version: '0.1', offline: false })).rejects.toMatchObject({ message: 'The catalogue has no MicroPython 0.1 for Raspberry Pi Pico W; it knows 1.27.0, 1.26.1.' });
  });
});
