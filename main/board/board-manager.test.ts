// BoardManager against the real simulated board (worker built from source): the events the IDE
// sees for connect, terminal, run, stop and files, and the errors it gets without a board.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMap, EventName } from '../../shared/ipc';
import { SerialService } from '../serial/serial-service';
import { SimulatorService } from '../simulator/simulator-service';
import { buildBoardWorker } from '../testing/build-board-worker';
import { BoardManager } from './board-manager';

const dataDir = mkdtempSync(join(tmpdir(), 'mote-manager-'));
const local = mkdtempSync(join(tmpdir(), 'mote-manager-local-'));
const events: Array<{ event: EventName; payload: unknown }> = [];
let simulator: SimulatorService;
let manager: BoardManager;

function emitted<K extends EventName>(event: K): Array<EventMap[K]> {
  return events.filter((e) => e.event === event).map((e) => e.payload as EventMap[K]);
}

async function until<T>(check: () => T | undefined | false, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  simulator = new SimulatorService({ dataDir, workerFile: (await buildBoardWorker()).worker });
  manager = new BoardManager({
    serial: new SerialService({ lister: async () => [] }),
    simulator,
    drives: null,
    resolveLocal: async (p) => join(local, p),
    emit: (event, payload) => events.push({ event, payload }),
    log: { warn: () => undefined, error: () => undefined },
  });
}, 60_000);

afterAll(async () => {
  await manager.dispose();
  await simulator.stop();
});

