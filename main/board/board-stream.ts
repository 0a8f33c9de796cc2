// The board's byte stream as something to read from: a buffer of what arrived (title escapes
// already stripped), reads until a marker with overall and inactivity timeouts, and a
// "terminal" mode in which incoming bytes go straight to a listener instead of the buffer.
// It knows nothing of the REPL protocol; raw-repl.ts and board-session.ts build on it.
import { MoteError } from '../../shared/errors';
import { TitleFilter } from './title-filter';
import type { Transport } from './transport';

export interface ReadOptions {
  /** Overall limit in ms (none when absent). */
  timeoutMs?: number;
  /** Limit on silence in ms: reset by every arriving byte (mpremote's read_until rule). */
  idleMs?: number;
  signal?: AbortSignal;
}

/** A read ran out of time; callers turn it into a message that names the step. */
export class StreamTimeout extends Error {
  constructor(
    readonly kind: 'overall' | 'idle',
    readonly received: Buffer,
  ) {
    super(kind === 'idle' ? 'the board stopped answering' : 'the board did not answer in time');
    this.name = 'StreamTimeout';
  }
}

interface Waiter {
  onData(): void;
  onClose(error: Error): void;
}

export function unpluggedError(address: string, cause?: Error): MoteError {
  const detail = cause?.message ? ` (${cause.message})` : '';
  return new MoteError('board-unplugged', `The board at ${address} went away${detail}. Plug it back in; Mote reconnects when it returns.`);
}

export class BoardStream {
  private buf: Buffer = Buffer.alloc(0);
  private readonly waiters = new Set<Waiter>();
  private closedError: Error | null = null;
  private sink: ((data: Uint8Array) => void) | null = null;
  private readonly unsubscribe: Array<() => void> = [];
  readonly titles = new TitleFilter();

  constructor(readonly transport: Transport) {
    this.unsubscribe.push(transport.onData((d) => this.receive(d)));
    this.unsubscribe.push(transport.onClose((err) => this.end(err)));
  }

  get isClosed(): boolean {
    return this.closedError !== null;
  }

  get closeError(): Error | null {
    return this.closedError;
  }

