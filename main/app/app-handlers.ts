import type { AppInfo } from '../../shared/contracts/app';
import type { IpcRouter, Logger } from '../ipc/router';

export function registerAppHandlers(router: IpcRouter, info: AppInfo, log: Logger): void {
  router.handle('app:get-info', () => info);
  router.handle('app:report-error', ({ message, stack, source }) => {
    // The page's text is data: the logger escapes it, and the stack is logged as an error's
    // stack (each line indented under the entry), so it cannot forge entries of its own.
    const error = Object.assign(new Error(message), { stack: stack ? `${message}\n${stack}` : message });
    log.error(`renderer (${source}) reported an error`, error);
    return null;
  });
}
