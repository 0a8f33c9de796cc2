// `--pty PATH`: the board CLI serves the simulated Pico on a pty of its own, which drops after
// machine.reset() says OK and comes back at the same path, as a real Pico's USB port does.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SerialPort } from 'serialport';
import { buildBoardWorker } from '../../main/testing/build-board-worker';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mote-ptyport-'));
const tty = path.join(dir, 'ttyBOARD');
const fsDir = path.join(dir, 'fs');
let board: ChildProcess;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
async function waitFor(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** An open connection to the board's pty, with everything it received and whether it closed. */
async function connect(): Promise<{ port: SerialPort; received: () => string; closed: () => boolean }> {
  let buf = '';
  let closed = false;
  const port = await new Promise<SerialPort>((res, rej) => {
    const p = new SerialPort({ path: tty, baudRate: 115200 }, (e) => (e ? rej(e) : res(p)));
  });
  port.on('data', (d: Buffer) => (buf += d.toString('latin1')));
  port.on('close', () => (closed = true));
  port.on('error', () => (closed = true));
  return { port, received: () => buf, closed: () => closed || !port.isOpen };
}

beforeAll(async () => {
  const { cli } = await buildBoardWorker();
  fs.mkdirSync(fsDir);
  // main.py counts the board's power-ons in a file
  fs.writeFileSync(path.join(fsDir, 'main.py'), "with open('boots.txt', 'a') as f:\n    f.write('x')\n");
  board = spawn('node', [cli, '--board', 'pico', '--fs', fsDir, '--pty', tty], { stdio: 'ignore' });
  await waitFor(() => fs.existsSync(tty), 'the pty');
}, 60_000);

afterAll(async () => {
  if (board.exitCode === null) {
    const exited = new Promise((r) => board.once('exit', r));
    board.kill('SIGTERM');
    await exited;
  }
});

describe('the board CLI with --pty', () => {
  it('drops the port after machine.reset() answers OK, and brings it back with the board powered on again', async () => {
    const a = await connect();
    await a.port.write('\r\x03\x03\x01');
    await waitFor(() => a.received().endsWith('raw REPL; CTRL-B to exit\r\n>'), 'the raw REPL');
    const before = a.received().length;
    a.port.write('import machine\nmachine.reset()\x04');
    await waitFor(a.closed, 'the port to drop');
    // the command never finished: "OK" and nothing more reached the old port
    expect(a.received().slice(before)).toBe('OK');
    await waitFor(() => fs.existsSync(tty), 'the port to come back');
    expect(fs.readFileSync(path.join(fsDir, 'boots.txt'), 'utf8')).toBe('xx');
    const b = await connect();
    await b.port.write('\r\x03\x01print("back", 6 * 7)\x04');
    await waitFor(() => b.received().includes('\x04>'), 'the command on the new port');
    expect(b.received()).toContain('OKback 42\r\n\x04\x04>');
    await new Promise<void>((r) => b.port.close(() => r()));
    expect(board.exitCode).toBeNull();
  }, 60_000);

  it('machine.bootloader() drops the port and shows the RPI-RP2 drive; a UF2 copied onto it starts the board again', async () => {
    const drive = path.join(dir, 'RPI-RP2');
    const boots = () => fs.readFileSync(path.join(fsDir, 'boots.txt'), 'utf8').length;
    const bootsBefore = boots();
    const a = await connect();
    await a.port.write('\r\x03\x03\x01');
    await waitFor(() => a.received().endsWith('raw REPL; CTRL-B to exit\r\n>'), 'the raw REPL');
    a.port.write('import machine\nmachine.bootloader()\x04');
    await waitFor(a.closed, 'the port to drop');
    await waitFor(() => !fs.existsSync(tty), 'the pty to go');
    expect(fs.readFileSync(path.join(drive, 'INFO_UF2.TXT'), 'utf8')).toContain('Board-ID: RPI-RP2');
    // a file that is not UF2 installs nothing (a bootloader ignores blocks without the magic numbers)
    fs.writeFileSync(path.join(drive, 'notes.uf2'), Buffer.alloc(512));
    await sleep(500);
    expect(fs.existsSync(tty)).toBe(false);
    expect(fs.existsSync(drive)).toBe(true);
    const block = Buffer.alloc(512);
    block.writeUInt32LE(0x0a324655, 0);
    block.writeUInt32LE(0x9e5d5157, 4);
    block.writeUInt32LE(0x00002000, 8); // family id present
    block.writeUInt32LE(0x10000000, 12);
    block.writeUInt32LE(256, 16);
    block.writeUInt32LE(0, 20);
    block.writeUInt32LE(1, 24);
    block.writeUInt32LE(0xe48bff56, 28); // RP2040
    block.writeUInt32LE(0x0ab16f30, 508);
    fs.writeFileSync(path.join(drive, 'firmware.uf2'), block);
    await waitFor(() => !fs.existsSync(drive) && fs.existsSync(tty), 'the drive to go and the port to come back');
    await waitFor(() => boots() === bootsBefore + 1, 'main.py to run on power-on');
    const b = await connect();
    await b.port.write('\r\x03\x01print("flashed", 1 + 1)\x04');
    await waitFor(() => b.received().includes('\x04>'), 'the command on the new port');
    expect(b.received()).toContain('OKflashed 2\r\n\x04\x04>');
    await new Promise<void>((r) => b.port.close(() => r()));
  }, 60_000);

  it('refuses --pty without a path', async () => {
    const { cli } = await buildBoardWorker();
    const r = await new Promise<{ code: number | null; err: string }>((res) => {
      const p = spawn('node', [cli, '--board', 'pico', '--pty'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      p.stderr?.on('data', (d: Buffer) => (err += d.toString()));
      p.on('exit', (code) => res({ code, err }));
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain('--pty needs the path where the pty should appear');
  }, 30_000);
});
