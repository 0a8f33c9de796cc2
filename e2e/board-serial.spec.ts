// A board on a serial port, as with a real Pico: the real MicroPython REPL (WebAssembly) behind a
// pty stands in for the hardware. Connect by typing the port path, run, upload a file that takes
// many frames, then pull the plug and plug it back in: Mote reports it and reconnects by itself.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PtyBoard } from '../main/testing/pty-board';
import { startApp, type AppSession } from './harness';
import { setEditorText, waitForConnected, waitForRepl } from './helpers';

describe('a board on a serial port', () => {
  let app: AppSession;
  let board: PtyBoard;
  const data = randomBytes(300 * 1024);
  beforeAll(async () => {
    board = new PtyBoard();
    await board.start();
    app = await startApp();
    const workspace = join(app.dataDir, 'workspace');
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'samples.bin'), data);
    await waitForConnected(app.page); // the simulated board first: the pty is not a listed port
  });
  afterAll(async () => {
    await app?.stop();
    await board?.kill();
  });

  const statusText = () => app.page.locator('.status-bar').innerText();

  it('connects to a port path typed by hand', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose a board' });
    await dialog.getByLabel('Port path').fill(board.path);
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.waitForFunction(() => document.body.dataset.connection === 'connected' && !/simulated/.test(document.querySelector('.status-bar')?.textContent ?? ''), undefined, {
      timeout: 30_000,
    });
    expect(await statusText()).toMatch(/MicroPython 1\.\d+/);
    await waitForRepl(page, /Connecting to \//); // the new banner does not run on from the old prompt
    expect(await page.locator('.board-panel').innerText()).toMatch(/This board is connected at \S+ttyBOARD/);
    await app.screenshot('serial-connected');
  });

  it('runs a program on it', async () => {
    const { page } = app;
    await setEditorText(page, 'import sys\nprint(sys.platform, sum(range(10)))\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRepl(page, /webassembly 45/);
    await page.waitForFunction(() => document.body.dataset.running === 'false');
  });

  it('offers a firmware update, and says why when the board has no bootloader to restart into', async () => {
    const { page } = app;
    // the WebAssembly board has no machine.bootloader(): the failure path, end to end
    await page.getByRole('button', { name: 'Update firmware…' }).click();
    await page.getByRole('dialog', { name: 'Update firmware' }).getByRole('button', { name: 'Restart into the bootloader' }).click();
    await page.getByText(/The board did not restart into its bootloader: .* Hold BOOTSEL/).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Dismiss message' }).last().click();
    await waitForConnected(page);
  });

  it('uploads a 300 KiB file, exactly', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Refresh (This computer)' }).click();
    await page.getByRole('listbox', { name: 'This computer files' }).getByRole('option', { name: /samples\.bin/ }).click();
    await page.getByRole('button', { name: 'Upload the selected computer file to the board' }).click();
    await page.getByRole('listbox', { name: 'Board files' }).getByRole('option', { name: /samples\.bin/ }).waitFor({ timeout: 30_000 });
    // the board keeps its files in board.fsDir (its flash), written after each command
    const onFlash = join(board.fsDir, 'samples.bin');
    for (let i = 0; i < 100 && !(existsSync(onFlash) && readFileSync(onFlash).length === data.length); i++) await new Promise((r) => setTimeout(r, 50));
    expect(readFileSync(onFlash).equals(data)).toBe(true);
    await app.screenshot('serial-uploaded');
  });

  it('says so when the board is unplugged, and reconnects when it returns', async () => {
    const { page } = app;
    await board.kill();
    await page.waitForFunction(() => document.body.dataset.connection === 'lost', undefined, { timeout: 15_000 });
    // (the REPL wraps the note at any column, so the unwrapped status bar is read instead)
    expect(await statusText()).toMatch(/The board at \S+ttyBOARD was unplugged or reset\./);
    expect(await statusText()).not.toMatch(/descriptor|EIO|went away: /);
    expect(await page.locator('.board-panel').innerText()).toMatch(/Plug the board back in at \S+ttyBOARD: Mote reconnects by itself/);
    await app.screenshot('serial-unplugged');
    await board.start();
    await waitForConnected(page);
    expect(await statusText()).not.toMatch(/simulated/);
    await setEditorText(page, 'print("back", 6 * 7)\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRepl(page, /back 42/);
    expect(app.consoleErrors).toEqual([]);
    expect(app.offlineViolations).toEqual([]);
  });
});
