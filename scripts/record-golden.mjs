// Records expected outputs for the VM's golden tests from the real MicroPython (WebAssembly
// build): every vm/tests/golden/**/*.py runs in a fresh MicroPython and its stdout plus the
// traceback of an uncaught exception is written to the .exp file beside it.
// Files whose first line contains "# golden: manual" keep their hand-written .exp.
// Usage: node scripts/record-golden.mjs [substring-filter]
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const filter = process.argv[2] ?? '';
  let n = 0;
  for (const file of walk(goldenDir)) {
    if (!file.includes(filter)) continue;
    const src = readFileSync(file, 'utf8');
    if (/^#.*golden: manual/.test(src)) continue;
    writeFileSync(file.replace(/\.py$/, '.exp'), await runMicroPython(src));
    n++;
  }
  console.log(`recorded ${n} golden files`);
}
