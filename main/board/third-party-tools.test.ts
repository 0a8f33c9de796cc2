// The simulated Pico as the tools people already use see it: Thonny's MicroPython back end,
// mpremote, rshell and ampy, each driving `node out/vm/cli.js --board pico --line` behind a
// real pty, a handful of checks each (issue 21). Thonny comes from Debian (`apt-get install thonny
// python3-serial`); mpremote, rshell and ampy run from their source trees, named by
// MOTE_MPREMOTE (micropython's tools/mpremote), MOTE_RSHELL and MOTE_AMPY (their repositories),
// with python3-serial (ampy also python3-click and python3-dotenv). A tool that is absent is
// skipped, and the test's name says what to install.

import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PtyBoard } from '../testing/pty-board';
import { buildBoardWorker } from '../testing/build-board-worker';

const PYTHON = '/usr/bin/python3';
const has = (module: string, extraPath = '') =>
  fs.existsSync(PYTHON) && spawnSync(PYTHON, ['-c', `import ${module}`], { env: { ...process.env, PYTHONPATH: extraPath } }).status === 0;
const toolDir = (variable: string, marker: string): string | null => {
  const dir = process.env[variable];
  return dir && fs.existsSync(path.join(dir, marker)) ? dir : null;
};

const serial = has('serial');
const thonny = serial && has('thonny.plugins.micropython.bare_metal_backend');
const mpremote = serial ? toolDir('MOTE_MPREMOTE', 'mpremote/main.py') : null;
const rshell = serial ? toolDir('MOTE_RSHELL', 'rshell/main.py') : null;
const ampy = serial && has('click') && has('dotenv') ? toolDir('MOTE_AMPY', 'ampy/cli.py') : null;
const named = (tool: string, present: unknown, install: string) => (present ? tool : `${tool} (skipped: ${install})`);

/** A time zone far from UTC, so a clock left on UTC cannot pass for local time. */
const TZ = 'Asia/Kolkata';

interface Run { code: number; out: string }

/** Runs a Python tool to completion (at most a minute) and returns its exit code and output. */
function python(args: string[], opts: { cwd?: string; pythonPath?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const env = { ...process.env, TZ, PYTHONPATH: opts.pythonPath ?? '', PYTHONIOENCODING: 'utf-8' };
    execFile(PYTHON, args, { cwd: opts.cwd, env, timeout: 60_000, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, out: stdout + stderr });
    });
  });
}

