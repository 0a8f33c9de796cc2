// The first ten minutes of a beginner (issue 19), on the simulated Pico in a fresh data folder:
// Run pressed before the board is connected, a looping main.py started by Reset, a program
// waiting in input(). Each step asserts states a person sees (buttons, REPL header, focus).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppSession } from './harness';
import { replText, setEditorText, waitForConnected, waitForRepl } from './helpers';

/** Waits for the toolbar's running state; on a timeout the error shows what the REPL said. */
const running = (app: AppSession, value: boolean) =>
  app.page.waitForFunction((v) => document.body.dataset.running === String(v), value, { timeout: 15_000 }).catch(async (error: Error) => {
    throw new Error(`running never became ${value}: ${error.message}\nREPL:\n${await replText(app.page)}`);
  });
const button = (app: AppSession, name: string) => app.page.getByRole('button', { name, exact: true });

describe('the first ten minutes', () => {
  let app: AppSession;
  let pressedWhile = '';
  beforeAll(async () => {
    app = await startApp();
    // Run at once, as an impatient beginner does, before "Connected" shows.
    await app.page.locator('.region-editor .cm-content').waitFor();
    await app.page.keyboard.insertText('print("early bird")');
    pressedWhile = await app.page.evaluate(() => document.body.dataset.connection ?? '');
    await app.page.keyboard.press('F5');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('Run pressed before "Connected" runs once the board is there, and leaves the toolbar free', async () => {
    await waitForConnected(app.page);
    await waitForRepl(app.page, /^early bird$/m).catch(async (e: Error) => {
      await app.screenshot('first10-debug-early');
      throw new Error(`${e.message}\nREPL:\n${await replText(app.page)}\nnotices: ${(await app.page.locator('.notice').allInnerTexts()).join(' | ')}`);
    });
    await running(app, false);
    expect(['disconnected', 'connecting', 'connected']).toContain(pressedWhile);
    expect(await app.page.locator('.notice').allInnerTexts()).toEqual([]);
    // a fresh data folder: the welcome greets the beginner in the editor area
    await app.screenshot('first10-welcome');
    await expect(button(app, 'Run').isEnabled()).resolves.toBe(true);
    await expect(button(app, 'Stop').isDisabled()).resolves.toBe(true);
    expect(await app.page.locator('.region-repl .run-status').innerText()).not.toMatch(/Running/);
  });

  it('a looping main.py started by Reset can be stopped from the toolbar', async () => {
    const { page } = app;
    await page.keyboard.press('Control+2');
    await page.keyboard.type(`open('main.py','w').write('import time\\nwhile True:\\n    time.sleep_ms(50)\\n')\r`);
    await waitForRepl(page, /^\d+\s*$/m);
    await button(app, 'Reset').click();
    await running(app, true);
    await expect(button(app, 'Stop').isEnabled()).resolves.toBe(true);
    expect(await page.locator('.region-repl .run-status').innerText()).toMatch(/The board is running main\.py/);
    await button(app, 'Stop').click();
    await waitForRepl(page, /KeyboardInterrupt/);
    await running(app, false);
    expect(await page.locator('.region-repl .run-status').innerText()).toBe('');
    await page.keyboard.press('Control+2');
    await page.keyboard.type(`import os; os.remove('main.py')\r`);
  });

  it('input() takes focus to the REPL, says it waits, and gives focus back after', async () => {
    const { page } = app;
    await setEditorText(page, 'name = input("Your name? ")\nprint("Hello, " + name + "!")\n');
    await button(app, 'Run').click();
    await page.locator('.repl-waiting').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => !!document.activeElement?.closest('.region-repl'))).toBe(true);
    await app.screenshot('first10-input-waiting');
    await page.keyboard.type('Ada\r');
    await waitForRepl(page, /Hello, Ada!/);
    await running(app, false);
    await expect(page.locator('.repl-waiting').isHidden()).resolves.toBe(true);
    expect(await page.evaluate(() => `${document.activeElement?.tagName}.${document.activeElement?.className}`)).toMatch(/cm-content/);
  });

  it('Save to the board asks before replacing main.py, and same-named tabs say where they live', async () => {
    const { page } = app;
    const dialog = page.getByRole('dialog');
    await setEditorText(page, 'print("first")\n');
    await page.keyboard.press('Control+s');
    await expect(dialog.getByLabel('File name').inputValue()).resolves.toBe('main.py');
    await expect(dialog.getByLabel('The board').isChecked()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.keyboard.press('Control+n');
    await setEditorText(page, 'print("second")\n');
    await page.keyboard.press('Control+s');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('dialog', { name: 'Replace /main.py on the board?' }).waitFor();
    await app.screenshot('first10-save-to-board-replace');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.keyboard.press('Control+2');
    await page.keyboard.type(`print(open('main.py').read().strip() + '!')\r`);
    await waitForRepl(page, /^print\("first"\)!$/m);

    // the second buffer saved as main.py on this computer: two main.py tabs, each saying where
    await page.locator('.region-editor .cm-content').click();
    await page.keyboard.press('Control+s');
    await dialog.getByLabel('This computer').check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const mainTabs = async () => (await page.locator('.tab-title').allInnerTexts()).filter((t) => t.startsWith('main.py')).sort();
    await expect.poll(mainTabs).toEqual(['main.py (board)', 'main.py (computer)']);
    // the Board pane says how much room is left (a full board refuses a big file before sending it)
    await expect.poll(() => page.locator('.file-pane.board .pane-free').innerText()).toMatch(/^[\d.,]+ (KB|MB) free$/);
    await app.screenshot('first10-two-main-py-tabs');
  });

  it('Board panel: inputs in view, humidity and pressure controls, one row per pin, inputs gone after the program', async () => {
    const { page } = app;
    await page.keyboard.press('Control+n');
    await setEditorText(page, 'from machine import Pin, ADC\nimport time\nb = Pin(14, Pin.IN, Pin.PULL_UP)\na = ADC(26)\nled = Pin(25, Pin.OUT)\nwhile True:\n    led.toggle()\n    time.sleep_ms(100)\n');
    await button(app, 'Run').click();
    await running(app, true);
    const board = page.getByRole('region', { name: 'Board' });
    const gp14 = board.getByRole('button', { name: 'Button on GP14' });
    await gp14.waitFor();
    const [panel, input] = [await board.boundingBox(), await gp14.boundingBox()];
    expect(panel!.height).toBeLessThan(320);
    expect(input!.y + input!.height).toBeLessThanOrEqual(panel!.y + panel!.height);
    await expect(board.getByLabel('Voltage on GP26').isVisible()).resolves.toBe(true);
    for (const label of ['Room temperature', 'Humidity', 'Air pressure']) await expect(board.getByLabel(label).count()).resolves.toBe(1);
    await app.screenshot('first10-board-panel');
    await board.getByText('All pins').click();
    const rows = await board.locator('.sim-pins tbody tr td:first-child').allInnerTexts();
    expect(rows.filter((r) => r === 'GP25')).toHaveLength(1);
    expect(rows).not.toContain('LED');
    expect(new Set(rows).size).toBe(rows.length);
    await board.getByText('All pins').click();
    await button(app, 'Stop').click();
    await running(app, false);
    await expect.poll(() => gp14.count()).toBe(0);
    await expect(board.getByText('Set a pin as an input').isVisible()).resolves.toBe(true);
  });

  it('smaller things: zoom reaches every panel, one notice per replug, no stale "Go to line"', async () => {
    const { page } = app;
    const sizes = () =>
      page.evaluate(() => ({
        repl: parseFloat(getComputedStyle(document.querySelector('.region-repl .xterm-rows')!).fontSize),
        files: parseFloat(getComputedStyle(document.querySelector('.region-files')!).fontSize),
        editor: parseFloat(getComputedStyle(document.querySelector('.region-editor .cm-content')!).fontSize),
      }));
    const before = await sizes();
    await button(app, 'Larger text').click();
    await button(app, 'Larger text').click();
    await expect.poll(async () => (await sizes()).repl).toBeGreaterThan(before.repl);
    const after = await sizes();
    expect(after.files).toBeGreaterThan(before.files);
    expect(after.editor).toBeGreaterThan(before.editor);
    await button(app, 'Smaller text').click();
    await button(app, 'Smaller text').click();
    await expect.poll(async () => (await sizes()).files).toBe(before.files);

    await page.locator('.notice-close').evaluateAll((closes) => closes.forEach((c) => (c as HTMLElement).click()));
    await page.getByRole('button', { name: 'Unplug and plug back in' }).click();
    await page.locator('.notice', { hasText: /restarted/ }).first().waitFor();
    await page.waitForTimeout(500); // (a second notice would arrive within this)
    await expect(page.locator('.notice', { hasText: /restarted/ }).count()).resolves.toBe(1);
    await waitForConnected(page);

    await setEditorText(page, 'x = 1\nprint(x / 0)\n');
    await button(app, 'Run').click();
    const goTo = page.getByRole('button', { name: 'Go to line 2' });
    await goTo.waitFor();
    await page.locator('.region-editor .cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.insertText('# a new first line\n');
    await expect(goTo.isHidden()).resolves.toBe(true);

    // Tab completes in the REPL; Ctrl+M makes it leave the terminal, as VS Code's terminal does
    const inRepl = () => page.evaluate(() => !!document.activeElement?.closest('.region-repl'));
    await page.keyboard.press('Control+2');
    await page.keyboard.press('Tab');
    expect(await inRepl()).toBe(true);
    await page.keyboard.press('Control+m');
    await waitForRepl(page, /Tab now moves focus out of the REPL/);
    await page.keyboard.press('Tab');
    expect(await inRepl()).toBe(false);
    await page.keyboard.press('Control+2');
    await page.keyboard.press('Control+m');
  });

  it('a first-run welcome shows three steps in the editor area, once, and again from Help', async () => {
    let { page } = app;
    const welcome = page.getByRole('region', { name: 'Welcome to Mote' });
    await expect(welcome.isVisible()).resolves.toBe(true);
    await expect(welcome.locator('ol > li').count()).resolves.toBe(3);
    await expect(welcome.getByRole('button', { name: 'Connect a board…' }).isVisible()).resolves.toBe(true);
    const [area, card] = [await page.getByRole('region', { name: 'Editor' }).boundingBox(), await welcome.boundingBox()];
    expect(card!.x).toBeGreaterThanOrEqual(area!.x);
    expect(card!.x + card!.width).toBeLessThanOrEqual(area!.x + area!.width);
    await welcome.getByRole('button', { name: 'Got it' }).click();
    await expect(welcome.isHidden()).resolves.toBe(true);
    await page.waitForTimeout(300); // (the dismissal is saved in the background)

    page = await app.reopen();
    await waitForConnected(page);
    // the unsaved buffers of the steps above are offered back first
    await page.getByRole('dialog', { name: 'Restore unsaved work?' }).getByRole('button', { name: 'Discard' }).click();
    await page.waitForFunction(() => document.body.dataset.ready === 'all');
    await expect(page.getByRole('region', { name: 'Welcome to Mote' }).isHidden()).resolves.toBe(true);
    await page.keyboard.press('F1');
    const keys = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(await keys.innerText()).toMatch(/Ctrl\+-\s+Smaller text/);
    await keys.getByRole('button', { name: 'Show the welcome' }).click();
    await page.getByRole('region', { name: 'Welcome to Mote' }).waitFor();
  });

  it('after the host dies the status bar no longer says "Connected" (last: it ends the host)', async () => {
    const { page } = app;
    await app.host.stop(true);
    await page.waitForFunction(() => document.body.dataset.connection === 'lost', undefined, { timeout: 10_000 });
    const status = await page.locator('.status-bar').innerText();
    expect(status).not.toMatch(/Connected/);
    await expect(button(app, 'Stop').isDisabled()).resolves.toBe(true);
  });
});
