// FirmwareService through the router, as the renderer calls it: files from the workspace and
// from the firmware shipped with Mote, onto a folder that plays a bootloader drive.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DriveService } from '../drives/drive-service';
import { type FileServer, startFileServer } from '../testing/file-server';
import { uf2WithText } from '../testing/firmware-images';
import { firmwareContext } from './firmware-context';
import { IpcRouter } from '../ipc/router';
import { uf2Image } from '../testing/uf2-builder';
import { registerFirmwareHandlers } from './firmware-handlers';
import { FirmwareService } from './firmware-service';

let root: string;
let drive: string;
let router: IpcRouter;
let server: FileServer;
let preferred: 'micropython' | 'circuitpython' | undefined;
const PICO_127 = uf2WithText('MicroPython v1.27.0 on 2025-12-09; Raspberry Pi Pico with RP2040', { blocks: 512 });
const progress: Array<[string, number, number]> = [];
const invoke = (channel: string, payload: unknown) => router.invoke(channel, payload, { host: 'web', connectionId: 'test' });

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'mote-fw-'));
  server = await startFileServer({ '/micropython.org/resources/firmware/RPI_PICO-20251209-v1.27.0.uf2': { body: PICO_127, behaviour: 'slow', chunk: 2048, tickMs: 2 } });
  const workspace = join(root, 'workspace');
  const bundled = join(root, 'resources-firmware');
  drive = join(root, 'RPI-RP2');
  for (const d of [workspace, join(workspace, 'downloads'), bundled, drive]) mkdirSync(d, { recursive: true });
  writeFileSync(join(drive, 'INFO_UF2.TXT'), 'UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n');
  writeFileSync(join(bundled, 'micropython-pico.uf2'), uf2Image(16));
  writeFileSync(join(bundled, 'README.txt'), 'not firmware');
  writeFileSync(join(workspace, 'downloads', 'pico2.uf2'), uf2Image(8, { family: 0xe48bff59 }));
  writeFileSync(join(workspace, 'main.py'), 'print(1)');
  router = new IpcRouter({ warn() {}, error() {} });
  const service = new FirmwareService({
    drives: new DriveService({ source: async () => [], extraFolders: [drive] }),
    workspaceRoot: async () => workspace,
    resolveLocal: async (p) => {
      if (p.includes('..')) throw Object.assign(new Error('outside'), { code: 'path-outside-root' });
      return join(workspace, p);
    },
    bundledDir: bundled,
    onProgress: (opId, done, total) => progress.push([opId, done, total]),
    preferredFlavour: () => preferred,
    context: () => firmwareContext({ dataDir: join(root, 'data'), resources: join(__dirname, '..', '..', 'resources'), settingMirror: () => server.base }),
  });
  registerFirmwareHandlers(router, service);
  progress.length = 0;
  preferred = undefined;
});
afterEach(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the firmware channels', () => {
  it('lists shipped firmware first, then .uf2 files in the workspace', async () => {
    expect(await invoke('firmware:list', {})).toEqual({
      ok: true,
      value: [
        { source: 'bundled', path: 'micropython-pico.uf2', name: 'micropython-pico.uf2', size: 16 * 512 },
        { source: 'workspace', path: 'downloads/pico2.uf2', name: 'pico2.uf2', size: 8 * 512 },
      ],
    });
  });

  it('checks a file against the drive, with the reason when it does not fit', async () => {
    expect(await invoke('firmware:check', { file: { source: 'bundled', path: 'micropython-pico.uf2' }, drivePath: drive })).toEqual({ ok: true, value: { families: ['RP2040'], bytes: 8192 } });
    const wrong = await invoke('firmware:check', { file: { source: 'workspace', path: 'downloads/pico2.uf2' }, drivePath: drive });
    expect(wrong).toMatchObject({ ok: false, code: 'invalid-file', message: expect.stringMatching(/takes RP2040 firmware/) });
  });

  it('installs with progress and sees the board restart', async () => {
    const timer = setInterval(() => {
      const f = join(drive, 'micropython-pico.uf2');
      if (existsSync(f) && statSync(f).size === 16 * 512) rmSync(drive, { recursive: true, force: true });
    }, 5);
    try {
      const r = await invoke('firmware:install', { file: { source: 'bundled', path: 'micropython-pico.uf2' }, drivePath: drive, opId: 'fw1' });
      expect(r).toEqual({ ok: true, value: { families: ['RP2040'], rebooted: true } });
      expect(progress.at(-1)).toEqual(['fw1', 8192, 8192]);
    } finally {
      clearInterval(timer);
    }
  });

  it('writes only to a bootloader drive Mote found, and reads only shipped or workspace files', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'mote-fw-not-a-drive-'));
    writeFileSync(join(elsewhere, 'INFO_UF2.TXT'), 'UF2 Bootloader\nBoard-ID: RPI-RP2\n');
    try {
      const r = await invoke('firmware:install', { file: { source: 'bundled', path: 'micropython-pico.uf2' }, drivePath: elsewhere, opId: 'fw2' });
      expect(r).toMatchObject({ ok: false, code: 'not-found', message: expect.stringMatching(/no board in bootloader mode at/) });
      expect(readdirSync(elsewhere)).toEqual(['INFO_UF2.TXT']);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
    const sneaky = await invoke('firmware:check', { file: { source: 'bundled', path: 'sub/../../x.uf2' }, drivePath: drive });
    expect(sneaky).toMatchObject({ ok: false });
    const notUf2 = await invoke('firmware:check', { file: { source: 'workspace', path: 'main.py' }, drivePath: drive });
    expect(notUf2).toMatchObject({ ok: false, code: 'invalid-file', message: expect.stringMatching(/not a UF2 file/) });
  });

  it('offers the boards the drive may be, and downloads only when asked; the cached file then comes first', async () => {
    const offer = await invoke('firmware:offer', { drivePath: drive });
    expect(offer).toMatchObject({ ok: true, value: { preselected: null } });
    const boards = (offer as { value: { boards: Array<{ id: string; builds: Array<{ flavour: string; version: string; cached: boolean }> }> } }).value.boards;
    // an RP2040 ROM says only RPI-RP2: the Pico first, then the other RP2040 boards
    expect(boards.map((b) => b.id)).toEqual(['RPI_PICO', 'RPI_PICO_W', 'ADAFRUIT_FEATHER_RP2040', 'ADAFRUIT_QTPY_RP2040']);
    expect(boards[0].builds[0]).toEqual({ flavour: 'micropython', version: '1.27.0', cached: false });
    expect(server.requests).toEqual([]);

    const got = await invoke('firmware:download', { boardId: 'rpi_pico', flavour: 'micropython', opId: 'dl1' });
    const file = { source: 'cache', path: 'RPI_PICO/micropython/RPI_PICO-20251209-v1.27.0.uf2', name: 'RPI_PICO-20251209-v1.27.0.uf2', size: PICO_127.length, boardId: 'RPI_PICO', flavour: 'micropython', version: '1.27.0', title: 'MicroPython 1.27.0 (2025-12-09)' };
    expect(got).toEqual({ ok: true, value: file });
    expect(progress.filter(([op]) => op === 'dl1').at(-1)).toEqual(['dl1', PICO_127.length, PICO_127.length]);
    expect(server.requests).toHaveLength(1);
    expect(await invoke('firmware:offer', { drivePath: drive })).toMatchObject({ ok: true, value: { preselected: file } });
    const list = await invoke('firmware:list', {});
    expect((list as { value: Array<{ source: string }> }).value.map((f) => f.source)).toEqual(['cache', 'bundled', 'workspace']);
    expect(await invoke('firmware:check', { file: { source: 'cache', path: file.path }, drivePath: drive })).toMatchObject({ ok: true, value: { families: ['RP2040'], title: 'MicroPython 1.27.0 (2025-12-09)' } });
    // nothing outside the cache's own list can be named as a cached file
    expect(await invoke('firmware:check', { file: { source: 'cache', path: 'RPI_PICO/../../../main.py' }, drivePath: drive })).toMatchObject({ ok: false });
  });

  it('stops a download when cancelled, keeping nothing in the cache', async () => {
    const pending = invoke('firmware:download', { boardId: 'RPI_PICO', flavour: 'micropython', opId: 'dl2' });
    while (!progress.some(([op, done]) => op === 'dl2' && done > 0)) await new Promise((r) => setTimeout(r, 5));
    await invoke('firmware:cancel', { opId: 'dl2' });
    expect(await pending).toMatchObject({ ok: false, code: 'cancelled' });
    expect((await invoke('firmware:offer', { drivePath: drive })) as unknown).toMatchObject({ value: { preselected: null } });
  });

  it('pre-selects the classroom profile\'s flavour when both are cached', async () => {
    const cp = uf2WithText('Adafruit CircuitPython 10.1.4 on 2025-11-01; Raspberry Pi Pico with rp2040 raspberry_pi_pico', { blocks: 8 });
    expect(await invoke('firmware:import', { name: 'cp.uf2', data: cp.toString('base64') })).toMatchObject({ ok: true, value: { status: 'added', file: { boardId: 'RPI_PICO', flavour: 'circuitpython' } } });
    expect(await invoke('firmware:import', { name: 'mp.uf2', data: PICO_127.toString('base64') })).toMatchObject({ ok: true, value: { status: 'added' } });
    expect(await invoke('firmware:offer', { drivePath: drive })).toMatchObject({ value: { preselected: { flavour: 'micropython' } } });
    preferred = 'circuitpython';
    expect(await invoke('firmware:offer', { drivePath: drive })).toMatchObject({ value: { preselected: { flavour: 'circuitpython', version: '10.1.4' } } });
    expect(await invoke('firmware:import', { name: 'bad.uf2', data: cp.subarray(0, 100).toString('base64') })).toMatchObject({ ok: true, value: { status: 'refused', reason: expect.stringMatching(/not a UF2 file|not a whole number/) } });
  });
});
