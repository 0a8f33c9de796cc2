// The board CLI behind a real pseudo-terminal (socat) driven through the serialport package, as
// the IDE and mpremote-style tools drive a board: raw REPL, raw-paste with flow control, file
// transfer with repr'd bytes, Ctrl-C of a busy loop, soft reset running main.py.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SerialPort } from 'serialport';
import { buildBoardWorker } from '../../main/testing/build-board-worker';

let socat: ChildProcess;
let port: SerialPort;
let buf = Buffer.alloc(0);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mote-pty-'));
const tty = path.join(dir, 'ttyBOARD');
const fsDir = path.join(dir, 'fs');

async function until(marker: string | Buffer, ms = 5000): Promise<Buffer> {
  const m = typeof marker === 'string' ? Buffer.from(marker, 'latin1') : marker;
  const t0 = Date.now();
  for (;;) {
    const at = buf.indexOf(m);
    if (at >= 0) {
      const out = buf.subarray(0, at + m.length);
      buf = buf.subarray(at + m.length);
      return out;
    }
    if (Date.now() - t0 > ms) throw new Error(`timeout waiting for ${JSON.stringify(m.toString('latin1'))}, have ${JSON.stringify(buf.toString('latin1'))}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function readN(n: number, ms = 5000): Promise<Buffer> {
  const t0 = Date.now();
  while (buf.length < n) {
    if (Date.now() - t0 > ms) throw new Error(`timeout reading ${n} bytes`);
    await new Promise((r) => setTimeout(r, 2));
  }
  const out = buf.subarray(0, n);
  buf = buf.subarray(n);
  return out;
}

function send(data: string | Buffer): Promise<void> {
  return new Promise((res, rej) => port.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data, (e) => (e ? rej(e) : port.drain(() => res()))));
}

/** Runs code through raw-paste with the window flow control of board-protocols.md §4. */
async function rawPaste(code: string): Promise<[string, string]> {
  await send('\x05A\x01');
  expect((await readN(2)).toString('latin1')).toBe('R\x01');
  const w = await readN(2);
  let window = w[0] | (w[1] << 8);
  let remaining = window;
  const data = Buffer.from(code, 'utf8');
  let i = 0;
  while (i < data.length) {
    while (remaining === 0 || buf.length > 0) {
      const b = (await readN(1))[0];
      if (b === 0x01) remaining += window;
      else throw new Error(`unexpected byte ${b} during raw-paste`);
    }
    const n = Math.min(remaining, data.length - i);
    await send(data.subarray(i, i + n));
    i += n;
    remaining -= n;
  }
  await send('\x04');
  // drain window acks, then the end-of-data \x04
  for (;;) {
    const b = (await readN(1))[0];
    if (b === 0x04) break;
    if (b !== 0x01) throw new Error(`unexpected byte ${b} after raw-paste data`);
  }
  window = 0;
  const out = (await until('\x04')).toString('utf8');
  const err = (await until('\x04')).toString('utf8');
  await until('>');
  return [out.slice(0, -1), err.slice(0, -1)];
}

/** Classic raw-mode exec (no flow control needed for small commands). */
async function rawExec(code: string): Promise<[string, string]> {
  await send(code + '\x04');
  expect((await readN(2)).toString('latin1')).toBe('OK');
  const out = (await until('\x04')).toString('utf8');
  const err = (await until('\x04')).toString('utf8');
  await until('>');
  return [out.slice(0, -1), err.slice(0, -1)];
}

function bytesLiteral(b: Buffer): string {
  let s = "b'";
  for (const c of b) {
    if (c === 0x5c) s += '\\\\';
    else if (c === 0x27) s += "\\'";
    else if (c >= 0x20 && c < 0x7f) s += String.fromCharCode(c);
    else s += '\\x' + c.toString(16).padStart(2, '0');
  }
  return s + "'";
}

function parseBytesRepr(r: string): Buffer {
  const m = /^b(['"])([\s\S]*)\1$/.exec(r.trim());
  if (!m) throw new Error(`not a bytes repr: ${r}`);
  const out: number[] = [];
  const s = m[2];
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') {
      out.push(s.charCodeAt(i));
      continue;
    }
    const e = s[++i];
    if (e === 'x') {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push({ n: 10, r: 13, t: 9, '\\': 92, "'": 39, '"': 34 }[e as 'n'] ?? e.charCodeAt(0));
  }
  return Buffer.from(out);
}

beforeAll(async () => {
  const { cli } = await buildBoardWorker();
  socat = spawn('socat', [`pty,raw,echo=0,link=${tty}`, `EXEC:'node ${cli} --board pico --fs ${fsDir} --line'`], { stdio: 'ignore' });
  const t0 = Date.now();
  while (!fs.existsSync(tty)) {
    if (Date.now() - t0 > 10_000) throw new Error('socat did not create the pty');
    await new Promise((r) => setTimeout(r, 20));
  }
  port = await new Promise<SerialPort>((res, rej) => {
    const p = new SerialPort({ path: tty, baudRate: 115200 }, (e) => (e ? rej(e) : res(p)));
  });
  port.on('data', (d: Buffer) => (buf = Buffer.concat([buf, d])));
  await until('>>> ', 10_000);
}, 60_000);

afterAll(async () => {
  await new Promise<void>((r) => (port?.isOpen ? port.close(() => r()) : r()));
  socat?.kill();
});

describe('simulated pico behind a pty', () => {
  it('enters the raw REPL the way mpremote does', async () => {
    await send('\r\x03');
    await new Promise((r) => setTimeout(r, 100));
    buf = Buffer.alloc(0);
    await send('\r\x01');
    await until('raw REPL; CTRL-B to exit\r\n>');
    expect(await rawExec('print(6 * 7)')).toEqual(['42\r\n', '']);
  });

  it('raw-pastes a program larger than several windows', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => `v${i} = ${i} * 3`);
    const code = lines.join('\n') + '\nprint(sum([' + lines.map((_, i) => `v${i}`).join(', ') + ']))\n';
    expect(code.length).toBeGreaterThan(4 * 128);
    expect(await rawPaste(code)).toEqual([`${3 * ((59 * 60) / 2)}\r\n`, '']);
  });

  it('writes and reads back a binary file with repr\'d bytes, as mpremote does', async () => {
    const data = Buffer.from(Array.from({ length: 700 }, (_, i) => (i * 37 + 11) & 0xff));
    expect(await rawExec("f = open('data.bin', 'wb')\nw = f.write")).toEqual(['', '']);
    for (let i = 0; i < data.length; i += 256) {
      expect(await rawPaste(`w(${bytesLiteral(data.subarray(i, i + 256))})`)).toEqual(['', '']);
    }
    expect(await rawExec('f.close()')).toEqual(['', '']);
    expect(fs.readFileSync(path.join(fsDir, 'data.bin')).equals(data)).toBe(true);
    await rawExec("f = open('data.bin', 'rb')\nr = f.read");
    const chunks: Buffer[] = [];
    for (;;) {
      const [out, err] = await rawExec('print(repr(r(256)))');
      expect(err).toBe('');
      const b = parseBytesRepr(out);
      if (b.length === 0) break;
      chunks.push(b);
    }
    await rawExec('f.close()');
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
    const [, err] = await rawExec("open('missing.txt')");
    expect(err).toContain('OSError: [Errno 2] ENOENT');
  });

  it('Ctrl-C stops while True: pass promptly', async () => {
    await send('while True:\n    pass\n\x04');
    expect((await readN(2)).toString()).toBe('OK');
    await new Promise((r) => setTimeout(r, 150));
    const t0 = performance.now();
    await send('\x03');
    const out = (await until('\x04>', 2000)).toString();
    const ms = performance.now() - t0;
    expect(out).toContain('KeyboardInterrupt: \r\n');
    expect(ms).toBeLessThan(2000);
  });

  it('soft reset in the friendly REPL runs main.py; raw soft reset does not', async () => {
    await rawExec("with open('main.py', 'w') as f:\n    f.write('print(\"main.py ran\")\\n')");
    await send('\x04');
    expect((await until('raw REPL; CTRL-B to exit\r\n>')).toString()).toBe('OK\r\nMPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>');
    await send('\r\x02');
    await until('>>> ');
    await send('\x04');
    const out = (await until('>>> ')).toString();
    expect(out).toMatch(/^\r\nMPY: soft reboot\r\nmain\.py ran\r\nMicroPython v1\.24\.1 on 2024-11-29; Raspberry Pi Pico \(simulated\) with RP2040\r\n/);
  });
});
