// Installing firmware on a board in bootloader mode: the board and the newest firmware
// available offline are picked already (firmware-picker.ts); see at once whether it fits,
// install with progress, and learn what happened. Main checks everything again; this only
// explains it before the click.
import type { BoardDriveInfo } from '../../shared/contracts/drives';
import type { FirmwareFile, FirmwareInstallResult } from '../../shared/contracts/firmware';
import { api, call } from '../api';
import { formatBytes, h } from '../app/dom';
import { newOpId } from '../files/transfer-view';
import { openDialog } from '../ui/dialog';
import { FirmwarePicker } from './firmware-picker';

/** 'Raspberry Pi RP2 (RPI-RP2)': what INFO_UF2.TXT says the board is. */
export function describeBootloader(drive: BoardDriveInfo): string {
  const model = drive.uf2Info?.Model;
  return model ? `${model} (${drive.label})` : drive.label;
}

export type InstallOutcome =
  | { status: 'installed'; result: FirmwareInstallResult }
  | { status: 'failed'; message: string }
  /** Stopped part-way: the message says what state the board is in. */
  | { status: 'stopped'; message: string }
  /** Closed before anything was sent. */
  | { status: 'cancelled' };

/** Runs the whole dialog; resolves with what happened (cancelled when the person closed it first). */
export async function installFirmware(drive: BoardDriveInfo): Promise<InstallOutcome> {
  const [files, offer] = await Promise.all([call('firmware:list', {}), call('firmware:offer', { drivePath: drive.path })]);
  const picker = new FirmwarePicker(files, offer, drive.path);
  const verdict = h('p', { class: 'firmware-verdict', 'aria-live': 'polite' });
  const body = h(
    'div',
    { class: 'firmware-picker' },
    h(
      'p',
      {},
      drive.kind === 'microbit'
        ? `The micro:bit on ${drive.label} takes firmware as a .hex file. Installing replaces the program it runs now, and the files saved on it.`
        : `${describeBootloader(drive)} is waiting for firmware. Installing replaces what the board ran before; the files you saved on it stay unless the firmware says otherwise.`,
    ),
    picker.element,
    verdict,
  );
  let checkSeq = 0;
  let installButton: HTMLButtonElement | null = null;
  const check = async () => {
    const file = picker.chosen();
    const seq = ++checkSeq;
    if (installButton) installButton.disabled = true;
    if (!file) {
      verdict.className = 'firmware-verdict';
      verdict.textContent = '';
      return;
    }
    verdict.className = 'firmware-verdict';
    verdict.textContent = 'Checking…';
    const r = await api.invoke('firmware:check', { file: { source: file.source, path: file.path }, drivePath: drive.path });
    if (seq !== checkSeq) return;
    // a file the board would ignore (or a corrupt one) cannot be installed from here
    if (installButton) installButton.disabled = !r.ok;
    if (r.ok) {
      verdict.className = r.value.warning ? 'firmware-verdict warning' : 'firmware-verdict ok';
      const what = r.value.title ? `${r.value.title} for ${r.value.families.join(' and ')}` : `${r.value.families.join(' and ')} firmware`;
      verdict.textContent = `Fits this board: ${what}, ${formatBytes(r.value.bytes)}.${r.value.warning ? ` ${r.value.warning}` : ''}`;
    } else {
      verdict.className = 'firmware-verdict error';
      verdict.textContent = r.message;
    }
  };
  picker.onChange(() => void check());
  const choice = await openDialog(`Install firmware on ${drive.label}`, body, [{ value: 'cancel', label: 'Cancel' }, { value: 'install' as const, label: 'Install', primary: true }], {
    onOpen: (dialog) => {
      installButton = dialog.querySelector<HTMLButtonElement>('button[data-value=install]');
      void check();
    },
  });
  const file = picker.chosen();
  if (choice !== 'install' || !file) return { status: 'cancelled' };
  return runInstall(file, drive);
}

/** The install itself, in a dialog with a progress bar that closes when the board has restarted. */
async function runInstall(file: FirmwareFile, drive: BoardDriveInfo): Promise<InstallOutcome> {
  const opId = newOpId();
  const bar = h('progress', { max: '1', value: '0', 'aria-label': `Installing ${file.name}` });
  const detail = h('p', { class: 'hint', 'aria-live': 'polite' }, 'Starting…');
  const off = api.on('firmware:progress', (p) => {
    if (p.opId !== opId) return;
    bar.max = Math.max(1, p.total);
    bar.value = p.done;
    detail.textContent = p.done < p.total ? `${formatBytes(p.done)} of ${formatBytes(p.total)} sent` : 'Sent. Waiting for the board to restart…';
  });
  let install: Promise<InstallOutcome> = Promise.resolve({ status: 'cancelled' });
  try {
    await openDialog(`Installing ${file.name}`, h('div', { class: 'firmware-progress' }, bar, detail, h('p', { class: 'hint' }, 'Keep the board plugged in.')), [{ value: 'cancel', label: 'Stop' }], {
      onOpen: (_dialog, finish) => {
        install = api.invoke('firmware:install', { file: { source: file.source, path: file.path }, drivePath: drive.path, opId }).then((r): InstallOutcome => {
          if (r.ok) return { status: 'installed', result: r.value };
          return r.code === 'cancelled' ? { status: 'stopped', message: r.message } : { status: 'failed', message: r.message };
        });
        void install.then(() => finish('cancel'));
      },
    });
    // Closed by Stop or Escape before the end: ask main to stop (harmless when it has finished).
    await call('firmware:cancel', { opId }).catch(() => undefined);
    return await install;
  } finally {
    off();
  }
}
