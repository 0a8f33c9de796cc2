// `mote firmware …` and `mote flash …` end to end: the bundled CLI, a data folder in a temp
// folder, the download sites played by a local server through MOTE_FIRMWARE_MIRROR, fake
// bootloader and MICROBIT drives, and a fake ESP ROM loader behind a pty.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildBoardWorker } from '../testing/build-board-worker';
import { FakeEspRom } from '../testing/fake-esp-rom';
import { type FileServer, startFileServer } from '../testing/file-server';
import { espImage, microbitHex, uf2WithText } from '../testing/firmware-images';

const root = join(__dirname, '..', '..');
const PICO = uf2WithText('MicroPython v1.27.0 on 2025-12-09; Raspberry Pi Pico with RP2040', { blocks: 64 });
const PICO2W_CP = uf2WithText('Adafruit CircuitPython 10.1.4 on 2025-11-01; Raspberry Pi Pico 2 W with rp2350a', { family: 0xe48bff59, blocks: 64 });
const ESP32_MP = espImage('ESP32', 150_000, { text: 'MicroPython v1.27.0 on 2025-12-09; Generic ESP32 module with ESP32' });
const MICROBIT_V2 = microbitHex(2, 'MicroPython v1.18 on 2023-10-30; micro:bit v2.1.2 with nRF52833');
let cli = '';
let server: FileServer;
let data: string;

