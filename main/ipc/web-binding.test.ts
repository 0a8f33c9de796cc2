// The web host for real: a loopback server, real HTTP and a real WebSocket client.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { IpcRouter } from './router';
import { startWebHost, type WebHost } from './web-binding';

const log = { warn: () => undefined, error: () => undefined };
let dir: string;
let host: WebHost;
let router: IpcRouter;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mote-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Mote</title>');
  writeFileSync(join(dir, 'app.js'), 'console.log(1)');
  router = new IpcRouter(log);
  router.handle('app:get-info', () => ({ version: '9', host: 'web', platform: 'linux', dataDir: dir }));
  host = await startWebHost({ router, rendererDir: dir, log });
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

function socket(origin?: string, url = `${host.url.replace(/^http/, 'ws')}ws`): Promise<WebSocket> {
  const ws = new WebSocket(url, { origin: origin ?? new URL(host.url).origin });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function request(ws: WebSocket, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())));
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('web host', () => {
  test('binds to 127.0.0.1 and prints a tokenised URL', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{20,}\/$/);
  });

  test('refuses a non-loopback bind', async () => {
    await expect(startWebHost({ router, rendererDir: dir, log, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  test('serves the page with a CSP under the token, and nothing without it', async () => {
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(new URL('/', host.url))).status).toBe(404);
    expect((await fetch(new URL('/wrong-token/index.html', host.url))).status).toBe(404);
    expect((await fetch(`${host.url}app.js`)).status).toBe(200);
  });

  test('refuses path traversal out of the renderer folder', async () => {
    const res = await fetch(`${host.url}..%2f..%2fetc%2fpasswd`);
    expect(res.status).toBe(404);
  });

  test('invokes a channel over the WebSocket', async () => {
    const ws = await socket();
    expect(await request(ws, { type: 'invoke', id: 1, channel: 'app:get-info', payload: {} })).toEqual({
      type: 'result',
      id: 1,
      result: { ok: true, value: { version: '9', host: 'web', platform: 'linux', dataDir: dir } },
    });
    ws.close();
  });

  test('malformed messages get a clear error and the socket stays usable', async () => {
    const ws = await socket();
    expect(await request(ws, 'not json')).toMatchObject({ type: 'error', message: expect.stringMatching(/Malformed/) });
    expect(await request(ws, { type: 'invoke', id: 2, channel: 'app:get-info', payload: { extra: 1 } })).toMatchObject({
      result: { ok: false, code: 'invalid-payload' },
    });
    expect(await request(ws, { type: 'invoke', id: 3, channel: 'shell:exec', payload: {} })).toMatchObject({ result: { ok: false, code: 'unknown-channel' } });
    expect(await request(ws, { type: 'invoke', id: 4, channel: 'app:get-info', payload: {} })).toMatchObject({ result: { ok: true } });
    ws.close();
  });

  test('refuses a WebSocket from another origin or without the token', async () => {
    await expect(socket('http://evil.example')).rejects.toThrow(/403/);
    await expect(socket(undefined, `ws://${new URL(host.url).host}/nottoken/ws`)).rejects.toThrow(/403/);
  });

  test('a closed socket is a closed connection (its journaled buffers become left over)', async () => {
    const closed = new Promise<string>((resolve) => {
      const off = router.onConnectionClosed((id) => (off(), resolve(id)));
    });
    const ws = await socket();
    ws.close();
    expect(await closed).toMatch(/^web-\d+$/);
  });

  test('events reach connected sockets', async () => {
    const ws = await socket();
    const got = new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
    router.emit('app:notice', { level: 'info', message: 'hello' });
    expect(await got).toEqual({ type: 'event', event: 'app:notice', payload: { level: 'info', message: 'hello' } });
    ws.close();
  });
});
