// The window a beginner sees: loads offline with no console errors, has every region and
// toolbar button, is usable from the keyboard, and passes axe in all three themes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppSession } from './harness';
import { axeSerious, editorText, setEditorText, setTheme, waitForRepl } from './helpers';

describe('renderer shell', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('loads with every region and toolbar button, and no console errors', async () => {
    const { page } = app;
    for (const name of ['Editor', 'REPL', 'Files', 'Plotter', 'Board']) {
      await expect(page.getByRole('region', { name, exact: true }).isVisible()).resolves.toBe(true);
    }
    for (const name of ['New', 'Open', 'Save', 'Run', 'Stop', 'Connect', 'Reset', 'Run selection']) {
      await expect(page.getByRole('button', { name, exact: true }).count()).resolves.toBe(1);
    }
    await page.waitForFunction(() => document.body.dataset.ready === 'all');
    await expect(page.locator('.status-bar').innerText()).resolves.toMatch(/No board link yet|Connected|Not connected|Connecting/);
    // With a board (the simulated one by default), the REPL greets with the board's banner and a prompt.
    if ((await page.evaluate(() => document.body.dataset.connection)) === 'connected') await waitForRepl(page, /^>>>/m, 10_000);
    await app.screenshot('shell-loaded');
    expect(app.consoleErrors).toEqual([]);
    expect(app.offlineViolations).toEqual([]);
  });

  it('gives an editable Python editor with 4-space auto-indent and comment toggle', async () => {
    const { page } = app;
    await page.locator('.region-editor .cm-content').click();
    await page.keyboard.type('for i in range(3):');
    await page.keyboard.press('Enter');
    await page.keyboard.type('print(i');
    expect(await editorText(page)).toBe('for i in range(3):\n    print(i)');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+/');
    expect(await editorText(page)).toBe('# for i in range(3):\n#     print(i)');
    await page.keyboard.press('Control+z');
    expect(await editorText(page)).toBe('for i in range(3):\n    print(i)');
    // The tab shows unsaved changes.
    await expect(page.getByRole('button', { name: /untitled\.py, not saved yet, unsaved changes/ }).count()).resolves.toBe(1);
  });

  it('keeps undo history per tab', async () => {
    const { page } = app;
    await setEditorText(page, 'first = 1');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.keyboard.insertText('second = 2');
    await page.getByRole('button', { name: /^untitled\.py/ }).click();
    expect(await editorText(page)).toBe('first = 1');
    await page.locator('.region-editor .cm-content').click();
    await page.keyboard.press('Control+z');
    expect(await editorText(page)).not.toContain('second');
  });

  it('marks a syntax error at its line', async () => {
    const { page } = app;
    await setEditorText(page, 'x = 1\nif x\n    print(x)\n');
    const marker = page.locator('.region-editor .cm-lintRange-error');
    await marker.first().waitFor({ timeout: 5000 });
    const line = await marker.first().evaluate((el) => {
      const lines = [...document.querySelectorAll('.region-editor .cm-line')];
      return lines.findIndex((l) => l.contains(el)) + 1;
    });
    expect(line).toBe(2);
    await app.screenshot('editor-syntax-error');
    await setEditorText(page, 'x = 1\nif x:\n    print(x)\n');
    await page.waitForFunction(() => !document.querySelector('.region-editor .cm-lintRange-error'), undefined, { timeout: 5000 });
  });

  it('opens find and replace and go to line from the keyboard', async () => {
    const { page } = app;
    await page.locator('.region-editor .cm-content').click();
    await page.keyboard.press('Control+f');
    await expect(page.locator('.cm-search').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+g');
    await expect(page.locator('.cm-gotoLine, .cm-panel input[name=line]').first().isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
  });

  it('changes text size with Ctrl+= and Ctrl+-', async () => {
    const { page } = app;
    const size = () => page.locator('.region-editor .cm-editor').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await size();
    await page.keyboard.press('Control+=');
    expect(await size()).toBe(before + 1);
    await page.keyboard.press('Control+-');
    expect(await size()).toBe(before);
  });

  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    it(`has no serious or critical axe violations in the ${theme} theme`, async () => {
      const { page } = app;
      await setTheme(page, theme);
      await app.screenshot(`shell-${theme}`);
      const violations = await axeSerious(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    });
  }

  it('lists keyboard shortcuts with F1 in an accessible dialog', async () => {
    const { page } = app;
    await page.locator('.region-editor .cm-content').click();
    await page.keyboard.press('F1');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toContain('F5');
    expect(await axeSerious(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('reaches the toolbar, editor, REPL and files by keyboard with a visible focus ring', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New', exact: true }).focus();
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Control+2');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.region-repl'))).toBe(true);
    await page.keyboard.press('Control+3');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('listbox');
    await page.keyboard.press('Control+1');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.region-editor'))).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  });
});
