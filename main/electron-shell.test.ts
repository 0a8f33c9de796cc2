// The Electron shell with `electron` mocked (its binary cannot run here): each hardening
// promise of the foundation issue is asserted against the calls the shell makes.
import { EventEmitter } from 'node:events';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';

const mock = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const emitter = () => {
    const listeners = new Map<string, Listener[]>();
    return {
      listeners,
      on: vi.fn((name: string, fn: Listener) => {
        listeners.set(name, [...(listeners.get(name) ?? []), fn]);
      }),
      once: vi.fn((name: string, fn: Listener) => {
        listeners.set(name, [...(listeners.get(name) ?? []), fn]);
      }),
      emit(name: string, ...args: unknown[]) {
        for (const fn of listeners.get(name) ?? []) fn(...args);
      },
    };
  };
  const windows: Array<Record<string, unknown>> = [];
  class BrowserWindow {
    static getAllWindows = () => windows;
    options: Record<string, unknown>;
    webContents = { ...emitter(), setWindowOpenHandler: vi.fn(), send: vi.fn(), mainFrame: {} };
    events = emitter();
    on = this.events.on;
    once = this.events.once;
    loadURL = vi.fn(async () => undefined);
    maximize = vi.fn();
    show = vi.fn();
    isDestroyed = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 10, y: 20, width: 900, height: 700 });
    constructor(options: Record<string, unknown>) {
      this.options = options;
      windows.push(this as unknown as Record<string, unknown>);
    }
  }
  const app = {
    ...emitter(),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    whenReady: vi.fn(() => new Promise<void>(() => undefined)),
    getPath: vi.fn(() => '/tmp/mote-electron-test'),
  };
  return {
    windows,
    BrowserWindow,
    app,
    shell: { openExternal: vi.fn(async () => undefined) },
    ipcMain: { handle: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: 1 })), on: vi.fn(), removeListener: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: {} },
    dialog: { showMessageBoxSync: vi.fn(() => 1) },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
  };
});
vi.mock('electron', () => mock);

import { serveAppRequest } from './app-protocol';
import { rendererCsp } from './csp';
import { bindElectronIpc, isTrustedSender } from './ipc/electron-binding';
import { IpcRouter } from './ipc/router';
import { menuTemplate } from './menu';
import { createMainWindow, denyPermissions, hardenWebContents, loadWindowState } from './window';

const dir = mkdtempSync(join(tmpdir(), 'mote-shell-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  mock.windows.length = 0;
  vi.clearAllMocks();
});

describe('main window', () => {
  test('is created with isolation, sandbox and no Node, and loads app:// (never file://)', () => {
    const win = createMainWindow({ preload: '/x/preload.js', stateFile: join(dir, 'none.json') }) as unknown as InstanceType<typeof mock.BrowserWindow>;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, preload: '/x/preload.js' });
    expect(win.loadURL).toHaveBeenCalledWith('app://mote/index.html');
  });

  test('closing with unsaved buffers asks, and only "Close anyway" lets the page unload', () => {
    const win = createMainWindow({ preload: '/p.js', stateFile: join(dir, 'none.json') }) as unknown as InstanceType<typeof mock.BrowserWindow>;
    const keep = { preventDefault: vi.fn() };
    mock.dialog.showMessageBoxSync.mockReturnValueOnce(1);
    win.webContents.emit('will-prevent-unload', keep);
    expect(keep.preventDefault).not.toHaveBeenCalled();
    const close = { preventDefault: vi.fn() };
    mock.dialog.showMessageBoxSync.mockReturnValueOnce(0);
    win.webContents.emit('will-prevent-unload', close);
    expect(close.preventDefault).toHaveBeenCalled();
  });

  test('remembers its size and position', () => {
    const file = join(dir, 'state.json');
    writeFileSync(file, JSON.stringify({ x: 5, y: 6, width: 1000, height: 700, maximized: true }));
    const win = createMainWindow({ preload: '/p.js', stateFile: file }) as unknown as InstanceType<typeof mock.BrowserWindow>;
    expect(win.options).toMatchObject({ x: 5, y: 6, width: 1000, height: 700 });
    expect(win.maximize).toHaveBeenCalled();
  });

  test('a corrupt or absurd state file falls back to defaults', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{"width": -5, "height": "tall"');
    expect(loadWindowState(file)).toMatchObject({ width: 1280, height: 820, maximized: false });
    writeFileSync(file, JSON.stringify({ width: 1e9, height: 10 }));
    expect(loadWindowState(file)).toMatchObject({ width: 1280, height: 820 });
  });
});

