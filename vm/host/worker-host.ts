// The BoardHost of the worker thread: stdin and Ctrl-C from the SharedArrayBuffer, output and
// state as port messages, owner messages drained synchronously with receiveMessageOnPort (the
// worker never returns to its event loop while the board runs), and Atomics.wait for sleeps.

import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { BoardHooks, BoardHost } from '../board/board-host';
import type { SimStateChange } from '../board/sim/sim-board';
import type { VmFilesystem } from '../host-io';
import type { FromWorker } from './protocol';
import { StdinReader } from './protocol';

const OUTPUT_CHUNK = 16 * 1024;
/**
 * Output rate of the simulated board: about what a Pico's USB CDC sustains for print (full
 * speed is 1 MB/s on the wire, less in practice). A program printing in a tight loop blocks
 * here, as a board blocks on its USB buffer. It was 2 MiB/s: measured in Chromium on a loaded
 * machine, a flood at that rate kept the worker and main so busy that Stop took 0.9–5 s to end
 * the run; at 512 KiB/s it is a fraction of that (board-flood.spec.ts prints the figures).
 */
const OUTPUT_BYTES_PER_SEC = 512 * 1024;
/**
 * Output posted that the owner has not taken yet, at most: when main is busy (or starved), a
 * printing program waits here instead of piling messages up in main's queue without limit.
 */
const MAX_OUTPUT_IN_FLIGHT = 1024 * 1024;
const FLUSH_EVERY_MS = 15;
const DRAIN_EVERY_MS = 5;

export class WorkerHost implements BoardHost {
  private readonly stdin: StdinReader;
  private out: number[] = [];
  private lastFlush = 0;
  private lastDrain = 0;
  private running = false;
  private interruptRequested = false;
  private hooks: BoardHooks | null = null;
  private readonly t0 = performance.now();

  constructor(
    sab: SharedArrayBuffer,
    private readonly port: MessagePort,
    readonly fs: VmFilesystem | null,
    bootloader = false,
  ) {
    this.stdin = new StdinReader(sab);
    if (bootloader) {
      this.enterBootloader = () => {
        this.flush();
        this.post({ type: 'bootloader' });
      };
    }
  }

  /** Present when the owner emulates the bootloader (WorkerInit.bootloader). */
  readonly enterBootloader?: () => void;

  attach(hooks: BoardHooks): void {
    this.hooks = hooks;
  }

  // #region output

  write(text: string): void {
    this.text(text);
  }

  raw(s: string): void {
    for (let i = 0; i < s.length; i++) this.out.push(s.charCodeAt(i) & 0xff);
    if (this.out.length >= OUTPUT_CHUNK) this.flush();
  }

