// Where library files come from: a LibraryFetcher gets the bytes at an address. The network one
// is main/net's (the only module that opens connections); CachedFetcher keeps every answer in
// <data>/cache/libraries/ so the same install works later with no network, and serves only
// from there when offline. Addresses are keys: a mirror rewrites them before they get here.
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { MoteError } from '../../shared/errors';
import { writeFileAtomic } from '../util/atomic-write';

export interface FetchOptions {
  signal?: AbortSignal;
  /**
   * The content never changes at this address (a mip blob named by its hash, a versioned
   * package JSON): a cached copy is used without asking the network.
   */
  immutable?: boolean;
  /** Throws when the bytes are wrong (a hash mismatch): they are then neither cached nor served from the cache. */
  check?: (data: Buffer) => void;
}

/** Gets the bytes at an address, or throws a MoteError saying why not. */
export interface LibraryFetcher {
  get(url: string, options?: FetchOptions): Promise<Buffer>;
}

function cacheName(url: string): string {
  const tail = url.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? 'index';
  return `${createHash('sha256').update(url).digest('hex').slice(0, 20)}-${tail.replace(/[^\w.-]/g, '_').slice(-60)}`;
}

export class CachedFetcher implements LibraryFetcher {
  /** Addresses answered from the cache, and from the network, since construction (reports and tests). */
  readonly served = { cache: 0, network: 0 };

  constructor(
    readonly cacheDir: string,
    private readonly network: LibraryFetcher | null,
  ) {}

  async get(url: string, options: FetchOptions = {}): Promise<Buffer> {
    const file = join(this.cacheDir, cacheName(url));
    let cached = await fsp.readFile(file).catch(() => null);
    if (cached && options.check) {
      try {
        options.check(cached);
      } catch {
        cached = null;
      }
    }
    if (cached && (options.immutable || !this.network)) {
      this.served.cache++;
      return cached;
    }
    if (!this.network) {
      throw new MoteError('network', `${url} is not in Mote's library cache, and Mote is offline. Connect to the network once, or import a library bundle (mote lib import PATH).`);
    }
    let data: Buffer;
    try {
      data = await this.network.get(url, options);
      options.check?.(data);
    } catch (e) {
      // a classroom's flaky network: yesterday's copy of an index beats no index
      if (cached && !(e instanceof MoteError && (e.code === 'cancelled' || e.code === 'invalid-file'))) {
        this.served.cache++;
        return cached;
      }
      throw e;
    }
    await writeFileAtomic(file, data);
    this.served.network++;
    return data;
  }

  /** Stores bytes as if fetched from `url` (importing a mirror or bundle for offline use). */
  async put(url: string, data: Uint8Array): Promise<void> {
    await writeFileAtomic(join(this.cacheDir, cacheName(url)), data);
  }
}
