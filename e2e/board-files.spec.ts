// Files with the simulated board: upload a computer file to the board, read it back by
// downloading it, open a board file in the editor and save it back with Ctrl+S.
// Needs the board link (board:*, board-fs:* handlers) and the simulated board.
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppSession } from './harness';
import { editorText, waitForConnected } from './helpers';

describe('files on the simulated board', () => {
  let app: AppSession;
  let workspace: string;
  const content = '# sensor helper\ndef read():\n    return 42\n';
  beforeAll(async () => {
    app = await startApp();
    workspace = join(app.dataDir, 'workspace');
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'sensor.py'), content);
    await waitForConnected(app.page);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const computer = () => app.page.getByRole('listbox', { name: 'This computer files' });
  const board = () => app.page.getByRole('listbox', { name: 'Board files' });

  it('uploads a file to the board with the Upload button', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Refresh (This computer)' }).click();
    await computer().getByRole('option', { name: /sensor\.py/ }).click();
    await page.getByRole('button', { name: 'Upload the selected computer file to the board' }).click();
    await board().getByRole('option', { name: /sensor\.py/ }).waitFor({ timeout: 15_000 });
    await app.screenshot('files-uploaded');
  });

  it('downloads it back to the computer with the same content', async () => {
    const { page } = app;
    rmSync(join(workspace, 'sensor.py'));
    await page.getByRole('button', { name: 'Refresh (This computer)' }).click();
    await computer().getByRole('option', { name: /sensor\.py/ }).waitFor({ state: 'detached' });
    await board().getByRole('option', { name: /sensor\.py/ }).click();
    await page.getByRole('button', { name: 'Download the selected board file to this computer' }).click();
    await computer().getByRole('option', { name: /sensor\.py/ }).waitFor({ timeout: 15_000 });
    expect(readFileSync(join(workspace, 'sensor.py'), 'utf8')).toBe(content);
  });

  it('uploads by dragging a file from the computer pane to the board pane', async () => {
    const { page } = app;
    writeFileSync(join(workspace, 'dragged.py'), 'print("dragged")\n');
    await page.getByRole('button', { name: 'Refresh (This computer)' }).click();
    await computer().getByRole('option', { name: /dragged\.py/ }).dragTo(board());
    await board().getByRole('option', { name: /dragged\.py/ }).waitFor({ timeout: 15_000 });
  });

  it('uploads a whole folder', async () => {
    const { page } = app;
    mkdirSync(join(workspace, 'lib', 'sub'), { recursive: true });
    writeFileSync(join(workspace, 'lib', 'a.py'), 'A = 1\n');
    writeFileSync(join(workspace, 'lib', 'sub', 'b.py'), 'B = 2\n');
    await page.getByRole('button', { name: 'Refresh (This computer)' }).click();
    await computer().getByRole('option', { name: /^lib\// }).click();
    await page.getByRole('button', { name: 'Upload the selected computer file to the board' }).click();
    await board().getByRole('option', { name: /^lib\// }).dblclick({ timeout: 15_000 });
    await board().getByRole('option', { name: /a\.py/ }).waitFor({ timeout: 15_000 });
    await board().getByRole('option', { name: /^sub\// }).dblclick();
    await board().getByRole('option', { name: /b\.py/ }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Up one folder (Board)' }).click();
    await page.getByRole('button', { name: 'Up one folder (Board)' }).click();
    await board().getByRole('option', { name: /sensor\.py/ }).waitFor();
  });

  it('opens a board file in the editor and saves it back with Ctrl+S', async () => {
    const { page } = app;
    await board().getByRole('option', { name: /sensor\.py/ }).dblclick();
    await page.getByRole('button', { name: /^sensor\.py, on the board: \/sensor\.py$/ }).waitFor({ timeout: 10_000 });
    expect(await editorText(page)).toBe(content);
    await page.locator('.region-editor .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('# edited on the board\n');
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => !document.querySelector('.tab.active.dirty'), undefined, { timeout: 10_000 });
    // Read it back through a download, to check what the board holds.
    rmSync(join(workspace, 'sensor.py'), { force: true });
    await board().getByRole('option', { name: /sensor\.py/ }).click();
    await page.getByRole('button', { name: 'Download the selected board file to this computer' }).click();
    // The pane may still list the copy deleted above until it refreshes: wait for the file itself.
    await expect.poll(() => existsSync(join(workspace, 'sensor.py')), { timeout: 15_000 }).toBe(true);
    expect(readFileSync(join(workspace, 'sensor.py'), 'utf8')).toBe(`${content}# edited on the board\n`);
    await computer().getByRole('option', { name: /sensor\.py/ }).waitFor({ timeout: 15_000 });
    await app.screenshot('files-board-edit');
    expect(app.consoleErrors).toEqual([]);
  });
});
