// Test helper: a web server on 127.0.0.1 that serves generated files under the official
// sites' path layout, and misbehaves on request: cuts the connection halfway, trickles, or
// ignores Range. It counts requests so tests can assert what went out (and that nothing did).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedFile {
  body: Uint8Array | string;
  /** 'drop': close the socket after half the body, the first `drops` times (default once). */
  behaviour?: 'ok' | 'drop' | 'slow' | 'no-range';
  drops?: number;
  /** For 'slow': bytes per tick (default 1024) and the tick (default 20 ms). */
  chunk?: number;
  tickMs?: number;
  contentType?: string;
  /** Answer with a redirect to this path instead (GitHub assets → CDN). */
  redirect?: string;
}

export interface FileServer {
  /** http://127.0.0.1:<port> */
  base: string;
  /** Every request, as "METHOD /path [range]". */
  requests: string[];
  files: Map<string, ServedFile>;
  close(): Promise<void>;
}

/** Starts the server; `files` maps a path (with the official host first: '/micropython.org/…' or '/…') to a file. */
export async function startFileServer(files: Record<string, ServedFile> = {}): Promise<FileServer> {
  const map = new Map(Object.entries(files));
  const requests: string[] = [];
  const drops = new Map<string, number>();
  const server: Server = createServer((req, res) => serve(req, res, map, requests, drops));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    files: map,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function serve(req: IncomingMessage, res: ServerResponse, map: Map<string, ServedFile>, requests: string[], drops: Map<string, number>): void {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const range = req.headers.range;
  requests.push(`${req.method} ${path}${range ? ` ${range}` : ''}`);
  const file = map.get(path);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  if (file.redirect) {
    res.writeHead(302, { location: file.redirect }).end();
    return;
  }
  const body = typeof file.body === 'string' ? Buffer.from(file.body) : Buffer.from(file.body);
  const m = /^bytes=(\d+)-$/.exec(range ?? '');
  const from = m && file.behaviour !== 'no-range' ? Number(m[1]) : 0;
  const headers: Record<string, string | number> = { 'content-type': file.contentType ?? 'application/octet-stream', 'accept-ranges': 'bytes', 'content-length': body.length - from };
  if (from) headers['content-range'] = `bytes ${from}-${body.length - 1}/${body.length}`;
  res.writeHead(from ? 206 : 200, headers);
  const rest = body.subarray(from);
  const dropped = drops.get(path) ?? 0;
  if (file.behaviour === 'drop' && dropped < (file.drops ?? 1)) {
    drops.set(path, dropped + 1);
    res.write(rest.subarray(0, Math.floor(rest.length / 2)), () => res.destroy());
    return;
  }
  if (file.behaviour === 'slow') {
    let at = 0;
    const tick = () => {
      if (res.destroyed) return;
      if (at >= rest.length) return void res.end();
      res.write(rest.subarray(at, at + (file.chunk ?? 1024)));
      at += file.chunk ?? 1024;
      setTimeout(tick, file.tickMs ?? 20);
    };
    tick();
    return;
  }
  res.end(rest);
}
