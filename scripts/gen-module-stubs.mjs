// `node scripts/gen-module-stubs.mjs`: asks the simulated boards themselves which modules and
// names they provide, and writes renderer/editor/module-names.json for editor completion, so
// completion never offers what the board lacks. Bundles the VM's board CLI and worker with
// esbuild into a temp folder, starts one board per flavour, and runs a probe in paste mode.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'renderer/editor/module-names.json');

const MODULES = {
  micropython: ['machine', 'time', 'os', 'math', 'random', 'neopixel', 'rp2', 'micropython', 'gc', 'sys', 'struct', 'json', 're', 'asyncio', 'io', 'array', 'select', 'errno'],
  circuitpython: ['board', 'digitalio', 'analogio', 'pwmio', 'busio', 'microcontroller', 'supervisor', 'storage', 'neopixel', 'time', 'os', 'math', 'random', 'gc', 'sys', 'struct', 'json', 're', 'asyncio', 'io', 'array', 'errno'],
};
const PROFILE = { micropython: 'pico', circuitpython: 'circuitpython-rp2040' };

/** Python that prints {module: {name: kind, …}} between markers; classes get their own names too. */
function probe(modules) {
  return [
    'import json',
    'def _kind(v):',
    '    t = type(v).__name__',
    "    if t == 'type': return 'class'",
    "    if t == 'module': return 'module'",
    "    if t in ('function', 'builtin_function_or_method', 'bound_method', 'closure', 'staticmethod', 'classmethod'): return 'function'",
    "    return 'constant'",
    '_out = {}',
    `for _m in ${JSON.stringify(modules)}:`,
    '    try:',
    "        exec('import ' + _m)",
    '    except ImportError:',
    '        continue',
    '    _mod = globals()[_m]',
    '    _d = {}',
    '    for _n in dir(_mod):',
    "        if _n.startswith('_'): continue",
    '        _v = getattr(_mod, _n)',
    '        _k = _kind(_v)',
    "        if _k == 'class':",
    "            _d[_n] = {'kind': 'class', 'members': [x for x in dir(_v) if not x.startswith('_')]}",
    '        else:',
    "            _d[_n] = {'kind': _k}",
    '    _out[_m] = _d',
    "print('@@' + json.dumps(_out) + '@@')",
  ].join('\r');
}

function ask(cli, profile, modules) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, '--board', profile], { stdio: ['pipe', 'pipe', 'inherit'] });
    let text = '';
    const timer = setTimeout(() => (child.kill(), reject(new Error(`${profile}: no answer in 20 s:\n${text}`))), 20_000);
    child.stdout.on('data', (d) => {
      text += d.toString('utf8');
      const m = /@@(\{.*\})@@/s.exec(text);
      if (m) {
        clearTimeout(timer);
        child.kill();
        resolve(JSON.parse(m[1]));
      }
    });
    // Wait for the prompt, then paste the probe (Ctrl-E … Ctrl-D) so indentation survives.
    setTimeout(() => child.stdin.write(`\x05${probe(modules)}\r\x04`), 800);
  });
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'mote-stubs-'));
  try {
    const common = { bundle: true, platform: 'node', format: 'cjs', logLevel: 'error', absWorkingDir: root };
    await build({ ...common, entryPoints: ['vm/host/cli.ts'], outfile: join(dir, 'cli.js') });
    await build({ ...common, entryPoints: ['vm/host/worker.ts'], outfile: join(dir, 'worker.js') });
    const result = {};
    for (const [flavour, modules] of Object.entries(MODULES)) result[flavour] = await ask(join(dir, 'cli.js'), PROFILE[flavour], modules);
    // Sorted, so the file only changes when the boards change.
    const sorted = (value) =>
      Array.isArray(value) ? [...value].sort() : value && typeof value === 'object' ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted(value[k])])) : value;
    writeFileSync(out, JSON.stringify(sorted(result), null, 1) + '\n');
    for (const [flavour, mods] of Object.entries(result)) console.log(`${flavour}: ${Object.keys(mods).length} modules (${Object.keys(mods).join(', ')})`);
    console.log(`wrote ${out}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
