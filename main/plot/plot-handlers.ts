// IPC handlers of the plot domain: thin wrappers over RecorderService.
import type { IpcRouter } from '../ipc/router';
import type { RecorderService } from './recorder-service';

export function registerPlotHandlers(router: IpcRouter, recorder: RecorderService): void {
  router.onConnectionClosed((connectionId) => void recorder.connectionClosed(connectionId));
  router.handle('plot:record-start', ({ name, header }, sender) => recorder.start(name, header, sender.connectionId));
  router.handle('plot:record-append', ({ id, rows }) => recorder.append(id, rows));
  router.handle('plot:record-stop', ({ id }) => recorder.stop(id));
}
