// IPC handlers of the firmware domain (shared/contracts/firmware.ts).
import type { IpcRouter } from '../ipc/router';
import type { FirmwareService } from './firmware-service';

export function registerFirmwareHandlers(router: IpcRouter, firmware: FirmwareService): void {
  router.handle('firmware:list', () => firmware.list());
  router.handle('firmware:check', ({ file, drivePath }) => firmware.check(file, drivePath));
  router.handle('firmware:install', ({ file, drivePath, opId }) => firmware.install(file, drivePath, opId));
  router.handle('firmware:offer', ({ drivePath }) => firmware.offer(drivePath));
  router.handle('firmware:download', ({ boardId, flavour, version, opId }) => firmware.download(boardId, flavour, version, opId));
  router.handle('firmware:import', ({ name, data, boardId }) => firmware.importFile(name, data, boardId));
  router.handle('firmware:refresh-catalog', () => firmware.refreshCatalog());
  router.handle('firmware:cancel', ({ opId }) => {
    firmware.cancel(opId);
    return null;
  });
}
