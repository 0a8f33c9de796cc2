// Saving code.py on the simulated CircuitPython board reloads it as the firmware does on a
// CIRCUITPY drive: the soft-reboot line, "code.py output:", the program's output and
// "Code done running.", with the board shown as running meanwhile.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMap, EventName } from '../../shared/ipc';
import { SerialService } from '../serial/serial-service';
import { SimulatorService } from '../simulator/simulator-service';
import { buildBoardWorker } from '../testing/build-board-worker';
import { BoardManager } from './board-manager';

const events: Array<{ event: EventName; payload: unknown }> = [];
let simulator: SimulatorService;
let manager: BoardManager;

function emitted<K extends EventName>(event: K): Array<EventMap[K]> {
  return events.filter((e) => e.event === event).map((e) => e.payload as EventMap[K]);
}
const terminal = () => emitted('board:terminal-data').map((d) => d.data).join('');

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; terminal:\n${terminal()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  simulator = new SimulatorService({ dataDir: mkdtempSync(join(tmpdir(), 'mote-cp-reload-')), workerFile: (await buildBoardWorker()).worker, watchFiles: false });
  manager = new BoardManager({
    serial: new SerialService({ lister: async () => [] }),
    simulator,
    drives: null,
    resolveLocal: async (p) => p,
    emit: (event, payload) => events.push({ event, payload }),
    log: { warn: () => undefined, error: () => undefined },
  });
  await manager.connect({ kind: 'simulated', profile: 'circuitpython-rp2040' });
}, 60_000);

afterAll(async () => {
  await manager.dispose();
  await simulator.stop();
});

describe('CircuitPython auto-reload on the simulated board', () => {
  it('saving code.py runs it, framed as the firmware frames it', async () => {
    events.length = 0;
    await manager.writeText('/code.py', 'print("reloaded", 6 * 7)\n');
    await until(() => /Code done running\./.test(terminal()), 'code.py to run');
    const text = terminal();
    expect(text).toMatch(/soft reboot\r\n/);
    expect(text).toMatch(/code\.py output:\r\nreloaded 42\r\n/);
    expect(text.indexOf('soft reboot')).toBeLessThan(text.indexOf('code.py output:'));
    await until(() => manager.getState().connection === 'connected', 'the board to be idle');
    // (whether a short code.py shows as 'running' at all depends on how its output is batched; it ends idle)
    expect(emitted('board:state').map((s) => s.connection).at(-1) ?? manager.getState().connection).toBe('connected');
  });

  it('a looping code.py shows the board running, and Stop ends it', async () => {
    events.length = 0;
    await manager.writeText('/code.py', 'import time\nwhile True:\n    time.sleep(0.05)\n');
    await until(() => manager.getState().connection === 'running', 'code.py to start');
    await manager.stop();
    await until(() => manager.getState().connection === 'connected', 'code.py to stop');
    expect(terminal()).toMatch(/KeyboardInterrupt/);
  });
});
