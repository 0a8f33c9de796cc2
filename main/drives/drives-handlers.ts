// IPC handlers of the drives domain: the list of mounted board drives and its hot-plug events.
import type { IpcRouter } from '../ipc/router';
import type { DriveService } from './drive-service';

/** Registers the handlers; returns the function that stops the hot-plug polling. */
export function registerDrivesHandlers(router: IpcRouter, drives: DriveService): () => void {
  router.handle('drives:list', () => drives.list());
  return drives.onDrivesChanged((list) => router.emit('drives:changed', list));
}
