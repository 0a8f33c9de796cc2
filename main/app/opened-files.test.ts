// A double-clicked .py opens at its own path; nothing else outside the workspace becomes reachable.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { IpcRouter } from '../ipc/router';
import { registerWorkspaceHandlers } from '../workspace/workspace-handlers';
import { WorkspaceService } from '../workspace/workspace-service';
import { filesInArgs, OpenedFiles } from './opened-files';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'mote-open-'));
  dirs.push(d);
  return d;
};

describe('files the OS asks Mote to open', () => {
  test('takes existing .py files from the launch arguments, not flags or folders', () => {
    const d = temp();
    writeFileSync(join(d, 'blink.py'), 'x');
    mkdirSync(join(d, 'folder.py'));
    expect(filesInArgs(['--inspect', 'blink.py', 'missing.py', 'folder.py', join(d, 'blink.py'), 'notes.exe'], d)).toEqual([join(d, 'blink.py'), join(d, 'blink.py')]);
  });

  test('each is handed to a window once, and is readable and writable at its own path only', async () => {
    const outside = temp();
    const file = join(outside, 'lesson.py');
    writeFileSync(file, 'print(1)\n');
    writeFileSync(join(outside, 'secret.py'), 'secret');
    const opened = new OpenedFiles();
    opened.add([file, file]);
    expect(opened.take()).toEqual([file]);
    expect(opened.take()).toEqual([]);
    const router = new IpcRouter({ warn: () => undefined, error: () => undefined });
    registerWorkspaceHandlers(router, new WorkspaceService({ dataDir: temp(), isGrantedFile: (p) => opened.isGranted(p) }));
    const sender = { host: 'web' as const, connectionId: 'c' };
    expect(await router.invoke('workspace:read-text', { path: file }, sender)).toEqual({ ok: true, value: 'print(1)\n' });
    expect(await router.invoke('workspace:write-text', { path: file, text: 'print(2)\n' }, sender)).toMatchObject({ ok: true });
    expect(readFileSync(file, 'utf8')).toBe('print(2)\n');
    // (an absolute path outside the folder reads as one inside it: not found, never the file)
    expect(await router.invoke('workspace:read-text', { path: join(outside, 'secret.py') }, sender)).toMatchObject({ ok: false });
    expect(await router.invoke('workspace:read-text', { path: `${file}/../secret.py` }, sender)).toMatchObject({ ok: false, code: 'path-outside-root' });
  });
});
