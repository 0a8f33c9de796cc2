// The simulated kit's cost: a program toggling a pin as fast as it can, on a simulated Pico
// whose state changes are published (coalesced to ~60 per second per pin) as they are for the
// Board panel, against the same board with publication switched off. Prints toggles per second,
// the slowdown, and how many state changes reached the host (what would cross IPC).
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'mote-bench-kit-'));
const entry = `
import { BoardHarness } from './vm/board/testing/board-harness';
import { pico } from './vm/board/profiles/pico';
import { makeBoardVm } from './vm/host/board-vm';
export function board(publish) {
  const h = new BoardHarness(pico, makeBoardVm);
  // real time, so coalescing works as on the worker
  const t0 = performance.now();
  h.host.monotonicMs = () => performance.now() - t0;
  h.host.wait = () => undefined;
  if (!publish) h.board.hal.queue = h.board.hal.publishPin = () => undefined;
  h.powerOn();
  h.feed('\\x01');
  return h;
}
`;
await build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'kit.mjs'), logLevel: 'error' });
const { board } = await import(pathToFileURL(join(dir, 'kit.mjs')).href);

const N = 1_000_000;
const program = `from machine import Pin
import time
p = Pin(15, Pin.OUT)
t = time.ticks_us()
for i in range(${N}):
    p.toggle()
print(time.ticks_diff(time.ticks_us(), t))`;

function once(publish) {
  const h = board(publish);
  const start = performance.now();
  const [out, err] = h.exec(program);
  const ms = performance.now() - start;
  if (err) throw new Error(err);
  h.host.poll();
  return { ms, changes: h.host.states.length, out: out.trim() };
}

// alternate the two, best of 3 each (the machine is shared)
const runs = { on: [], off: [] };
for (let i = 0; i < 3; i++) {
  runs.off.push(once(false));
  runs.on.push(once(true));
}
const best = (xs) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
const on = best(runs.on), off = best(runs.off);
console.log(`pin toggles: ${N.toLocaleString()} per run`);
console.log(`  publication off: ${off.ms.toFixed(0)} ms  (${Math.round(N / (off.ms / 1000)).toLocaleString()} toggles/s)`);
console.log(`  publication on:  ${on.ms.toFixed(0)} ms  (${Math.round(N / (on.ms / 1000)).toLocaleString()} toggles/s), ${on.changes} state changes published (${(on.changes / (on.ms / 1000)).toFixed(0)}/s)`);
console.log(`  slowdown from publication: ${((on.ms / off.ms - 1) * 100).toFixed(1)} % (limit 10 %)`);
rmSync(dir, { recursive: true, force: true });
