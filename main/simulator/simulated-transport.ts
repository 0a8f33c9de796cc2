// The simulated board as a Transport: bytes to the VM worker through the shared stdin ring
// (Ctrl-C reaches a busy worker through the SAB interrupt word, never as a message) and bytes
// from the worker's output messages. The SimulatorService owns the worker and feeds this.

import type { Transport, TransportInfo } from '../board/transport';

/** What the transport needs from the service that owns the worker. */
export interface SimulatedLink {
  /** Queues bytes into the current worker's stdin ring (and raises the interrupt word on Ctrl-C). */
  send(data: Uint8Array): void;
  /** Called when the transport closes; the board keeps running, as a real board does. */
  detach(transport: SimulatedTransport): void;
}

export class SimulatedTransport implements Transport {
  readonly info: TransportInfo;
  private readonly dataListeners = new Set<(data: Uint8Array) => void>();
  private readonly closeListeners = new Set<(error?: Error) => void>();
  private open = true;

  constructor(
    profile: string,
    private readonly link: SimulatedLink,
  ) {
    this.info = { kind: 'simulated', address: profile, flowControl: true }; // the worker's stdin queue waits for ring space
  }

  get isOpen(): boolean {
    return this.open;
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.open) return;
    this.link.send(data);
  }

  onData(listener: (data: Uint8Array) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.end();
  }

  /** Delivers board output (called by the service). */
  deliver(data: Uint8Array): void {
    if (!this.open) return;
    for (const l of [...this.dataListeners]) {
      try {
        l(data);
      } catch {
        // a listener's failure must not stop the others or the worker's output
      }
    }
  }

  /** Ends the stream; `error` when the board went away (the service stopped for good). */
  end(error?: Error): void {
    if (!this.open) return;
    this.open = false;
    this.link.detach(this);
    for (const l of [...this.closeListeners]) {
      try {
        l(error);
      } catch {
        // ignore listener failures on close
      }
    }
    this.dataListeners.clear();
    this.closeListeners.clear();
  }
}
