// Settings on disk: one bad value costs only that setting, and the file can never carry keys
// that are not settings (prototype keys included).
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/contracts/settings';
import { SettingsService } from './settings-service';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function withFile(content: string): { service: SettingsService; warnings: string[]; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mote-settings-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'settings.json'), content);
  const warnings: string[] = [];
  return { service: new SettingsService(dir, { warn: (m) => void warnings.push(m) }), warnings, dir };
}

describe('SettingsService.load', () => {
  test('keeps the valid settings when one is out of range, and says which was dropped', async () => {
    const { service, warnings } = withFile(JSON.stringify({ theme: 'dark', editorFontSize: 400, lastBoard: 'sim:pico' }));
    expect(await service.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', lastBoard: 'sim:pico' });
    expect(warnings.join()).toMatch(/editorFontSize/);
    expect(warnings.join()).toMatch(/other settings are kept/);
  });

  test.each(['__proto__', 'constructor', 'toString'])('drops a %s key and keeps the rest', async (key) => {
    const { service } = withFile(`{"theme":"dark","${key}":{"polluted":true}}`);
    const settings = await service.get();
    expect(settings.theme).toBe('dark');
    expect(Object.keys(settings).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a file that is not a JSON object is kept aside and the defaults are used', async () => {
    const { service, dir } = withFile('[1, 2');
    expect(await service.get()).toEqual(DEFAULT_SETTINGS);
    expect(readdirSync(dir).some((n) => n.startsWith('settings.json.corrupt-'))).toBe(true);
  });
});
