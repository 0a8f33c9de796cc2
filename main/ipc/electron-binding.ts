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
  for (const channel of router.registeredChannels()) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event)) {
        log.warn(`IPC refused ${channel} from untrusted sender ${event.senderFrame?.url ?? '(no frame)'}`);
        return { ok: false, code: 'forbidden-sender', message: 'Only the Mote window may call this.' };
      }
      return router.invoke(channel, payload, { host: 'electron', connectionId: String(event.sender.id) });
    });
  }
  router.addSink((event, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed()) win.webContents.send(event, payload);
    }
  });
}
