// IPC handlers of the workspace domain: thin wrappers over WorkspaceService.
import type { IpcRouter } from '../ipc/router';
import type { WorkspaceService } from './workspace-service';
import { ExampleCatalogue } from './examples';

export function registerWorkspaceHandlers(router: IpcRouter, workspace: WorkspaceService, examples = new ExampleCatalogue(undefined)): void {
  router.handle('workspace:list-examples', () => examples.list());
  router.handle('workspace:read-example', ({ id }) => examples.read(id));
  router.onConnectionClosed((connectionId) => workspace.connectionClosed(connectionId));
  router.handle('workspace:get-root', async () => ({ root: await workspace.root() }));
  router.handle('workspace:list', ({ path }) => workspace.list(path));
  router.handle('workspace:read-text', ({ path }) => workspace.readText(path));
  router.handle('workspace:write-text', async ({ path, text }) => (await workspace.writeText(path, text), null));
  router.handle('workspace:mkdir', async ({ path }) => (await workspace.mkdir(path), null));
  router.handle('workspace:remove', async ({ path }) => (await workspace.remove(path), null));
  router.handle('workspace:rename', async ({ from, to }) => (await workspace.rename(from, to), null));
  router.handle('workspace:journal-save', async (entry, sender) => (await workspace.journalSave(entry, sender.connectionId), null));
  router.handle('workspace:journal-discard', async ({ bufferId }) => (await workspace.journalDiscard(bufferId), null));
  router.handle('workspace:journal-list', () => workspace.journalList());
  router.handle('workspace:history-list', ({ board, path }) => workspace.historyList(board, path));
  router.handle('workspace:history-read', ({ id }) => workspace.historyRead(id));
  router.handle('workspace:history-save', ({ board, path, text }) => workspace.historySave(board, path, text));
}
