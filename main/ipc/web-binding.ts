// The web host's transport for the contract: an HTTP server on 127.0.0.1 that serves the
// built renderer under a random per-run token, and one WebSocket per page carrying
// invoke/result and event messages. Loopback only: any other bind address is refused.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { rendererCsp } from '../csp';
import { mimeType, resolveStatic } from '../static-files';
import type { IpcRouter, Logger } from './router';
import { type BacklogLimits, SocketBacklog } from './socket-backlog';

export interface WebHostOptions {
  router: IpcRouter;
  rendererDir: string;
  log: Logger;
  host?: string;
  port?: number;
  /** Fixed token (tests); random otherwise. */
  token?: string;
  /** How far a page may fall behind before its output is dropped (tests lower it). */
  backlog?: BacklogLimits;
}

export interface WebHost {
  url: string;
  token: string;
  server: Server;
  close(): Promise<void>;
}

/** Messages on the socket: renderer → main. */
type ClientMessage = { type: 'invoke'; id: number; channel: unknown; payload: unknown };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
/**
 * Largest WebSocket frame the socket library accepts. The contract's largest field is 8 Mi
 * characters of text, which JSON can spell in up to 6 bytes each (\u escapes), so every message
 * the contract allows fits; a larger frame closes that page's socket (code 1009) and nothing else.
 */
const MAX_FRAME = 64 * 1024 * 1024;

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`The web host only binds to loopback (127.0.0.1); refusing ${host}`);
  const token = options.token ?? randomBytes(18).toString('base64url');
  const prefix = `/${token}/`;
  let origin = '';

  const hostHeaderOk = (req: IncomingMessage) => {
    // Defends against DNS rebinding: the Host header must name the loopback address we bound.
    const h = req.headers.host ?? '';
    return h === origin.replace(/^http:\/\//, '');
  };

  const server = createServer(async (req, res) => {
    const url = req.url ?? '/';
    if (!hostHeaderOk(req) || !url.startsWith(prefix) || !sameToken(url.slice(1, 1 + token.length), token)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const file = resolveStatic(options.rendererDir, url.slice(prefix.length - 1));
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, {
        'content-type': mimeType(file),
        'content-security-policy': rendererCsp([origin.replace(/^http/, 'ws')]),
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end();
    }
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME });
  // Never reached in practice (noServer), but an unhandled 'error' would end the process.
  wss.on('error', (error) => options.log.warn(`web host: ${error.message}`));
  let nextConnection = 1;

  server.on('upgrade', (req, socket, head) => {
    const url = req.url ?? '';
    const okPath = url === `${prefix}ws`;
    const okOrigin = req.headers.origin === origin;
    if (!hostHeaderOk(req) || !okPath || !okOrigin) {
      options.log.warn(`web host refused a WebSocket (${okPath ? 'bad origin or host' : 'bad token'})`);
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, `web-${nextConnection++}`));
  });

  function serveSocket(ws: WebSocket, connectionId: string) {
    const backlog = new SocketBacklog(ws, options.backlog, (reason) => options.log.warn(`web host closed ${connectionId}: ${reason}`));
    const removeSink = options.router.addSink((event, payload) => {
      if (ws.readyState === ws.OPEN) backlog.sendEvent(event, payload);
    });
    ws.on('close', () => {
      backlog.dispose();
      removeSink();
      options.router.connectionClosed(connectionId);
    });
    // A frame the WebSocket protocol forbids (bad opcode, unmasked, RSV bits, invalid UTF-8,
    // oversized, a bad close code...) makes the library close this socket and emit 'error'.
    // Unhandled, that event would end the whole host: the page reconnects, the host lives on.
    ws.on('error', (error) => options.log.warn(`web host: closed ${connectionId} after a malformed WebSocket frame (${error.message})`));
    ws.on('message', async (data, isBinary) => {
      let message: ClientMessage;
      let id: number | undefined;
      try {
        if (isBinary) throw new Error('binary');
        const parsed = JSON.parse(data.toString()) as Partial<ClientMessage> | null;
        // Answer with the request id whenever there is one, so the page can fail that call
        // instead of waiting for a result that never comes.
        if (typeof parsed?.id === 'number' && Number.isSafeInteger(parsed.id)) id = parsed.id;
        if (parsed?.type !== 'invoke' || id === undefined) throw new Error('shape');
        message = parsed as ClientMessage;
      } catch {
        ws.send(JSON.stringify({ type: 'error', ...(id === undefined ? {} : { id }), message: 'Malformed message: expected {type:"invoke", id, channel, payload}' }));
        return;
      }
      const result = await options.router.invoke(message.channel, message.payload, { host: 'web', connectionId });
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id: message.id, result }));
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${shownHost}:${address.port}`;

  return {
    url: `${origin}${prefix}`,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
