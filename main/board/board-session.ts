// One connected board: connects in any state, identifies the firmware, owns the friendly-REPL
// terminal, and runs IDE operations (run, file commands, resets) in the raw REPL one at a
// time. Around each operation the terminal pauses: board output goes to the operation, keys
// typed meanwhile are queued and delivered once the friendly prompt is back. It does not know
// whether the transport is a serial port or the simulated board.
import { MoteError } from '../../shared/errors';
import { BoardStream, delay } from './board-stream';
import { boardError } from './python-error';
import { type ExecOptions, type ExecResult, RawRepl } from './raw-repl';
import { versionFromTitle } from './title-filter';
import type { Transport } from './transport';

/** What Mote learned about the firmware. */
export interface BoardIdentity {
  flavour: 'micropython' | 'circuitpython' | 'unknown';
  /** "1.24.1", "9.2.1"; '' when unknown. */
  version: string;
  /** "Raspberry Pi Pico with RP2040" (sys.implementation._machine / os.uname().machine). */
  machine: string;
  /** The port name from os.uname().sysname ("rp2", "esp32"), '' when the board has no uname. */
  platform: string;
  /** The friendly banner line as last printed ("MicroPython v1.24.1 on …"). */
  banner: string;
}

export interface SessionOptions {
  /** Give up connecting after this long (default 15 s). */
  connectTimeoutMs?: number;
  /** Stay in the raw REPL this long after an operation, so a burst of file commands pays one switch (default 300 ms). */
  leaveDelayMs?: number;
}

export interface RunOptions {
  onStdout?: (data: Buffer) => void;
  onStderr?: (data: Buffer) => void;
  signal?: AbortSignal;
}

export interface RunResult {
  status: 'ok' | 'error' | 'interrupted';
  /** The traceback's last line for 'error'. */
  message?: string;
}

type Mode = 'friendly' | 'raw' | 'unknown';

const PROBE = [
  'import sys',
  'i=sys.implementation',
  "print('~'+i.name)",
  "print('~'+'.'.join(str(x) for x in i.version[:3]))",
  "print('~'+getattr(i,'_machine',''))",
  'try:',
  ' import os',
  ' u=os.uname()',
  " print('~'+u.sysname)",
  'except Exception:',
  " print('~'+sys.platform)",
].join('\n');

export class BoardSession {
  readonly stream: BoardStream;
  readonly raw: RawRepl;
  identity: BoardIdentity = { flavour: 'unknown', version: '', machine: '', platform: '', banner: '' };
  private mode: Mode = 'unknown';
  private lock: Promise<unknown> = Promise.resolve();
  private opDepth = 0;
  private leaveTimer: NodeJS.Timeout | undefined;
  private pendingKeys: Buffer[] = [];
  private readonly terminalBacklog: Buffer[] = [];
  private runAbort: AbortController | null = null;
  private readonly terminalListeners = new Set<(data: Uint8Array) => void>();
  private readonly closeListeners = new Set<(error?: Error) => void>();
  private readonly promptListeners = new Set<() => void>();
  private closed = false;

  private constructor(
    readonly transport: Transport,
    private readonly options: SessionOptions,
  ) {
    this.stream = new BoardStream(transport);
    this.raw = new RawRepl(this.stream);
    transport.onClose((err) => {
      this.closed = true;
      clearTimeout(this.leaveTimer);
      for (const l of [...this.closeListeners]) l(err);
    });
  }

  /**
   * Connects to a board in any state: interrupts whatever runs, reaches the raw REPL, reads the
   * firmware identity, then returns to the friendly REPL and hands it to the terminal.
   */
  static async connect(transport: Transport, options: SessionOptions = {}): Promise<BoardSession> {
    const session = new BoardSession(transport, options);
    await session.op(async () => {
      await session.raw.enter({ timeoutMs: options.connectTimeoutMs ?? 15000 });
      session.mode = 'raw';
      await session.identify();
    });
    // show the banner and prompt in the terminal, as a terminal program would
    await session.op(async () => undefined, { showPrompt: 'banner' });
    return session;
  }

  get isOpen(): boolean {
    return !this.closed && this.transport.isOpen;
  }

  get address(): string {
    return this.transport.info.address;
  }

  /** Friendly-REPL output for the terminal (raw bytes; decode with a streaming UTF-8 decoder). */
  onTerminalData(listener: (data: Uint8Array) => void): () => void {
    this.terminalListeners.add(listener);
    // What the board said before anyone listened (the banner shown by connect()) goes to the first listener.
    if (this.terminalBacklog.length) listener(Buffer.concat(this.terminalBacklog.splice(0)));
    return () => this.terminalListeners.delete(listener);
  }

  /** An IDE operation took the board over: entering the raw REPL interrupted whatever ran (main.py). */
  onTakenOver(listener: () => void): () => void {
    this.promptListeners.add(listener);
    return () => this.promptListeners.delete(listener);
  }

