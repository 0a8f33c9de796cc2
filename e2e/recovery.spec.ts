// Never lose code: a dirty buffer survives the web host being killed, and the next start
// offers to restore it. No board needed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp, startWebHost, type AppSession } from './harness';
import { editorText, setEditorText } from './helpers';

describe('recovery journal', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mote-e2e-recovery-'));
  let app: AppSession | undefined;
  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('restores a dirty buffer after the web host is killed', async () => {
    app = await startApp({ dataDir });
    const { page } = app;
    await page.waitForFunction(() => document.body.dataset.ready === 'all');
    const program = 'from machine import Pin\nled = Pin(25, Pin.OUT)\nled.toggle()  # not saved yet\n';
    await setEditorText(page, program);
    // The journal is written within a second of the last change.
    await page.waitForTimeout(1200);
    await app.screenshot('recovery-before-kill');
    await app.host.stop(true);

    const host = await startWebHost(dataDir);
    const page2 = await app.reopen(host);
    const dialog = page2.getByRole('dialog', { name: 'Restore unsaved work?' });
    await dialog.waitFor({ timeout: 10_000 });
    await expect(dialog.innerText()).resolves.toContain('untitled.py');
    await app.screenshot('recovery-offer');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await page2.waitForFunction(() => !document.querySelector('dialog[open]'));
    expect(await editorText(page2)).toBe(program.replace(/\n$/, '\n'));
    await expect(page2.getByRole('button', { name: /untitled\.py, not saved yet, unsaved changes/ }).count()).resolves.toBe(1);
    await app.screenshot('recovery-restored');
    expect(app.consoleErrors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED/.test(e))).toEqual([]);
  });

  it('does not offer again after the buffer was discarded', async () => {
    const page = app!.page;
    // Close the restored tab without saving: the journal forgets it.
    await page.getByRole('button', { name: /^Close untitled\.py/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: "Don't save" }).click();
    await page.waitForTimeout(300);
    const page3 = await app!.reopen();
    await page3.waitForFunction(() => document.body.dataset.ready === 'all');
    await expect(page3.getByRole('dialog').count()).resolves.toBe(0);
  });

  it("does not offer a second window the first one's open buffers, but does once that window is gone", async () => {
    const first = app!.page;
    await setEditorText(first, 'print("open in the first window")\n');
    await first.waitForTimeout(1200); // journaled
    const open = async () => {
      const page = await app!.context.newPage();
      await page.goto(app!.host.url);
      await page.getByRole('region', { name: 'Editor' }).waitFor({ timeout: 20_000 });
      return page;
    };
    const second = await open();
    // start-up ends only after any restore offer is answered: reaching 'all' means none was made
    await second.waitForFunction(() => document.body.dataset.ready === 'all');
    await expect(second.getByRole('dialog', { name: 'Restore unsaved work?' }).count()).resolves.toBe(0);
    await first.close(); // its socket closes: its buffers are left over now
    const third = await open();
    const dialog = third.getByRole('dialog', { name: 'Restore unsaved work?' });
    await dialog.waitFor({ timeout: 10_000 });
    await expect(dialog.innerText()).resolves.toContain('untitled.py');
    await second.close();
    await third.close();
  });
});