  text(s: string): void {
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c === 10) this.out.push(13);
        this.out.push(c);
        continue;
      }
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        const lo = s.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
          i++;
        }
      }
      if (c < 0x800) this.out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
      else if (c < 0x10000) this.out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
      else this.out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    }
    if (this.out.length >= OUTPUT_CHUNK) this.flush();
  }

  flush(): void {
    this.lastFlush = this.monotonicMs();
    if (this.out.length === 0) return;
    const data = Uint8Array.from(this.out);
    this.out = [];
    this.throttle(data.length);
    this.waitForOutputRoom();
    this.posted = (this.posted + data.length) >>> 0;
    this.post({ type: 'output', data }, [data.buffer as ArrayBuffer]);
  }

  /** machine.reset(): what was printed goes out, then the owner hears that the port dropped. */
  portDrop(): void {
    this.flush();
    this.post({ type: 'usb-reset' });
  }

  /** Output bytes posted so far (uint32, compared with the owner's SabWord.OUTPUT_TAKEN). */
  private posted = 0;

  /** Blocks while more than MAX_OUTPUT_IN_FLIGHT bytes are unread by the owner (Ctrl-C still gets through). */
  private waitForOutputRoom(): void {
    while (((this.posted - this.stdin.outputTaken()) >>> 0) > MAX_OUTPUT_IN_FLIGHT && !this.stdin.hasCtrlC() && !this.interruptRequested) {
      this.stdin.beat();
      const seen = this.stdin.wakeValue();
      if (((this.posted - this.stdin.outputTaken()) >>> 0) <= MAX_OUTPUT_IN_FLIGHT) return;
      this.stdin.waitForWake(seen, 50);
    }
  }

  private windowStart = 0;
  private windowBytes = 0;

  /** Blocks while the output rate is above OUTPUT_BYTES_PER_SEC (Ctrl-C still gets through). */
  private throttle(n: number): void {
    const now = this.monotonicMs();
    if (now - this.windowStart >= 100) {
      this.windowStart = now;
      this.windowBytes = 0;
    }
    this.windowBytes += n;
    const allowed = OUTPUT_BYTES_PER_SEC / 10;
    if (this.windowBytes <= allowed) return;
    const waitMs = ((this.windowBytes - allowed) / OUTPUT_BYTES_PER_SEC) * 1000;
    const until = now + Math.min(waitMs, 500);
    while (this.monotonicMs() < until && !this.stdin.hasCtrlC()) {
      this.stdin.beat();
      this.stdin.waitForWake(this.stdin.wakeValue(), until - this.monotonicMs());
    }
  }

  publishState(changes: SimStateChange[]): void {
    if (changes.length > 0) this.post({ type: 'state', changes });
  }

  // #endregion

  // #region input, time, interrupts

  setRunning(running: boolean): void {
    if (running) this.drainMessages();
    this.running = running;
    this.stdin.setBusy(running);
    // as pyexec.c: Ctrl-C is armed whenever code starts, whatever the last program chose with
    // micropython.kbd_intr(), and is an ordinary key at the prompt
    this.stdin.setInterruptChar(running ? 0x03 : -1);
    if (!running) this.interruptRequested = false;
  }

  setInterruptChar(c: number): void {
    // only running code can call kbd_intr(); at the prompt none stays armed
    if (this.running) this.stdin.setInterruptChar(c);
  }

  requestInterrupt(): void {
    this.interruptRequested = true;
  }

  poll(): boolean {
    this.stdin.beat();
    const now = this.monotonicMs();
    if (now - this.lastDrain >= DRAIN_EVERY_MS) {
      this.lastDrain = now;
      this.drainMessages();
      this.hooks?.service(this.running);
    }
    if (now - this.lastFlush >= FLUSH_EVERY_MS) this.flush();
    if (this.interruptRequested) {
      this.interruptRequested = false;
      return true;
    }
    if (this.stdin.takeInterruptFlag() && this.stdin.hasCtrlC()) {
      this.stdin.clearThroughLastCtrlC();
      return true;
    }
    return false;
  }

  wait(ms: number): void {
    this.flush();
    this.stdin.beat();
    const seen = this.stdin.wakeValue();
    if (this.stdin.hasCtrlC() || this.interruptRequested) return;
    const next = this.hooks ? this.hooks.msUntilNextEvent() : Infinity;
    const t = Math.min(ms, next);
    if (t > 0) this.stdin.waitForWake(seen, t);
    this.lastDrain = 0; // make the poll that follows drain messages
  }

  readByte(): number {
    this.flush();
    for (;;) {
      const b = this.stdin.take();
      if (b >= 0 && b === this.stdin.interruptChar()) {
        this.stdin.clearThroughLastCtrlC();
        this.stdin.takeInterruptFlag();
        return -2;
      }
      if (b >= 0) {
        this.afterRead();
        return b;
      }
      if (this.interruptRequested) {
        this.interruptRequested = false;
        return -2;
      }
      this.idleWait(this.running);
    }
  }

  stdinReady(ms: number): number {
    // a queued Ctrl-C is no input (a board's USB stack takes it out of the stream): the VM's
    // next poll raises KeyboardInterrupt
    if (this.stdin.hasCtrlC()) {
      this.stdin.clearThroughLastCtrlC();
      this.stdin.takeInterruptFlag();
      this.interruptRequested = true;
      return 0;
    }
    const n = this.stdin.available();
    if (n > 0 || ms <= 0) return n;
    this.flush();
    this.stdin.beat();
    // read WAKE before looking again, so bytes queued from here on end the wait
    const seen = this.stdin.wakeValue();
    if (this.stdin.available() > 0 || this.interruptRequested) return this.stdinReady(0);
    const next = this.hooks ? this.hooks.msUntilNextEvent() : Infinity;
    const t = Math.min(ms, next);
    if (t > 0) this.stdin.waitForWake(seen, t);
    this.lastDrain = 0; // make the poll that follows drain messages and service the board
    return this.stdinReady(0);
  }

  readIdle(): number {
    // owner messages sent before these bytes (a panel input, then a command) apply first
    this.drainMessages();
    for (;;) {
      const b = this.stdin.take();
      if (b >= 0) {
        this.afterRead();
        return b;
      }
      this.idleWait(false);
    }
  }

  monotonicMs(): number {
    return performance.now() - this.t0;
  }

  wallMs(): number {
    return Date.now();
  }

  /** The worker's own JS heap, so the VM can raise MemoryError before a runaway allocation exhausts it. */
  memoryUsage(): number {
    return process.memoryUsage().heapUsed;
  }

  // #endregion

  private afterRead(): void {
    if (this.stdin.takeNeedSpace()) this.post({ type: 'stdin-space' });
  }

  /** Nothing to read: service the board, flush, then sleep until input, a message or the next event. */
  private idleWait(running: boolean): void {
    this.drainMessages();
    this.hooks?.service(running);
    this.flush();
    if (this.stdin.available() > 0) return;
    const seen = this.stdin.wakeValue();
    if (this.stdin.available() > 0) return;
    this.stdin.beat();
    const next = this.hooks ? this.hooks.msUntilNextEvent() : Infinity;
    this.stdin.waitForWake(seen, Math.min(next, 1000));
  }

  private drainMessages(): void {
    for (;;) {
      const m = receiveMessageOnPort(this.port);
      if (!m) return;
      this.hooks?.message(m.message);
    }
  }

  private post(msg: FromWorker, transfer?: ArrayBuffer[]): void {
    this.port.postMessage(msg, transfer);
  }
}
