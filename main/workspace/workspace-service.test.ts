import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IpcRouter } from '../ipc/router';
import { registerWorkspaceHandlers } from './workspace-handlers';
import { HISTORY_LIMIT, WorkspaceService } from './workspace-service';

let dataDir: string;
let outside: string;
let ws: WorkspaceService;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'mote-ws-'));
  outside = mkdtempSync(join(tmpdir(), 'mote-outside-'));
  ws = new WorkspaceService({ dataDir });
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('workspace folder', () => {
  it('creates the default root under the data folder', async () => {
    const root = await ws.root();
    expect(root.endsWith('workspace')).toBe(true);
    expect(existsSync(root)).toBe(true);
  });

  it('a new default workspace starts with the examples; a chosen folder and a later start do not get them', async () => {
    const examples = join(outside, 'examples-src');
    mkdirSync(examples, { recursive: true });
    writeFileSync(join(examples, 'hello.py'), 'print("hi")\n');
    const fresh = new WorkspaceService({ dataDir: join(outside, 'fresh-data'), examplesDir: examples });
    const root = await fresh.root();
    expect(readFileSync(join(root, 'examples', 'hello.py'), 'utf8')).toBe('print("hi")\n');
    rmSync(join(root, 'examples'), { recursive: true });
    await fresh.root();
    expect(existsSync(join(root, 'examples'))).toBe(false);
    const chosen = join(outside, 'chosen-empty');
    const custom = new WorkspaceService({ dataDir: join(outside, 'data-2'), workspaceDir: () => chosen, examplesDir: examples });
    await custom.root();
    expect(existsSync(join(chosen, 'examples'))).toBe(false);
  });

  it('uses the chosen folder when one is set', async () => {
    const chosen = join(outside, 'mine');
    const custom = new WorkspaceService({ dataDir, workspaceDir: () => chosen });
    await custom.writeText('a.py', 'x = 1\n');
    expect(readFileSync(join(chosen, 'a.py'), 'utf8')).toBe('x = 1\n');
  });

  it('names the kind of mistake: a folder read as a file, a file chosen as the workspace folder', async () => {
    await ws.mkdir('lib');
    await expect(ws.readText('lib')).rejects.toMatchObject({ code: 'wrong-kind', message: expect.stringMatching(/is a folder, not a file/) });
    const file = join(outside, 'not-a-folder');
    writeFileSync(file, 'x');
    await expect(new WorkspaceService({ dataDir, workspaceDir: () => file }).root()).rejects.toMatchObject({ code: 'wrong-kind', message: expect.stringMatching(/is a file, not a folder/) });
  });

  it('ignores a relative workspace folder (it would land wherever Mote was started from)', async () => {
    const custom = new WorkspaceService({ dataDir, workspaceDir: () => 'relative/ws' });
    expect(await custom.root()).toBe(await ws.root());
    expect(existsSync(join(process.cwd(), 'relative'))).toBe(false);
  });

  it('writes, reads, lists folders first, renames and removes', async () => {
    await ws.writeText('b.py', 'print(2)\n');
    await ws.mkdir('lib');
    await ws.writeText('/lib/c.py', 'c');
    expect(await ws.readText('b.py')).toBe('print(2)\n');
    const list = await ws.list('.');
    expect(list.map((e) => [e.name, e.kind, e.path])).toEqual([
      ['lib', 'dir', 'lib'],
      ['b.py', 'file', 'b.py'],
    ]);
    expect((await ws.list('lib'))[0]).toMatchObject({ path: 'lib/c.py', size: 1 });
    await ws.rename('b.py', 'lib/b.py');
    await expect(ws.readText('b.py')).rejects.toMatchObject({ code: 'not-found' });
    await ws.remove('lib');
    expect(await ws.list('/')).toEqual([]);
  });

  it('refuses to overwrite by rename, to re-create a folder, and to delete the root', async () => {
    await ws.writeText('a.py', 'a');
    await ws.writeText('b.py', 'b');
    await expect(ws.rename('a.py', 'b.py')).rejects.toMatchObject({ code: 'already-exists' });
    await ws.mkdir('d');
    await expect(ws.mkdir('d')).rejects.toMatchObject({ code: 'already-exists' });
    await expect(ws.remove('.')).rejects.toMatchObject({ code: 'path-outside-root' });
  });

  it('refuses .. and absolute paths outside the root', async () => {
    await expect(ws.readText('../settings.json')).rejects.toMatchObject({ code: 'path-outside-root' });
    await expect(ws.writeText('lib/../../x.py', 'x')).rejects.toMatchObject({ code: 'path-outside-root' });
    await expect(ws.readText(join(outside, 'x'))).rejects.toMatchObject({ code: 'not-found' });
    // An absolute path outside the root is read as root-relative, so it cannot reach `outside`.
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    await expect(ws.readText(join(outside, 'secret.txt'))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('accepts absolute paths inside the root', async () => {
    const root = await ws.root();
    await ws.writeText(join(root, 'abs.py'), 'ok');
    expect(await ws.readText('abs.py')).toBe('ok');
  });

  it('refuses to follow a symlink out of the root', async () => {
    const root = await ws.root();
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    mkdirSync(join(outside, 'dir'));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'link.txt'));
    symlinkSync(join(outside, 'dir'), join(root, 'linkdir'));
    await expect(ws.readText('link.txt')).rejects.toMatchObject({ code: 'path-outside-root' });
    await expect(ws.writeText('linkdir/new.py', 'x')).rejects.toMatchObject({ code: 'path-outside-root' });
    expect(existsSync(join(outside, 'dir', 'new.py'))).toBe(false);
    await expect(ws.list('linkdir')).rejects.toMatchObject({ code: 'path-outside-root' });
  });
});

describe('recovery journal', () => {
  const location = { kind: 'untitled' as const };

  it('lists buffers left by a previous run, not ones a live window holds', async () => {
    await ws.journalSave({ bufferId: 'b1', title: 'untitled', location, text: 'print(1)' }, 'conn-1');
    expect(await ws.journalList()).toEqual([]);
    const fresh = new WorkspaceService({ dataDir }); // the next start
    const left = await fresh.journalList();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ bufferId: 'b1', title: 'untitled', text: 'print(1)', location });
    expect(left[0]!.savedAt).toBeGreaterThan(0);
  });

  it('keeps only the newest text of a buffer, and forgets it on discard', async () => {
    await ws.journalSave({ bufferId: 'b:2', title: 'main.py', location: { kind: 'local', path: 'main.py' }, text: 'one' }, 'c');
    await ws.journalSave({ bufferId: 'b:2', title: 'main.py', location: { kind: 'local', path: 'main.py' }, text: 'two' }, 'c');
    const fresh = new WorkspaceService({ dataDir });
    expect((await fresh.journalList()).map((e) => e.text)).toEqual(['two']);
    await fresh.journalDiscard('b:2');
    expect(await new WorkspaceService({ dataDir }).journalList()).toEqual([]);
  });

  it('skips a corrupt journal file instead of failing', async () => {
    await ws.journalSave({ bufferId: 'ok', title: 't', location, text: 'fine' }, 'c');
    writeFileSync(join(dataDir, 'journal', 'abcd.json'), '{not json');
    expect((await new WorkspaceService({ dataDir }).journalList()).map((e) => e.bufferId)).toEqual(['ok']);
  });

  it('restores only entries the contract would accept, each id once', async () => {
    await ws.journalSave({ bufferId: 'ok', title: 't', location, text: 'fine' }, 'c');
    const file = (id: string) => join(dataDir, 'journal', `${Buffer.from(id).toString('hex')}.json`);
    const entry = (over: object) => JSON.stringify({ bufferId: 'x', title: 't', location, text: 'x', savedAt: 1, ...over });
    writeFileSync(file('bad-location'), entry({ bufferId: 'bad-location', location: { kind: 'local', path: '../../etc/passwd' } }));
    writeFileSync(file('bad id/..'), entry({ bufferId: 'bad id/..' }));
    writeFileSync(file('extra'), entry({ bufferId: 'extra', evil: true }));
    writeFileSync(file('no-time'), entry({ bufferId: 'no-time', savedAt: 'yesterday' }));
    // a copy of "ok" under another file name: restoring both would give two tabs one id
    writeFileSync(file('elsewhere'), entry({ bufferId: 'ok', text: 'impostor' }));
    const restored = await new WorkspaceService({ dataDir }).journalList();
    expect(restored.map((e) => [e.bufferId, e.text])).toEqual([['ok', 'fine']]);
  });
});

