import type { IpcRouter } from '../ipc/router';
import type { SettingsService } from './settings-service';

export function registerSettingsHandlers(router: IpcRouter, settings: SettingsService): void {
  router.handle('settings:get', () => settings.get());
  router.handle('settings:update', ({ changes }) => settings.update(changes));
  settings.onChange((value) => router.emit('settings:changed', value));
}
