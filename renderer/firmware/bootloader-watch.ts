// Boards in bootloader mode (a Pico plugged in with BOOTSEL held, or one that was never given
// firmware): says so once when one appears, keeps an "Install firmware…" button in the Board
// panel while it is there, and after an install connects to the board when its port appears.
import type { BoardDriveInfo } from '../../shared/contracts/drives';
import type { PortInfo } from '../../shared/contracts/serial';
import { api } from '../api';
import { h } from '../app/dom';
import { guard } from '../app/errors';
import type { Notices } from '../ui/notices';
import { describeBootloader, installFirmware, type InstallOutcome } from './firmware-dialog';

/** How long to wait for a freshly flashed board's serial port. */
const PORT_WAIT_MS = 30_000;

export class BootloaderWatch {
  readonly element = h('div', { class: 'bootloaders', hidden: true });
  /** Drives already announced, with the function that takes their notice away. */
  private readonly seen = new Map<string, () => void>();
  /** The drive list last drawn (the startup answer and the first event may repeat it). */
  private shown = '';
  private installing = false;

  constructor(
    private readonly notices: Notices,
    /** Connects to a freshly flashed board, unless Mote is already on its way back to that port. */
    private readonly connect: (path: string) => Promise<unknown>,
  ) {
    api.on('drives:changed', (drives) => this.update(drives));
    void api.invoke('drives:list', {}).then((r) => r.ok && this.update(r.value));
  }

  private update(all: BoardDriveInfo[]): void {
    // a micro:bit always shows its MICROBIT drive: it gets the button, not the notice
    const drives = all.filter((d) => d.kind === 'uf2-bootloader' || d.kind === 'microbit');
    const key = JSON.stringify(drives);
    if (key === this.shown) return; // keep the buttons in place
    this.shown = key;
    this.element.hidden = drives.length === 0;
    this.element.replaceChildren(
      ...drives.map((d) =>
        h('div', { class: 'bootloader' },
          h('p', { class: 'hint' }, d.kind === 'microbit' ? `A micro:bit is plugged in (${d.label}).` : `${describeBootloader(d)} is in bootloader mode, waiting for firmware. (Unplugging it leaves this mode, with the firmware it had.)`),
          h('button', { type: 'button', class: 'btn small primary', onclick: guard('firmware', () => this.install(d)) }, `Install firmware on ${d.label}…`),
        ),
      ),
    );
    for (const d of drives) {
      if (this.seen.has(d.path) || d.kind === 'microbit') continue;
      const offer = this.installing
        ? () => undefined
        : this.notices.show(`A board in bootloader mode is plugged in: ${describeBootloader(d)}.`, 'info', [{ label: 'Install firmware…', run: guard('firmware', () => this.install(d)) }]);
      this.seen.set(d.path, offer);
    }
    // a drive that went away takes its offer along, and is news again if it comes back
    for (const [path, dismiss] of [...this.seen]) {
      if (drives.some((d) => d.path === path)) continue;
      dismiss();
      this.seen.delete(path);
    }
  }

  private async install(drive: BoardDriveInfo): Promise<void> {
    if (this.installing) return;
    this.installing = true;
    this.seen.get(drive.path)?.();
    let outcome: InstallOutcome;
    const portsBefore = await knownPorts();
    try {
      outcome = await installFirmware(drive);
    } finally {
      this.installing = false;
    }
    if (outcome.status === 'cancelled') return;
    if (outcome.status !== 'installed' || !outcome.result.rebooted) {
      if (outcome.status === 'failed') this.notices.show(`The firmware was not installed: ${outcome.message}`, 'error');
      else if (outcome.status === 'stopped') this.notices.show(outcome.message, 'warning');
      else this.notices.show(outcome.result.warning ?? 'The board did not restart after the copy.', 'warning');
      return;
    }
    const { result } = outcome;
    if (drive.kind === 'microbit') {
      this.notices.show(`Installed MicroPython on the ${result.families.join(' and ')}. It restarts with it; connect to its serial port to use the REPL.${result.warning ? ` ${result.warning}` : ''}`, 'info');
      return;
    }
    this.notices.show(`Installed the ${result.families.join(' and ')} firmware on ${drive.label}. The board restarted; Mote connects to it when its port appears.${result.warning ? ` ${result.warning}` : ''}`, 'info');
    await this.connectWhenBack(portsBefore);
  }

  /** Says what the freshly flashed board's banner reports it now runs ("MicroPython 1.27.0"). */
  private async announceVersion(): Promise<void> {
    const r = await api.invoke('board:get-state', {});
    const info = r.ok ? r.value.info : undefined;
    if (!info || info.flavour === 'unknown' || !info.version) return;
    this.notices.show(`${info.name} now runs ${info.flavour === 'micropython' ? 'MicroPython' : 'CircuitPython'} ${info.version}.`, 'info');
  }

  /** Connects to the first recognised board port that was not there before the install. */
  private connectWhenBack(before: Set<string>): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        off();
        clearTimeout(timer);
        resolve();
      };
      const off = api.on('serial:ports-changed', (ports: PortInfo[]) => {
        const fresh = ports.find((p) => p.isKnownBoard && !before.has(p.path));
        if (fresh) {
          done();
          void this.connect(fresh.path).then(() => this.announceVersion());
        }
      });
      const timer = setTimeout(() => {
        done();
        this.notices.show('The board has not shown up as a serial port yet. If it runs CircuitPython, look for its CIRCUITPY drive; otherwise unplug it and plug it in again, then press Connect.', 'warning');
      }, PORT_WAIT_MS);
    });
  }
}

async function knownPorts(): Promise<Set<string>> {
  const r = await api.invoke('serial:list-ports', {});
  return new Set(r.ok ? r.value.filter((p) => p.isKnownBoard).map((p) => p.path) : []);
}
