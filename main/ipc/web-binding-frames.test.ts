// The web host against WebSocket frames the protocol forbids, sent byte for byte over a raw
// TCP socket after a proper upgrade: each must close that one connection, never the host.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { IpcRouter } from './router';
import { startWebHost, type WebHost } from './web-binding';

const warnings: string[] = [];
const log = { warn: (m: string) => void warnings.push(m), error: () => undefined };
let dir: string;
let host: WebHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mote-frames-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Mote</title>');
  const router = new IpcRouter(log);
  router.handle('app:get-info', () => ({ version: '9', host: 'web', platform: 'linux', dataDir: dir }));
  host = await startWebHost({ router, rendererDir: dir, log });
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An upgraded raw connection; resolves once the server has answered 101. */
function rawSocket(): Promise<Socket> {
  const url = new URL(host.url);
  return new Promise((resolve, reject) => {
    const sock = connect(Number(url.port), url.hostname, () => {
      sock.write(
        `GET ${url.pathname}ws HTTP/1.1\r\nHost: ${url.host}\r\nOrigin: ${url.origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    sock.once('data', (d) => (d.toString().startsWith('HTTP/1.1 101') ? resolve(sock) : reject(new Error(d.toString()))));
    sock.once('error', reject);
  });
}

/** A client frame: FIN/RSV/opcode byte, then a masked (or not) payload with the given length header. */
function frame(first: number, payload: Buffer, options: { masked?: boolean; lengthHeader?: Buffer } = {}): Buffer {
  const masked = options.masked ?? true;
  const len = options.lengthHeader ?? (payload.length < 126 ? Buffer.from([payload.length]) : Buffer.from([126, payload.length >> 8, payload.length & 255]));
  len[0] |= masked ? 0x80 : 0;
  const mask = randomBytes(4);
  const body = masked ? Buffer.from(payload.map((b, i) => b ^ mask[i % 4])) : payload;
  return Buffer.concat([Buffer.from([first]), len, masked ? mask : Buffer.alloc(0), body]);
}

const text = Buffer.from('{"type":"invoke","id":1,"channel":"app:get-info","payload":{}}');
const HOSTILE: Array<[string, Buffer]> = [
  ['a length header of 2^62 bytes', frame(0x81, Buffer.alloc(0), { lengthHeader: Buffer.from([127, 0x40, 0, 0, 0, 0, 0, 0, 0]) })],
  ['invalid UTF-8 in a text frame', frame(0x81, Buffer.from([0xc3, 0x28, 0xff]))],
  ['an unmasked client frame', frame(0x81, text, { masked: false })],
  ['RSV1 set without an extension', frame(0xc1, text)],
  ['the reserved opcode 3', frame(0x83, text)],
  ['close code 999', frame(0x88, Buffer.from([999 >> 8, 999 & 255]))],
  ['a fragmented ping', frame(0x09, Buffer.from('x'))],
  ['a ping of 126 bytes', frame(0x89, Buffer.alloc(126, 1))],
  ['an orphan continuation frame', frame(0x80, text)],
];

async function hostAnswers(): Promise<void> {
  expect((await fetch(host.url)).status).toBe(200);
  const ws = new WebSocket(`${host.url.replace(/^http/, 'ws')}ws`, { origin: new URL(host.url).origin });
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  const reply = await new Promise<{ result: { ok: boolean } }>((resolve) => {
    ws.once('message', (d) => resolve(JSON.parse(d.toString())));
    ws.send(text.toString());
  });
  expect(reply.result.ok).toBe(true);
  ws.close();
}

describe('web host against malformed frames', () => {
  test.each(HOSTILE)('survives %s: that socket closes, the host keeps serving', async (_name, bytes) => {
    const sock = await rawSocket();
    const closed = new Promise<void>((resolve) => sock.once('close', () => resolve()));
    sock.on('error', () => undefined);
    sock.write(bytes);
    await closed;
    await hostAnswers();
  });

  test('a message over the frame limit closes only its own socket', async () => {
    const ws = new WebSocket(`${host.url.replace(/^http/, 'ws')}ws`, { origin: new URL(host.url).origin });
    await new Promise((resolve) => ws.once('open', resolve));
    const code = new Promise<number>((resolve) => ws.once('close', (c) => resolve(c)));
    ws.on('error', () => undefined);
    ws.send('x'.repeat(65 * 1024 * 1024));
    expect(await code).toBe(1009);
    await hostAnswers();
  });

  test('a malformed message is answered with its request id', async () => {
    const ws = new WebSocket(`${host.url.replace(/^http/, 'ws')}ws`, { origin: new URL(host.url).origin });
    await new Promise((resolve) => ws.once('open', resolve));
    const reply = await new Promise<{ type: string; id?: number }>((resolve) => {
      ws.once('message', (d) => resolve(JSON.parse(d.toString())));
      ws.send(JSON.stringify({ type: 'nonsense', id: 42 }));
    });
    expect(reply).toMatchObject({ type: 'error', id: 42 });
    ws.close();
  });
});
