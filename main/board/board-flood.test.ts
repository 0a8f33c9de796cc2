// Reliability under a print flood, on both kinds of board: the simulated pico (worker thread)
// and the real MicroPython REPL (WebAssembly) behind a pty. An unthrottled print loop runs for
// 5 s; Stop ends it; the next Run prints its output. What reaches the window is bounded (lines
// shown, a drop notice) and so is main's memory. Times and rates are printed for the record,
// not asserted (the machine is shared).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BoardTarget } from '../../shared/contracts/board';
import type { EventMap, EventName } from '../../shared/ipc';
import { SerialService } from '../serial/serial-service';
import { SimulatorService } from '../simulator/simulator-service';
import { buildBoardWorker } from '../testing/build-board-worker';
import { PtyBoard } from '../testing/pty-board';
import { BoardManager } from './board-manager';
import { DEFAULT_OUTPUT_LIMITS } from './output-governor';

const FLOOD = 'n = 0\nwhile True:\n    n += 1\n    print(n)\n';
const FLOOD_MS = 5000;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

interface Board {
  name: string;
  target(): Promise<{ target: BoardTarget; simulator: SimulatorService }>;
}

const BOARDS: Board[] = [
  {
    name: 'the simulated pico',
    async target() {
      const simulator = new SimulatorService({ dataDir: mkdtempSync(join(tmpdir(), 'mote-flood-')), workerFile: (await buildBoardWorker()).worker });
      cleanups.push(() => simulator.stop());
      return { target: { kind: 'simulated', profile: 'pico' }, simulator };
    },
  },
  {
    name: 'the MicroPython wasm REPL behind a pty',
    async target() {
      const board = new PtyBoard();
      await board.start();
      cleanups.push(() => board.kill());
      const simulator = new SimulatorService({ dataDir: mkdtempSync(join(tmpdir(), 'mote-flood-')) });
      return { target: { kind: 'serial', path: board.path }, simulator };
    },
  },
];

