// Run and stop on the simulated board, as a beginner would: type, Run, read the output in
// the REPL; stop a runaway loop; follow a traceback to its line; save as main.py on the board
// and soft-reset to see it run. Needs the board link (board:* handlers) and the simulated board.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppSession } from './harness';
import { replText, setEditorText, waitForRepl, waitForConnected } from './helpers';

describe('run on the simulated board', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await startApp();
    // With no board plugged in, Mote connects the first simulated profile on its own.
    await waitForConnected(app.page);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('connects to a simulated board and says so in the status bar', async () => {
    const status = await app.page.locator('.status-bar').innerText();
    expect(status).toMatch(/Connected/);
    expect(status).toMatch(/simulated/);
    expect(status).toMatch(/MicroPython|CircuitPython/);
    await app.screenshot('board-connected');
  });

  it('answers typing in the REPL, and pastes several lines through paste mode', async () => {
    const { page } = app;
    await page.keyboard.press('Control+2');
    await page.keyboard.type('6 * 7\r');
    await waitForRepl(page, /^42$/m);
    // A multi-line paste keeps its indentation (paste mode), then runs as one block.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'for n in range(2):\n    print("pasted", n)\n');
      document.querySelector('.region-repl .repl-terminal')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await waitForRepl(page, /pasted 1/);
    await app.screenshot('repl-typed-and-pasted');
  });

  it('runs the buffer without saving it and shows its output in the REPL', async () => {
    const { page } = app;
    await setEditorText(page, 'for i in range(3):\n    print("hello", i * 7)\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRepl(page, /hello 14/);
    await page.waitForFunction(() => document.body.dataset.running === 'false');
    await expect(page.getByRole('button', { name: 'Run', exact: true }).isEnabled()).resolves.toBe(true);
    await app.screenshot('run-output');
  });

  it('stops `while True: pass` with the Stop button', async () => {
    const { page } = app;
    await setEditorText(page, 'print("looping")\nwhile True:\n    pass\n');
    await page.keyboard.press('F5');
    await waitForRepl(page, /looping/);
    await page.waitForFunction(() => document.body.dataset.running === 'true');
    await expect(page.getByRole('button', { name: 'Run', exact: true }).isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Stop', exact: true }).isEnabled()).resolves.toBe(true);
    await app.screenshot('run-looping');
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await waitForRepl(page, /KeyboardInterrupt/);
    await page.waitForFunction(() => document.body.dataset.running === 'false', undefined, { timeout: 10_000 });
    await app.screenshot('run-stopped');
  });

  it('stops a run with Escape too', async () => {
    const { page } = app;
    await setEditorText(page, 'while True:\n    pass\n');
    await page.keyboard.press('F5');
    await page.waitForFunction(() => document.body.dataset.running === 'true');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.body.dataset.running === 'false', undefined, { timeout: 10_000 });
  });

  it('turns a traceback into a link to the failing line', async () => {
    const { page } = app;
    await setEditorText(page, 'x = 1\ny = 0\nprint(x / y)\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRepl(page, /ZeroDivisionError/);
    const go = page.getByRole('button', { name: 'Go to line 3' });
    await go.waitFor({ timeout: 10_000 });
    await app.screenshot('run-traceback');
    await page.locator('.region-editor .cm-content').click();
    await page.keyboard.press('Control+Home');
    await go.click();
    await expect(page.locator('.status-cursor').innerText()).resolves.toMatch(/^Line 3,/);
  });

  it('answers input() from the REPL, each key shown once', async () => {
    const { page } = app;
    await setEditorText(page, 'name = input("Your name? ")\nprint("Hello,", name + "!")\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRepl(page, /Your name\?/);
    await page.locator('.region-repl .repl-terminal').click();
    await page.keyboard.type('Ada\r');
    await waitForRepl(page, /Hello, Ada!/);
    await page.waitForFunction(() => document.body.dataset.running === 'false', undefined, { timeout: 10_000 });
    const text = await replText(page);
    expect(text).toMatch(/Your name\? Ada\s*\n\s*Hello, Ada!/);
    expect(text).not.toMatch(/AdaAda|A+d+a+\s*\n\s*Ada\s*\n/);
    await app.screenshot('run-input');
  });

  it('plots numbers the program prints', async () => {
    const { page } = app;
    await setEditorText(page, 'import math\nfor i in range(40):\n    print((i, math.sin(i / 5) * 10))\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => document.body.dataset.running === 'false', undefined, { timeout: 15_000 });
    const plotter = page.getByRole('region', { name: 'Plotter', exact: true });
    await plotter.locator('canvas').first().waitFor({ timeout: 5000 });
    await expect(plotter.getByRole('button', { name: 'Export CSV' }).isEnabled()).resolves.toBe(true);
    await app.screenshot('plotter');
  });

  it('saves as main.py on the board, then a soft reset runs it', async () => {
    const { page } = app;
    await setEditorText(page, 'print("main.py says hi")\n');
    await page.keyboard.press('Control+s');
    const dialog = page.getByRole('dialog', { name: /^Save / });
    await expect(dialog.getByLabel('File name').inputValue()).resolves.toBe('main.py');
    await expect(dialog.getByLabel('The board').isChecked()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: /^main\.py, on the board: \/main\.py$/ }).waitFor({ timeout: 10_000 });
    await page.getByRole('listbox', { name: 'Board files' }).getByRole('option', { name: /main\.py/ }).waitFor({ timeout: 10_000 });
    const before = (await replText(page)).split('main.py says hi').length;
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.waitForFunction(
      (n) => ((document.querySelector('.region-repl .xterm-rows') as HTMLElement).innerText.split('main.py says hi').length > n),
      before,
      { timeout: 15_000 },
    );
    await app.screenshot('main-py-after-reset');
    expect(app.consoleErrors).toEqual([]);
    expect(app.offlineViolations).toEqual([]);
  });

  it('keeps a failed board save dirty, says why, and offers to save on the computer', async () => {
    const { page } = app;
    await page.locator('.region-editor .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('# edited while the board is away\n');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('dialog', { name: 'Choose a board' }).getByRole('button', { name: 'Disconnect' }).click();
    await page.waitForFunction(() => document.body.dataset.connection === 'disconnected', undefined, { timeout: 10_000 });
    await page.keyboard.press('Control+s');
    const failed = page.getByRole('dialog', { name: 'Could not save main.py' });
    await failed.waitFor({ timeout: 10_000 });
    await app.screenshot('save-failed');
    await expect(page.getByRole('button', { name: /^main\.py, on the board.*unsaved changes/ }).count()).resolves.toBe(1);
    await failed.getByRole('button', { name: 'Save on this computer' }).click();
    await page.getByRole('dialog', { name: 'Save on this computer' }).getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: /^main\.py, on this computer: main\.py$/ }).waitFor({ timeout: 10_000 });
    // Reconnect for the next step.
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('dialog', { name: 'Choose a board' }).getByRole('button', { name: 'Connect' }).click();
    await waitForConnected(page);
  });

  it('keeps the saved version in the local history', async () => {
    const { page } = app;
    await page.getByRole('listbox', { name: 'Board files' }).getByRole('option', { name: /main\.py/ }).dblclick();
    await page.getByRole('button', { name: /^main\.py, on the board/ }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'History of /main.py' });
    await dialog.waitFor();
    await expect(dialog.locator('.history-preview').innerText()).resolves.toContain('main.py says hi');
    await app.screenshot('history');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });
});