  /** Sends bytes to the board (strings as UTF-8). */
  async write(data: Uint8Array | string): Promise<void> {
    if (this.closedError) throw this.closedError;
    await this.transport.write(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  }

  /**
   * Routes incoming bytes to `listener` (terminal mode) or, with null, back into the buffer.
   * Bytes already buffered stay there; take them with takeBuffered().
   */
  setSink(listener: ((data: Uint8Array) => void) | null): void {
    this.sink = listener;
  }

  /** Removes and returns everything buffered so far. */
  takeBuffered(): Buffer {
    const b = this.buf;
    this.buf = Buffer.alloc(0);
    return b;
  }

  /** Bytes buffered and not yet consumed. */
  get buffered(): Buffer {
    return this.buf;
  }

  /** Reads up to and including `marker`; returns everything consumed. */
  readUntil(marker: Uint8Array | string, options: ReadOptions = {}): Promise<Buffer> {
    const m = typeof marker === 'string' ? Buffer.from(marker, 'latin1') : Buffer.from(marker);
    return this.waitFor(() => {
      const at = this.buf.indexOf(m);
      if (at < 0) return undefined;
      return this.consume(at + m.length);
    }, options);
  }

  /** Reads until one of the markers appears; returns which one and the bytes consumed. */
  readUntilAny(markers: string[], options: ReadOptions = {}): Promise<{ index: number; data: Buffer }> {
    const ms = markers.map((m) => Buffer.from(m, 'latin1'));
    return this.waitFor(() => {
      let best = -1;
      let bestEnd = Infinity;
      ms.forEach((m, i) => {
        const at = this.buf.indexOf(m);
        if (at >= 0 && at + m.length < bestEnd) {
          best = i;
          bestEnd = at + m.length;
        }
      });
      return best < 0 ? undefined : { index: best, data: this.consume(bestEnd) };
    }, options);
  }

  /** Reads exactly `n` bytes. */
  readExact(n: number, options: ReadOptions = {}): Promise<Buffer> {
    return this.waitFor(() => (this.buf.length >= n ? this.consume(n) : undefined), options);
  }

  /**
   * Consumes bytes up to the delimiter byte, handing them to `onChunk` as they arrive (live
   * output). Resolves when the delimiter was consumed.
   */
  readStreaming(delimiter: number, onChunk: (data: Buffer) => void, options: ReadOptions = {}): Promise<void> {
    return this.waitFor(() => {
      const at = this.buf.indexOf(delimiter);
      const take = at < 0 ? this.buf.length : at;
      if (take > 0) onChunk(this.consume(take));
      if (at < 0) return undefined;
      this.consume(1);
      return true as const;
    }, options).then(() => undefined);
  }

  /** Waits until the line has been quiet for `quietMs` (at most `maxMs`), discarding what came. */
  async drain(quietMs: number, maxMs = 2000): Promise<Buffer> {
    const parts: Buffer[] = [this.takeBuffered()];
    const started = Date.now();
    for (;;) {
      const before = this.buf.length;
      await delay(quietMs);
      if (this.closedError) throw this.closedError;
      if (this.buf.length === before) break;
      parts.push(this.takeBuffered());
      if (Date.now() - started > maxMs) break;
    }
    parts.push(this.takeBuffered());
    return Buffer.concat(parts);
  }

  /** Stops listening to the transport (the transport itself stays open). */
  detach(): void {
    for (const u of this.unsubscribe.splice(0)) u();
    this.end(new MoteError('not-connected', 'The board was disconnected.'));
  }

  private consume(n: number): Buffer {
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return Buffer.from(out);
  }

  private receive(raw: Uint8Array): void {
    const data = this.titles.push(raw);
    if (data.length === 0) return;
    if (this.sink) {
      this.sink(data);
      return;
    }
    this.buf = this.buf.length ? Buffer.concat([this.buf, data]) : Buffer.from(data);
    for (const w of [...this.waiters]) w.onData();
  }

  private end(error?: Error): void {
    if (this.closedError) return;
    this.closedError = error instanceof MoteError ? error : unpluggedError(this.transport.info.address, error);
    if (!error) this.closedError = new MoteError('not-connected', 'The connection to the board was closed.');
    for (const w of [...this.waiters]) w.onClose(this.closedError);
  }

  private waitFor<T>(check: () => T | undefined, options: ReadOptions): Promise<T> {
    try {
      const first = check();
      if (first !== undefined) return Promise.resolve(first);
    } catch (err) {
      return Promise.reject(err);
    }
    if (this.closedError) return Promise.reject(this.closedError);
    if (options.signal?.aborted) return Promise.reject(cancelled());
    return new Promise<T>((resolve, reject) => {
      let overall: NodeJS.Timeout | undefined;
      let idle: NodeJS.Timeout | undefined;
      const cleanup = () => {
        clearTimeout(overall);
        clearTimeout(idle);
        this.waiters.delete(waiter);
        options.signal?.removeEventListener('abort', onAbort);
      };
      const fail = (err: Error) => {
        cleanup();
        reject(err);
      };
      const armIdle = () => {
        if (options.idleMs === undefined) return;
        clearTimeout(idle);
        idle = setTimeout(() => fail(new StreamTimeout('idle', this.buf)), options.idleMs);
      };
      const onAbort = () => fail(cancelled());
      const waiter: Waiter = {
        onData: () => {
          armIdle();
          let result: T | undefined;
          try {
            result = check();
          } catch (err) {
            fail(err as Error);
            return;
          }
          if (result !== undefined) {
            cleanup();
            resolve(result);
          }
        },
        onClose: (err) => fail(err),
      };
      this.waiters.add(waiter);
      if (options.timeoutMs !== undefined) overall = setTimeout(() => fail(new StreamTimeout('overall', this.buf)), options.timeoutMs);
      armIdle();
      options.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

export function cancelled(): MoteError {
  return new MoteError('cancelled', 'Cancelled.');
}

export function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