beforeAll(async () => {
  mkdirSync(join(root, 'out'), { recursive: true });
  cli = join(mkdtempSync(join(root, 'out', '.cli-test-')), 'cli.js');
  await build({ entryPoints: [join(root, 'main/cli.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: cli, external: ['serialport', 'drivelist', 'electron'], logLevel: 'error' });
  server = await startFileServer({
    '/micropython.org/resources/firmware/RPI_PICO-20251209-v1.27.0.uf2': { body: PICO, behaviour: 'drop' },
    '/downloads.circuitpython.org/bin/raspberry_pi_pico2_w/en_US/adafruit-circuitpython-raspberry_pi_pico2_w-en_US-10.1.4.uf2': { body: PICO2W_CP },
    '/micropython.org/resources/firmware/ESP32_GENERIC-20251209-v1.27.0.bin': { body: ESP32_MP },
    // GitHub release assets answer with a redirect to their CDN
    '/github.com/microbit-foundation/micropython-microbit-v2/releases/download/v2.1.2/micropython-microbit-v2.1.2.hex': { body: '', redirect: '/objects.githubusercontent.com/v2.1.2.hex' },
    '/objects.githubusercontent.com/v2.1.2.hex': { body: MICROBIT_V2 },
    // the lists "firmware refresh" reads: a board page as micropython.org serves it, and circuitpython-org's files.json
    '/micropython.org/download/RPI_PICO/': {
      body: '<a href="/resources/firmware/RPI_PICO-20260401-v1.28.0.uf2">v1.28.0 (2026-04-01) .uf2</a> <a href="/resources/firmware/RPI_PICO-20260301-v1.28.0-preview.5.gabc123.uf2">preview</a> <a href="/resources/firmware/RPI_PICO-20251209-v1.27.0.uf2">v1.27.0</a>',
    },
    '/raw.githubusercontent.com/adafruit/circuitpython-org/main/_data/files.json': {
      body: JSON.stringify([{ id: 'raspberry_pi_pico', versions: [{ version: '10.2.0', stable: true, extensions: ['uf2'], languages: ['en_US', 'de_DE'] }, { version: '10.3.0-alpha.1', stable: false, extensions: ['uf2'], languages: ['en_US'] }] }]),
    },
  });
}, 60_000);
afterAll(() => server?.close());
beforeEach(() => {
  data = mkdtempSync(join(tmpdir(), 'mote-cli-data-'));
});

function mote(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { timeout: 60_000, env: { ...process.env, MOTE_DATA_DIR: data, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A folder that plays a bootloader drive, and a board that restarts once a whole .uf2 has arrived. */
function bootloader(info: string): { path: string; stop(): void } {
  const path = join(mkdtempSync(join(tmpdir(), 'mote-cli-drive-')), 'DRIVE');
  mkdirSync(path);
  writeFileSync(join(path, 'INFO_UF2.TXT'), info);
  const timer = setInterval(() => {
    const f = existsSync(path) ? readdirSync(path).find((n) => n.endsWith('.uf2')) : undefined;
    if (f && statSync(join(path, f)).size % 512 === 0 && statSync(join(path, f)).size >= 64 * 512) rmSync(path, { recursive: true, force: true });
  }, 10);
  return { path, stop: () => clearInterval(timer) };
}

describe('mote firmware', { timeout: 120_000 }, () => {
  it('lists the catalogue with what is cached, downloads through a mirror, and imports a stick', async () => {
    const before = await mote(['firmware', 'list', '--board', 'rpi_pico']);
    expect(before.stdout).toBe(
      'RPI_PICO\tmicropython\t1.27.0\t-\tRaspberry Pi Pico\nRPI_PICO\tmicropython\t1.26.1\t-\tRaspberry Pi Pico\nRPI_PICO\tcircuitpython\t10.1.4\t-\tRaspberry Pi Pico\nRPI_PICO\tcircuitpython\t9.2.9\t-\tRaspberry Pi Pico\n',
    );
    // the server cuts the first connection halfway: the download carries on with a Range request
    const got = await mote(['firmware', 'download', '--board', 'RPI_PICO'], { MOTE_FIRMWARE_MIRROR: server.base });
    expect(got.stderr).toBe('');
    expect(got.stdout).toMatch(/^Downloaded RPI_PICO micropython 1\.27\.0 \(32768 bytes, SHA-256 [0-9a-f]{64}\)\n$/);
    expect(got.code).toBe(0);
    expect((await mote(['firmware', 'list', '--board', 'RPI_PICO'])).stdout.split('\n')[0]).toBe('RPI_PICO\tmicropython\t1.27.0\tcached\tRaspberry Pi Pico');

    const stick = mkdtempSync(join(tmpdir(), 'mote-stick-'));
    writeFileSync(join(stick, 'a.uf2'), PICO2W_CP);
    writeFileSync(join(stick, 'b.uf2'), PICO.subarray(0, 1000));
    const imported = await mote(['firmware', 'import', stick]);
    expect(imported.stdout).toBe(`${join(stick, 'a.uf2')}: added as RPI_PICO2_W circuitpython 10.1.4\n`);
    expect(imported.stderr).toMatch(/b\.uf2: refused: The file is 1000 bytes, not a whole number of 512-byte UF2 blocks/);
    expect(imported.code).toBe(1);
    const log = (await import('node:fs')).readFileSync(join(data, 'logs', 'network.log'), 'utf8');
    expect(log).toMatch(/"purpose":"firmware","url":"https:\/\/micropython\.org\/resources\/firmware\/RPI_PICO-20251209-v1\.27\.0\.uf2"/);
  });

  it('mirror: a teacher turns one machine\'s cache into a folder every other machine installs from', async () => {
    expect((await mote(['firmware', 'download', '--board', 'RPI_PICO'], { MOTE_FIRMWARE_MIRROR: server.base })).code).toBe(0);
    const fw = join(data, 'cp.uf2');
    writeFileSync(fw, PICO2W_CP);
    expect((await mote(['firmware', 'import', fw])).code).toBe(0);
    const share = mkdtempSync(join(tmpdir(), 'mote-share-'));
    const r = await mote(['firmware', 'mirror', share]);
    expect(r.stdout).toBe(
      'micropython.org/resources/firmware/RPI_PICO-20251209-v1.27.0.uf2\ndownloads.circuitpython.org/bin/raspberry_pi_pico2_w/en_US/adafruit-circuitpython-raspberry_pi_pico2_w-en_US-10.1.4.uf2\n',
    );
    // another machine: empty cache, the shared folder as its mirror, no server involved
    const requests = server.requests.length;
    data = mkdtempSync(join(tmpdir(), 'mote-cli-data-'));
    const drive = bootloader('UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n');
    try {
      const flashed = await mote(['flash', '--board', 'RPI_PICO', '--drive', drive.path, '--mirror', share]);
      expect(flashed.stdout).toBe('Installed MicroPython 1.27.0 (2025-12-09) on DRIVE; the board restarted.\n');
      expect(server.requests.length).toBe(requests);
    } finally {
      drive.stop();
    }
  });

  it('refresh: adds the stable builds the sites list, only when asked, and keeps them for later', async () => {
    const r = await mote(['firmware', 'refresh'], { MOTE_FIRMWARE_MIRROR: server.base });
    expect(r.stdout).toBe('new: RPI_PICO micropython 1.28.0\nnew: RPI_PICO circuitpython 10.2.0\n');
    // the other boards' pages are not on this server: each is named, the refresh still counts
    expect(r.stderr).toMatch(/not checked: RPI_PICO_W: .*RPI_PICO_W\/ does not exist on the server \(404\)/);
    expect(r.code).toBe(0);
    const list = await mote(['firmware', 'list', '--board', 'RPI_PICO']);
    expect(list.stdout.split('\n').slice(0, 3)).toEqual(['RPI_PICO\tmicropython\t1.28.0\t-\tRaspberry Pi Pico', 'RPI_PICO\tmicropython\t1.27.0\t-\tRaspberry Pi Pico', 'RPI_PICO\tmicropython\t1.26.1\t-\tRaspberry Pi Pico']);
  });

  it('refuses bad input with the reason and a non-zero exit', async () => {
    expect(await mote(['firmware', 'download', '--board', 'NOPE'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/Mote knows no board called NOPE\. Known: RPI_PICO, /) });
    expect(await mote(['firmware', 'download', '--board', 'RPI_PICO', '--flavour', 'lua'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--flavour is micropython or circuitpython, not lua/) });
    expect(await mote(['firmware', 'list', '--mirror', 'relative/path'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/neither a web address/) });
  });
});

describe('mote flash', { timeout: 120_000 }, () => {
  it('--board: installs CircuitPython from the mirror on a Pico 2 W in bootloader mode', async () => {
    const drive = bootloader('UF2 Bootloader v1.0\nModel: Raspberry Pi RP2350\nBoard-ID: RP2350\n');
    try {
      const r = await mote(['flash', '--board', 'rpi_pico2_w', '--flavour', 'circuitpython', '--drive', drive.path, '--mirror', server.base]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('Installed Adafruit CircuitPython 10.1.4 (2025-11-01) on DRIVE; the board restarted.\n');
      expect(r.code).toBe(0);
    } finally {
      drive.stop();
    }
  });

  it('--board --offline: uses only the cache, and says what to do when it lacks the build', async () => {
    const drive = bootloader('UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n');
    try {
      const miss = await mote(['flash', '--board', 'RPI_PICO', '--offline', '--drive', drive.path, '--mirror', server.base]);
      expect(miss).toMatchObject({ code: 1, stderr: expect.stringMatching(/MicroPython for Raspberry Pi Pico is not in the firmware cache\. Import the file/) });
      const fw = join(data, 'pico.uf2');
      writeFileSync(fw, PICO);
      expect((await mote(['firmware', 'import', fw])).code).toBe(0);
      const r = await mote(['flash', '--board', 'RPI_PICO', '--offline', '--drive', drive.path]);
      expect(r.stdout).toBe('Installed MicroPython 1.27.0 (2025-12-09) on DRIVE; the board restarted.\n');
    } finally {
      drive.stop();
    }
  });

  it('--board: MicroPython onto an ESP32 over serial, downloaded through the mirror', async () => {
    const rom = new FakeEspRom();
    await rom.start();
    try {
      const r = await mote(['flash', '--board', 'esp32_generic', '--port', rom.path, '--erase', '--mirror', server.base]);
      expect(r.stdout).toBe(`Installed MicroPython 1.27.0 (2025-12-09) on the ESP32 at ${rom.path} (0x1000, 150000 bytes, verified).\n`);
      expect(rom.erased).toBe(1);
      expect(rom.read(0x1000, ESP32_MP.length).equals(ESP32_MP)).toBe(true);
    } finally {
      await rom.stop();
    }
  });

  it('--port alone: the board is picked from the chip esptool detects', async () => {
    const rom = new FakeEspRom();
    await rom.start();
    try {
      const r = await mote(['flash', '--port', rom.path, '--mirror', server.base]);
      expect(r.stderr.startsWith(`Found an ESP32 on ${rom.path}: installing firmware for ESP32 dev board (WROOM) (ESP32_GENERIC).\n`)).toBe(true);
      expect(r.stdout).toMatch(/^Installed MicroPython 1\.27\.0 \(2025-12-09\) on the ESP32/);
      expect(rom.read(0x1000, ESP32_MP.length).equals(ESP32_MP)).toBe(true);
    } finally {
      await rom.stop();
    }
  });

  it('--board: MicroPython onto a micro:bit V2 from its GitHub release', async () => {
    const drive = join(mkdtempSync(join(tmpdir(), 'mote-cli-mb-')), 'MICROBIT');
    mkdirSync(drive);
    writeFileSync(join(drive, 'DETAILS.TXT'), 'Unique ID: 99040000a1b2c3d4\n');
    // DAPLink: takes the file once it has all arrived, and remounts without it
    const daplink = setInterval(() => {
      const f = join(drive, 'micropython.hex');
      if (existsSync(f) && statSync(f).size === MICROBIT_V2.length) rmSync(f);
    }, 10);
    try {
      const r = await mote(['flash', '--board', 'BBC_MICROBIT_V2', '--drive', drive, '--mirror', server.base]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('Installed MicroPython for micro:bit 2.1.2 (2023-10-30) on the micro:bit V2.\n');
    } finally {
      clearInterval(daplink);
    }
  });

  it('--board --port: restarts a running Pico into its bootloader, installs, and reads the new banner', async () => {
    const { cli: boardCli } = await buildBoardWorker();
    const dir = mkdtempSync(join(tmpdir(), 'mote-cli-pico-'));
    const tty = join(dir, 'ttyPICO');
    // the simulated Pico on its own pty; machine.bootloader() swaps the pty for an RPI-RP2 folder beside it
    const pico = spawn(process.execPath, [boardCli, '--board', 'pico', '--fs', join(dir, 'fs'), '--pty', tty], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 200 && !existsSync(tty); i++) await new Promise((r) => setTimeout(r, 50));
      const fw = join(data, 'pico.uf2');
      writeFileSync(fw, PICO);
      expect((await mote(['firmware', 'import', fw])).code).toBe(0);
      const r = await mote(['flash', '--board', 'RPI_PICO', '--offline', '--port', tty, '--drive', join(dir, 'RPI-RP2')]);
      expect(r.stderr).toMatch(new RegExp(`^Restarted the board on ${tty} \\(MicroPython v[\\d.]+ .*\\) into its bootloader; waiting for its drive…\n$`));
      expect(r.stdout).toMatch(new RegExp(`^Installed MicroPython 1\\.27\\.0 \\(2025-12-09\\) on RPI-RP2; the board restarted\\.\nThe board on ${tty} now runs MicroPython v[\\d.]+ on .*\\.\n$`));
      expect(r.code).toBe(0);
    } finally {
      pico.kill();
    }
  });

  it('FILE: refuses firmware for another board and writes nothing', async () => {
    const drive = bootloader('UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n');
    try {
      const fw = join(data, 'cp.uf2');
      writeFileSync(fw, PICO2W_CP);
      const r = await mote(['flash', fw, '--drive', drive.path]);
      expect(r).toMatchObject({ code: 1, stderr: expect.stringMatching(/for RP2350 \(Arm\), but the board on DRIVE takes RP2040 firmware/) });
      expect(readdirSync(drive.path)).toEqual(['INFO_UF2.TXT']);
    } finally {
      drive.stop();
    }
  });

  it('FILE: a .hex to a micro:bit, checked against DETAILS.TXT', async () => {
    const drive = join(mkdtempSync(join(tmpdir(), 'mote-cli-mb-')), 'MICROBIT');
    mkdirSync(drive);
    writeFileSync(join(drive, 'DETAILS.TXT'), 'Unique ID: 99000000a1b2c3d4\n');
    const hex = join(data, 'v2.hex');
    writeFileSync(hex, microbitHex(2, 'MicroPython v1.18; micro:bit v2.1.2 with nRF52833'));
    const r = await mote(['flash', hex, '--drive', drive]);
    expect(r).toMatchObject({ code: 1, stderr: expect.stringMatching(/beyond the micro:bit V1's 256 KiB of flash/) });
    expect(readdirSync(drive)).toEqual(['DETAILS.TXT']);
  });

  it('FILE --port: writes an ESP32 image through esptool-js and verifies it', async () => {
    const rom = new FakeEspRom();
    await rom.start();
    try {
      const bin = join(data, 'ESP32_GENERIC-20251209-v1.27.0.bin');
      const image = espImage('ESP32', 120_000, { text: 'MicroPython v1.27.0 on 2025-12-09; Generic ESP32 module with ESP32' });
      writeFileSync(bin, image);
      const r = await mote(['flash', bin, '--port', rom.path]);
      expect(r.stdout).toBe(`Installed MicroPython 1.27.0 (2025-12-09) on the ESP32 at ${rom.path} (0x1000, 120000 bytes, verified).\n`);
      expect(r.code).toBe(0);
      expect(rom.read(0x1000, image.length).equals(image)).toBe(true);
      const s3 = join(data, 's3.bin');
      writeFileSync(s3, espImage('ESP32-S3', 20_000));
      const wrong = await mote(['flash', s3, '--port', rom.path]);
      expect(wrong).toMatchObject({ code: 1, stderr: expect.stringMatching(/for the ESP32-S3, but the board has an ESP32/) });
      expect(rom.writes).toHaveLength(1);
    } finally {
      await rom.stop();
    }
  });
});
