// Runs MicroPython's own test suites (from a checkout or snapshot of micropython/micropython,
// never committed here) on Mote's VM (`node out/vm/cli.js`) and on the reference, compares the
// outputs and prints pass counts per suite.
//
// Reference: the real MicroPython WebAssembly build (devDependency). For extmod/asyncio_* it is
// what upstream's run-tests.py expects of a board (the test's .exp, else CPython's output), since
// the WebAssembly port's asyncio is a JavaScript event-loop variant no board has and its sleeps
// busy-wait. A test counts only if the reference runs it (no SKIP, no timeout, not in the
// WebAssembly port's own skip list).
//
// Usage: npm run build; [MOTE_CLI=other/cli.js] node scripts/upstream-tests.mjs SNAPSHOT [--suite NAME] [--filter S] [--verbose] [--jobs N]
//   suites: core (basics, float, micropython), extmod, asyncio. Reference outputs are cached in
//   $TMPDIR/mote-upstream-ref (keyed by the test's source), so only the first run is slow.
import { readFileSync, writeFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Tests that need a network, hardware, threads, a unix-only VfsPosix, or that the
// WebAssembly port itself cannot run faithfully (its run-tests.py skip list).
const EXCLUDED = /^(socket|ssl|websocket|network|machine|select_poll_(udp|eintr)|vfs_posix|vfs_userfs|time_res|re_stack_overflow|deflate_compress_memory_error|thread|ssl_|tls_|espnow|bluetooth|btree|nimble|usb|lwip|cyw43|webrepl|asyncio_.*(tcp|stream|ssl|sock|thread))/;
const WASM_SKIPS = new Set(['basics/string_format_modulo.py', 'basics/string_strip.py', 'basics/weakref_callback_exception.py', 'basics/weakref_ref_collect.py', 'basics/weakref_finalize_collect.py', 'micropython/emg_exc.py', 'micropython/extreme_exc.py', 'micropython/heapalloc_exc_compressed_emg_exc.py']);

/** Runs `src` in a fresh MicroPython-wasm with `files` (path → text) on its filesystem. */
async function runReference({ src, files, cwd, prepend }) {
  const { loadMicroPython } = await import('@micropython/micropython-webassembly-pyscript/micropython.mjs');
  let out = '';
  const dec = new TextDecoder();
  const mp = await loadMicroPython({ stdout: (s) => { out += typeof s === 'string' ? s : dec.decode(s, { stream: true }); }, stderr: () => {}, linebuffer: false, heapsize: 16 * 1024 * 1024 });
  for (const [p, text] of Object.entries(files)) {
    const parts = p.split('/').filter(Boolean);
    let d = '';
    for (const part of parts.slice(0, -1)) { d += '/' + part; try { mp.FS.mkdir(d); } catch { /* exists */ } }
    mp.FS.writeFile(p, text);
  }
  try {
    mp.runPython(`import os, sys\nos.chdir(${JSON.stringify(cwd)})\n${prepend}`);
    mp.runPython(src);
  } catch (e) {
    if (e && e.name === 'PythonError') { if (e.type !== 'SystemExit') out += e.message; } else out += 'JS error: ' + String(e) + '\n';
  }
  return out.replace(/\r\n/g, '\n');
}


function referenceInWorker(job, ms) {
  return new Promise((resolve) => {
    const w = new Worker(fileURLToPath(import.meta.url), { workerData: job });
    const timer = setTimeout(() => { void w.terminate(); resolve(null); }, ms);
    w.once('message', (out) => { clearTimeout(timer); void w.terminate(); resolve(out); });
    w.once('error', (e) => { clearTimeout(timer); resolve('JS error: ' + String(e) + '\n'); });
  });
}

function runCPython(file) { return runProcess('python3', [basename(file)], dirname(file), 30000); }
// MOTE_CLI: another build of vm/host/cli.ts (e.g. one made before a change, for before/after counts).
const moteCli = process.env.MOTE_CLI ?? join(root, 'out/vm/cli.js');
function runMote(file, ms) { return runProcess(process.execPath, [moteCli, basename(file)], dirname(file), ms); }

function runProcess(exe, argv, cwd, ms) {
  return new Promise((resolve) => {
    const child = spawn(exe, argv, { cwd });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); out += '\n<timeout>\n'; }, ms);
    child.on('close', () => { clearTimeout(timer); resolve(out.replace(/\r\n/g, '\n')); });
  });
}

function listTests(snap, suite) {
  const t = join(snap, 'tests');
  const inDir = (d) => readdirSync(join(t, d)).filter((n) => n.endsWith('.py')).sort().map((n) => `${d}/${n}`);
  if (suite === 'core') return [...inDir('basics'), ...inDir('float'), ...inDir('micropython')];
  const ext = inDir('extmod').filter((p) => !EXCLUDED.test(basename(p)));
  return suite === 'asyncio' ? ext.filter((p) => basename(p).startsWith('asyncio_')) : ext.filter((p) => !basename(p).startsWith('asyncio_'));
}

