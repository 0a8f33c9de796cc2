// Builds everything runnable into out/: main process, preload, web host, CLIs, VM worker, renderer.
// One esbuild call per target kind; source maps on; fast enough to run before every test.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out');
const watch = process.argv.includes('--watch');

// Native or Electron-provided modules stay outside the bundle.
const nodeExternal = ['electron', 'serialport', '@serialport/*', 'drivelist', 'ws', 'bufferutil', 'utf-8-validate'];

/** Node-side entry points: [source, output file]. */
const nodeEntries = [
  ['main/index.ts', 'main/index.js'],
  ['main/web-host.ts', 'main/web-host.js'],
  ['main/cli.ts', 'main/cli.js'],
  ['vm/host/cli.ts', 'vm/cli.js'],
  ['vm/host/worker.ts', 'vm/worker.js'],
];

function requireSources(entries) {
  const missing = entries.filter(([src]) => !existsSync(join(root, src)));
  if (missing.length) throw new Error(`build: missing entry points: ${missing.map((m) => m[0]).join(', ')}`);
}

async function main() {
  requireSources(nodeEntries);
  rmSync(join(out, 'main'), { recursive: true, force: true });
  rmSync(join(out, 'vm'), { recursive: true, force: true });
  rmSync(join(out, 'renderer'), { recursive: true, force: true });
  const common = { bundle: true, sourcemap: true, logLevel: 'warning', absWorkingDir: root, target: 'es2022' };
  await Promise.all([
    ...nodeEntries.map(([src, dest]) =>
      build({
        ...common,
        entryPoints: [src],
        outfile: join(out, dest),
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: nodeExternal,
        banner: dest.endsWith('cli.js') ? { js: '#!/usr/bin/env node' } : undefined,
      }),
    ),
    // The preload runs sandboxed: one self-contained CommonJS file, only 'electron' external.
    build({ ...common, entryPoints: ['main/preload/preload.ts'], outfile: join(out, 'main/preload.js'), platform: 'node', format: 'cjs', external: ['electron'] }),
    build({
      ...common,
      entryPoints: ['renderer/index.ts'],
      outfile: join(out, 'renderer/app.js'),
      platform: 'browser',
      format: 'esm',
      // Minified: parse time is most of the window's start-up (source maps keep it debuggable).
      minify: true,
      loader: { '.ttf': 'file', '.woff2': 'file' },
    }),
  ]);
  mkdirSync(join(out, 'renderer'), { recursive: true });
  cpSync(join(root, 'renderer/index.html'), join(out, 'renderer/index.html'));
  console.log('build: out/ written');
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
void watch;