describe('board save history', () => {
  it('keeps each saved version per board and path, newest first, and reads them back', async () => {
    const v1 = await ws.historySave('pico', '/main.py', 'v1');
    const v2 = await ws.historySave('pico', '/main.py', 'v2');
    await ws.historySave('esp32', '/main.py', 'other board');
    const list = await ws.historyList('pico', '/main.py');
    expect(list.map((v) => v.id)).toEqual([v2.id, v1.id]);
    expect(await ws.historyRead(v1.id)).toBe('v1');
    expect(await ws.historyRead(v2.id)).toBe('v2');
    expect(await ws.historyList('pico', '/other.py')).toEqual([]);
  });

  it('drops the oldest versions beyond the limit', async () => {
    for (let i = 0; i < HISTORY_LIMIT + 3; i++) await ws.historySave('b', '/x.py', String(i));
    const list = await ws.historyList('b', '/x.py');
    expect(list).toHaveLength(HISTORY_LIMIT);
    expect(await ws.historyRead(list[0]!.id)).toBe(String(HISTORY_LIMIT + 2));
  });

  it('refuses ids that are not history ids', async () => {
    await expect(ws.historyRead('..')).rejects.toMatchObject({ code: 'not-found' });
    await expect(ws.historyRead('0123456789abcdef0123.1-0')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('workspace handlers', () => {
  it('serve the workspace channels through the router, with the sender as journal owner', async () => {
    const router = new IpcRouter({ warn() {}, error() {} });
    registerWorkspaceHandlers(router, ws);
    const a = { host: 'web' as const, connectionId: 'a' };
    const b = { host: 'web' as const, connectionId: 'b' };
    expect(await router.invoke('workspace:write-text', { path: 'm.py', text: 'hi' }, a)).toEqual({ ok: true, value: null });
    expect(await router.invoke('workspace:read-text', { path: 'm.py' }, a)).toEqual({ ok: true, value: 'hi' });
    expect(await router.invoke('workspace:read-text', { path: '../x' }, a)).toMatchObject({ ok: false, code: 'path-outside-root' });
    await router.invoke('workspace:journal-save', { bufferId: 'q', title: 't', location: { kind: 'untitled' }, text: 'z' }, a);
    expect(await router.invoke('workspace:journal-list', {}, a)).toEqual({ ok: true, value: [] });
    // a second window is not offered the first one's open buffers…
    expect(await router.invoke('workspace:journal-list', {}, b)).toEqual({ ok: true, value: [] });
    // …until that window is gone (closed, crashed, reloaded): then they are left over
    router.connectionClosed('a');
    expect(await router.invoke('workspace:journal-list', {}, b)).toMatchObject({ ok: true, value: [{ bufferId: 'q' }] });
    const saved = await router.invoke('workspace:history-save', { board: 'sim', path: '/main.py', text: 'p' }, a);
    expect(saved).toMatchObject({ ok: true, value: { board: 'sim', path: '/main.py', size: 1 } });
  });
});
