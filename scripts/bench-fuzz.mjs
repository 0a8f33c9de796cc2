// VM fuzz at scale (issue 20): tens of thousands of mutants of the in-repo corpus (vm/tests/golden,
// vm/bench, resources/examples) plus, when given, MicroPython's own tests, each run by the VM
// in child processes. Counts host-level failures: a JS error reaching the program or the host,
// a crashed child (node died), or a hang (no answer within HANG_MS). Goal: 0 per 10,000.
// Usage: node scripts/bench-fuzz.mjs [--count N] [--seed S] [--mp-tests DIR]
//   (or MOTE_MP_TESTS=DIR; DIR is a checkout's tests/ folder, read at run time, never copied).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : dflt; };
const COUNT = Number(arg('--count', process.env.FUZZ_COUNT ?? 20000));
const SEED = Number(arg('--seed', process.env.FUZZ_SEED ?? 1));
const MP_TESTS = arg('--mp-tests', process.env.MOTE_MP_TESTS ?? '');
const HANG_MS = 10_000;
const CHILDREN = 2;
const bundle = join(tmpdir(), 'mote-fuzz.cjs');

function pySources(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  const walk = (d) => { for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else if (n.endsWith('.py')) out.push(readFileSync(p, 'utf8')); } };
  walk(dir);
  return out;
}

function corpus() {
  const inRepo = ['vm/tests/golden', 'vm/bench', 'resources/examples'].flatMap((d) => pySources(join(root, d)));
  // MicroPython's tests: the language folders (not the ones that need a port, a network or a board)
  const mp = MP_TESTS ? ['basics', 'micropython', 'float', 'misc', 'extmod', 'stress', 'unicode', 'io', 'import'].flatMap((d) => pySources(join(MP_TESTS, d))) : [];
  return { inRepo, mp, all: [...inRepo, ...mp] };
}

// Child: runs mutants [start, end) and prints one line per program ("R i result ms").
if (process.argv.includes('--child')) {
  const { rng, mutant, classifyFuzz } = require(bundle);
  const { all } = corpus();
  const start = Number(arg('--start')); const end = Number(arg('--end'));
  for (let i = start; i < end; i++) {
    const r = rng(SEED * 1_000_003 + i);
    const src = mutant(all, r);
    const t = performance.now();
    const { result, detail } = classifyFuzz(src);
    const ms = performance.now() - t;
    process.stdout.write(`R ${i} ${result} ${ms.toFixed(1)}\n`);
    if (result === 'host-error') process.stdout.write(`F ${i} ${JSON.stringify({ src, detail })}\n`);
  }
  process.exit(0);
}

const { buildSync } = await import('esbuild');
buildSync({ entryPoints: [join(root, 'vm/tests/fuzz.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error' });
const { inRepo, mp } = corpus();
console.log(`corpus: ${inRepo.length} in-repo programs, ${mp.length} MicroPython tests${MP_TESTS ? '' : ' (none: pass --mp-tests DIR or MOTE_MP_TESTS)'}; ${COUNT} mutants, seed ${SEED}`);

const counts = { ok: 0, 'python-exception': 0, 'syntax-error': 0, aborted: 0, 'host-error': 0, crash: 0, hang: 0 };
const failures = [];
let slowest = { ms: 0, i: -1 };
const t0 = performance.now();

/** Runs [start, end) in children, restarting after a crash or a hang at the next index. */
function runRange(start, end) {
  return new Promise((resolve) => {
    let next = start;
    const launch = () => {
      if (next >= end) { resolve(); return; }
      const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child', '--start', String(next), '--end', String(end), '--seed', String(SEED), ...(MP_TESTS ? ['--mp-tests', MP_TESTS] : [])], { stdio: ['ignore', 'pipe', 'ignore'] });
      let buf = '';
      let timer = setTimeout(onHang, HANG_MS);
      function onHang() { counts.hang++; failures.push({ i: next, kind: 'hang' }); next++; child.kill('SIGKILL'); }
      child.stdout.on('data', (d) => {
        buf += d;
        let nl;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl); buf = buf.slice(nl + 1);
          if (line.startsWith('R ')) {
            const [, i, result, ms] = line.split(' ');
            counts[result]++;
            if (Number(ms) > slowest.ms) slowest = { ms: Number(ms), i: Number(i) };
            next = Number(i) + 1;
            clearTimeout(timer); timer = setTimeout(onHang, HANG_MS);
          } else if (line.startsWith('F ')) failures.push({ i: Number(line.split(' ')[1]), kind: 'host-error', ...JSON.parse(line.slice(line.indexOf(' ', 2) + 1)) });
        }
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (code !== 0 && signal !== 'SIGKILL') { counts.crash++; failures.push({ i: next, kind: `crash (exit ${code ?? signal})` }); next++; }
        launch();
      });
    };
    launch();
  });
}

const per = Math.ceil(COUNT / CHILDREN);
await Promise.all(Array.from({ length: CHILDREN }, (_, k) => runRange(k * per, Math.min(COUNT, (k + 1) * per))));
const secs = (performance.now() - t0) / 1000;
const hostLevel = counts['host-error'] + counts.crash + counts.hang;
console.log(Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', '));
console.log(`host-level failures: ${hostLevel} of ${COUNT} (${(hostLevel / COUNT * 10000).toFixed(1)} per 10,000); ${secs.toFixed(1)} s, ${(COUNT / secs).toFixed(0)} programs/s; slowest mutant #${slowest.i} ${slowest.ms.toFixed(0)} ms`);
if (failures.length) {
  const dir = join(tmpdir(), 'mote-fuzz-failures');
  mkdirSync(dir, { recursive: true });
  for (const f of failures) writeFileSync(join(dir, `seed${SEED}-${f.i}.txt`), `${f.kind}\n${f.src ?? '(regenerate with --seed and this index)'}\n---\n${f.detail ?? ''}`);
  console.log(`failing programs written to ${dir}`);
}
process.exit(hostLevel ? 1 : 0);
