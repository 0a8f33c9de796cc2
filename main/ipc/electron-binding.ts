// Carries the contract over Electron IPC: one ipcMain.handle per contract channel that has a
// handler, each checking that the sender is the main frame of our own app:// page before the
// router validates the payload. Events go to every window through webContents.send.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { APP_ORIGIN } from '../app-protocol';
import type { IpcRouter, Logger } from './router';

/** Only the top frame of a page served from app://mote may call main. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame !== event.sender.mainFrame) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN || frame.url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

export function bindElectronIpc(router: IpcRouter, log: Logger): void {
  // A connection is one page load of one window: a reload starts a new one (and ends the old,
  // so the journal offers what the old page left), as a new socket does on the web host.
  const loads = new Map<number, number>();
  const connectionOf = (sender: IpcMainInvokeEvent['sender']): string => {
    if (!loads.has(sender.id)) {
      loads.set(sender.id, 0);
      const id = sender.id;
      const end = () => router.connectionClosed(`${id}.${loads.get(id) ?? 0}`);
      // at the start of a new document (a reload), before its first call: the old page's last
      // journal saves, sent from beforeunload, have arrived by then
      sender.on('did-start-navigation', (details: { isMainFrame?: boolean; isSameDocument?: boolean }) => {
        if (details.isMainFrame === false || details.isSameDocument) return;
        end();
        loads.set(id, (loads.get(id) ?? 0) + 1);
      });
      sender.once('destroyed', () => {
        end();
        loads.delete(id);
      });
    }
    return `${sender.id}.${loads.get(sender.id)}`;
  };
  for (const channel of router.registeredChannels()) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event)) {
        log.warn(`IPC refused ${channel} from untrusted sender ${event.senderFrame?.url ?? '(no frame)'}`);
        return { ok: false, code: 'forbidden-sender', message: 'Only the Mote window may call this.' };
      }
      return router.invoke(channel, payload, { host: 'electron', connectionId: connectionOf(event.sender) });
    });
  }
  router.addSink((event, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed()) win.webContents.send(event, payload);
    }
  });
}
