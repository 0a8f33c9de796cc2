// NetService: the one way out of the machine for main/. Every request names its purpose and
// is logged (<data>/logs/network.log and an in-memory list the UI can show); official
// addresses are rewritten to the mirror when one is set; downloads land in <data>/cache/<kind>/
// through download.ts. Nothing here starts a request by itself: callers act for a person.
import { appendFile, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join, normalize, sep } from 'node:path';
import { MoteError } from '../../shared/errors';
import { downloadTo } from './download';
import { resolveSource } from './mirror';
import type { CachedFile, CacheKind, NetLogEntry, NetProgress, NetPurpose } from './net-types';
import { openSource, pump, type Sink } from './transfer';

export interface NetServiceOptions {
  /** <data>/cache */
  cacheRoot: string;
  /** The mirror setting ('' for none), asked afresh for every request. */
  mirror(): string | Promise<string>;
  /** Where the log lines go (default: none; the in-memory list is kept anyway). */
  logFile?: string;
  /** Attempts without progress before a download gives up (default 3). */
  retries?: number;
  retryDelayMs?: number;
  idleMs?: number;
}

export interface DownloadRequest {
  /** The official address (the mirror rewrite happens here). */
  url: string;
  purpose: NetPurpose;
  kind: CacheKind;
  /** Path inside <data>/cache/<kind>/, '/'-separated (for example 'RPI_PICO/RPI_PICO-20251209-v1.27.0.uf2'). */
  name: string;
  size?: number;
  sha256?: string;
  maxBytes?: number;
  signal?: AbortSignal;
  onProgress?: NetProgress;
}

export interface FetchRequest {
  url: string;
  purpose: NetPurpose;
  /** Refuse bodies larger than this (lists and indexes are small). */
  maxBytes: number;
  signal?: AbortSignal;
}

/** How many log entries the in-memory list keeps. */
const RECENT = 200;

export class NetService {
  private readonly entries: NetLogEntry[] = [];

  constructor(private readonly options: NetServiceOptions) {}

  /** The absolute path a cached file has (or would have); refuses names that leave the folder. */
  cachePath(kind: CacheKind, name: string): string {
    const folder = join(this.options.cacheRoot, kind);
    const full = normalize(join(folder, ...name.split('/')));
    if (!name || name.includes('\\') || !full.startsWith(folder + sep) || name.split('/').some((p) => p.startsWith('.'))) {
      throw new MoteError('path-outside-root', `"${name}" is not a name for a file in the ${kind} cache.`);
    }
    return full;
  }

  /** Downloads into the cache (see download.ts); returns the cached file. */
  async download(req: DownloadRequest): Promise<CachedFile> {
    const target = this.cachePath(req.kind, req.name);
    const source = resolveSource(req.url, await this.options.mirror());
    const partialDir = join(this.options.cacheRoot, req.kind, '.partial');
    await mkdir(partialDir, { recursive: true });
    await mkdir(dirname(target), { recursive: true });
    // keyed by address, so a later try at the same file carries on where this one stopped
    const partial = join(partialDir, `${createHash('sha256').update(req.url).digest('hex').slice(0, 16)}.part`);
    const where = source.kind === 'http' ? source.url : source.path;
    try {
      const file = await downloadTo({
        source,
        target,
        partial,
        size: req.size,
        sha256: req.sha256,
        maxBytes: req.maxBytes,
        signal: req.signal,
        onProgress: req.onProgress,
        retries: this.options.retries,
        retryDelayMs: this.options.retryDelayMs,
        idleMs: this.options.idleMs,
      });
      await this.record({ purpose: req.purpose, url: req.url, source: where, outcome: 'ok', bytes: file.size, resumed: file.resumed });
      return file;
    } catch (e) {
      await this.record({ purpose: req.purpose, url: req.url, source: where, outcome: outcome(e), bytes: 0, resumed: 0 });
      throw e;
    }
  }

  /** Fetches a small document (a board list, an index) into memory; nothing is cached. */
  async fetchBytes(req: FetchRequest): Promise<Buffer> {
    const source = resolveSource(req.url, await this.options.mirror());
    const where = source.kind === 'http' ? source.url : source.path;
    const chunks: Buffer[] = [];
    const sink: Sink = { write: async (c) => chunks.push(Buffer.from(c)), hash: createHash('sha256'), done: 0 };
    try {
      const opened = await openSource(source, 0, req.signal, this.options.idleMs);
      if (opened.total !== null && opened.total > req.maxBytes) throw new MoteError('invalid-file', `${req.url} is ${opened.total} bytes, more than the ${req.maxBytes} expected.`);
      await pump(opened.body, sink, req.maxBytes, () => undefined, source, req.signal);
      if (opened.total !== null && sink.done !== opened.total) throw new MoteError('network', `The connection ended after ${sink.done} of ${opened.total} bytes of ${req.url}.`);
      await this.record({ purpose: req.purpose, url: req.url, source: where, outcome: 'ok', bytes: sink.done, resumed: 0 });
      return Buffer.concat(chunks);
    } catch (e) {
      await this.record({ purpose: req.purpose, url: req.url, source: where, outcome: outcome(e), bytes: sink.done, resumed: 0 });
      throw e;
    }
  }

  /** The requests made since start, oldest first. */
  recent(): NetLogEntry[] {
    return [...this.entries];
  }

  private async record(entry: Omit<NetLogEntry, 'at'>): Promise<void> {
    const full = { at: new Date().toISOString(), ...entry };
    this.entries.push(full);
    if (this.entries.length > RECENT) this.entries.shift();
    if (!this.options.logFile) return;
    try {
      await mkdir(dirname(this.options.logFile), { recursive: true });
      await appendFile(this.options.logFile, JSON.stringify(full) + '\n');
    } catch {
      // the log is best effort: a full disk must not fail a download that worked
    }
  }
}

function outcome(e: unknown): string {
  if (e instanceof MoteError && e.code === 'cancelled') return 'cancelled';
  return e instanceof Error ? e.message : String(e);
}
