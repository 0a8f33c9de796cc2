// `npm run bench`: runs every benchmark script in turn. Each prints its own figures and
// ratios against a reference measured in the same run; none asserts on time.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = [
  ['VM vs MicroPython-wasm', 'bench-vm.mjs'],
  ['File transfer vs the mpremote way', 'bench-transfer.mjs'],
  ['IDE start-up in Chromium', 'bench-startup.mjs'],
  ['Plotter under 10,000 lines/s', 'bench-plotter.mjs'],
  ['Simulated kit: a pin toggled as fast as possible', 'bench-kit.mjs'],
  ['VM fuzz: host-level failures per 10,000 mutants', 'bench-fuzz.mjs'],
];
let failed = false;
for (const [title, file] of benches) {
  const script = join(here, file);
  console.log(`\n=== ${title} (${file}) ===`);
  if (!existsSync(script)) {
    console.log(`(missing: ${file})`);
    failed = true;
    continue;
  }
  const result = spawnSync(process.execPath, [script, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
