// The Web Serial SerialPort shape esptool-js expects (open/close, readable/writable streams,
// setSignals, getInfo), built on the serialport package so esptool-js runs in main under
// Node (espressif/esptool-js issue #117: there is no Node transport). It can be closed and
// opened again (esptool-js reconnects after a failed chip detection), changes baud rate in
// place, and records the DTR/RTS changes it was asked for: a pseudo-terminal cannot carry
// them, so tests read the reset sequence from here.
import { SerialPort } from 'serialport';

export interface SignalChange {
  dtr?: boolean;
  rts?: boolean;
}

export class WebSerialPort {
  readable: ReadableStream<Uint8Array> | null = null;
  writable: WritableStream<Uint8Array> | null = null;
  /** Every setSignals call, in order (whether or not the device could take it). */
  readonly signals: SignalChange[] = [];
  /** Times the port was opened (1 + reconnects). */
  opens = 0;
  private port: SerialPort | null = null;

  constructor(
    readonly path: string,
    private readonly info: { usbVendorId?: number; usbProductId?: number } = {},
  ) {}

  getInfo(): { usbVendorId?: number; usbProductId?: number } {
    return { ...this.info };
  }

  async open(options: { baudRate: number }): Promise<void> {
    if (this.port) throw new Error(`${this.path} is already open`);
    const port = new SerialPort({ path: this.path, baudRate: options.baudRate, autoOpen: false, hupcl: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    this.port = port;
    this.opens++;
    let closed = false;
    this.readable = new ReadableStream<Uint8Array>({
      start(controller) {
        port.on('data', (d: Buffer) => !closed && controller.enqueue(new Uint8Array(d)));
        port.on('close', () => {
          if (!closed) controller.close();
          closed = true;
        });
      },
      cancel() {
        closed = true;
      },
    });
    this.writable = new WritableStream<Uint8Array>({
      write: (chunk) => new Promise<void>((resolve, reject) => port.write(Buffer.from(chunk), (e) => (e ? reject(e) : port.drain(() => resolve())))),
    });
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    this.readable = null;
    this.writable = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  async setSignals(signals: { dataTerminalReady?: boolean; requestToSend?: boolean; break?: boolean }): Promise<void> {
    const change: SignalChange = {};
    if (signals.dataTerminalReady !== undefined) change.dtr = signals.dataTerminalReady;
    if (signals.requestToSend !== undefined) change.rts = signals.requestToSend;
    this.signals.push(change);
    const port = this.port;
    if (!port) return;
    // pseudo-terminals refuse modem lines (ENOTTY): the reset then has to be done by hand
    await new Promise<void>((resolve) => port.set({ ...change, ...(signals.break !== undefined ? { brk: signals.break } : {}) }, () => resolve()));
  }

  async setBaudRate(baudRate: number): Promise<void> {
    const port = this.port;
    if (port) await new Promise<void>((resolve, reject) => port.update({ baudRate }, (e) => (e ? reject(e) : resolve())));
  }
}
