// CircuitPython supervisor (runtime.autoreload, reload()) and storage (getmount, remount,
// disable_usb_drive) for the simulated CIRCUITPY drive.

import type { BoardContext } from '../context';
import { arg, fn, instance, module, nativeClass, None, raise, toBool, toStr } from '../py';
import { pyErr } from '../../objects/exception';

/** The SystemExit argument supervisor.reload() raises: the board reloads code.py. */
export const RELOAD_MARK = '__mote_reload__';

export function makeSupervisor(ctx: BoardContext) {
  const Runtime = nativeClass('Runtime', {
    module: 'supervisor',
    props: {
      autoreload: { get: () => ctx.autoreload, set: (_s, v) => void (ctx.autoreload = toBool(v)) },
      serial_connected: { get: () => true },
      usb_connected: { get: () => true },
      serial_bytes_available: { get: () => 0 },
    },
  });
  return module('supervisor', {
    runtime: instance(Runtime, {}),
    reload: fn('reload', () => {
      throw pyErr('SystemExit', RELOAD_MARK);
    }),
    disable_autoreload: fn('disable_autoreload', () => ((ctx.autoreload = false), None)),
    enable_autoreload: fn('enable_autoreload', () => ((ctx.autoreload = true), None)),
  });
}

export function makeStorage(ctx: BoardContext) {
  const VfsFat = nativeClass('VfsFat', {
    module: 'storage',
    props: {
      readonly: { get: () => !ctx.storage.pythonWritable },
      label: { get: () => 'CIRCUITPY' },
    },
  });
  const root = instance(VfsFat, {});
  return module('storage', {
    VfsFat,
    getmount: fn('getmount', (a) => {
      if (toStr(a[0]) !== '/') raise('OSError', 'not a mount point');
      return root;
    }),
    // remount(mount_path, readonly=False, *, disable_concurrent_write_protection=False)
    remount: fn('remount', (a, kw) => {
      const readonly = toBool(arg(a, kw, 1, 'readonly', false));
      const force = toBool(arg(a, kw, 2, 'disable_concurrent_write_protection', false));
      if (!ctx.storage.inBoot && ctx.storage.presented && !force) raise('RuntimeError', "Cannot remount '/' when visible via USB.");
      ctx.storage.setPythonWritable(!readonly);
      return None;
    }),
    disable_usb_drive: fn('disable_usb_drive', () => (ctx.storage.setPythonWritable(true), None)),
    enable_usb_drive: fn('enable_usb_drive', () => None),
  });
}
