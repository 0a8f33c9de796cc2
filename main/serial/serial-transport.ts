// A serial port as a Transport (serialport npm package). Opens with DTR and RTS asserted
// together (native USB boards need DTR; ESP auto-reset circuits stay quiet when both are
// equal), clears RTS before DTR on close (§0), retries a busy port briefly (ModemManager),
// and reports an unplug through onClose. Pseudo-terminals cannot take DTR/RTS: tolerated.
import { SerialPort } from 'serialport';
import { MoteError } from '../../shared/errors';
import type { Transport, TransportInfo } from '../board/transport';
import { hasFlowControl } from './flow-control';
import { findPortHolders, openError } from './serial-errors';

export interface SerialOpenOptions {
  baudRate?: number;
  /** Keep retrying an EBUSY/locked port this long (a port that just appeared may be probed by ModemManager). Default 0. */
  busyRetryMs?: number;
}

export class SerialTransport implements Transport {
  readonly info: TransportInfo;
  private readonly dataListeners = new Set<(data: Uint8Array) => void>();
  private readonly closeListeners = new Set<(error?: Error) => void>();
  private ended = false;
  /** Whether DTR/RTS could be set (false on pseudo-terminals). */
  signalsSupported = true;

  private constructor(
    private readonly port: SerialPort,
    flowControl: boolean,
  ) {
    this.info = { kind: 'serial', address: port.path, flowControl };
    port.on('data', (d: Buffer) => {
      for (const l of [...this.dataListeners]) l(d);
    });
    port.on('error', () => {
      // the matching 'close' (disconnected) carries the end; writes report their own errors
    });
    port.on('close', (err?: Error & { disconnected?: boolean }) => {
      // err.message is the OS's view ("bad file descriptor", "EIO"): it says nothing more to a person
      this.end(err ? new MoteError('board-unplugged', `The board at ${port.path} was unplugged or reset.`) : undefined);
    });
  }

  /** Opens `path` (any path: listed ports, /dev/serial/by-id links, pseudo-terminals). */
  static async open(path: string, options: SerialOpenOptions = {}): Promise<SerialTransport> {
    const deadline = Date.now() + (options.busyRetryMs ?? 0);
    for (;;) {
      const port = new SerialPort({ path, baudRate: options.baudRate ?? 115200, autoOpen: false, hupcl: true });
      const err = await new Promise<Error | null>((resolve) => port.open((e) => resolve(e ?? null)));
      if (!err) {
        const t = new SerialTransport(port, await hasFlowControl(path));
        await t.setSignals(true, true);
        return t;
      }
      const mapped = openError(path, err, { holders: /lock|busy|unavailable/i.test(err.message) ? findPortHolders(path) : [] });
      if (mapped.code === 'port-busy' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        continue;
      }
      throw mapped;
    }
  }

  get isOpen(): boolean {
    return !this.ended && this.port.isOpen;
  }

  async write(data: Uint8Array): Promise<void> {
    if (this.ended) return;
    await new Promise<void>((resolve) => {
      this.port.write(Buffer.from(data), (err) => {
        if (err) this.end(new MoteError('board-unplugged', `The board at ${this.port.path} went away while Mote was sending to it.`));
        resolve();
      });
    });
  }

  onData(listener: (data: Uint8Array) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Sets DTR and RTS in one call; ignored where the device cannot (pseudo-terminals). */
  async setSignals(dtr: boolean, rts: boolean): Promise<void> {
    if (!this.signalsSupported || !this.port.isOpen) return;
    await new Promise<void>((resolve) =>
      this.port.set({ dtr, rts }, (err) => {
        if (err) this.signalsSupported = false;
        resolve();
      }),
    );
  }

  async close(): Promise<void> {
    if (this.ended) return;
    if (this.port.isOpen) {
      // RTS first, then DTR: clearing DTR first resets ESP boards (§0)
      await this.setSignals(true, false);
      await this.setSignals(false, false);
      await new Promise<void>((resolve) => this.port.close(() => resolve()));
    }
    this.end();
  }

  private end(error?: Error): void {
    if (this.ended) return;
    this.ended = true;
    for (const l of [...this.closeListeners]) {
      try {
        l(error);
      } catch {
        // one listener's failure must not hide the close from the others
      }
    }
  }
}
