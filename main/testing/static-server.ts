// Test helper: serves a path → bytes map on 127.0.0.1, counts requests, and misbehaves on
// request (a path whose connection drops after half its body) so library tests meet the
// unlucky cases without a network.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticServer {
  base: string;
  /** Paths requested, in order. */
  requests: string[];
  files: Map<string, Buffer>;
  /** Paths whose next answers break off halfway (each entry: how many more times). */
  drop: Map<string, number>;
  close(): Promise<void>;
}

export async function startStaticServer(files: Map<string, Buffer>): Promise<StaticServer> {
  const requests: string[] = [];
  const drop = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '');
    requests.push(path);
    const body = files.get(path);
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' });
    const drops = drop.get(path) ?? 0;
    if (drops > 0) {
      drop.set(path, drops - 1);
      res.write(body.subarray(0, body.length >> 1), () => res.destroy());
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    files,
    drop,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