/** The host's local time in TZ as minutes since midnight, and the date. */
function hostClock(): { date: string; minutes: number } {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(new Date()).map((p) => [p.type, p.value]));
  return { date: `${Number(parts.year)}, ${Number(parts.month)}, ${Number(parts.day)}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** Asserts that "(y, m, d, h, mi)" printed by the board is the host's local time (within a minute). */
function expectLocalTime(printed: string): void {
  const m = /\((\d+), (\d+), (\d+), (\d+), (\d+)/.exec(printed);
  expect(m, printed).not.toBeNull();
  const host = hostClock();
  const board = Number(m![4]) * 60 + Number(m![5]);
  expect(`${m![1]}, ${m![2]}, ${m![3]}`).toBe(host.date);
  expect(Math.abs(board - host.minutes)).toBeLessThanOrEqual(1);
}

let cli = '';
beforeAll(async () => {
  if (thonny || mpremote || rshell || ampy) cli = (await buildBoardWorker()).cli;
}, 120_000);

/** A simulated Pico behind a pty for one describe block. */
function picoBehindPty(): { board: () => PtyBoard } {
  let board: PtyBoard;
  beforeAll(async () => {
    board = new PtyBoard({ kind: 'simulated', profile: 'pico', cliPath: cli });
    await board.start();
  }, 30_000);
  afterAll(async () => {
    await board?.kill();
  });
  return { board: () => board };
}

describe.skipIf(!thonny)(named('Thonny', thonny, 'apt-get install thonny python3-serial'), () => {
  const { board } = picoBehindPty();

  it('connects, and its shell, input(), Files view, save/open, Run, Stop, Ctrl-D and clock sync work', async () => {
    const r = await python([path.join(__dirname, '..', 'testing', 'thonny-drive.py'), board().path]);
    const report = JSON.parse(r.out.trim().split('\n').at(-1)!) as { steps: Record<string, unknown>[]; errors: string[] };
    expect(report.errors).toEqual([]);
    const step = (name: string) => report.steps.find((s) => s.name === name)!;
    expect(step('connect').welcome).toContain('Raspberry Pi Pico (simulated) with RP2040');
    expect(step('shell').output).toBe('42\r\n');
    expect(step('input').output).toBe('hello ada\r\n');
    expect(step('save-open')).toMatchObject({ write_error: null, read: "print('saved by thonny')\n" });
    expect(step('files').kinds).toMatchObject({ 'thonny_made.py': 'file' });
    expect(fs.readFileSync(path.join(board().fsDir, 'thonny_made.py'), 'utf8')).toBe("print('saved by thonny')\n");
    expect(step('run').output).toBe('run 2\r\n');
    expect(step('stop').output).toContain('KeyboardInterrupt');
    expect(step('stop').after).toBe('alive True\r\n');
    expect(step('ctrl-d').output).toContain('MPY: soft reboot');
    expect(step('ctrl-d').after).toBe('False\r\n'); // the soft reboot cleared the globals
    expectLocalTime(String(step('clock').board));
  }, 120_000);
});

describe.skipIf(!mpremote)(named('mpremote', mpremote, 'set MOTE_MPREMOTE to micropython/tools/mpremote; apt-get install python3-serial'), () => {
  const { board } = picoBehindPty();
  const mp = (args: string[], cwd?: string) => python(['-m', 'mpremote', 'connect', board().path, ...args], { cwd, pythonPath: mpremote! });

  it('df lists the flash mounted at /', async () => {
    const r = await mp(['df']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/<VfsLfs2>\s+1441792\s+\d+\s+\d+\s+\d+ \/\r?\n/);
  }, 60_000);

  it('rtc --set sets the clock time.localtime() reads', async () => {
    expect((await mp(['rtc', '--set'])).code).toBe(0);
    const r = await mp(['exec', 'import time; print(time.localtime()[:5])']);
    expect(r.code, r.out).toBe(0);
    expectLocalTime(r.out);
  }, 60_000);

  it('mount . lets the board import and write local files under /remote', async () => {
    const local = fs.mkdtempSync(path.join(os.tmpdir(), 'mote-mount-'));
    fs.writeFileSync(path.join(local, 'here.py'), 'print("imported", __name__, "from", __file__)\n');
    const r = await mp(['mount', '.', 'exec', "import os, here; open('made.txt', 'w').write('by the board'); print(os.getcwd(), sorted(os.listdir()))"], local);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('imported here from here.py');
    expect(r.out).toContain("/remote ['here.py', 'made.txt']");
    expect(fs.readFileSync(path.join(local, 'made.txt'), 'utf8')).toBe('by the board');
  }, 60_000);

  it('mip install (default mode) installs .py files that import', async () => {
    // a package index in a local folder, laid out as micropython.org/pi/v2 is (mpremote reads paths too)
    const index = fs.mkdtempSync(path.join(os.tmpdir(), 'mote-index-'));
    const source = 'def greet():\n    return "hello from mip"\n';
    const hash = (await import('node:crypto')).createHash('sha256').update(source).digest('hex').slice(0, 8);
    fs.mkdirSync(path.join(index, 'file', hash.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(index, 'file', hash.slice(0, 2), hash), source);
    for (const [dir, file, h] of [['py', 'greet.py', hash], ['6', 'greet.mpy', '00000000']]) {
      fs.mkdirSync(path.join(index, 'package', dir, 'greet'), { recursive: true });
      fs.writeFileSync(path.join(index, 'package', dir, 'greet', 'latest.json'), JSON.stringify({ hashes: [[file, h]], version: '1.0' }));
    }
    const r = await mp(['mip', 'install', '--index', index, 'greet', '+', 'exec', 'import greet; print(greet.greet())']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('hello from mip');
    expect(fs.readFileSync(path.join(board().fsDir, 'lib', 'greet.py'), 'utf8')).toBe(source);
  }, 60_000);
});

describe.skipIf(!rshell)(named('rshell', rshell, 'set MOTE_RSHELL to a clone of dhylands/rshell; apt-get install python3-serial'), () => {
  const { board } = picoBehindPty();

  it('copies files both ways byte for byte, rsyncs a folder, and lists files with local times', async () => {
    const local = fs.mkdtempSync(path.join(os.tmpdir(), 'mote-rshell-'));
    const data = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37 + 11) & 0xff));
    fs.writeFileSync(path.join(local, 'up.bin'), data);
    fs.mkdirSync(path.join(local, 'tree', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(local, 'tree', 'sub', 'deep.txt'), 'synced\n');
    const script = `cp ${local}/up.bin /pyboard/up.bin; ls -l /pyboard; cp /pyboard/up.bin ${local}/down.bin; rsync ${local}/tree /pyboard/tree`;
    const r = await python([path.join(rshell!, 'r.py'), '-p', board().path, '--buffer-size', '512', '--quiet', '--nocolor', script], { pythonPath: rshell! });
    expect(r.code, r.out).toBe(0);
    expect(fs.readFileSync(path.join(board().fsDir, 'up.bin')).equals(data)).toBe(true);
    expect(fs.readFileSync(path.join(local, 'down.bin')).equals(data)).toBe(true);
    expect(fs.readFileSync(path.join(board().fsDir, 'tree', 'sub', 'deep.txt'), 'utf8')).toBe('synced\n');
    // rshell set the board's clock to local time when it connected: the listing shows today, local
    const month = new Intl.DateTimeFormat('en-US', { timeZone: TZ, month: 'short', day: 'numeric' }).format(new Date());
    expect(r.out).toMatch(new RegExp(`3000 ${month.replace(' ', ' +')} `));
  }, 60_000);
});

describe.skipIf(!ampy)(named('ampy', ampy, 'set MOTE_AMPY to a clone of scientifichackers/ampy; apt-get install python3-serial python3-click python3-dotenv'), () => {
  const { board } = picoBehindPty();
  const run = (args: string[]) => python(['-m', 'ampy.cli', '-p', board().path, ...args], { pythonPath: `${ampy}:${ampy}/ampy` });

  it('puts, lists, gets, removes and runs', async () => {
    const local = fs.mkdtempSync(path.join(os.tmpdir(), 'mote-ampy-'));
    fs.writeFileSync(path.join(local, 'note.txt'), 'from ampy\n');
    fs.writeFileSync(path.join(local, 'prog.py'), 'print(sum(range(10)))\n');
    expect((await run(['put', path.join(local, 'note.txt'), 'note.txt'])).code).toBe(0);
    expect((await run(['ls'])).out).toContain('/note.txt');
    expect((await run(['get', 'note.txt'])).out).toContain('from ampy');
    expect((await run(['rm', 'note.txt'])).code).toBe(0);
    expect(fs.existsSync(path.join(board().fsDir, 'note.txt'))).toBe(false);
    expect((await run(['run', path.join(local, 'prog.py')])).out).toContain('45');
  }, 90_000);
});
