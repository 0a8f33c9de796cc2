// A BoardHost for tests: stdin is a byte queue, output is collected, and time is virtual
// (wait() advances the clock at once), so protocol and board tests run without a worker.
// readIdle() returns -1 when the queue is empty, which ends the board loop.

import type { BoardHooks, BoardHost } from '../board-host';
import type { VmFilesystem } from '../../host-io';
import type { SimStateChange } from '../sim/sim-board';
import { utf8 } from '../../objects/bytes';

export class QueueHost implements BoardHost {
  readonly input: number[] = [];
  readonly output: number[] = [];
  readonly states: SimStateChange[] = [];
  private running = false;
  private interrupt = false;
  /** The byte that interrupts running code (-1: none): Ctrl-C, or what kbd_intr() chose. */
  private intrChar = -1;
  private hooks: BoardHooks | null = null;
  clock = 0;
  /** Called on every poll; tests use it to inject input while code runs. */
  onPoll: (() => void) | null = null;

  constructor(readonly fs: VmFilesystem | null = null) {}

  attach(hooks: BoardHooks): void {
    this.hooks = hooks;
  }

  push(bytes: string | Uint8Array): void {
    if (typeof bytes === 'string') for (let i = 0; i < bytes.length; i++) this.input.push(bytes.charCodeAt(i) & 0xff);
    else this.input.push(...bytes);
  }

  /** Output so far as a binary string (one char per byte), cleared. */
  take(): string {
    const s = String.fromCharCode(...this.output);
    this.output.length = 0;
    return s;
  }

  write(text: string): void {
    this.text(text);
  }

  raw(s: string): void {
    for (let i = 0; i < s.length; i++) this.output.push(s.charCodeAt(i) & 0xff);
  }

  text(s: string): void {
    for (const b of utf8(s.replace(/\n/g, '\r\n'))) this.output.push(b);
  }

  flush(): void {}

  /** Set by tests of a host that emulates the bootloader; counts machine.bootloader() calls. */
  enterBootloader?: () => void;
  bootloaderEntries = 0;
  emulateBootloader(): void {
    this.enterBootloader = () => this.bootloaderEntries++;
  }

  /** Times the board's port dropped (machine.reset()), and the output length at the last drop. */
  portDrops = 0;
  outputAtDrop = -1;
  portDrop(): void {
    this.portDrops++;
    this.outputAtDrop = this.output.length;
  }

  publishState(changes: SimStateChange[]): void {
    this.states.push(...changes);
  }

  setRunning(running: boolean): void {
    this.running = running;
    this.intrChar = running ? 0x03 : -1;
    if (!running) this.interrupt = false;
  }

  setInterruptChar(c: number): void {
    if (this.running) this.intrChar = c;
  }

  requestInterrupt(): void {
    this.interrupt = true;
  }

  poll(): boolean {
    this.clock += 0.01;
    this.onPoll?.();
    this.hooks?.service(this.running);
    if (this.interrupt) {
      this.interrupt = false;
      return true;
    }
    const at = this.intrChar < 0 ? -1 : this.input.lastIndexOf(this.intrChar);
    if (at >= 0) {
      this.input.splice(0, at + 1);
      return true;
    }
    return false;
  }

  wait(ms: number): void {
    this.onPoll?.();
    // a real host wakes at once when Ctrl-C arrives; the VM then polls
    if (this.intrChar >= 0 && this.input.includes(this.intrChar)) return;
    const next = this.hooks ? this.hooks.msUntilNextEvent() : Infinity;
    // advance in small steps, as a real wait returns early for events; tests inject input per step
    this.clock += Math.max(0, Math.min(ms, next, 10));
  }

  readByte(): number {
    for (;;) {
      if (this.input.length > 0) {
        const b = this.input.shift()!;
        if (b === this.intrChar) return -2;
        return b;
      }
      if (this.interrupt) {
        this.interrupt = false;
        return -2;
      }
      return -1;
    }
  }

  readIdle(): number {
    this.hooks?.service(false);
    return this.input.length > 0 ? this.input.shift()! : -1;
  }

  monotonicMs(): number {
    return this.clock;
  }

  wallMs(): number {
    return 1_700_000_000_000 + this.clock;
  }
}

