// Recordings land in the workspace as CSV, never replace a file, and keep what arrived when
// the window that recorded goes away.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { IpcRouter } from '../ipc/router';
import { WorkspaceService } from '../workspace/workspace-service';
import { registerPlotHandlers } from './plot-handlers';
import { RecorderService } from './recorder-service';

let dataDir: string;
let workspace: WorkspaceService;
let recorder: RecorderService;
let router: IpcRouter;
const sender = { host: 'web' as const, connectionId: 'page-1' };

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'mote-rec-'));
  workspace = new WorkspaceService({ dataDir });
  recorder = new RecorderService({ root: () => workspace.root(), resolvePath: (p) => workspace.resolvePath(p) });
  router = new IpcRouter({ warn: () => undefined, error: () => undefined });
  registerPlotHandlers(router, recorder);
});
afterEach(async () => {
  await recorder.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const r = await router.invoke(channel, payload, sender);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value as T;
}

describe('plot recordings', () => {
  test('writes the header and every row appended, and counts them', async () => {
    const rec = await call<{ id: string; path: string }>('plot:record-start', { name: 'lab.csv', header: 'sample,arrival_s,temp' });
    await call('plot:record-append', { id: rec.id, rows: '0,0.000,21.5\n1,0.100,21.6\n' });
    const info = await call<{ rows: number; path: string }>('plot:record-append', { id: rec.id, rows: '2,0.200,21.7' });
    expect(info.rows).toBe(3);
    const stopped = await call<{ rows: number }>('plot:record-stop', { id: rec.id });
    expect(stopped.rows).toBe(3);
    expect(readFileSync(join(await workspace.root(), 'lab.csv'), 'utf8')).toBe('sample,arrival_s,temp\n0,0.000,21.5\n1,0.100,21.6\n2,0.200,21.7\n');
  });

  test('never replaces a file: a second recording of the same name gets a number', async () => {
    writeFileSync(join(await workspace.root(), 'lab.csv'), 'precious');
    const rec = await call<{ id: string; path: string }>('plot:record-start', { name: 'lab.csv', header: 'a' });
    expect(rec.path).toBe('lab-2.csv');
    expect(readFileSync(join(await workspace.root(), 'lab.csv'), 'utf8')).toBe('precious');
  });

  test('refuses names with folders or other extensions', async () => {
    for (const name of ['../x.csv', 'sub/x.csv', 'x.py', '.csv/..']) {
      expect(await router.invoke('plot:record-start', { name, header: 'a' }, sender)).toMatchObject({ ok: false, code: 'invalid-payload' });
    }
  });

  test('keeps what arrived when the window goes away, and refuses appends after', async () => {
    const rec = await call<{ id: string }>('plot:record-start', { name: 'crash.csv', header: 'v' });
    await call('plot:record-append', { id: rec.id, rows: '1\n2\n' });
    router.connectionClosed('page-1');
    await new Promise((r) => setTimeout(r, 50));
    expect(readFileSync(join(await workspace.root(), 'crash.csv'), 'utf8')).toBe('v\n1\n2\n');
    expect(await router.invoke('plot:record-append', { id: rec.id, rows: '3' }, sender)).toMatchObject({ ok: false, code: 'not-found' });
    expect(existsSync(join(await workspace.root(), 'crash.csv'))).toBe(true);
  });
});