const until = async (what: string, cond: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe.each(BOARDS)('a print flood on $name', { timeout: 90_000 }, (board) => {
  it('is shown bounded with a drop notice, stops on Stop, and the next Run prints', async () => {
    const { target, simulator } = await board.target();
    const events: Array<{ event: EventName; payload: unknown; at: number }> = [];
    const manager = new BoardManager({
      serial: new SerialService({ lister: async () => [] }),
      simulator,
      drives: null,
      resolveLocal: async (p) => p,
      emit: (event, payload) => events.push({ event, payload, at: performance.now() }),
      log: { warn: () => undefined, error: () => undefined },
    });
    cleanups.push(() => manager.dispose());
    const of = <K extends EventName>(event: K) => events.filter((e) => e.event === event) as Array<{ event: K; payload: EventMap[K]; at: number }>;
    await manager.connect(target);

    // main's event loop stays responsive throughout (measured, reported)
    let maxLag = 0;
    let last = performance.now();
    const lagProbe = setInterval(() => {
      const now = performance.now();
      maxLag = Math.max(maxLag, now - last - 10);
      last = now;
    }, 10);
    cleanups.push(async () => clearInterval(lagProbe));

    const heapBefore = process.memoryUsage().heapUsed;
    const { runId } = await manager.run(FLOOD);
    const started = performance.now();
    let heapPeak = heapBefore;
    while (performance.now() - started < FLOOD_MS) {
      await new Promise((r) => setTimeout(r, 250));
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    expect(manager.getState().connection).toBe('running');

    const stopAt = performance.now();
    await manager.stop();
    const stopAnswered = performance.now() - stopAt;
    await until('the run to end', () => of('board:run-ended').some((e) => e.payload.runId === runId));
    const ended = of('board:run-ended').find((e) => e.payload.runId === runId)!;
    expect(ended.payload.status).toBe('interrupted');
    expect(manager.getState().connection).toBe('connected');

    const output = of('board:run-output').filter((e) => e.payload.runId === runId);
    const text = output.map((e) => e.payload.text).join('');
    const shownLines = text.split('\n').length - 1;
    const dropped = of('board:output-dropped').filter((e) => e.payload.runId === runId);
    const droppedLines = dropped.reduce((n, e) => n + e.payload.lines, 0);
    const seconds = (ended.at - started) / 1000;
    // bounded: the burst plus the sustained rate for as long as it ran, and told about the rest
    expect(shownLines).toBeLessThanOrEqual(DEFAULT_OUTPUT_LIMITS.burstLines + DEFAULT_OUTPUT_LIMITS.linesPerSecond * seconds + 10);
    expect(droppedLines).toBeGreaterThan(shownLines);
    // a notice about once a second while it lasted, not one per chunk
    expect(dropped.length).toBeLessThanOrEqual(Math.ceil(seconds) + 2);
    // events to the window: a few dozen a second at most
    expect(output.length).toBeLessThanOrEqual((seconds * 1000) / DEFAULT_OUTPUT_LIMITS.flushMs + 10);
    // each shown line is whole: a number, in increasing order
    const numbers = text.split('\r\n').filter((l) => /^\d+$/.test(l)).map(Number);
    expect(numbers.length).toBeGreaterThan(100);
    expect(numbers.every((v, i) => i === 0 || v > numbers[i - 1])).toBe(true);
    // main kept none of the flood
    expect(heapPeak - heapBefore).toBeLessThan(64 * 1024 * 1024);

    // the next Run prints its output
    const second = await manager.run('print("after the flood")\n');
    await until('the second run to end', () => of('board:run-ended').some((e) => e.payload.runId === second.runId));
    expect(of('board:run-ended').find((e) => e.payload.runId === second.runId)!.payload.status).toBe('ok');
    expect(of('board:run-output').filter((e) => e.payload.runId === second.runId).map((e) => e.payload.text).join('')).toBe('after the flood\r\n');

    console.log(
      `${board.name}: Stop answered in ${stopAnswered.toFixed(0)} ms, run ended ${(ended.at - stopAt).toFixed(0)} ms after Stop; ` +
        `${(shownLines / seconds).toFixed(0)} lines/s shown, ${droppedLines + shownLines} printed (${((droppedLines + shownLines) / seconds).toFixed(0)}/s), ` +
        `${output.length} output events, ${dropped.length} drop notices; main heap +${((heapPeak - heapBefore) / 1048576).toFixed(1)} MiB peak, ` +
        `main event loop max lag ${maxLag.toFixed(0)} ms`,
    );
  });
});

describe('a program that catches KeyboardInterrupt on the MicroPython wasm REPL behind a pty', { timeout: 90_000 }, () => {
  it('the second Stop says the board needs its reset button (Mote cannot restart a serial board mid-program)', async () => {
    const board = new PtyBoard();
    await board.start();
    cleanups.push(() => board.kill());
    const notices: string[] = [];
    const manager = new BoardManager({
      serial: new SerialService({ lister: async () => [] }),
      simulator: new SimulatorService({ dataDir: mkdtempSync(join(tmpdir(), 'mote-flood-')) }),
      drives: null,
      resolveLocal: async (p) => p,
      emit: (event, payload) => event === 'app:notice' && notices.push((payload as EventMap['app:notice']).message),
      log: { warn: () => undefined, error: () => undefined },
    });
    cleanups.push(() => manager.dispose());
    await manager.connect({ kind: 'serial', path: board.path });
    await manager.run('import time\nwhile True:\n    try:\n        while True:\n            time.sleep_ms(10)\n    except KeyboardInterrupt:\n        print("caught")\n');
    await new Promise((r) => setTimeout(r, 500));
    await manager.stop();
    await new Promise((r) => setTimeout(r, 700));
    expect(manager.getState().connection).toBe('running');
    await manager.stop();
    expect(notices).toEqual([expect.stringMatching(/keeps running after Stop.*reset button, or unplug it/)]);
    expect(manager.getState().connection).toBe('running');
  });
});

