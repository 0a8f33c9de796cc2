// The renderer's files are served (app:// and the web host) only from inside their folder:
// no '..', no encoded tricks, no symlink leading out.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { resolveStatic } from './static-files';

const base = mkdtempSync(join(tmpdir(), 'mote-static-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(base, 'secret.txt'), 'secret');
symlinkSync(join(base, 'secret.txt'), join(root, 'leak.txt'));
symlinkSync(base, join(root, 'up'));
writeFileSync(join(root, 'assets', 'app.js'), '');
symlinkSync(join(root, 'assets', 'app.js'), join(root, 'alias.js'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveStatic', () => {
  test('serves files inside the folder, index.html for the root, and symlinks that stay inside', () => {
    expect(resolveStatic(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStatic(root, '/assets/app.js?v=1')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveStatic(root, '/alias.js')).toBe(join(root, 'alias.js'));
  });

  test.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00', '/%E0%A4%A', '/leak.txt', '/up/secret.txt'])('refuses %s', (path) => {
    expect(resolveStatic(root, path)).toBeNull();
  });
});