  /** The link ended; `error` when the board went away. */
  onClose(listener: (error?: Error) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /**
   * Keys from the terminal. Delivered at once in the friendly REPL; queued while an operation
   * holds the board and delivered after it. During run() they are the program's stdin (Ctrl-C
   * stops it), not echoed here: input() echoes them itself, as on a board in any terminal, and a
   * program reading sys.stdin gets them silently, as there too.
   */
  async writeTerminal(data: Uint8Array | string): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    if (this.runAbort) {
      if (bytes.includes(0x03)) this.runAbort.abort();
      const rest = Buffer.from(bytes.filter((b) => b !== 0x03));
      if (rest.length) await this.stream.write(rest);
      return;
    }
    if (this.opDepth === 0 && this.mode === 'friendly') {
      await this.stream.write(bytes);
      return;
    }
    this.pendingKeys.push(bytes);
    if (this.opDepth === 0 && this.mode === 'raw') {
      clearTimeout(this.leaveTimer);
      await this.op(async () => undefined, { leaveNow: true });
    }
  }

  /**
   * Runs a tool command in the raw REPL and returns its stdout; a traceback becomes a
   * MoteError (errno mapped), with `what` naming the step for the message.
   */
  async exec(code: string | Buffer, what: string, options: ExecOptions = {}): Promise<Buffer> {
    const result = await this.op(() => this.raw.exec(code, { idleMs: 10000, ...options }));
    if (result.stderr.length) throw boardError(result.stderr.toString('utf8'), what, this.identity.platform);
    return result.stdout;
  }

  /** Runs a tool command and returns the full result without judging it. */
  execRaw(code: string | Buffer, options: ExecOptions = {}): Promise<ExecResult> {
    return this.op(() => this.raw.exec(code, { idleMs: 10000, ...options }));
  }

  /** Holds the board in the raw REPL for a sequence of commands (used by BoardFs for transfers). */
  withRaw<T>(fn: (raw: RawRepl) => Promise<T>): Promise<T> {
    return this.op(() => fn(this.raw));
  }

  /**
   * Runs a user program (no timeout), streaming stdout and stderr live. Stop via the signal,
   * stop(), or Ctrl-C typed in the terminal. Ends back at the friendly prompt.
   */
  async run(code: string, options: RunOptions = {}): Promise<RunResult> {
    const abort = new AbortController();
    const onOuter = () => abort.abort();
    options.signal?.addEventListener('abort', onOuter, { once: true });
    if (options.signal?.aborted) abort.abort();
    try {
      const result = await this.op(
        async () => {
          this.runAbort = abort;
          try {
            return await this.raw.exec(code, { onStdout: options.onStdout, onStderr: options.onStderr, signal: abort.signal });
          } finally {
            this.runAbort = null;
          }
        },
        { showPrompt: 'prompt', leaveNow: true },
      );
      const err = result.stderr.toString('utf8');
      if (result.interrupted || /KeyboardInterrupt/.test(lastLine(err))) return { status: 'interrupted' };
      if (err.trim()) return { status: 'error', message: lastLine(err) };
      return { status: 'ok' };
    } finally {
      options.signal?.removeEventListener('abort', onOuter);
    }
  }

  /** Stops the running program, or cancels the friendly REPL's current line. */
  async stop(): Promise<void> {
    if (this.runAbort) {
      this.runAbort.abort();
      return;
    }
    if (this.opDepth === 0 && this.mode === 'friendly') await this.stream.write('\x03');
  }

  /**
   * Soft reset. With runMain (the terminal's Ctrl-D) the board restarts and runs main.py/code.py,
   * its output going to the terminal; without, it restarts in the raw REPL and does not run them.
   */
  async softReset(options: { runMain?: boolean } = {}): Promise<void> {
    if (options.runMain) {
      await this.op(async () => undefined, { leaveNow: true });
      await this.stream.write('\x04');
      return;
    }
    await this.op(async () => {
      await this.raw.softReset();
    });
  }

  /** Hard reset (machine.reset() / microcontroller.reset()). The link usually drops and the board returns. */
  async hardReset(): Promise<void> {
    const code =
      this.identity.flavour === 'circuitpython'
        ? 'import microcontroller\nmicrocontroller.reset()'
        : 'import time,machine\ntime.sleep_ms(100)\nmachine.reset()';
    await this.fireAndForget(code, 'hard reset');
  }

  /** Reboots into the bootloader (UF2 drive on RP2/SAMD, DFU on STM32, ROM download on ESP32-S2/S3). */
  async enterBootloader(): Promise<void> {
    const code =
      this.identity.flavour === 'circuitpython'
        ? 'import microcontroller\nmicrocontroller.on_next_reset(microcontroller.RunMode.UF2)\nmicrocontroller.reset()'
        : 'import time,machine\ntime.sleep_ms(100)\nmachine.bootloader()';
    await this.fireAndForget(code, 'entering the bootloader');
  }

