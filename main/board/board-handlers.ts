// IPC handlers of the board, board-fs and serial domains, all backed by one BoardManager.
import type { IpcRouter } from '../ipc/router';
import type { SerialService } from '../serial/serial-service';
import type { BoardManager } from './board-manager';

export function registerBoardHandlers(router: IpcRouter, board: BoardManager, serial: SerialService): () => void {
  router.handle('board:get-state', () => board.getState());
  router.handle('board:list-simulated', () => board.simulatedProfiles());
  router.handle('board:connect', ({ target }) => board.connect(target));
  router.handle('board:disconnect', async () => {
    await board.disconnect();
    return null;
  });
  router.handle('board:terminal-write', async ({ data }) => {
    await board.terminalWrite(data);
    return null;
  });
  router.handle('board:terminal-resize', () => null);
  router.handle('board:run', ({ source }) => board.run(source));
  router.handle('board:stop', async () => {
    await board.stop();
    return null;
  });
  router.handle('board:reset', async ({ mode }) => {
    await board.reset(mode);
    return null;
  });

  router.handle('board-fs:list', ({ path, recursive }) => board.list(path, recursive));
  router.handle('board-fs:read-text', ({ path }) => board.readText(path));
  router.handle('board-fs:free', ({ path }) => board.freeBytes(path));
  router.handle('board-fs:write-text', async ({ path, text }) => {
    await board.writeText(path, text);
    return null;
  });
  router.handle('board-fs:upload', async ({ localPath, path, opId }) => {
    await board.upload(localPath, path, opId);
    return null;
  });
  router.handle('board-fs:download', async ({ path, localPath, opId }) => {
    await board.download(path, localPath, opId);
    return null;
  });
  router.handle('board-fs:mkdir', async ({ path }) => {
    await board.mkdir(path);
    return null;
  });
  router.handle('board-fs:remove', async ({ path, recursive }) => {
    await board.remove(path, recursive);
    return null;
  });
  router.handle('board-fs:rename', async ({ from, to }) => {
    await board.rename(from, to);
    return null;
  });
  router.handle('board-fs:cancel', ({ opId }) => {
    board.cancel(opId);
    return null;
  });

  router.handle('serial:list-ports', () => serial.listPorts());
  // Hot-plug polling runs for the app's lifetime; the returned function stops it.
  return serial.onPortsChanged((ports) => router.emit('serial:ports-changed', ports));
}
