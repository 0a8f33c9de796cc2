// The client side of the raw REPL (board-protocols.md §3, §4): getting to the raw prompt from
// any state (§3.5 recovery with repeated Ctrl-C and CircuitPython's "press any key"), classic
// raw exec, raw-paste with flow control and fallback, live stdout/stderr, interrupt, soft reset.
// It never decides policy (when to use raw mode, what code to run): board-session.ts does.
import { MoteError } from '../../shared/errors';
import { type BoardStream, cancelled, delay, type ReadOptions, StreamTimeout } from './board-stream';

const RAW_BANNER = 'raw REPL; CTRL-B to exit';
const CTRL_A = 0x01;
const CTRL_D = 0x04;

export interface ExecOptions {
  /** Live standard output (bytes as the board sent them, \r\n line ends). */
  onStdout?: (data: Buffer) => void;
  /** Live standard error (the traceback). */
  onStderr?: (data: Buffer) => void;
  /** Aborting sends Ctrl-C; the exec still waits for the board's end frame, then resolves with interrupted=true. */
  signal?: AbortSignal;
  /** Inactivity limit while waiting for each part of the reply; none for user programs. */
  idleMs?: number;
}

export interface ExecResult {
  /** Everything printed; empty when onStdout took it live. */
  stdout: Buffer;
  stderr: Buffer;
  /** True when the signal fired and Ctrl-C was sent. */
  interrupted: boolean;
}

export interface EnterOptions {
  /** Give up after this long (default 15 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called with whatever the board printed before the raw prompt (banner, program output). */
  onDiscarded?: (data: Buffer) => void;
  /** The board is believed idle at the friendly prompt: try the fast switch first. */
  fromFriendlyPrompt?: boolean;
}

/** Text a person can act on when the board never reaches a prompt. */
export function noAnswerMessage(address: string): string {
  return (
    `The board at ${address} does not answer (no REPL prompt after repeated Ctrl-C). ` +
    'Next steps: press its reset button and connect again; if a main.py/code.py catches KeyboardInterrupt, ' +
    'hold BOOTSEL while plugging in (RP2) to re-flash, or start CircuitPython in safe mode (press reset during the start-up blink). ' +
    'Check also that nothing else uses the port and, for ESP32 boards, that the baud rate is 115200.'
  );
}

export class RawRepl {
  /** Whether raw-paste works on this connection (remembered after the first try, as mpremote does). */
  rawPaste: 'unknown' | 'yes' | 'no' = 'unknown';
  /** The last raw-paste window size the board announced. */
  window = 0;
  /** Classic raw mode pacing (§2.4): bytes per write and the pause after each. */
  pacing = { bytes: 256, pauseMs: 10 };

  constructor(private readonly stream: BoardStream) {}

