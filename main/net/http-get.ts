// One GET over http or https, following redirects (GitHub release assets answer 302 to a CDN),
// with an optional Range start for resuming. This is the only file in main/ that opens a
// socket; main/net/only-net-goes-out.test.ts keeps it that way.
import type { IncomingMessage } from 'node:http';
import * as http from 'node:http';
import * as https from 'node:https';
import { MoteError } from '../../shared/errors';

export interface GetOptions {
  signal?: AbortSignal;
  /** Ask for the bytes from here on (Range: bytes=N-). */
  from?: number;
  /** Give up when the server sends nothing for this long (default 30 s). */
  idleMs?: number;
}

export interface GetResponse {
  /** 200, or 206 when the server honoured the Range. */
  status: number;
  /** The final address after redirects. */
  url: string;
  /** The body's length as the server announced it (for 206: the rest's length). */
  length: number | null;
  /** The whole file's size, from Content-Range (206) or Content-Length (200). */
  total: number | null;
  body: IncomingMessage;
}

const MAX_REDIRECTS = 8;
const USER_AGENT = 'Mote (MicroPython and CircuitPython IDE)';

export async function httpGet(url: string, options: GetOptions = {}): Promise<GetResponse> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const res = await request(current, options);
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume();
      current = new URL(res.headers.location, current).href;
      continue;
    }
    if (status === 200 || (status === 206 && options.from)) {
      const length = numberHeader(res.headers['content-length']);
      const range = /\/(\d+)\s*$/.exec(String(res.headers['content-range'] ?? ''));
      const total = status === 206 ? (range ? Number(range[1]) : null) : length;
      return { status, url: current, length, total, body: res };
    }
    res.resume();
    if (status === 416 && options.from) return httpGet(url, { ...options, from: 0 });
    throw new MoteError('network', status === 404 ? `${current} does not exist on the server (404).` : `The server answered ${status} ${res.statusMessage ?? ''} for ${current}.`.replace(/ {2}/g, ' '));
  }
  throw new MoteError('network', `${url} redirects more than ${MAX_REDIRECTS} times.`);
}

function request(url: string, options: GetOptions): Promise<IncomingMessage> {
  const parsed = new URL(url);
  const lib = parsed.protocol === 'https:' ? https : parsed.protocol === 'http:' ? http : null;
  if (!lib) return Promise.reject(new MoteError('network', `${url} redirects to ${parsed.protocol}, which Mote does not follow.`));
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, 'accept-encoding': 'identity' };
  if (options.from) headers.range = `bytes=${options.from}-`;
  return new Promise((resolve, reject) => {
    const req = lib.get(parsed, { headers, signal: options.signal }, resolve);
    req.setTimeout(options.idleMs ?? 30_000, () => req.destroy(new MoteError('network', `${parsed.host} stopped answering.`)));
    req.on('error', (e) => reject(describe(e, parsed, options.signal)));
  });
}

/** A socket error as a sentence; an abort as 'cancelled'. */
export function describe(e: unknown, url: URL, signal?: AbortSignal): MoteError {
  if (signal?.aborted) return new MoteError('cancelled', 'The download was cancelled.');
  if (e instanceof MoteError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new MoteError('network', `${url.host} cannot be found: is this computer online? (Or set a mirror.)`);
  if (code === 'ECONNREFUSED') return new MoteError('network', `${url.host} refused the connection.`);
  return new MoteError('network', `The connection to ${url.host} failed (${code || (e as Error).message}).`);
}

function numberHeader(value: string | undefined): number | null {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n >= 0 ? n : null;
}
