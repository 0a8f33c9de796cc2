// npm 11 runs a dependency's install script only when package.json's allowScripts says so, and
// skips the rest silently. This keeps that list exact: every package in the lock file that has
// an install script is decided (allowed or denied) on purpose, and nothing else is listed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean; dev?: boolean }> };

const withScripts = Object.entries(lock.packages)
  .filter(([path, entry]) => path && entry.hasInstallScript)
  .map(([path, entry]) => ({ name: path.replace(/^.*node_modules\//, ''), dev: entry.dev === true }));

describe('allowScripts', () => {
  test('decides every dependency that has an install script, and only those', () => {
    expect(Object.keys(pkg.allowScripts ?? {}).sort()).toEqual([...new Set(withScripts.map((p) => p.name))].sort());
  });

  test('allows the native modules Mote ships (they must build where no prebuilt binary fits)', () => {
    expect(pkg.allowScripts?.['@serialport/bindings-cpp']).toBe(true);
    expect(pkg.allowScripts?.drivelist).toBe(true);
  });

  test('every allowed script belongs to a package Mote needs to build or run', () => {
    // electron-winstaller only picks a 7-Zip binary for Squirrel builds; Mote ships NSIS.
    const allowed = Object.entries(pkg.allowScripts ?? {}).filter(([, ok]) => ok).map(([name]) => name).sort();
    expect(allowed).toEqual(['@serialport/bindings-cpp', 'drivelist', 'esbuild']);
  });
});