describe('BoardManager on the simulated pico', () => {
  it('refuses board work before a board is connected, with a next step', async () => {
    await expect(manager.run('print(1)')).rejects.toMatchObject({ code: 'not-connected', message: expect.stringMatching(/Pick one/) });
    await expect(manager.list('/')).rejects.toMatchObject({ code: 'not-connected' });
  });

  it('refuses an unknown simulated profile', async () => {
    await expect(manager.connect({ kind: 'simulated', profile: 'arduino-uno' })).rejects.toMatchObject({ code: 'not-found' });
    expect(manager.getState().connection).toBe('disconnected');
  });

  it('connects, reports the board, and shows its banner and prompt in the terminal', async () => {
    const info = await manager.connect({ kind: 'simulated', profile: 'pico' });
    expect(info).toMatchObject({ name: 'Raspberry Pi Pico (simulated)', flavour: 'micropython', version: '1.24.1' });
    expect(manager.getState().connection).toBe('connected');
    expect(emitted('board:state').map((s) => s.connection)).toEqual(expect.arrayContaining(['connecting', 'connected']));
    const terminal = emitted('board:terminal-data').map((d) => d.data).join('');
    expect(terminal).toMatch(/MicroPython v1\.24\.1[^\r\n]*Raspberry Pi Pico \(simulated\)/);
    expect(terminal).toMatch(/>>> $/);
  });

  it('answers keys typed in the terminal', async () => {
    events.length = 0;
    await manager.terminalWrite('6*7\r');
    await until(() => /42\r\n>>> /.test(emitted('board:terminal-data').map((d) => d.data).join('')), 'the REPL answer');
  });

  it('runs a program: stdout and stderr separately, then the end', async () => {
    events.length = 0;
    const { runId } = await manager.run('print("hi")\nprint(1/0)\n');
    const ended = await until(() => emitted('board:run-ended').find((e) => e.runId === runId), 'the run to end');
    expect(ended).toMatchObject({ status: 'error', message: 'ZeroDivisionError: divide by zero' });
    const out = (stream: string) => emitted('board:run-output').filter((o) => o.runId === runId && o.stream === stream).map((o) => o.text).join('');
    expect(out('stdout')).toBe('hi\r\n');
    expect(out('stderr')).toMatch(/Traceback \(most recent call last\):\r\n {2}File "<stdin>", line 2, in <module>\r\nZeroDivisionError: divide by zero/);
    expect(manager.getState().connection).toBe('connected');
  });

  it('stops a runaway program, even when Stop comes straight after Run', async () => {
    events.length = 0;
    const { runId } = await manager.run('while True:\n    pass\n');
    await manager.stop();
    const ended = await until(() => emitted('board:run-ended').find((e) => e.runId === runId), 'the stopped run');
    expect(ended.status).toBe('interrupted');
    await expect(manager.run('print(2)')).resolves.toMatchObject({ runId: expect.any(String) });
    await until(() => emitted('board:run-ended').length === 2, 'the next run');
  });

  it('refuses a second run while one is running', async () => {
    events.length = 0;
    const { runId } = await manager.run('import time\ntime.sleep(30)\n');
    await expect(manager.run('print(3)')).rejects.toMatchObject({ code: 'board-busy' });
    await manager.stop();
    await until(() => emitted('board:run-ended').find((e) => e.runId === runId), 'the sleep to stop');
  });

  it('writes, lists, reads, renames and removes board files', async () => {
    events.length = 0;
    await manager.mkdir('/lib');
    await manager.writeText('/lib/hello.py', 'print("héllo")\n');
    expect(await manager.readText('/lib/hello.py')).toBe('print("héllo")\n');
    expect(await manager.list('/', true)).toEqual(expect.arrayContaining([{ path: '/lib', name: 'lib', kind: 'dir', size: 0 }, { path: '/lib/hello.py', name: 'hello.py', kind: 'file', size: 16 }]));
    await manager.rename('/lib/hello.py', '/lib/greet.py');
    await expect(manager.readText('/lib/hello.py')).rejects.toMatchObject({ code: 'not-found' });
    await manager.remove('/lib', true);
    expect((await manager.list('/')).some((e) => e.name === 'lib')).toBe(false);
    expect(emitted('board-fs:changed').length).toBeGreaterThanOrEqual(4);
  });

  it('uploads and downloads binary files with progress', async () => {
    events.length = 0;
    const data = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 256));
    writeFileSync(join(local, 'blob.bin'), data);
    await manager.upload('blob.bin', '/blob.bin', 'up-1');
    await manager.download('/blob.bin', 'copy.bin', 'down-1');
    expect(readFileSync(join(local, 'copy.bin')).equals(data)).toBe(true);
    const progress = emitted('board-fs:progress');
    expect(progress.filter((p) => p.opId === 'up-1').at(-1)).toMatchObject({ done: 20_000, total: 20_000 });
    expect(progress.filter((p) => p.opId === 'down-1').at(-1)).toMatchObject({ done: 20_000, total: 20_000 });
    await expect(manager.upload('missing.bin', '/x.bin', 'up-2')).rejects.toMatchObject({ code: 'not-found' });
    // a binary file never opens as editable text (saving it back would corrupt it)
    await expect(manager.readText('/blob.bin')).rejects.toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/^\/blob\.bin is not a text file \(20,000 bytes/) });
  });

  it('a looping main.py started by Reset shows the board running, and Stop ends it, every time', async () => {
    await manager.writeText('/main.py', 'import time\nwhile True:\n    time.sleep_ms(5)\n');
    // (a simulated board restarted from the panel is reconnected, which interrupts main.py as connecting does)
    for (const restart of [() => manager.reset('soft'), () => manager.reset('soft')]) {
      events.length = 0;
      await restart();
      await until(() => manager.getState().connection === 'running', 'the board to run main.py');
      await manager.stop();
      await until(() => manager.getState().connection === 'connected', 'main.py to stop');
      const terminal = emitted('board:terminal-data').map((d) => d.data).join('');
      expect(terminal).toMatch(/KeyboardInterrupt/);
      expect(terminal).toMatch(/>>> $/);
    }
    // an IDE operation interrupts main.py too, and the board is then idle at its prompt
    events.length = 0;
    await manager.reset('soft');
    await until(() => manager.getState().connection === 'running', 'main.py again');
    await manager.remove('/main.py');
    expect(manager.getState().connection).toBe('connected');
    expect(emitted('board:state').filter((s) => s.connection === 'running')).toHaveLength(1);
  });

  it('disconnects cleanly', async () => {
    await manager.disconnect();
    expect(manager.getState().connection).toBe('disconnected');
    await expect(manager.readText('/main.py')).rejects.toMatchObject({ code: 'not-connected' });
  });
});