  /**
   * Brings the board to the raw REPL prompt from any state (§3.5 / §12): Ctrl-C repeated every
   * ~200 ms, CircuitPython's "press any key" answered, paste mode cancelled, then Ctrl-A. The
   * trailing '>' is consumed, so the board is ready for exec().
   */
  async enter(options: EnterOptions = {}): Promise<void> {
    const total = options.timeoutMs ?? 15000;
    const started = Date.now();
    const discard = (b: Buffer) => {
      if (b.length) options.onDiscarded?.(b);
    };
    if (options.fromFriendlyPrompt) {
      // known idle friendly REPL: Ctrl-C empties the line, Ctrl-A switches; no settling delays
      discard(this.stream.takeBuffered());
      await this.stream.write('\x03\x01');
      try {
        const got = await this.stream.readUntil(RAW_BANNER, { timeoutMs: 1000, signal: options.signal });
        discard(got.subarray(0, Math.max(0, got.length - RAW_BANNER.length)));
        await this.stream.readUntil('>', { timeoutMs: 1000, signal: options.signal });
        return;
      } catch (err) {
        if (!(err instanceof StreamTimeout)) throw err;
        discard(this.stream.takeBuffered()); // not where we thought: full recovery below
      }
    }
    let attempt = 0;
    while (Date.now() - started < total) {
      if (options.signal?.aborted) throw cancelled();
      // Enter + Ctrl-C, then two more Ctrl-C 100 ms apart (Thonny's 0 / 0.1 / 0.2 s).
      await this.stream.write(attempt === 0 ? '\r\x03' : '\x03');
      await delay(100);
      await this.stream.write('\x03');
      await delay(100);
      await this.stream.write('\x03');
      let seen = await this.stream.drain(150, 800);
      discard(seen);
      const text = seen.toString('latin1');
      if (/REPL.*CTRL-D|CTRL-D.*REPL/s.test(text)) {
        // CircuitPython waiting after code.py: any byte but ^D enters the REPL (§6.3)
        await this.stream.write('\r');
        seen = await this.stream.drain(150, 800);
        discard(seen);
      } else if (text.endsWith('=== ')) {
        await this.stream.write('\x03'); // paste mode: cancel
        discard(await this.stream.drain(100, 500));
      }
      await this.stream.write('\r\x01');
      try {
        const got = await this.stream.readUntil(RAW_BANNER, { timeoutMs: 1500, signal: options.signal });
        discard(got.subarray(0, Math.max(0, got.length - RAW_BANNER.length)));
        await this.stream.readUntil('>', { timeoutMs: 1000, signal: options.signal });
        return;
      } catch (err) {
        if (!(err instanceof StreamTimeout)) throw err;
        discard(this.stream.takeBuffered());
      }
      attempt++;
    }
    throw new MoteError('board-timeout', noAnswerMessage(this.stream.transport.info.address));
  }

  /** Runs `code` at the raw prompt and collects its output; leaves the board at the raw prompt. */
  async exec(code: string | Buffer, options: ExecOptions = {}): Promise<ExecResult> {
    const source = typeof code === 'string' ? Buffer.from(code, 'utf8') : code;
    const control = new InterruptControl(this.stream, options.signal);
    try {
      let sent = false;
      if (this.rawPaste !== 'no') sent = await this.sendRawPaste(source, control, options);
      if (!sent) await this.sendClassic(source, control);
      return await this.readResult(control, options);
    } finally {
      control.dispose();
    }
  }

  /** Bytes for the running program's stdin (a receiver reading sys.stdin.buffer). */
  async sendInput(data: Uint8Array): Promise<void> {
    await this.stream.write(data);
  }

  /**
   * Back to a clean raw prompt after a command that may have left stray bytes on their way in:
   * the full §3.5 recovery, whose Ctrl-Cs and Ctrl-A clear whatever reached the input buffer.
   */
  async resync(): Promise<void> {
    await this.enter({ timeoutMs: 15000 });
  }

  /** Sends Ctrl-C: interrupts a running program (at the idle raw prompt it only clears input). */
  async interrupt(): Promise<void> {
    await this.stream.write('\x03');
  }

  /** Soft reset from the raw prompt (§3.2): boot.py runs, main.py does not; back at the raw prompt. */
  async softReset(timeoutMs = 10000): Promise<Buffer> {
    await this.stream.write(Uint8Array.of(CTRL_D));
    const out = await this.readUntilRaw(timeoutMs, 'soft reset');
    await this.stream.readUntil('>', { timeoutMs: 2000 });
    return out;
  }

  /** Leaves raw mode: \r\x02, then the friendly banner and '>>> ' (returned, for the caller to show or drop). */
  async leave(timeoutMs = 5000): Promise<Buffer> {
    await this.stream.write('\r\x02');
    try {
      return await this.stream.readUntil('>>> ', { timeoutMs });
    } catch (err) {
      if (err instanceof StreamTimeout) throw new MoteError('board-timeout', 'The board did not return to its normal REPL prompt after Ctrl-B.');
      throw err;
    }
  }

