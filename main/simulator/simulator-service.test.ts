import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SimulatorService, type SimulatorStatus } from './simulator-service';
import type { SimulatedTransport } from './simulated-transport';
import { buildBoardWorker } from '../testing/build-board-worker';
import { SAB_HEADER_BYTES, SabWord, STDIN_RING_BYTES } from '../../vm/host/protocol';

let workerFile = '';
beforeAll(async () => {
  workerFile = (await buildBoardWorker()).worker;
}, 60_000);

/** Collects a transport's output and waits for text in it. */
class Reader {
  buf = '';
  constructor(t: SimulatedTransport) {
    t.onData((d) => (this.buf += Buffer.from(d).toString('latin1')));
  }
  async until(text: string | RegExp, ms = 5000): Promise<string> {
    const t0 = Date.now();
    for (;;) {
      const hit = typeof text === 'string' ? this.buf.includes(text) : text.test(this.buf);
      if (hit) {
        const all = this.buf;
        this.buf = '';
        return all;
      }
      if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${JSON.stringify(String(text))}; got ${JSON.stringify(this.buf)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

const services: SimulatorService[] = [];
function service(extra: Partial<ConstructorParameters<typeof SimulatorService>[0]> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mote-sim-'));
  const s = new SimulatorService({ dataDir, workerFile, ...extra });
  services.push(s);
  return { s, dataDir };
}
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
});

describe('SimulatorService with a real worker', () => {
  it('keeps the SAB layout main relies on', () => {
    expect(SAB_HEADER_BYTES % 4).toBe(0);
    expect(STDIN_RING_BYTES & (STDIN_RING_BYTES - 1)).toBe(0);
    expect(Object.values(SabWord).every((w) => w < SAB_HEADER_BYTES / 4)).toBe(true);
  });

  it('boots the pico profile and answers at the REPL', async () => {
    const { s, dataDir } = service();
    const statuses: SimulatorStatus[] = [];
    s.onStatus((st) => statuses.push(st));
    const t = await s.open('pico');
    expect(t.info).toEqual({ kind: 'simulated', address: 'pico', flowControl: true });
    const r = new Reader(t);
    await r.until('>>> ');
    await t.write(Buffer.from('1+1\r'));
    expect(await r.until('2\r\n>>> ')).toBe('1+1\r\n2\r\n>>> ');
    expect(statuses.map((x) => x.state)).toEqual(['starting', 'running']);
    expect(fs.existsSync(path.join(dataDir, 'boards', 'pico'))).toBe(true);
    expect(s.pins.find((p) => p.name === 'GP25')?.capabilities).toContain('led');
    expect(s.pins.filter((p) => p.name === 'LED' || p.name === 'GP25')).toHaveLength(1);
  });

  it('Ctrl-C interrupts while True: pass and time.sleep(60) through the interrupt word', async () => {
    const { s } = service();
    const t = await s.open('pico');
    const r = new Reader(t);
    await r.until('>>> ');
    await t.write(Buffer.from('while True: pass\r\r'));
    await new Promise((res) => setTimeout(res, 200));
    const t0 = Date.now();
    await t.write(Uint8Array.of(3));
    await r.until('KeyboardInterrupt: \r\n>>> ', 2000);
    const whileMs = Date.now() - t0;
    await t.write(Buffer.from('import time; time.sleep(60)\r'));
    await new Promise((res) => setTimeout(res, 200));
    const t1 = Date.now();
    await t.write(Uint8Array.of(3));
    await r.until('KeyboardInterrupt: \r\n>>> ', 2000);
    expect(whileMs).toBeLessThan(2000);
    expect(Date.now() - t1).toBeLessThan(2000);
    await t.write(Buffer.from('print("still here")\r'));
    await r.until('still here\r\n>>> ');
  });

  it('soft reset keeps files and runs main.py', async () => {
    const { s } = service();
    const t = await s.open('pico');
    const r = new Reader(t);
    await r.until('>>> ');
    await t.write(Buffer.from('\r\x01'));
    await r.until('raw REPL; CTRL-B to exit\r\n>');
    await t.write(Buffer.from("f = open('main.py', 'w')\nf.write('print(\"main ran\")\\n')\nf.close()\n\x04"));
    await r.until('\x04>');
    await t.write(Buffer.from('\x02'));
    await r.until('>>> ');
    await t.write(Buffer.from('\x04'));
    const out = await r.until('>>> ');
    expect(out).toMatch(/^\r\nMPY: soft reboot\r\nmain ran\r\nMicroPython v1\.24\.1/);
  });

  it('publishes LED and pin state, and takes button input', async () => {
    const { s } = service();
    const changes: unknown[] = [];
    s.onState((c) => changes.push(...c));
    const t = await s.open('pico');
    const r = new Reader(t);
    await r.until('>>> ');
    await t.write(Buffer.from('from machine import Pin\rled = Pin("LED", Pin.OUT)\rb = Pin(14, Pin.IN, Pin.PULL_UP)\rled.on()\r'));
    await r.until(/led\.on\(\)\r\n>>> $/);
    s.input({ kind: 'pin', pin: 'GP14', level: 0 });
    await new Promise((res) => setTimeout(res, 100));
    await t.write(Buffer.from('b.value()\r'));
    expect(await r.until('>>> ')).toContain('\r\n0\r\n');
    const t0 = Date.now();
    while (!changes.some((c) => JSON.stringify(c) === JSON.stringify({ kind: 'led', pin: 'LED', on: true }))) {
      if (Date.now() - t0 > 2000) throw new Error('no LED state: ' + JSON.stringify(changes));
      await new Promise((res) => setTimeout(res, 10));
    }
  });

  it('coalesces state changes: a tight toggle loop publishes at most ~60 per second', async () => {
    const { s } = service();
    let ledEvents = 0;
    s.onState((c) => (ledEvents += c.filter((x) => x.kind === 'led').length));
    const t = await s.open('pico');
    const r = new Reader(t);
    await r.until('>>> ');
    await t.write(Buffer.from('import time\rfrom machine import Pin\rled = Pin("LED", Pin.OUT)\r'));
    await r.until(/Pin\.OUT\)\r\n>>> $/);
    ledEvents = 0;
    await t.write(Buffer.from('t0 = time.ticks_ms()\rwhile time.ticks_diff(time.ticks_ms(), t0) < 1000: led.toggle()\r\r'));
    await r.until(/\r\n>>> $/, 5000);
    expect(ledEvents).toBeGreaterThan(5);
    expect(ledEvents).toBeLessThanOrEqual(70);
  });

  it('hard reset restarts the worker with the files kept, and reports it', async () => {
    const { s, dataDir } = service();
    const statuses: SimulatorStatus[] = [];
    s.onStatus((st) => statuses.push(st));
    const t = await s.open('pico');
    const r = new Reader(t);
    await r.until('>>> ');
    fs.writeFileSync(path.join(dataDir, 'boards', 'pico', 'main.py'), 'print("kept")\n');
    const closed = new Promise<Error | undefined>((resolve) => t.onClose(resolve));
    await s.hardReset('user reset');
    // as unplugging a board closes its port: the old link ends, saying why
    expect((await closed)?.message).toMatch(/restarted \(user reset\)/);
    expect(t.isOpen).toBe(false);
    expect(statuses.at(-1)).toEqual({ state: 'restarted', profile: 'pico', reason: 'user reset' });
    const again = new Reader(await s.open('pico'));
    const out = await again.until('>>> ');
    expect(out).toContain('kept\r\n');
    expect(statuses.at(-1)).toEqual({ state: 'running', profile: 'pico' });
  });

  it('a wedged worker is terminated and restarted, files kept', async () => {
    // A stand-in worker that wedges (busy, no heartbeat) on its first start and echoes afterwards.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mote-wedge-'));
    const wedge = path.join(dir, 'wedge-worker.js');
    fs.writeFileSync(
      wedge,
      `const { parentPort, workerData } = require('node:worker_threads');
       const fs = require('node:fs'); const path = require('node:path');
       fs.mkdirSync(workerData.fsRoot, { recursive: true });
       const marker = path.join(workerData.fsRoot, 'started-once');
       const words = new Int32Array(workerData.sab, 0, 16);
       parentPort.postMessage({ type: 'ready', profile: workerData.profile, pins: [] });
       if (!fs.existsSync(marker)) { fs.writeFileSync(marker, 'x'); Atomics.store(words, ${SabWord.BUSY}, 1); for (;;) {} }
       parentPort.postMessage({ type: 'output', data: new TextEncoder().encode('second life\\r\\n') });`,
    );
    const { s, dataDir } = service({ workerFile: wedge, wedgeMs: 600 });
    const statuses: SimulatorStatus[] = [];
    s.onStatus((st) => statuses.push(st));
    const t = await s.open('pico');
    const closed = new Promise<Error | undefined>((resolve) => t.onClose(resolve));
    expect((await closed)?.message).toMatch(/restarted \(not responding/);
    const r = new Reader(await s.open('pico'));
    await r.until('second life', 5000);
    expect(statuses.some((x) => x.state === 'restarted' && /not responding/.test(x.reason))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'boards', 'pico', 'started-once'))).toBe(true);
  });

  it('boots the CircuitPython profile to the press-any-key prompt', async () => {
    const { s, dataDir } = service();
    fs.mkdirSync(path.join(dataDir, 'boards', 'circuitpython-rp2040'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'boards', 'circuitpython-rp2040', 'code.py'), 'print("hi from code.py")\n');
    const t = await s.open('circuitpython-rp2040');
    const r = new Reader(t);
    const out = await r.until('Press any key to enter the REPL. Use CTRL-D to reload.\r\n');
    expect(out).toContain('code.py output:\r\nhi from code.py\r\n');
    await t.write(Buffer.from('\r'));
    await r.until('Adafruit CircuitPython 9.2.1 on 2024-11-20; Adafruit Feather RP2040 (simulated) with rp2040\r\n>>> ');
  });
});

