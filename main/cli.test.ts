// The `mote` command end to end: the bundled CLI against both boards behind real ptys.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PtyBoard } from './testing/pty-board';
import { TEST_BOARDS } from './testing/test-boards';
import { uf2Image } from './testing/uf2-builder';
import { buildMoteCli, type MoteResult, runMote } from './testing/mote-cli';

let cli = '';

beforeAll(async () => {
  cli = await buildMoteCli();
}, 60_000);

function mote(args: string[], input?: string): Promise<MoteResult> {
  return runMote(cli, args, { input });
}

describe.each(TEST_BOARDS)('mote against $name over a pty', { timeout: 120_000 }, (kind) => {
  let board: PtyBoard;
  beforeAll(async () => {
    board = await kind.make();
    await board.start();
  }, 60_000);
  afterAll(async () => {
    await board?.kill();
  });

  it('exec and run: output on stdout, traceback on stderr with a non-zero exit', async () => {
    const ok = await mote(['--port', board.path, 'exec', 'print(6*7)']);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout.toString()).toBe('42\r\n');
    const bad = await mote(['--port', board.path, 'exec', 'print("a")\n1/0']);
    expect(bad.code).toBe(1);
    expect(bad.stdout.toString()).toBe('a\r\n');
    expect(bad.stderr).toContain('ZeroDivisionError');
    const file = join(board.dir, 'prog.py');
    writeFileSync(file, 'for i in range(3):\n    print(i)\n');
    expect((await mote(['--port', board.path, 'run', file])).stdout.toString()).toBe('0\r\n1\r\n2\r\n');
  });

  it('every file command, binary-safe, with --json listings', async () => {
    const local = join(board.dir, 'all.bin');
    const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 256));
    writeFileSync(local, bytes);
    const p = ['--port', board.path];
    expect((await mote([...p, 'mkdir', '/d/e'])).code).toBe(0);
    expect((await mote([...p, 'put', local, '/d/e/all.bin'])).code).toBe(0);
    const back = join(board.dir, 'back.bin');
    expect((await mote([...p, 'get', '/d/e/all.bin', back])).code).toBe(0);
    expect(readFileSync(back).equals(bytes)).toBe(true);
    expect((await mote([...p, 'cat', '/d/e/all.bin'])).stdout.equals(bytes)).toBe(true);
    expect((await mote([...p, 'mv', '/d/e/all.bin', '/d/moved.bin'])).code).toBe(0);
    const ls = await mote([...p, '--json', 'ls', '-r', '/d']);
    expect(JSON.parse(ls.stdout.toString())).toEqual([
      { path: '/d/e', name: 'e', kind: 'dir', size: 0 },
      { path: '/d/moved.bin', name: 'moved.bin', kind: 'file', size: 512 },
    ]);
    const missing = await mote([...p, 'cat', '/d/nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no file \/d\/nope/);
    expect((await mote([...p, 'rm', '-r', '/d'])).code).toBe(0);
    expect((await mote([...p, 'ls', '/'])).stdout.toString()).not.toContain('/d/');
  });

  it('sync skips unchanged files; reset keeps the board usable', async () => {
    const dir = join(board.dir, 'proj');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main_x.py'), 'print(1)\n');
    const p = ['--port', board.path];
    expect((await mote([...p, 'sync', dir, '/p'])).stderr).toContain('1 uploaded');
    expect((await mote([...p, 'sync', dir, '/p'])).stderr).toContain('1 unchanged');
    expect((await mote([...p, 'reset'])).code).toBe(0);
    expect((await mote([...p, 'exec', 'print("up")'])).stdout.toString()).toBe('up\r\n');
  });

  it('repl passes keys through and leaves on Ctrl-]', async () => {
    const r = await mote(['--port', board.path, 'repl'], '2+3\r\x1d');
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toContain('2+3\r\n5\r\n>>> ');
  });
});

describe('mote flash', () => {
  function drive(): string {
    const path = join(mkdtempSync(join(tmpdir(), 'mote-cli-uf2-')), 'RPI-RP2');
    mkdirSync(path);
    writeFileSync(join(path, 'INFO_UF2.TXT'), 'UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n');
    return path;
  }

  it('installs RP2040 firmware and sees the board restart', async () => {
    const path = drive();
    const fw = join(path, '..', 'micropython.uf2');
    writeFileSync(fw, uf2Image(64));
    // the board: restarts (its drive vanishes) once the whole file has arrived
    const timer = setInterval(() => {
      const copied = join(path, 'micropython.uf2');
      if (existsSync(copied) && statSync(copied).size === 64 * 512) rmSync(path, { recursive: true, force: true });
    }, 10);
    try {
      const r = await mote(['flash', fw, '--drive', path]);
      expect(r.stderr).toBe('');
      expect(r.stdout.toString()).toBe('Installed the RP2040 firmware on RPI-RP2; the board restarted.\n');
      expect(r.code).toBe(0);
    } finally {
      clearInterval(timer);
    }
  });

  it('refuses firmware for another chip and a folder that is no bootloader drive', async () => {
    const path = drive();
    const fw = join(path, '..', 'pico2.uf2');
    writeFileSync(fw, uf2Image(8, { family: 0xe48bff59 }));
    const wrong = await mote(['flash', fw, '--drive', path]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/for RP2350 \(Arm\), but the board on RPI-RP2 takes RP2040 firmware/);
    const notDrive = await mote(['flash', fw, '--drive', tmpdir()]);
    expect(notDrive.code).toBe(1);
    expect(notDrive.stderr).toMatch(/is not a board in bootloader mode/);
  });
});

describe('mote without a board', () => {
  it('names a missing port', async () => {
    const r = await mote(['--port', '/dev/does-not-exist', 'ls']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/There is no serial port \/dev\/does-not-exist/);
  });

  it('rejects bad usage with exit 2', async () => {
    expect((await mote(['frobnicate'])).code).toBe(2);
    expect((await mote(['mv', 'a'])).code).toBe(2);
  });
});