/** Files a test may import: .py siblings whose module name appears in its source. */
function siblingFiles(snap, rel, src) {
  const dir = join(snap, 'tests', dirname(rel));
  const files = {};
  for (const n of readdirSync(dir)) {
    if (n.endsWith('.py') && n !== basename(rel) && src.includes(n.slice(0, -3))) files[`/t/${n}`] = readFileSync(join(dir, n), 'utf8');
  }
  return files;
}

async function reference(snap, suite, rel, cacheDir) {
  const src = readFileSync(join(snap, 'tests', rel), 'utf8');
  const key = createHash('sha256').update(suite + '\0' + rel + '\0' + src).digest('hex').slice(0, 24);
  const cached = join(cacheDir, key + '.json');
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')).out;
  let out;
  if (suite === 'asyncio') {
    const exp = join(snap, 'tests', rel + '.exp');
    out = existsSync(exp) ? readFileSync(exp, 'utf8') : await runCPython(join(snap, 'tests', rel));
  } else {
    const files = { '/t/.keep': '', ...siblingFiles(snap, rel, src) };
    out = await referenceInWorker({ src, files, cwd: '/t', prepend: "sys.path.insert(0, '/t')\n" }, 30000);
  }
  writeFileSync(cached, JSON.stringify({ rel, out }));
  return out;
}

async function pool(items, jobs, fn) {
  let i = 0;
  await Promise.all(Array.from({ length: jobs }, async () => { while (i < items.length) { const k = i++; await fn(items[k], k); } }));
}

async function main() {
  const args = process.argv.slice(2);
  const snap = args[0];
  if (!snap || !existsSync(join(snap, 'tests/basics'))) {
    console.error('usage: node scripts/upstream-tests.mjs SNAPSHOT [--suite core|extmod|asyncio] [--filter S] [--verbose] [--jobs N]\n  SNAPSHOT: a directory holding MicroPython\'s tests/ and extmod/asyncio/');
    process.exit(2);
  }
  const opt = (name, dflt) => { const i = args.indexOf(name); return i > 0 ? args[i + 1] : dflt; };
  const suites = opt('--suite', '') ? [opt('--suite', '')] : ['core', 'extmod', 'asyncio'];
  const filter = opt('--filter', '');
  const jobs = Number(opt('--jobs', '2'));
  const verbose = args.includes('--verbose');
  const cacheDir = join(tmpdir(), 'mote-upstream-ref');
  mkdirSync(cacheDir, { recursive: true });
  const summary = [];
  for (const suite of suites) {
    const tests = listTests(snap, suite).filter((p) => p.includes(filter) && !WASM_SKIPS.has(p));
    let pass = 0; let counted = 0; let skipped = 0; const failed = [];
    await pool(tests, jobs, async (rel) => {
      const ref = await reference(snap, suite, rel, cacheDir);
      // not run by the reference: SKIP, a crash of the WebAssembly build, or native/viper code
      // (that build has no native emitter; a board has, and upstream's runner skips them there)
      if (ref === null || /^SKIP\b/.test(ref) || ref.includes('JS error: ') || ref.includes('SyntaxError: invalid micropython decorator')) { skipped++; return; }
      counted++;
      // the reference runs the test as code, not as a file: its traceback names "<stdin>"
      const ours = (await runMote(join(snap, 'tests', rel), 20000)).replaceAll(`File "${basename(rel)}"`, 'File "<stdin>"');
      if (ours === ref) pass++;
      else {
        failed.push(rel);
        if (verbose) console.log(`--- FAIL ${rel}\n${diff(ref, ours)}`);
      }
    });
    failed.sort();
    console.log(`${suite}: ${pass} of ${counted} pass (${(100 * pass / Math.max(1, counted)).toFixed(1)}%), ${skipped} not run by the reference`);
    if (!verbose) for (const f of failed) console.log(`  fail ${f}`);
    summary.push(`${suite} ${pass}/${counted}`);
  }
  console.log('summary: ' + summary.join(', '));
}

/** First differing lines, enough to see a cause. */
function diff(exp, got) {
  const a = exp.split('\n'); const b = got.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `  line ${i + 1}\n  exp: ${JSON.stringify(a.slice(i, i + 3).join('\n')).slice(0, 300)}\n  got: ${JSON.stringify(b.slice(i, i + 3).join('\n')).slice(0, 300)}`;
  }
  return '';
}

if (!isMainThread) {
  parentPort.postMessage(await runReference(workerData));
} else {
  await main();
}
