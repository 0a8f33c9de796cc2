// CircuitPython specifics against the simulated CircuitPython board behind a real pty: connecting
// while code.py runs or has finished ("Press any key to enter the REPL"), title escapes, version.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SerialTransport } from '../serial/serial-transport';
import { buildBoardWorker } from '../testing/build-board-worker';
import { PtyBoard } from '../testing/pty-board';
import { BoardFs } from './board-fs';
import { BoardSession } from './board-session';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

async function circuitPython(code: string): Promise<BoardSession> {
  const board = new PtyBoard({ kind: 'simulated', profile: 'circuitpython-rp2040', cliPath: (await buildBoardWorker()).cli });
  mkdirSync(board.fsDir, { recursive: true });
  writeFileSync(join(board.fsDir, 'code.py'), code);
  cleanups.push(() => board.kill());
  await board.start();
  await new Promise((r) => setTimeout(r, 500)); // let code.py start (or finish) before we connect
  const session = await BoardSession.connect(await SerialTransport.open(board.path));
  cleanups.push(() => session.close());
  return session;
}

describe('CircuitPython over a pty (simulated board)', { timeout: 60_000 }, () => {
  it('connects after code.py finished (press-any-key state) and identifies CircuitPython', async () => {
    const session = await circuitPython('print("done")\n');
    expect(session.identity.flavour).toBe('circuitpython');
    expect(session.identity.version).toMatch(/^\d+\.\d+\.\d+/);
    expect((await session.exec('print(1+1)', 'checking')).toString()).toBe('2\r\n');
  });

  it('connects while code.py loops, and file operations work', async () => {
    const session = await circuitPython('import time\nwhile True:\n    print("tick")\n    time.sleep(0.01)\n');
    expect(session.identity.flavour).toBe('circuitpython');
    const fs = new BoardFs(session);
    const names = (await fs.list('/')).map((e) => e.name);
    expect(names).toContain('code.py');
    expect(await fs.readText('/code.py')).toContain('tick');
  });
});