  private async readUntilRaw(timeoutMs: number, step: string): Promise<Buffer> {
    try {
      return await this.stream.readUntil(RAW_BANNER, { timeoutMs });
    } catch (err) {
      if (err instanceof StreamTimeout) throw new MoteError('board-timeout', `The board did not come back to the raw REPL after ${step}. Press its reset button and connect again.`);
      throw err;
    }
  }

  /** Raw-paste (§4). Returns false when the board does not support it (the caller uses classic raw). */
  private async sendRawPaste(source: Buffer, control: InterruptControl, options: ExecOptions): Promise<boolean> {
    // What the board printed at the idle raw prompt (a machine.Timer callback, say) is not the
    // reply: drop it, and skip any that arrives before the reply too.
    this.stream.takeBuffered();
    await this.stream.write(Uint8Array.of(0x05, 0x41, 0x01));
    const reply = await this.rawPasteReply();
    if (reply === 'unsupported') {
      this.rawPaste = 'no';
      return false;
    }
    if (reply === 'old-firmware') {
      // firmware predates raw-paste: it re-printed the banner ("raw REPL; …") and waits at '>'
      await this.stream.readUntil('>', { timeoutMs: 2000 });
      this.rawPaste = 'no';
      return false;
    }
    this.rawPaste = 'yes';
    const w = await this.timed(this.stream.readExact(2, { timeoutMs: 3000 }), 'the raw-paste window size');
    const window = w.readUInt16LE(0);
    if (window === 0) throw new MoteError('board-protocol', 'The board announced a raw-paste window of 0 bytes.');
    this.window = window;
    let remaining = window;
    let offset = 0;
    const idle = options.idleMs ?? 10000;
    const writes: Promise<void>[] = [];
    while (offset < source.length) {
      if (control.requested) {
        await Promise.all(writes);
        await control.send();
        // the board answers \x04 and then raises KeyboardInterrupt; that ends reception
        await this.waitFlowEnd(idle);
        return true;
      }
      // take every flow-control byte that already arrived, without a round trip through timers
      let flow = this.stream.takeBuffered();
      if (flow.length === 0 && remaining === 0) {
        flow = await this.timed(this.stream.readExact(1, { idleMs: idle, signal: control.signal }).catch(control.swallowAbort), 'raw-paste flow control');
      }
      for (const b of flow) {
        if (b === CTRL_A) remaining += window;
        else if (b === CTRL_D) {
          // the board ended reception early (syntax error, Ctrl-C): acknowledge and read the result
          await Promise.all(writes);
          await this.stream.write(Uint8Array.of(CTRL_D));
          return true;
        }
        // anything else is output of the board's own callbacks (a Timer printing), not flow control
      }
      if (remaining === 0 || control.requested) continue;
      const n = Math.min(remaining, source.length - offset);
      // serialport and the simulated link keep writes in order: no need to wait for each one
      writes.push(this.stream.write(source.subarray(offset, offset + n)));
      offset += n;
      remaining -= n;
    }
    await Promise.all(writes);
    await this.stream.write(Uint8Array.of(CTRL_D));
    await this.waitFlowEnd(idle);
    return true;
  }

  /** Reads flow-control bytes until the board's \x04 that ends reception. */
  private async waitFlowEnd(idle: number): Promise<void> {
    for (;;) {
      const b = (await this.timed(this.stream.readExact(1, { idleMs: idle }), 'the end of the raw-paste upload'))[0];
      if (b === CTRL_D) return;
      // \x01 is a window the board no longer needs; other bytes are its callbacks' output
    }
  }

