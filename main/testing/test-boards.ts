// The two boards every board-link test runs against, both behind a real pty: the real
// MicroPython REPL (WebAssembly) and the simulated board (out/vm/cli.js in a temp build).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBoardWorker } from './build-board-worker';
import { PtyBoard } from './pty-board';

export interface TestBoardKind {
  name: string;
  /** Creates (not starts) a board; `busy` is a program already running when Mote connects. */
  make(options?: { busy?: string }): Promise<PtyBoard>;
}

export const TEST_BOARDS: TestBoardKind[] = [
  {
    name: 'the MicroPython wasm REPL',
    make: async (options = {}) => new PtyBoard({ args: options.busy ? ['--busy', options.busy] : [] }),
  },
  {
    name: 'the simulated pico',
    make: async (options = {}) => {
      const { cli } = await buildBoardWorker();
      const board = new PtyBoard({ kind: 'simulated', profile: 'pico', cliPath: cli });
      if (options.busy) {
        // a main.py that runs from power-on, as on a real board
        mkdirSync(board.fsDir, { recursive: true });
        writeFileSync(join(board.fsDir, 'main.py'), options.busy);
      }
      return board;
    },
  },
];
