// Files, computer side (no board needed): list the Mote folder, open a file in the editor,
// edit and save it with Ctrl+S, add a folder, rename and delete with confirmation.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppSession } from './harness';
import { editorText } from './helpers';

describe('files on the computer', () => {
  let app: AppSession;
  let workspace: string;
  beforeAll(async () => {
    app = await startApp();
    workspace = join(app.dataDir, 'workspace');
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'blink.py'), 'print("blink")\n');
    await app.page.waitForFunction(() => document.body.dataset.ready === 'all');
  });
  afterAll(async () => {
    await app?.stop();
  });

  const computerList = () => app.page.getByRole('listbox', { name: 'This computer files' });

  it('lists the Mote folder and opens a file in a tab that says where it lives', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Refresh (This computer)' }).click();
    await computerList().getByRole('option', { name: /blink\.py/ }).dblclick();
    await page.getByRole('button', { name: /^blink\.py, on this computer: blink\.py$/ }).waitFor({ timeout: 5000 });
    expect(await editorText(page)).toBe('print("blink")\n');
  });

  it('saves edits with Ctrl+S', async () => {
    const { page } = app;
    await page.locator('.region-editor .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('print("again")\n');
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => !document.querySelector('.tab.active.dirty'));
    expect(readFileSync(join(workspace, 'blink.py'), 'utf8')).toBe('print("blink")\nprint("again")\n');
  });

  it('saves a new buffer on the computer', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.keyboard.insertText('x = 42\n');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /^Save / });
    await dialog.getByLabel('File name').fill('answer.py');
    // With a board connected (the simulated one, when there is a board link) the board is offered first.
    await dialog.getByLabel('This computer').check();
    await app.screenshot('save-dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: /^answer\.py, on this computer/ }).waitFor({ timeout: 5000 });
    expect(readFileSync(join(workspace, 'answer.py'), 'utf8')).toBe('x = 42\n');
  });

  it('adds a folder, renames a file and deletes it after confirming', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add folder (This computer)' }).click();
    await page.getByRole('dialog').getByRole('textbox').fill('lib');
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await computerList().getByRole('option', { name: /^lib\// }).waitFor();
    expect(existsSync(join(workspace, 'lib'))).toBe(true);

    await computerList().getByRole('option', { name: /answer\.py/ }).click();
    await page.getByRole('button', { name: 'Rename (This computer)' }).click();
    await page.getByRole('dialog').getByRole('textbox').fill('answer2.py');
    await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
    await computerList().getByRole('option', { name: /answer2\.py/ }).waitFor();
    expect(existsSync(join(workspace, 'answer2.py'))).toBe(true);

    await computerList().getByRole('option', { name: /answer2\.py/ }).click();
    await page.keyboard.press('Delete');
    const confirm = page.getByRole('dialog', { name: 'Delete answer2.py?' });
    await confirm.waitFor();
    await app.screenshot('files-delete-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(existsSync(join(workspace, 'answer2.py'))).toBe(true);
    await page.getByRole('button', { name: 'Delete (This computer)' }).click();
    await page.getByRole('dialog', { name: 'Delete answer2.py?' }).getByRole('button', { name: 'Delete' }).click();
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    await computerList().getByRole('option', { name: /answer2\.py/ }).waitFor({ state: 'detached' });
    expect(existsSync(join(workspace, 'answer2.py'))).toBe(false);
    await app.screenshot('files-local');
    expect(app.consoleErrors).toEqual([]);
  });

  it('opens a file from the Open dialog (Ctrl+O)', async () => {
    const { page } = app;
    writeFileSync(join(workspace, 'lib', 'helper.py'), 'def help():\n    pass\n');
    await page.locator('.region-editor .cm-content').click();
    await page.keyboard.press('Control+o');
    const dialog = page.getByRole('dialog', { name: 'Open a file' });
    await dialog.getByRole('button', { name: 'lib/helper.py' }).click();
    await page.getByRole('button', { name: /^helper\.py, on this computer: lib\/helper\.py$/ }).waitFor({ timeout: 5000 });
    expect(await editorText(page)).toBe('def help():\n    pass\n');
  });

  it('asks before Save As replaces another file', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.keyboard.insertText('overwrite = True\n');
    await page.keyboard.press('Control+s');
    const dialog = page.getByRole('dialog', { name: /^Save / });
    await dialog.getByLabel('File name').fill('blink.py');
    await dialog.getByLabel('This computer').check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    const confirm = page.getByRole('dialog', { name: 'Replace blink.py?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    expect(readFileSync(join(workspace, 'blink.py'), 'utf8')).toBe('print("blink")\nprint("again")\n');
    await expect(page.getByRole('button', { name: /^untitled.*unsaved changes/ }).count()).resolves.toBe(1);
  });

  it('asks before closing a tab with unsaved changes', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /^blink\.py/ }).click();
    await page.locator('.region-editor .cm-content').click();
    await page.keyboard.insertText('# change\n');
    await page.getByRole('button', { name: 'Close blink.py' }).click();
    const ask = page.getByRole('dialog', { name: 'Save changes to blink.py?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: /^blink\.py.*unsaved changes/ }).count()).resolves.toBe(1);
  });
});