  /**
   * Reads the answer to the raw-paste request: R\x01 (then the window size), R\x00 (not
   * supported), or a re-printed raw banner from firmware older than raw-paste. Bytes before it
   * are the output of callbacks still running on the board, and are skipped.
   */
  private async rawPasteReply(): Promise<'supported' | 'unsupported' | 'old-firmware'> {
    try {
      const { index } = await this.stream.readUntilAny(['R\x01', 'R\x00', RAW_BANNER], { timeoutMs: 3000 });
      return index === 0 ? 'supported' : index === 1 ? 'unsupported' : 'old-firmware';
    } catch (err) {
      if (!(err instanceof StreamTimeout)) throw err;
      const got = err.received.subarray(-16);
      throw new MoteError('board-protocol', `The board did not answer the raw-paste request (it sent ${hex(got)}). Press its reset button and connect again.`);
    }
  }

  /** Classic raw mode (§3.2): paced writes, \x04, then "OK". */
  private async sendClassic(source: Buffer, control: InterruptControl): Promise<void> {
    for (let i = 0; i < source.length; i += this.pacing.bytes) {
      if (control.requested) {
        await this.stream.write('\x03'); // clears the raw input buffer silently
        throw cancelled();
      }
      await this.stream.write(source.subarray(i, i + this.pacing.bytes));
      if (i + this.pacing.bytes < source.length) await delay(this.pacing.pauseMs);
    }
    await this.stream.write(Uint8Array.of(CTRL_D));
    const ok = await this.timed(this.stream.readExact(2, { timeoutMs: 5000 }), 'the code');
    if (ok.toString('latin1') !== 'OK') {
      throw new MoteError('board-protocol', `The board did not accept the code (expected "OK", got ${hex(ok)}).`);
    }
  }

  private async readResult(control: InterruptControl, options: ExecOptions): Promise<ExecResult> {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const read: ReadOptions = { idleMs: options.idleMs };
    // live output is handed on, not kept: a program printing for hours must not fill main's memory
    const onStdout = options.onStdout;
    await this.timed(
      this.stream.readStreaming(0x04, onStdout ?? ((d) => out.push(d)), read),
      'the program output',
    );
    await this.timed(
      this.stream.readStreaming(0x04, (d) => {
        err.push(d);
        options.onStderr?.(d);
      }, read),
      'the error output',
    );
    await this.timed(this.stream.readUntil('>', { timeoutMs: 5000 }), 'the raw prompt');
    return { stdout: Buffer.concat(out), stderr: Buffer.concat(err), interrupted: control.sent };
  }

  private async timed<T>(p: Promise<T>, what: string): Promise<T> {
    try {
      return await p;
    } catch (err) {
      if (err instanceof StreamTimeout) {
        throw new MoteError('board-timeout', `The board stopped answering while Mote waited for ${what}. It may have crashed or been reset; press its reset button and connect again.`);
      }
      throw err;
    }
  }
}

/** Turns an AbortSignal into Ctrl-C on the line: once at first, then again every second until the program ends. */
class InterruptControl {
  requested = false;
  sent = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly onAbort = () => {
    this.requested = true;
    this.internal.abort();
    void this.send();
  };
  private readonly internal = new AbortController();
  readonly signal = this.internal.signal;

  constructor(
    private readonly stream: BoardStream,
    private readonly outer?: AbortSignal,
  ) {
    if (outer?.aborted) this.requested = true;
    outer?.addEventListener('abort', this.onAbort, { once: true });
  }

  readonly swallowAbort = (err: unknown): Buffer => {
    if (err instanceof MoteError && err.code === 'cancelled') return Buffer.alloc(0);
    throw err;
  };

  async send(): Promise<void> {
    if (this.sent || this.stream.isClosed) return;
    this.sent = true;
    await this.stream.write('\x03').catch(() => undefined);
    // a program may catch one KeyboardInterrupt: keep asking
    this.timer = setInterval(() => void this.stream.write('\x03').catch(() => undefined), 1000);
  }

  dispose(): void {
    clearInterval(this.timer);
    this.outer?.removeEventListener('abort', this.onAbort);
  }
}

function hex(b: Buffer): string {
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ') || 'nothing';
}
