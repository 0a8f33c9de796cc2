// Starts the built web host (out/main/web-host.js) on a free loopback port with the given data
// folder, for the benchmarks that measure Mote in Chromium; resolves with its URL and process.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function startHost(dataDir) {
  const child = spawn(process.execPath, [join(root, 'out/main/web-host.js'), '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('web host did not start in 20 s')), 20_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    });
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}`)));
  });
}
