// Builds every main-process service and registers its IPC handlers. Both hosts (Electron and
// the web host) call this, so they expose the same services behind the same contract.
// Services are wired by hand here, in dependency order (no DI container).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../shared/contracts/app';
import { loadExplanations } from './app/explanations';
import { OpenedFiles } from './app/opened-files';
import { registerAppHandlers } from './app/app-handlers';
import { IpcRouter, type Logger } from './ipc/router';
import { resourcesDir } from './resources-dir';
import { registerSettingsHandlers } from './settings/settings-handlers';
import { loadClassroomProfile } from './settings/classroom-profile';
import { SettingsService } from './settings/settings-service';
import { registerBoardHandlers } from './board/board-handlers';
import { BoardManager } from './board/board-manager';
import { DriveService } from './drives/drive-service';
import { registerDrivesHandlers } from './drives/drives-handlers';
import { registerFirmwareHandlers } from './firmware/firmware-handlers';
import { type FirmwareContext, firmwareContext } from './firmware/firmware-context';
import { FirmwareService } from './firmware/firmware-service';
import { registerLibraryHandlers } from './libraries/library-handlers';
import { NetService } from './net/net-service';
import { SerialService } from './serial/serial-service';
import { registerSimulatorHandlers } from './simulator/simulator-handlers';
import { SimulatorService } from './simulator/simulator-service';
import { registerWorkspaceHandlers } from './workspace/workspace-handlers';
import { registerPlotHandlers } from './plot/plot-handlers';
import { RecorderService } from './plot/recorder-service';
import { ExampleCatalogue } from './workspace/examples';
import { WorkspaceService } from './workspace/workspace-service';

export interface ServicesOptions {
  dataDir: string;
  host: AppInfo['host'];
  log: Logger;
  /** Folders to treat as mounted drives besides what drivelist finds (a drive mounted where drivelist does not look; tests). */
  extraDrives?: string[];
  /** Files the OS asked Mote to open at launch (absolute paths). */
  openFiles?: string[];
  /** Where to look for mote-classroom.json, first match wins (default: the data folder). */
  classroomFolders?: string[];
}

export interface Services {
  router: IpcRouter;
  /** Files the OS asks to open while Mote runs (a second launch, macOS's open-file). */
  opened: OpenedFiles;
  settings: SettingsService;
  /** The only way out to the network (downloads into <data>/cache, mirror, log). */
  net: NetService;
  /** The simulated board's worker (one per app; started on first connect). */
  simulator: SimulatorService;
  /** Stops workers, closes ports; called on quit. */
  dispose(): Promise<void>;
}

function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

function platformName(): AppInfo['platform'] {
  const p = process.platform;
  return p === 'linux' || p === 'darwin' || p === 'win32' ? p : 'other';
}

export function createServices(options: ServicesOptions): Services {
  const router = new IpcRouter(options.log);
  const settings = new SettingsService(options.dataDir, options.log);
  const classroom = loadClassroomProfile(options.classroomFolders ?? [options.dataDir]);
  if (classroom.source) options.log.warn(`classroom profile in force: ${classroom.source}${classroom.problems.length ? `; dropped: ${classroom.problems.join('; ')}` : ''}`);
  const info: AppInfo = { version: appVersion(), host: options.host, platform: platformName(), dataDir: options.dataDir, classroom };
  const disposers: Array<() => Promise<void> | void> = [];

  registerAppHandlers(router, info, options.log);
  const opened = new OpenedFiles();
  opened.add(options.openFiles ?? []);
  router.handle('app:take-opened-files', () => opened.take());
  opened.onAdded(() => router.emit('app:files-opened', null));
  registerSettingsHandlers(router, settings);
  // a classroom profile's mirror and offline-only switch win over the person's own settings
  const net = new NetService({
    cacheRoot: join(options.dataDir, 'cache'),
    mirror: async () => classroom.profile.mirror ?? (await settings.get()).downloadMirror,
    offlineOnly: () => classroom.profile.offlineOnly === true,
    logFile: join(options.dataDir, 'logs', 'network.log'),
  });
  // The board link resolves board-fs upload/download localPaths with workspace.resolvePath.
  const resources = resourcesDir();
  router.handle('help:get-explanations', ({ language }) => loadExplanations(resources, language, (m) => options.log.warn(m)));
  const workspace = new WorkspaceService({
    dataDir: options.dataDir,
    isGrantedFile: (path) => opened.isGranted(path),
    // The class's folder, when the profile names one, comes before the person's own setting.
    workspaceDir: async () => classroom.profile.workspaceDir ?? (await settings.get()).workspaceDir,
    examplesDir: resources ? join(resources, 'examples') : undefined,
  });
  // a classroom profile's own examples come first in the Examples menu
  registerWorkspaceHandlers(router, workspace, new ExampleCatalogue([classroom.profile.examplesDir, resources ? join(resources, 'examples', 'kit') : undefined], (m) => options.log.warn(m)));
  const recorder = new RecorderService({ root: () => workspace.root(), resolvePath: (path) => workspace.resolvePath(path) });
  registerPlotHandlers(router, recorder);
  disposers.push(() => recorder.dispose());
  const simulator = new SimulatorService({ dataDir: options.dataDir });
  registerSimulatorHandlers(router, simulator);
  disposers.push(() => simulator.stop());
  const serial = new SerialService();
  const drives = new DriveService({ extraFolders: options.extraDrives });
  const board = new BoardManager({
    serial,
    simulator,
    drives,
    resolveLocal: (path) => workspace.resolvePath(path),
    emit: (event, payload) => router.emit(event, payload),
    log: options.log,
  });
  const stopPortWatch = registerBoardHandlers(router, board, serial);
  const stopDriveWatch = registerDrivesHandlers(router, drives);
  let firmwareContextOnce: Promise<FirmwareContext> | undefined;
  const firmware = new FirmwareService({
    drives,
    workspaceRoot: () => workspace.root(),
    resolveLocal: (path) => workspace.resolvePath(path),
    bundledDir: resources ? join(resources, 'firmware') : null,
    onProgress: (opId, done, total) => router.emit('firmware:progress', { opId, done, total }),
    preferredFlavour: () => classroom.profile.flavour,
    context: () => (firmwareContextOnce ??= firmwareContext({ dataDir: options.dataDir, resources, settingMirror: async () => (await settings.get()).downloadMirror, net })),
  });
  registerFirmwareHandlers(router, firmware);
  // a classroom profile that says offline only keeps libraries to the cache and imported bundles
  registerLibraryHandlers(router, { dataDir: options.dataDir, net: classroom.profile.offlineOnly ? null : net, board, resolveLocal: (path) => workspace.resolvePath(path) });
  disposers.push(() => stopPortWatch(), () => stopDriveWatch(), () => serial.dispose(), () => drives.dispose(), () => board.dispose());

  return {
    router,
    opened,
    settings,
    net,
    simulator,
    async dispose() {
      for (const dispose of disposers.reverse()) await dispose();
    },
  };
}
