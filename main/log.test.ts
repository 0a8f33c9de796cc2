// The log stays bounded and readable whatever is logged: values are capped, control
// characters cannot forge entries, and the file rotates.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { IpcRouter } from './ipc/router';
import { registerAppHandlers } from './app/app-handlers';
import { createLogger, MAX_ENTRY } from './log';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'mote-log-'));
  dirs.push(d);
  return d;
}
const entries = (text: string) => text.split('\n').filter((l) => /^\d{4}-\d\d-\d\dT/.test(l));

describe('main log', () => {
  test('a page cannot forge log entries through app:report-error', async () => {
    const dir = dataDir();
    const log = createLogger(dir, true);
    const router = new IpcRouter(log);
    registerAppHandlers(router, { version: '1', host: 'web', platform: 'linux', dataDir: dir }, log);
    const forged = 'oops\n2026-01-01T00:00:00.000Z ERROR forged entry\r\u001b[31m';
    await router.invoke('app:report-error', { message: forged, stack: `at x\n2026-01-01T00:00:00.000Z WARN forged too`, source: 'page\nsource' }, { host: 'web', connectionId: 'c' });
    const text = readFileSync(join(dir, 'logs', 'main.log'), 'utf8');
    expect(entries(text)).toHaveLength(1);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\u001b');
  });

  test('a huge value is cut in the log and in the error reply', async () => {
    const dir = dataDir();
    const log = createLogger(dir, true);
    const router = new IpcRouter(log);
    registerAppHandlers(router, { version: '1', host: 'web', platform: 'linux', dataDir: dir }, log);
    const big = 'x'.repeat(12 * 1024 * 1024);
    const reply = await router.invoke('app:report-error', { message: 7, source: big }, { host: 'web', connectionId: 'c' });
    expect(reply.ok).toBe(false);
    expect(JSON.stringify(reply).length).toBeLessThan(2000);
    expect(statSync(join(dir, 'logs', 'main.log')).size).toBeLessThan(MAX_ENTRY * 2);
  });

  test('rotates at its size limit, keeping one old file', () => {
    const dir = dataDir();
    const log = createLogger(dir, true, 64 * 1024);
    for (let i = 0; i < 2000; i++) log.warn(`entry ${i} ${'y'.repeat(200)}`);
    const file = join(dir, 'logs', 'main.log');
    expect(statSync(file).size).toBeLessThanOrEqual(64 * 1024);
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(statSync(`${file}.1`).size).toBeLessThanOrEqual(64 * 1024);
    expect(readFileSync(file, 'utf8')).toContain('entry 1999');
  });
});
