// Records expected outputs for the VM's golden tests from the real MicroPython (WebAssembly
// build): every vm/tests/golden/**/*.py runs in a fresh MicroPython and its stdout plus the
// traceback of an uncaught exception is written to the .exp file beside it.
// Files whose first line contains "# golden: manual" keep their hand-written .exp.
// Usage: node scripts/record-golden.mjs [substring-filter]
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const goldenDir = join(root, 'vm/tests/golden');
const { loadMicroPython } = await import('@micropython/micropython-webassembly-pyscript/micropython.mjs');

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.py')) out.push(p);
  }
  return out;
}

/** Runs one program in a fresh MicroPython; returns stdout + traceback, '\n' line ends. */
export async function runMicroPython(src) {
  let out = '';
  const dec = new TextDecoder();
  const mp = await loadMicroPython({ stdout: (s) => { out += typeof s === 'string' ? s : dec.decode(s, { stream: true }); }, stderr: () => {}, linebuffer: false });
  try { mp.runPython(src); } catch (e) {
    if (e && e.constructor && e.constructor.name === 'PythonError') out += e.message;
    else out += 'JS error: ' + String(e) + '\n';
  }
  return out.replace(/\r\n/g, '\n');
}

/** Runs a program in a worker thread, giving up after `ms` (MicroPython-wasm cannot be interrupted). */
function runWithTimeout(src, ms) {
  return new Promise((resolve) => {
    const w = new Worker(fileURLToPath(import.meta.url), { workerData: src });
    const timer = setTimeout(() => { w.terminate(); resolve(null); }, ms);
    w.once('message', (out) => { clearTimeout(timer); w.terminate(); resolve(out); });
    w.once('error', (e) => { clearTimeout(timer); resolve('JS error: ' + String(e) + '\n'); });
  });
}

if (!isMainThread) {
  parentPort.postMessage(await runMicroPython(workerData));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const filter = process.argv[2] ?? '';
  let n = 0;
  const files = walk(goldenDir).filter((f) => f.includes(filter) && !/^#.*golden: manual/.test(readFileSync(f, 'utf8')));
  // a few at a time; each in its own worker so a program that never ends cannot stall the run
  for (let i = 0; i < files.length; i += 8) {
    await Promise.all(files.slice(i, i + 8).map(async (file) => {
      const out = await runWithTimeout(readFileSync(file, 'utf8'), 20000);
      if (out === null) { console.log(`timeout (not recorded): ${file}`); return; }
      writeFileSync(file.replace(/\.py$/, '.exp'), out);
      n++;
    }));
  }
  console.log(`recorded ${n} golden files`);
}
