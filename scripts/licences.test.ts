// Licence gate for what ships inside the installers: every production dependency, transitively
// (package-lock.json's non-dev entries), must carry a licence that lets Mote ship binaries
// under MIT. GPL-family, unknown or missing licences fail, unless reviewed in EXCEPTIONS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(__dirname, '..');
const PERMISSIVE = new Set(['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '0BSD', 'Zlib', 'BlueOak-1.0.0', 'CC0-1.0', 'Unlicense', 'Python-2.0', 'WTFPL']);
/** Packages whose licence was reviewed by hand, with why it may ship. None so far. */
const EXCEPTIONS: Record<string, string> = {};

/** Whether an SPDX expression allows shipping: any side of an OR, every side of an AND. */
export function shippable(expression: string): boolean {
  const e = expression.trim().replace(/^\((.*)\)$/, '$1');
  if (/\sOR\s/.test(e)) return e.split(/\s+OR\s+/).some(shippable);
  if (/\sAND\s/.test(e)) return e.split(/\s+AND\s+/).every(shippable);
  return PERMISSIVE.has(e);
}

const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean; peer?: boolean; license?: string }> };
const production = Object.entries(lock.packages)
  .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional && !entry.peer)
  .map(([path, entry]) => ({ name: path.replace(/^.*node_modules\//, ''), license: entry.license ?? '' }));

describe('licences of what ships', () => {
  test('the SPDX reading is right', () => {
    expect(shippable('(MIT OR WTFPL)')).toBe(true);
    expect(shippable('(MIT AND Zlib)')).toBe(true);
    expect(shippable('GPL-3.0-only')).toBe(false);
    expect(shippable('(MIT AND GPL-2.0)')).toBe(false);
    expect(shippable('AGPL-3.0 OR LGPL-2.1')).toBe(false);
    expect(shippable('')).toBe(false);
  });

  test('every production dependency may ship in the installers', () => {
    expect(production.length).toBeGreaterThan(20);
    const refused = production.filter((p) => !shippable(p.license) && !EXCEPTIONS[p.name]).map((p) => `${p.name}: ${p.license || 'no licence'}`);
    expect(refused).toEqual([]);
  });
});
