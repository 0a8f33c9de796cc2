// The board-link client (BoardSession over RawRepl) driving the simulated board through a
// SimulatedTransport: the same code that drives a serial board.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SimulatorService } from './simulator-service';
import { BoardSession } from '../board/board-session';
import { buildBoardWorker } from '../testing/build-board-worker';

let workerFile = '';
beforeAll(async () => {
  workerFile = (await buildBoardWorker()).worker;
}, 60_000);

let svc: SimulatorService | null = null;
afterEach(async () => {
  await svc?.stop();
});

async function connect(profile: 'pico' | 'circuitpython-rp2040') {
  svc = new SimulatorService({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'mote-sess-')), workerFile });
  return BoardSession.connect(await svc.open(profile));
}

describe('BoardSession on the simulated board', () => {
  it('identifies the pico and runs a program with live output', async () => {
    const session = await connect('pico');
    expect(session.identity).toMatchObject({ flavour: 'micropython', version: '1.24.1', machine: 'Raspberry Pi Pico (simulated) with RP2040', platform: 'rp2' });
    let out = '';
    const r = await session.run('for i in range(3):\n    print(i * i)\n', { onStdout: (d) => (out += d.toString()) });
    expect(r).toEqual({ status: 'ok' });
    expect(out).toBe('0\r\n1\r\n4\r\n');
    const err = await session.run('1/0\n');
    expect(err).toEqual({ status: 'error', message: 'ZeroDivisionError: divide by zero' });
    await session.close();
  });

  it('stops a runaway program', async () => {
    const session = await connect('pico');
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const r = await session.run('while True:\n    pass\n', { signal: ac.signal });
    expect(r.status).toBe('interrupted');
    expect((await session.run('print("after")\n')).status).toBe('ok');
    await session.close();
  });

  it('identifies the CircuitPython board', async () => {
    const session = await connect('circuitpython-rp2040');
    expect(session.identity).toMatchObject({ flavour: 'circuitpython', version: '9.2.1' });
    let out = '';
    expect(await session.run('import board\nprint(board.board_id)\n', { onStdout: (d) => (out += d.toString()) })).toEqual({ status: 'ok' });
    expect(out).toBe('adafruit_feather_rp2040\r\n');
    await session.close();
  });
});
