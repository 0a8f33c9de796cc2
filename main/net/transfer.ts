// One attempt at moving bytes from a source (a web address or a mirror folder) onto the end of
// a partial file, hashing as they arrive. Knows nothing of retries or the cache: download.ts
// decides what to do when an attempt stops short.
import { createReadStream, promises as fsp } from 'node:fs';
import type { Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { MoteError } from '../../shared/errors';
import { describe, httpGet } from './http-get';
import type { NetSource } from './mirror';

export interface Opened {
  body: Readable;
  /** Where the body starts in the file (0 when the server ignored the Range). */
  from: number;
  /** The whole file's size when known. */
  total: number | null;
}

/** Opens `source` at byte `from` (or at 0 if it cannot seek). */
export async function openSource(source: NetSource, from: number, signal: AbortSignal | undefined, idleMs: number | undefined): Promise<Opened> {
  if (source.kind === 'file') {
    const st = await fsp.stat(source.path).catch(() => null);
    if (!st?.isFile()) throw new MoteError('network', `The mirror folder has no ${source.path}.`);
    const start = from <= st.size ? from : 0;
    return { body: createReadStream(source.path, { start, signal }), from: start, total: st.size };
  }
  const res = await httpGet(source.url, { from, signal, idleMs });
  return { body: res.body, from: res.status === 206 ? from : 0, total: res.total };
}

/** Where arriving bytes go: written, hashed and counted. */
export interface Sink {
  write(chunk: Buffer): Promise<unknown>;
  hash: Hash;
  done: number;
}

/**
 * Appends the body to the sink until it ends; returns normally at the body's end (which may be
 * short of the total: the caller checks) and throws MoteError('network') when the connection
 * broke, or 'cancelled'.
 */
export async function pump(body: Readable, sink: Sink, limit: number, onChunk: () => void, source: NetSource, signal?: AbortSignal): Promise<void> {
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      if (sink.done + chunk.length > limit) throw new MoteError('invalid-file', `The download is bigger than the ${limit} bytes expected: stopped, nothing was kept.`);
      await sink.write(chunk);
      sink.hash.update(chunk);
      sink.done += chunk.length;
      onChunk();
    }
  } catch (e) {
    body.destroy();
    if (e instanceof MoteError && e.code === 'invalid-file') throw e;
    throw source.kind === 'http' ? describe(e, new URL(source.url), signal) : signal?.aborted ? new MoteError('cancelled', 'The download was cancelled.') : new MoteError('network', `Reading ${source.path} failed (${(e as Error).message}).`);
  }
}
