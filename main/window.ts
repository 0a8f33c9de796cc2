// The main window: hardened webPreferences, navigation and pop-ups locked down, permission
// requests denied, and its size and position remembered between runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, dialog, shell, type Session, type WebContents } from 'electron';
import { APP_ORIGIN } from './app-protocol';
import { writeFileAtomic } from './util/atomic-write';
import { isAllowedExternal } from './external-links';

interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT_STATE: WindowState = { width: 1280, height: 820, maximized: false };

export function loadWindowState(file: string): WindowState {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>;
    const size = (n: unknown, min: number) => (typeof n === 'number' && Number.isFinite(n) && n >= min && n < 20000 ? n : undefined);
    return {
      x: size(state.x, -10000),
      y: size(state.y, -10000),
      width: size(state.width, 400) ?? DEFAULT_STATE.width,
      height: size(state.height, 300) ?? DEFAULT_STATE.height,
      maximized: state.maximized === true,
    };
  } catch {
    return { ...DEFAULT_STATE };
  }
}

/** Links open in the system browser only when they are https pages of the sites Mote links to. */
export function openExternalIfSafe(url: string): void {
  if (isAllowedExternal(url)) void shell.openExternal(url);
}

/** Locks a WebContents down: no navigation away from the app, no new windows. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url);
    return { action: 'deny' };
  });
}

/** Denies every permission request (camera, notifications, serial…): the renderer needs none. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function createMainWindow(options: { preload: string; stateFile: string }): BrowserWindow {
  const state = loadWindowState(options.stateFile);
  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 640,
    minHeight: 420,
    title: 'Mote',
    show: false,
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click on a link would otherwise open it through a path that skips will-navigate.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenWebContents(win.webContents);
  // The renderer refuses to unload while a buffer is unsaved (beforeunload); ask the person.
  win.webContents.on('will-prevent-unload', (event) => {
    if (confirmDiscard(win)) event.preventDefault();
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const save = () => {
    if (win.isDestroyed()) return;
    const bounds = win.getNormalBounds();
    void writeFileAtomic(options.stateFile, JSON.stringify({ ...bounds, maximized: win.isMaximized() })).catch(() => undefined);
  };
  win.on('close', save);
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/** Asks whether to close although some buffers are unsaved (they stay in the recovery journal either way). */
export function confirmDiscard(win: BrowserWindow): boolean {
  const choice = dialog.showMessageBoxSync(win, {
    type: 'question',
    buttons: ['Close anyway', 'Keep Mote open'],
    defaultId: 1,
    cancelId: 1,
    title: 'Unsaved changes',
    message: 'Some files have changes that are not saved.',
    detail: 'If you close now, Mote keeps them in its recovery journal and offers them again next time.',
  });
  return choice === 0;
}

export const windowStateFile = (dataDir: string) => join(dataDir, 'window-state.json');
