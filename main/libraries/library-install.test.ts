// Installing libraries onto boards behind real ptys, then importing them there: the real
// MicroPython (WebAssembly) and the simulated Pico from a local mip index, the simulated
// CircuitPython board from a generated bundle; and a failed or too-big install changes nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MoteError } from '../../shared/errors';
import type { BoardFiles } from '../board/board-fs';
import { BoardFs } from '../board/board-fs';
import { BoardSession } from '../board/board-session';
import { DriveFs } from '../board/drive-fs';
import { SerialTransport } from '../serial/serial-transport';
import { buildBoardWorker } from '../testing/build-board-worker';
import { buildBundleZips } from '../testing/bundle-builder';
import { PACKAGES, testNetwork } from '../testing/library-fixtures';
import { buildMipIndex } from '../testing/mip-index-builder';
import { PtyBoard } from '../testing/pty-board';
import { type FileServer, startFileServer } from '../testing/file-server';
import { TEST_BOARDS } from '../testing/test-boards';
import { describeBoard, describeDrive, freeSpace } from './library-target';
import { LibraryService } from './library-service';

let server: FileServer;
beforeAll(async () => {
  server = await startFileServer(Object.fromEntries([...buildMipIndex(PACKAGES)].map(([p, body]) => [`/mip/${p}`, { body }])));
});
afterAll(() => server.close());

