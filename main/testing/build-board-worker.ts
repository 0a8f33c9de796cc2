// Test support: bundles the simulated-board worker (and the board CLI) with esbuild into a
// temporary folder, as scripts/build.mjs does for out/vm/, so tests need no prior build.

import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
let built: Promise<{ worker: string; cli: string }> | null = null;

export function buildBoardWorker(): Promise<{ worker: string; cli: string }> {
  built ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mote-worker-'));
    const common = { bundle: true, platform: 'node' as const, format: 'cjs' as const, target: 'node20', logLevel: 'error' as const, absWorkingDir: root };
    await build({ ...common, entryPoints: ['vm/host/worker.ts'], outfile: path.join(dir, 'worker.js') });
    await build({ ...common, entryPoints: ['vm/host/cli.ts'], outfile: path.join(dir, 'cli.js') });
    return { worker: path.join(dir, 'worker.js'), cli: path.join(dir, 'cli.js') };
  })();
  return built;
}
