// Downloads one file into <data>/cache/<kind>/<name>: progress, cancel, picking a dropped
// connection up again with a Range request (also across runs: the partial file is kept in
// .partial/ beside the cache), size and SHA-256 checks, then an atomic rename into place, so
// the cache never holds half a file or one that failed its checks.
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { MoteError } from '../../shared/errors';
import { syncFolder } from '../util/atomic-write';
import type { NetSource } from './mirror';
import type { CachedFile, NetProgress } from './net-types';
import { openSource, pump, type Sink } from './transfer';

export interface DownloadPlan {
  source: NetSource;
  /** The finished file's path; its folder must exist. */
  target: string;
  /** Where the partial file lives until it is complete and checked. */
  partial: string;
  size?: number;
  sha256?: string;
  /** Refuse anything larger (default: `size`, else 256 MiB). */
  maxBytes?: number;
  signal?: AbortSignal;
  onProgress?: NetProgress;
  /** Attempts in a row that may end without a single new byte before Mote gives up (default 3). */
  retries?: number;
  idleMs?: number;
  /** Pause before picking up a dropped connection (default 500 ms). */
  retryDelayMs?: number;
}

const DEFAULT_MAX = 256 * 1024 * 1024;
/** Report progress at most every this many bytes (and at the end), so IPC is not flooded. */
const PROGRESS_STEP = 64 * 1024;

export async function downloadTo(plan: DownloadPlan): Promise<CachedFile> {
  const limit = plan.maxBytes ?? plan.size ?? DEFAULT_MAX;
  const sink = await openPartial(plan.partial);
  let resumed = 0;
  let total: number | null = plan.size ?? null;
  let lastReport = -PROGRESS_STEP;
  const report = (force = false) => {
    if (force || sink.done - lastReport >= PROGRESS_STEP) {
      lastReport = sink.done;
      plan.onProgress?.(sink.done, total);
    }
  };
  try {
    let idle = 0;
    for (;;) {
      if (plan.signal?.aborted) throw new MoteError('cancelled', 'The download was cancelled.');
      const before = sink.done;
      try {
        const opened = await openSource(plan.source, sink.done, plan.signal, plan.idleMs);
        if (opened.from !== sink.done) await restart(sink, plan.partial); // the server ignored the Range
        if (opened.total !== null) {
          if (plan.size !== undefined && opened.total !== plan.size) throw new MoteError('invalid-file', `The server offers ${opened.total} bytes where ${plan.size} were expected: it is not the expected file. Nothing was kept.`);
          if (opened.total > limit) throw new MoteError('invalid-file', `The file is ${opened.total} bytes, more than the ${limit} allowed. Nothing was kept.`);
          total = opened.total;
        }
        report(true);
        await pump(opened.body, sink, limit, report, plan.source, plan.signal);
        if (total === null || sink.done >= total) break;
        throw new MoteError('network', `The connection ended after ${sink.done} of ${total} bytes.`);
      } catch (e) {
        if (!(e instanceof MoteError) || e.code !== 'network' || plan.signal?.aborted) throw e;
        idle = sink.done > before ? 0 : idle + 1;
        if (idle >= (plan.retries ?? 3)) throw new MoteError('network', `${e.message} Tried ${idle} times; the ${sink.done} bytes received are kept, and the next try carries on from there.`);
        resumed++;
        await pause(plan.retryDelayMs ?? 500, plan.signal);
      }
    }
    report(true);
    await sink.handle.sync();
    await sink.handle.close();
    const sha256 = sink.hash.digest('hex');
    if (total !== null && sink.done !== total) throw await discard(plan.partial, `The download has ${sink.done} bytes, not ${total}. Nothing was kept.`);
    if (plan.sha256 && sha256 !== plan.sha256.toLowerCase()) {
      throw await discard(plan.partial, `The downloaded file is damaged or not the official one: its SHA-256 is ${sha256}, not ${plan.sha256.toLowerCase()}. Nothing was kept.`);
    }
    await fsp.rename(plan.partial, plan.target);
    await syncFolder(join(plan.target, '..'));
    return { path: plan.target, size: sink.done, sha256, resumed };
  } catch (e) {
    await sink.handle.close().catch(() => undefined);
    if (e instanceof MoteError && e.code === 'invalid-file') await fsp.rm(plan.partial, { force: true });
    throw e;
  }
}

interface PartialFile extends Sink {
  handle: FileHandle;
}

/** Opens (or creates) the partial file for appending, with the hash of what it already holds. */
async function openPartial(path: string): Promise<PartialFile> {
  const hash = createHash('sha256');
  let done = 0;
  const existing = await fsp.open(path, 'r').catch(() => null);
  if (existing) {
    for await (const chunk of existing.createReadStream()) {
      hash.update(chunk as Buffer);
      done += (chunk as Buffer).length;
    }
  }
  const file: PartialFile = { handle: await fsp.open(path, 'a'), hash, done, write: (chunk) => file.handle.write(chunk) };
  return file;
}

async function restart(sink: PartialFile, path: string): Promise<void> {
  await sink.handle.close();
  await fsp.truncate(path, 0);
  sink.handle = await fsp.open(path, 'a');
  sink.hash = createHash('sha256');
  sink.done = 0;
}

async function discard(path: string, message: string): Promise<MoteError> {
  await fsp.rm(path, { force: true });
  return new MoteError('invalid-file', message);
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });
}