/** A board whose n-th write fails, as an unplug or a full filesystem would. */
function failingOn(files: BoardFiles, n: number): BoardFiles {
  let writes = 0;
  return new Proxy(files, {
    get(target, prop) {
      if (prop === 'write') {
        return async (...args: Parameters<BoardFiles['write']>) => {
          if (++writes === n) throw new MoteError('no-space', 'The board is full.');
          return target.write(...args);
        };
      }
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

describe.each(TEST_BOARDS)('mip libraries on $name', { timeout: 120_000 }, (kind) => {
  let board: PtyBoard;
  let session: BoardSession;
  let files: BoardFs;
  let service: LibraryService;

  beforeAll(async () => {
    board = await kind.make();
    await board.start();
    session = await BoardSession.connect(await SerialTransport.open(board.path));
    files = new BoardFs(session);
    service = new LibraryService({ dataDir: mkdtempSync(join(tmpdir(), 'mote-lib-')), network: testNetwork(), mirror: `${server.base}/mip` });
  });
  afterAll(async () => {
    await session?.close().catch(() => undefined);
    await board?.kill();
  });

  it('installs a package with its deps into /lib, and the program that imports it runs', async () => {
    const detected = await describeBoard(session);
    // the simulated board loads no .mpy whatever _mpy says; real MicroPython advertises 6
    expect(detected.mpy).toBe(kind.name.includes('simulated') ? 'py' : '6');
    expect(detected.libDir).toBe('/lib');
    const target = await describeBoard(session, true);
    // the board says how much room it has (os.statvfs), so a too-big install stops before writing
    expect(await freeSpace(files, session)).toBeGreaterThan(10_000);
    const plan = await service.plan(['oled-kit'], target);
    const report = await service.install(plan, files, target, { freeSpace: () => freeSpace(files, session) });
    expect(report.written.sort()).toEqual(['/lib/font_small.py', '/lib/oled_kit.py', '/lib/ssd1306.py']);
    expect((await session.exec('import oled_kit\nprint(oled_kit.hello())', 'test')).toString()).toContain('kit ssd1306 ok');
    expect((await service.installed(files, target)).map((l) => `${l.name} ${l.version}`)).toEqual(['font_small 1.0', 'oled_kit 2.0.0', 'ssd1306 0.1.0']);
    // installing again writes nothing
    const again = await service.install(await service.plan(['ssd1306'], target), files, target);
    expect([again.written.length, again.unchanged.length]).toEqual([0, 1]);
  });

  it('leaves the board as it was when a write fails halfway or the board is too full', async () => {
    const target = await describeBoard(session, true);
    await files.mkdir('/lib/umqtt', { parents: true });
    await files.write('/lib/umqtt/simple.py', 'OLD = 1\n');
    const before = await files.list('/lib', { recursive: true });
    const plan = await service.plan(['umqtt.simple', 'font-small@1.0'], target);
    plan.files.set('umqtt/robust.py', Buffer.from('R = 1\n'));
    await expect(service.install(plan, failingOn(files, 2), target)).rejects.toThrow(/The board is full\. The files written so far were put back/);
    expect(await files.list('/lib', { recursive: true })).toEqual(before);
    expect((await files.read('/lib/umqtt/simple.py')).toString()).toBe('OLD = 1\n');
    await expect(service.install(plan, files, target, { freeSpace: async () => 100 })).rejects.toMatchObject({ code: 'no-space' });
    expect(await files.list('/lib', { recursive: true })).toEqual(before);
    // a file named to climb out of /lib (a hostile index or zip) is refused before anything is written
    plan.files.set('../main.py', Buffer.from('print("owned")\n'));
    await expect(service.install(plan, files, target)).rejects.toThrow(/'..\/main.py', which would land outside \/lib\. Nothing was installed/);
    expect(await files.list('/lib', { recursive: true })).toEqual(before);
    expect(await files.stat('/main.py')).toBeNull();
  });

  it('stops an install when asked, putting back what it wrote', async () => {
    const target = await describeBoard(session, true);
    const before = await files.list('/lib', { recursive: true });
    const plan = await service.plan(['oled-kit'], target);
    await service.remove('oled_kit', files, target).catch(() => undefined);
    await service.remove('font_small', files, target).catch(() => undefined);
    const emptier = await files.list('/lib', { recursive: true });
    const stop = new AbortController();
    const written: string[] = [];
    const install = service.install(plan, files, target, { signal: stop.signal, onFile: (p) => (written.push(p), stop.abort()) });
    await expect(install).rejects.toMatchObject({ code: 'cancelled', message: expect.stringMatching(/cancelled\. The files written so far were put back/) });
    expect(written).toHaveLength(1);
    expect(await files.list('/lib', { recursive: true })).toEqual(emptier);
    await service.install(plan, files, target);
    expect((await files.list('/lib', { recursive: true })).map((e) => e.path)).toEqual(before.map((e) => e.path));
  });

  it('removes a library, and says so when it is not there', async () => {
    const target = await describeBoard(session, true);
    expect(await service.remove('oled_kit', files, target)).toEqual(['/lib/oled_kit.py']);
    await expect(service.remove('oled_kit', files, target)).rejects.toThrow(/'oled_kit' is not installed in \/lib/);
  });
});

describe('CircuitPython libraries from a bundle', { timeout: 120_000 }, () => {
  let board: PtyBoard;
  let session: BoardSession;
  let service: LibraryService;

  beforeAll(async () => {
    const bundleDir = mkdtempSync(join(tmpdir(), 'mote-bundle-'));
    for (const [name, data] of buildBundleZips('20260301')) writeFileSync(join(bundleDir, name), data);
    service = new LibraryService({ dataDir: mkdtempSync(join(tmpdir(), 'mote-lib-')), network: null });
    expect(await service.import(bundleDir)).toEqual({ kind: 'bundle', count: 3 });
    board = new PtyBoard({ kind: 'simulated', profile: 'circuitpython-rp2040', cliPath: (await buildBoardWorker()).cli });
    await board.start();
    session = await BoardSession.connect(await SerialTransport.open(board.path));
  });
  afterAll(async () => {
    await session?.close().catch(() => undefined);
    await board?.kill();
  });

  it('installs adafruit_bme280 with the dependencies the bundle names, offline, and it imports', async () => {
    const target = await describeBoard(session);
    expect([target.firmware, target.bundleFlavour]).toEqual(['circuitpython', 'py']);
    const plan = await service.plan(['adafruit_bme280'], target);
    expect(plan.libraries.map((l) => l.name)).toEqual(['adafruit_bus_device', 'adafruit_register', 'adafruit_bme280']);
    const files = new BoardFs(session);
    await service.install(plan, files, target);
    expect((await session.exec('import board\nfrom adafruit_bme280 import basic\nprint(basic.Adafruit_BME280_I2C(board.I2C()).temperature)', 'test')).toString()).toContain('21.5');
    expect((await service.installed(files, target)).map((l) => `${l.name} ${l.version} ${l.format}`)).toEqual(['adafruit_bme280 2.6.28 py', 'adafruit_bus_device 5.2.10 py', 'adafruit_register 1.10.1 py']);
  });

  it('installs the 9.x .mpy set onto a CIRCUITPY drive, and reads the versions back from the .mpy files', async () => {
    const drive = new DriveFs(mkdtempSync(join(tmpdir(), 'mote-circuitpy-')));
    const target = await describeDrive('9.2.1');
    const plan = await service.plan(['adafruit_bme280', 'simpleio'], target);
    expect(plan.notes).toEqual(['simpleio: the bundles Mote has no 9.x-mpy files, so the .py source is installed.']);
    await service.install(plan, drive, target, { freeSpace: () => freeSpace(drive, null) });
    expect((await service.installed(drive, target)).map((l) => `${l.name} ${l.version} ${l.format}`)).toEqual([
      'adafruit_bme280 2.6.28 mpy',
      'adafruit_bus_device 5.2.10 mpy',
      'adafruit_register 1.10.1 mpy',
      'simpleio 3.0.1 py',
    ]);
  });
});