describe('SimulatorService stdin flow', () => {
  it('delivers input larger than the 64 KB ring in order (raw REPL)', async () => {
    const { s } = service();
    const t = await s.open('pico');
    const r = new Reader(t);
    await r.until('>>> ');
    await t.write(Buffer.from('\r\x01'));
    await r.until('raw REPL; CTRL-B to exit\r\n>');
    const lines: string[] = [];
    for (let i = 0; i < 4000; i++) lines.push(`x${i % 50} = ${i} # ${'pad'.repeat(10)}`);
    const code = lines.join('\n') + '\nprint(x49, len("é€"))\n';
    expect(code.length).toBeGreaterThan(150_000);
    await t.write(Buffer.from(code + '\x04', 'utf8'));
    const out = await r.until('\x04>', 20_000);
    expect(out).toBe('OK3999 2\r\n\x04\x04>');
  });
});

describe('SimulatorService CircuitPython drive', () => {
  it('Python writes fail with EROFS while the drive is presented; host writes auto-reload', async () => {
    const { s, dataDir } = service();
    const root = path.join(dataDir, 'boards', 'circuitpython-rp2040');
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(path.join(root, 'code.py'), 'print("v1")\n');
    const t = await s.open('circuitpython-rp2040');
    const r = new Reader(t);
    await r.until('Press any key');
    s.setDrivePresented(true);
    await t.write(Buffer.from('\r'));
    await r.until('>>> ');
    await t.write(Buffer.from("open('x.txt', 'w')\r"));
    expect(await r.until(/>>> $/)).toContain('OSError: [Errno 30] Read-only filesystem');
    await t.write(Buffer.from('\x04'));
    await r.until('Press any key to enter the REPL. Use CTRL-D to reload.\r\n');
    // saved from outside (an editor, the drive view): the folder watcher reports it, no explicit call
    fs.writeFileSync(path.join(root, 'code.py'), 'print("v2")\n');
    const out = await r.until('Press any key to enter the REPL. Use CTRL-D to reload.\r\n', 5000);
    expect(out).toContain('soft reboot\r\n');
    expect(out).toContain('code.py output:\r\nv2\r\n');
  });

  it('the board\'s own writes do not auto-reload it', async () => {
    const { s } = service();
    const t = await s.open('circuitpython-rp2040');
    const r = new Reader(t);
    await r.until('Press any key');
    await t.write(Buffer.from('\r'));
    await r.until('>>> ');
    await t.write(Buffer.from('\x01'));
    await r.until('raw REPL; CTRL-B to exit\r\n>');
    await t.write(Buffer.from("open('code.py', 'w').write('print(3)')\x04"));
    await r.until('\x04>');
    await t.write(Buffer.from('\x02'));
    await r.until('>>> ');
    await new Promise((res) => setTimeout(res, 1200));
    await t.write(Buffer.from('1+1\r'));
    expect(await r.until('>>> ')).toBe('1+1\r\n2\r\n>>> ');
    s.fileChanged('/code.py'); // explicit reports still reload when the REPL is not active...
    await new Promise((res) => setTimeout(res, 1000));
    await t.write(Buffer.from('2+2\r'));
    expect(await r.until('>>> ')).toBe('2+2\r\n4\r\n>>> '); // ...but the REPL suspends auto-reload
  });

  it('a program printing in a tight loop is rate-limited and still stops on Ctrl-C', async () => {
    const { s } = service();
    const t = await s.open('pico');
    const r = new Reader(t);
    await r.until('>>> ');
    let bytes = 0;
    t.onData((d) => (bytes += d.length));
    await t.write(Buffer.from('while True: print("x" * 100)\r\r'));
    await new Promise((res) => setTimeout(res, 1000));
    expect(bytes).toBeGreaterThan(100_000);
    expect(bytes).toBeLessThan(4 * 1024 * 1024);
    await t.write(Uint8Array.of(3));
    await r.until('KeyboardInterrupt: \r\n>>> ', 2000);
  });

  it('machine.Timer callbacks keep running while the REPL is idle', async () => {
    const { s } = service();
    let led = 0;
    s.onState((c) => (led += c.filter((x) => x.kind === 'led').length));
    const t = await s.open('pico');
    const r = new Reader(t);
    await r.until('>>> ');
    await t.write(Buffer.from('from machine import Pin, Timer\rled = Pin("LED", Pin.OUT)\rtim = Timer(period=50, callback=lambda t: led.toggle())\r'));
    await r.until(/toggle\(\)\)\r\n>>> $/);
    led = 0;
    await new Promise((res) => setTimeout(res, 600));
    expect(led).toBeGreaterThanOrEqual(6);
  });
});
