import type { AppInfo } from '../../shared/contracts/app';
import type { IpcRouter, Logger } from '../ipc/router';

export function registerAppHandlers(router: IpcRouter, info: AppInfo, log: Logger): void {
  router.handle('app:get-info', () => info);
  router.handle('app:report-error', ({ message, stack, source }) => {
    log.error(`renderer (${source}): ${message}${stack ? `\n${stack}` : ''}`);
    return null;
  });
}
