// The workspace folder confines every workspace path, so no message may move it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { IpcRouter } from '../ipc/router';
import { registerSettingsHandlers } from './settings-handlers';
import { SettingsService } from './settings-service';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

test('settings:update refuses workspaceDir, and leaves the folder where it was', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mote-settings-h-'));
  dirs.push(dir);
  const router = new IpcRouter({ warn: () => undefined, error: () => undefined });
  const settings = new SettingsService(dir);
  registerSettingsHandlers(router, settings);
  const sender = { host: 'web' as const, connectionId: 't' };
  for (const workspaceDir of ['/etc', 'relative', '']) {
    const result = await router.invoke('settings:update', { changes: { workspaceDir } }, sender);
    expect(result).toMatchObject({ ok: false, code: 'invalid-payload' });
  }
  expect((await settings.get()).workspaceDir).toBe('');
  expect(await router.invoke('settings:update', { changes: { theme: 'dark' } }, sender)).toMatchObject({ ok: true, value: { theme: 'dark' } });
});