  /** Returns to the friendly REPL and closes the transport. */
  async close(): Promise<void> {
    clearTimeout(this.leaveTimer);
    if (this.isOpen && this.mode === 'raw' && this.opDepth === 0) {
      await this.raw.leave(1500).catch(() => undefined);
    }
    this.stream.detach();
    await this.transport.close();
  }

  private async fireAndForget(code: string, what: string): Promise<void> {
    const result = await this.op(async () => {
      const r = await Promise.race([this.raw.exec(code, { idleMs: 3000 }).catch((e: Error) => e), delay(1500).then(() => null)]);
      this.mode = 'unknown';
      return r;
    }, { noLeave: true });
    if (result && !(result instanceof Error) && result.stderr.length) throw boardError(result.stderr.toString('utf8'), what);
  }

  /** Serialises board operations: enters the raw REPL for `fn`, and schedules the return to the friendly REPL. */
  private op<T>(fn: () => Promise<T>, flags: { showPrompt?: 'prompt' | 'banner'; leaveNow?: boolean; noLeave?: boolean } = {}): Promise<T> {
    const next = this.lock.then(async () => {
      if (this.closed) throw this.stream.closeError ?? new MoteError('not-connected', 'No board is connected.');
      clearTimeout(this.leaveTimer);
      this.opDepth++;
      this.stream.setSink(null);
      try {
        if (this.mode !== 'raw') {
          await this.raw.enter({ timeoutMs: this.options.connectTimeoutMs ?? 15000, fromFriendlyPrompt: this.mode === 'friendly' });
          this.mode = 'raw';
          for (const l of [...this.promptListeners]) l();
        }
        const result = await fn();
        if (flags.leaveNow || flags.showPrompt) await this.leave(flags.showPrompt);
        return result;
      } finally {
        this.opDepth--;
        if (this.mode === 'friendly') this.attachTerminal();
        else if (this.mode === 'raw' && !flags.noLeave && !this.closed) this.scheduleLeave(this.pendingKeys.length ? 0 : undefined);
      }
    });
    this.lock = next.catch(() => undefined);
    return next;
  }

  /** Returns to the friendly REPL after `delayMs` of no operations (at once when keys are waiting). */
  private scheduleLeave(delayMs = this.options.leaveDelayMs ?? 300): void {
    clearTimeout(this.leaveTimer);
    this.leaveTimer = setTimeout(() => {
      if (this.opDepth === 0 && this.mode === 'raw') void this.op(async () => undefined, { leaveNow: true }).catch(() => undefined);
    }, delayMs);
  }

  private async leave(show?: 'prompt' | 'banner'): Promise<void> {
    const text = await this.raw.leave();
    this.mode = 'friendly';
    const banner = /(MicroPython|Adafruit CircuitPython)[^\r\n]*/.exec(text.toString('utf8'));
    if (banner) this.identity.banner = banner[0];
    if (show === 'banner') this.emitTerminal(text.subarray(text.indexOf(banner ? banner[0] : '>>> ')));
    else if (show === 'prompt') this.emitTerminal(Buffer.from('>>> '));
  }

  private attachTerminal(): void {
    const rest = this.stream.takeBuffered();
    if (rest.length) this.emitTerminal(rest);
    this.stream.setSink((d) => this.emitTerminal(d));
    const keys = Buffer.concat(this.pendingKeys.splice(0));
    if (keys.length) void this.stream.write(keys).catch(() => undefined);
  }

  private emitTerminal(data: Uint8Array): void {
    if (this.terminalListeners.size === 0) {
      this.terminalBacklog.push(Buffer.from(data));
      // Bounded: an unattended session must not hoard a chatty board's output.
      while (this.terminalBacklog.length > 1 && this.terminalBacklog.reduce((n, b) => n + b.length, 0) > 64 * 1024) this.terminalBacklog.shift();
      return;
    }
    for (const l of [...this.terminalListeners]) l(data);
  }

  private async identify(): Promise<void> {
    const r = await this.raw.exec(PROBE, { idleMs: 10000 });
    const fields = r.stdout
      .toString('utf8')
      .split(/\r?\n/)
      .filter((l) => l.startsWith('~'))
      .map((l) => l.slice(1));
    const [name = '', version = '', machine = '', platform = ''] = fields;
    const flavour = name === 'micropython' || name === 'circuitpython' ? name : 'unknown';
    const titleVersion = this.stream.titles.lastTitle ? versionFromTitle(this.stream.titles.lastTitle) : null;
    this.identity = { flavour, version: titleVersion && flavour === 'circuitpython' ? titleVersion : version, machine, platform, banner: this.identity.banner };
  }
}

function lastLine(text: string): string {
  const lines = text.replace(/\r/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? '';
}
