// A beginner's error explained under the traceback, with a one-click fix for a missing import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppSession } from './harness';
import { editorText, setEditorText, waitForConnected, waitForRepl } from './helpers';

describe('errors a beginner understands', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await startApp();
    await waitForConnected(app.page);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('says what NameError: Pin means and adds the import in one click', async () => {
    const { page } = app;
    await setEditorText(page, 'import time\nled = Pin(25, Pin.OUT)\nled.on()\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRepl(page, /What this means: Pin has not been imported/);
    const fix = page.getByRole('button', { name: 'Add "from machine import Pin"' });
    await app.screenshot('explain-name-error');
    await fix.click();
    await expect(editorText(page)).resolves.toBe('import time\nfrom machine import Pin\nled = Pin(25, Pin.OUT)\nled.on()\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => document.body.dataset.running === 'false');
    await expect(fix.isVisible()).resolves.toBe(false);
  });
});
