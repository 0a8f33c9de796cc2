// A school's classroom profile (mote-classroom.json next to the app): the panels it hides are
// hidden, its workspace folder is the one Files shows, and a mistake in it is reported while
// the rest applies.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppSession } from './harness';

describe('classroom profile', () => {
  let app: AppSession;
  let school: string;
  beforeAll(async () => {
    school = mkdtempSync(join(tmpdir(), 'mote-school-'));
    const classFolder = join(school, 'class-7b');
    mkdirSync(classFolder);
    writeFileSync(join(classFolder, 'lesson1.py'), 'print("lesson 1")\n');
    writeFileSync(join(school, 'mote-classroom.json'), JSON.stringify({ panels: { plotter: false }, workspaceDir: classFolder, offlineOnly: 'please' }));
    app = await startApp({ hostArgs: ['--classroom', school] });
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(school, { recursive: true, force: true });
  });

  it('hides the panels the class does not use and reports what it skipped', async () => {
    const { page } = app;
    await page.getByText(/classroom profile .* skipped them: offlineOnly/).waitFor({ timeout: 10_000 });
    await expect(page.getByRole('region', { name: 'Plotter', exact: true }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('region', { name: 'REPL', exact: true }).isVisible()).resolves.toBe(true);
    await page.getByRole('region', { name: 'Files', exact: true }).getByText('lesson1.py').waitFor({ timeout: 10_000 });
    await app.screenshot('classroom-profile');
  });
});