describe('navigation, pop-ups and permissions', () => {
  function contents() {
    const win = new mock.BrowserWindow({});
    hardenWebContents(win.webContents as never);
    return win.webContents;
  }

  test('will-navigate away from the app is blocked; inside the app it is allowed', () => {
    const wc = contents();
    const away = { preventDefault: vi.fn() };
    wc.emit('will-navigate', away, 'https://example.com/');
    expect(away.preventDefault).toHaveBeenCalled();
    const fileNav = { preventDefault: vi.fn() };
    wc.emit('will-navigate', fileNav, 'file:///etc/passwd');
    expect(fileNav.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    wc.emit('will-navigate', inside, 'app://mote/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  test('window.open is always denied; only https links to known sites go to the system browser', () => {
    const wc = contents();
    const handler = wc.setWindowOpenHandler.mock.calls[0]![0] as (d: { url: string }) => { action: string };
    expect(handler({ url: 'https://docs.micropython.org/' })).toEqual({ action: 'deny' });
    expect(mock.shell.openExternal).toHaveBeenCalledWith('https://docs.micropython.org/');
    for (const url of ['https://example.com/', 'http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://share/x', 'not a url']) {
      expect(handler({ url })).toEqual({ action: 'deny' });
    }
    expect(mock.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  test('webviews cannot be attached', () => {
    const wc = contents();
    const e = { preventDefault: vi.fn() };
    wc.emit('will-attach-webview', e);
    expect(e.preventDefault).toHaveBeenCalled();
  });

  test('every permission request and check is denied', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    denyPermissions(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (w: unknown, p: string, cb: (ok: boolean) => void) => void;
    for (const permission of ['media', 'notifications', 'serial', 'geolocation']) {
      const cb = vi.fn();
      request({}, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as () => boolean;
    expect(check()).toBe(false);
  });
});

describe('app:// protocol', () => {
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
  writeFileSync(join(dir, 'secret.txt'), 'secret');

  test('serves renderer files with the CSP', async () => {
    const res = await serveAppRequest(renderer, 'app://mote/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(rendererCsp());
    expect(rendererCsp()).toContain("default-src 'self'");
    expect(rendererCsp()).toContain("style-src 'self' 'unsafe-inline'");
    expect(rendererCsp()).not.toContain('unsafe-eval');
  });

  test.each(['app://mote/../secret.txt', 'app://mote/%2e%2e/secret.txt', 'app://mote/..%2fsecret.txt', 'app://other/index.html', 'app://mote/missing.js'])('%s is 404', async (url) => {
    expect((await serveAppRequest(renderer, url)).status).toBe(404);
  });
});

describe('IPC binding', () => {
  const log = { warn: vi.fn(), error: vi.fn() };
  const mainFrame = { url: 'app://mote/index.html' };

  test('only the main frame of the app:// page is trusted', () => {
    expect(isTrustedSender({ senderFrame: mainFrame, sender: { mainFrame } } as never)).toBe(true);
    const other = { url: 'https://evil.example/' };
    expect(isTrustedSender({ senderFrame: other, sender: { mainFrame: other } } as never)).toBe(false);
    const sub = { url: 'app://mote/frame.html' };
    expect(isTrustedSender({ senderFrame: sub, sender: { mainFrame } } as never)).toBe(false);
    expect(isTrustedSender({ senderFrame: null, sender: { mainFrame } } as never)).toBe(false);
  });

  test('registers one handler per routed channel; refuses strangers; routes the app', async () => {
    const router = new IpcRouter(log);
    router.handle('app:get-info', () => ({ version: '1', host: 'electron', platform: 'linux', dataDir: '/d' }));
    bindElectronIpc(router, log);
    expect(mock.ipcMain.handle).toHaveBeenCalledTimes(1);
    const [channel, handler] = mock.ipcMain.handle.mock.calls[0] as unknown as [string, (e: unknown, p: unknown) => Promise<unknown>];
    expect(channel).toBe('app:get-info');
    const stranger = { url: 'https://evil.example/' };
    const webContents = (id: number, frame: unknown) => Object.assign(new EventEmitter(), { mainFrame: frame, id });
    expect(await handler({ senderFrame: stranger, sender: webContents(2, stranger) }, {})).toMatchObject({ ok: false, code: 'forbidden-sender' });
    const win = webContents(1, mainFrame);
    expect(await handler({ senderFrame: mainFrame, sender: win }, {})).toMatchObject({ ok: true, value: { version: '1' } });
    expect(await handler({ senderFrame: mainFrame, sender: win }, { x: 1 })).toMatchObject({ ok: false, code: 'invalid-payload' });
  });

  test('a connection is one page load: a reload or a closed window ends it (the journal then offers its buffers)', async () => {
    const router = new IpcRouter(log);
    const seen: string[] = [];
    router.handle('app:get-info', (_r, sender) => (seen.push(sender.connectionId), { version: '1', host: 'electron', platform: 'linux', dataDir: '/d' }));
    const closed: string[] = [];
    router.onConnectionClosed((id) => closed.push(id));
    bindElectronIpc(router, log);
    const handler = mock.ipcMain.handle.mock.calls.at(-1)![1] as unknown as (e: unknown, p: unknown) => Promise<unknown>;
    const win = Object.assign(new EventEmitter(), { mainFrame, id: 7 });
    await handler({ senderFrame: mainFrame, sender: win }, {});
    win.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true }); // a #hash change: same page
    win.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false }); // an iframe: same page
    win.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false }); // reload
    await handler({ senderFrame: mainFrame, sender: win }, {});
    win.emit('destroyed');
    expect(seen).toEqual(['7.0', '7.1']);
    expect(closed).toEqual(['7.0', '7.1']);
  });
});

describe('preload', () => {
  test('exposes moteApi only, and refuses unknown channels before IPC', async () => {
    const { moteApi } = await import('./preload/preload');
    expect(mock.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(mock.contextBridge.exposeInMainWorld.mock.calls[0]![0]).toBe('moteApi');
    expect(Object.keys(moteApi).sort()).toEqual(['invoke', 'on']);
    expect(await moteApi.invoke('shell:exec' as never, {} as never)).toMatchObject({ ok: false, code: 'unknown-channel' });
    expect(mock.ipcRenderer.invoke).not.toHaveBeenCalled();
    await moteApi.invoke('app:get-info', {});
    expect(mock.ipcRenderer.invoke).toHaveBeenCalledWith('app:get-info', {});
    expect(() => moteApi.on('not:event' as never, () => undefined)).toThrow(/Unknown event/);
    const off = moteApi.on('app:notice', () => undefined);
    off();
    expect(mock.ipcRenderer.removeListener).toHaveBeenCalled();
  });
});

describe('app lifecycle', () => {
  test('a second instance quits at once and opens nothing', async () => {
    mock.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await import('./index');
    expect(mock.app.quit).toHaveBeenCalled();
    expect(mock.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });

  test('the first instance registers the app:// scheme as privileged before ready', async () => {
    const { startElectronApp } = await import('./index');
    vi.clearAllMocks();
    startElectronApp();
    expect(mock.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })]);
    expect(mock.app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    expect(mock.app.quit).not.toHaveBeenCalled();
  });
});

describe('menu', () => {
  test('developer tools are in development builds only', () => {
    const roles = (developer: boolean) => JSON.stringify(menuTemplate(() => undefined, false, developer));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  test('board commands are reachable from the menu and send commands', () => {
    const sent: string[] = [];
    const template = menuTemplate((c) => sent.push(c), false);
    const board = template.find((m) => m.label === '&Board')!;
    const items = board.submenu as Array<{ label: string; click: () => void; accelerator?: string }>;
    items.find((i) => i.label === 'Run')!.click();
    expect(sent).toEqual(['run']);
    expect(items.find((i) => i.label === 'Run')!.accelerator).toBe('F5');
  });
});
