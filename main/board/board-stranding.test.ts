// Runs that used to strand the simulated board, through BoardManager as the IDE drives it:
// each must end, be reported in words a student understands, and leave Stop and Run working.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName } from '../../shared/ipc';
import { SerialService } from '../serial/serial-service';
import { SimulatorService, type SimulatorServiceOptions } from '../simulator/simulator-service';
import { buildBoardWorker } from '../testing/build-board-worker';
import { BoardManager } from './board-manager';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

const until = async (what: string, cond: () => boolean, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

async function simulatedPico(options: Partial<SimulatorServiceOptions> = {}) {
  const simulator = new SimulatorService({ dataDir: mkdtempSync(join(tmpdir(), 'mote-strand-')), workerFile: (await buildBoardWorker()).worker, ...options });
  cleanups.push(() => simulator.stop());
  const events: Array<{ event: EventName; payload: unknown }> = [];
  const manager = new BoardManager({
    serial: new SerialService({ lister: async () => [] }),
    simulator,
    drives: null,
    resolveLocal: async (p) => p,
    emit: (event, payload) => events.push({ event, payload }),
    log: { warn: () => undefined, error: () => undefined },
  });
  cleanups.push(() => manager.dispose());
  await manager.connect({ kind: 'simulated', profile: 'pico' });
  const of = <K extends EventName>(event: K) => events.filter((e) => e.event === event).map((e) => e.payload as EventMap[K]);
  const ended = (runId: string) => of('board:run-ended').find((e) => e.runId === runId);
  /** Runs `source` to its end and returns its end event and stdout. */
  const runToEnd = async (source: string) => {
    const { runId } = await manager.run(source);
    await until(`the end of ${JSON.stringify(source.slice(0, 30))}`, () => !!ended(runId));
    const stdout = of('board:run-output').filter((e) => e.runId === runId && e.stream === 'stdout').map((e) => e.text).join('');
    return { ...ended(runId)!, stdout };
  };
  return { simulator, manager, events, of, ended, runToEnd };
}

describe('runs that used to strand the simulated board', { timeout: 90_000 }, () => {
  it('a program that grows memory until the worker dies ends the run, says so, and the board runs the next program', async () => {
    const { manager, of, runToEnd } = await simulatedPico({ workerHeapMb: 48 });
    // Lists count against the Pico's 233 KB heap and end in MemoryError (vm/runtime/heap.ts);
    // a set of tuples is outside that model, so it still grows until the worker itself dies.
    const end = await runToEnd('s = set()\ni = 0\nwhile True:\n    s.add((i,) * 1000)\n    i += 1\n');
    expect(end.status).toBe('lost');
    expect(end.message).toMatch(/ran out of memory and was restarted/);
    expect(of('app:notice').map((n) => n.message).join('\n')).toMatch(/ran out of memory/);
    // the board is back by itself, and runs programs again
    await until('the board to be connected again', () => manager.getState().connection === 'connected');
    const next = await runToEnd('print("still here")\n');
    expect(next).toMatchObject({ status: 'ok', stdout: 'still here\r\n' });
  });

  it('a program that catches KeyboardInterrupt in a loop: the second Stop offers a restart, the third does it', async () => {
    const { manager, of, ended, runToEnd } = await simulatedPico();
    const source = 'import time\nprint("start")\nwhile True:\n    try:\n        time.sleep_ms(10)\n    except KeyboardInterrupt:\n        print("caught")\n';
    const { runId } = await manager.run(source);
    await until('the program to start', () => of('board:run-output').some((e) => e.runId === runId && e.text.includes('start')));
    await manager.stop();
    await until('the first interrupt to be caught', () => of('board:run-output').some((e) => e.runId === runId && e.text.includes('caught')));
    expect(ended(runId)).toBeUndefined();
    // a double click counts once
    await manager.stop();
    expect(of('app:notice')).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 600));
    await manager.stop();
    expect(of('app:notice').map((n) => n.message)).toEqual([expect.stringMatching(/keeps running after Stop.*Press Stop once more to restart the board/)]);
    expect(ended(runId)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 600));
    await manager.stop();
    expect(ended(runId)).toMatchObject({ status: 'interrupted', message: expect.stringMatching(/did not stop, so the board was restarted/) });
    await until('the board to be connected again', () => manager.getState().connection === 'connected');
    expect(await runToEnd('print("fresh")\n')).toMatchObject({ status: 'ok', stdout: 'fresh\r\n' });
  });

  it('"Unplug and plug back in" during a print flood ends the run and the board comes back', async () => {
    const { manager, simulator, of, ended, runToEnd } = await simulatedPico();
    const { runId } = await manager.run('n = 0\nwhile True:\n    n += 1\n    print(n)\n');
    await until('the flood', () => of('board:output-dropped').length > 0);
    await simulator.hardReset('unplugged from the Board panel');
    await until('the run to end', () => !!ended(runId));
    expect(ended(runId)).toMatchObject({ status: 'lost', message: expect.stringMatching(/restarted \(unplugged from the Board panel\)/) });
    await until('the board to be connected again', () => manager.getState().connection === 'connected');
    expect(await runToEnd('print(6 * 7)\n')).toMatchObject({ status: 'ok', stdout: '42\r\n' });
  });

  it('Reset during a print flood stops the program and soft-resets the board', async () => {
    const { manager, of, ended, runToEnd } = await simulatedPico();
    const { runId } = await manager.run('n = 0\nwhile True:\n    n += 1\n    print(n)\n');
    await until('the flood', () => of('board:output-dropped').length > 0);
    await manager.reset('soft');
    expect(ended(runId)).toMatchObject({ status: 'interrupted' });
    await until('the soft reboot', () => of('board:terminal-data').some((e) => /soft reboot/.test(e.data)));
    expect(await runToEnd('print("after reset")\n')).toMatchObject({ status: 'ok', stdout: 'after reset\r\n' });
  });

  it('Reset while a program ignores Stop restarts the simulated board instead of waiting for ever', async () => {
    const { manager, of, ended, runToEnd } = await simulatedPico();
    const source = 'while True:\n    try:\n        while True:\n            pass\n    except KeyboardInterrupt:\n        print("caught")\n';
    const { runId } = await manager.run(source);
    await new Promise((r) => setTimeout(r, 200));
    await manager.reset('soft');
    expect(ended(runId)).toMatchObject({ status: 'interrupted', message: expect.stringMatching(/did not stop, so the board was restarted/) });
    expect(of('board:run-output').some((e) => e.runId === runId && e.text.includes('caught'))).toBe(true);
    await until('the board to be connected again', () => manager.getState().connection === 'connected');
    expect(await runToEnd('print("back")\n')).toMatchObject({ status: 'ok', stdout: 'back\r\n' });
  });

  it.each([
    ['prints', 'print("tick")'],
    ['raises', '1/0'],
  ])('a 10 ms machine.Timer whose callback %s leaves later runs, Stop and soft reset working', async (_what, body) => {
    const { manager, of, ended, runToEnd } = await simulatedPico();
    const timer = await runToEnd(`from machine import Timer\ndef cb(t):\n    ${body}\ntim = Timer(period=10, callback=cb)\n`);
    expect(timer.status).toBe('ok');
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 3; i++) expect(await runToEnd(`print("run", ${i})\n`)).toMatchObject({ status: 'ok', stdout: expect.stringContaining(`run ${i}\r\n`) });
    const { runId } = await manager.run('while True:\n    pass\n');
    await new Promise((r) => setTimeout(r, 200));
    await manager.stop();
    await until('the loop to stop', () => !!ended(runId));
    expect(ended(runId)!.status).toBe('interrupted');
    await manager.reset('soft');
    await until('the soft reboot', () => of('board:terminal-data').some((e) => /soft reboot/.test(e.data)));
    expect(await runToEnd('print("after")\n')).toMatchObject({ status: 'ok', stdout: 'after\r\n' });
  });

  it('a catastrophic re call ends (V8 falls back to its linear engine), and re still gives spans', async () => {
    const { runToEnd } = await simulatedPico();
    const source = 'import re\nprint(re.match("(a+)+b", "a" * 40))\nm = re.search("(b+)(c)", "aabbbcd")\nprint(m.span(), m.span(1), m.start(2), m.end(0))\n';
    expect(await runToEnd(source)).toMatchObject({ status: 'ok', stdout: 'None\r\n(2, 6) (2, 5) 5 6\r\n' });
  });

  it('a pattern that looks like it needs a backreference ends too: MicroPython\'s re has none (\\1 is a literal 1)', async () => {
    const { runToEnd } = await simulatedPico();
    // On a board re1.5 backtracks through this for a very long time; Mote's linear engine
    // answers at once, with the same result the board eventually gives.
    const source = 'import re\nprint(re.match(r"(a+)+\\1b", "a" * 40))\nprint(re.match(r"(a+)+\\1b", "aaa1b") is not None)\n';
    expect(await runToEnd(source)).toMatchObject({ status: 'ok', stdout: 'None\r\nTrue\r\n' });
  });
});
