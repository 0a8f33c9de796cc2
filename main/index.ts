// Electron entry point: app lifecycle only. Everything else is a plain Node service built by
// createServices(), the same ones the web host runs.
import { dirname, join } from 'node:path';
import { app, BrowserWindow, protocol, session } from 'electron';
import { appSchemePrivileges, registerAppProtocol } from './app-protocol';
import { filesInArgs } from './app/opened-files';
import { bindElectronIpc } from './ipc/electron-binding';
import { createLogger } from './log';
import { installMenu } from './menu';
import { createServices, type Services } from './services';
import { createMainWindow, denyPermissions, hardenWebContents, windowStateFile } from './window';

export function startElectronApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  let services: Services | null = null;
  let mainWindow: BrowserWindow | null = null;

  const openWindow = () => {
    mainWindow = createMainWindow({ preload: join(__dirname, 'preload.js'), stateFile: windowStateFile(app.getPath('userData')) });
    mainWindow.on('closed', () => (mainWindow = null));
  };

  // Files the OS asks Mote to open: a double-clicked .py (the installers' file association).
  // On macOS they come as open-file events, possibly before the app is ready.
  const early: string[] = [];
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (services) services.opened.add([path]);
    else early.push(path);
  });
  const launchArgs = (argv: readonly string[]) => argv.slice(app.isPackaged ? 1 : 2);

  app.on('second-instance', (_event, argv, cwd) => {
    services?.opened.add(filesInArgs(launchArgs(argv), cwd));
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  void app.whenReady().then(() => {
    const dataDir = app.getPath('userData');
    const log = createLogger(dataDir);
    denyPermissions(session.defaultSession);
    registerAppProtocol(protocol, join(__dirname, '..', 'renderer'));
    // A school's mote-classroom.json sits next to the app (the folder of its executable) or in
    // the user's data folder.
    services = createServices({ dataDir, host: 'electron', log, classroomFolders: [dirname(app.getPath('exe')), dataDir], openFiles: [...filesInArgs(launchArgs(process.argv), process.cwd()), ...early] });
    bindElectronIpc(services.router, log);
    installMenu((command) => services?.router.emit('app:menu-command', { command }), !app.isPackaged);
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    if (!services) return;
    const pending = services;
    services = null;
    event.preventDefault();
    void pending.dispose().finally(() => app.quit());
  });
}

startElectronApp();
