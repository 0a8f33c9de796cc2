// SerialService lists serial ports with friendly names (usb-ids.ts), watches for ports coming
// and going by polling (serialport has no hot-plug events), and opens SerialTransports.
// Any path may be opened, listed or not: pseudo-terminals and /dev/serial/by-id links never show up in listings.
import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import type { PortInfo } from '../../shared/contracts/serial';
import { type SerialOpenOptions, SerialTransport } from './serial-transport';
import { describePort, type RawPort } from './usb-ids';

export interface SerialServiceOptions {
  /** Where ports come from (tests inject their own); defaults to serialport's SerialPort.list. */
  lister?: () => Promise<RawPort[]>;
  /** Poll interval for hot-plug while someone listens (default 1000 ms). */
  pollMs?: number;
}

export class SerialService {
  private readonly lister: () => Promise<RawPort[]>;
  private readonly listeners = new Set<(ports: PortInfo[]) => void>();
  private timer: NodeJS.Timeout | undefined;
  private lastKey = '';
  private polling = false;

  constructor(private readonly options: SerialServiceOptions = {}) {
    this.lister = options.lister ?? (() => SerialPort.list());
  }

  /** The ports the OS lists now, boards Mote recognises first. */
  async listPorts(): Promise<PortInfo[]> {
    const raw = await this.lister();
    return raw
      .map(describePort)
      .sort((a, b) => Number(b.isKnownBoard) - Number(a.isKnownBoard) || a.path.localeCompare(b.path));
  }

  /** Called with the full list whenever a port appears or disappears; polling runs while anyone listens. */
  onPortsChanged(listener: (ports: PortInfo[]) => void): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      void this.poll();
      this.timer = setInterval(() => void this.poll(), this.options.pollMs ?? 1000);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopPolling();
    };
  }

  /**
   * Reports whether one port is there: at once, then whenever that changes. A port counts as
   * there when its path exists (ptys, /dev/serial/by-id links and paths typed by hand never appear
   * in listings) or the OS lists it (COM ports on Windows are not files).
   */
  watchPath(path: string, listener: (present: boolean) => void): () => void {
    let last: boolean | null = null;
    let checking = false;
    const check = async () => {
      if (checking) return;
      checking = true;
      try {
        const present = existsSync(path) || (await this.lister().catch((): RawPort[] => [])).some((p) => p.path === path);
        if (present !== last && timer) {
          last = present;
          listener(present);
        }
      } finally {
        checking = false;
      }
    };
    let timer: NodeJS.Timeout | undefined = setInterval(() => void check(), this.options.pollMs ?? 1000);
    void check();
    return () => {
      clearInterval(timer);
      timer = undefined;
    };
  }

  /** Opens any path as a serial transport; a port that just appeared gets a few seconds if busy (ModemManager). */
  open(path: string, options: SerialOpenOptions = {}): Promise<SerialTransport> {
    return SerialTransport.open(path, { busyRetryMs: 3000, ...options });
  }

  dispose(): void {
    this.listeners.clear();
    this.stopPolling();
  }

  private stopPolling(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.lastKey = '';
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const ports = await this.listPorts();
      const key = ports.map((p) => `${p.path}|${p.vendorId}|${p.productId}|${p.serialNumber}`).join('\n');
      if (key !== this.lastKey) {
        this.lastKey = key;
        for (const l of [...this.listeners]) l(ports);
      }
    } catch {
      // listing failed this time (udev busy); the next poll tries again
    } finally {
      this.polling = false;
    }
  }
}
