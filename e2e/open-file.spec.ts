// A .py double-clicked in the file manager (the installers' file association) opens in Mote at
// its own path, and Save writes that very file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppSession } from './harness';
import { editorText } from './helpers';

describe('a .py opened from the file manager', () => {
  let app: AppSession;
  let folder: string;
  let file: string;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'mote-desktop-'));
    file = join(folder, 'blink.py');
    writeFileSync(file, 'print("from the desktop")\n');
    app = await startApp({ hostArgs: ['--open', file] });
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('opens in a tab, and Save writes the file back where it was', async () => {
    const { page } = app;
    await page.locator('.tab-title', { hasText: 'blink.py' }).waitFor({ timeout: 15_000 });
    await expect(editorText(page)).resolves.toContain('from the desktop');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('print("edited")\n');
    await page.keyboard.press('Control+s');
    await expect.poll(() => readFileSync(file, 'utf8'), { timeout: 10_000 }).toContain('print("edited")');
  });
});
