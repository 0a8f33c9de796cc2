// A page that stops reading during a print flood: its socket's backlog stays bounded (output
// dropped and then reported), replies still get through, and a page that never reads again is
// disconnected. Against a real web host and a real WebSocket whose reading is paused, and
// against a stand-in socket for the exact thresholds.
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { IpcRouter } from './router';
import { SocketBacklog, type BacklogSocket } from './socket-backlog';
import { startWebHost, type WebHost } from './web-binding';

const log = { warn: () => undefined, error: () => undefined };
const hosts: WebHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

async function hostWithPage(backlog = { dropAboveBytes: 256 * 1024, closeAboveBytes: 512 * 1024 * 1024, checkMs: 20 }) {
  const dir = mkdtempSync(join(tmpdir(), 'mote-backlog-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Mote</title>');
  const router = new IpcRouter(log);
  router.handle('app:get-info', () => ({ version: '9', host: 'web', platform: 'linux', dataDir: dir }));
  const host = await startWebHost({ router, rendererDir: dir, log, backlog });
  hosts.push(host);
  const ws = new WebSocket(`${host.url.replace(/^http/, 'ws')}ws`, { origin: new URL(host.url).origin });
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  const messages: Array<{ type: string; event?: string; payload?: { text?: string; lines?: number; bytes?: number } }> = [];
  ws.on('message', (d) => messages.push(JSON.parse(d.toString())));
  // a frozen tab: the page's end stops reading the TCP stream ('ws' keeps its socket private)
  const tcp = (ws as unknown as { _socket: Socket })._socket;
  return { router, ws, tcp, messages };
}

const until = async (what: string, cond: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('a page that stops reading during a flood', () => {
  it('gets a bounded part of the output, then a count of what it missed, and its replies', async () => {
    const { router, ws, tcp, messages } = await hostWithPage();
    tcp.pause();
    const rssBefore = process.memoryUsage().rss;
    const line = 'x'.repeat(63) + '\n';
    const text = line.repeat(256); // 16 KiB, 256 lines per event
    const events = 4000; // 64 MiB in all
    for (let i = 0; i < events; i++) {
      router.emit('board:run-output', { runId: 'r1', stream: 'stdout', text });
      if (i % 200 === 0) await new Promise((r) => setImmediate(r));
    }
    const rssWhilePaused = process.memoryUsage().rss;
    tcp.resume();
    await until('the drop report', () => messages.some((m) => m.event === 'board:output-dropped'));
    const shown = messages.filter((m) => m.event === 'board:run-output').length;
    const report = messages.find((m) => m.event === 'board:output-dropped')!.payload!;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(events / 2);
    expect(shown + report.bytes! / text.length).toBe(events);
    expect(report.lines).toBe((events - shown) * 256);
    // the page can still call
    const reply = new Promise((resolve) => ws.on('message', (d) => JSON.parse(d.toString()).type === 'result' && resolve(true)));
    ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app:get-info', payload: {} }));
    expect(await reply).toBe(true);
    ws.close();
    // what main held meanwhile was the bounded backlog, not the 64 MiB sent
    console.log(`rss rise while the page read nothing: ${((rssWhilePaused - rssBefore) / 1048576).toFixed(1)} MiB for 64 MiB of output`);
    expect(rssWhilePaused - rssBefore).toBeLessThan(32 * 1024 * 1024);
  });
});

describe('SocketBacklog', () => {
  function fakeSocket() {
    const sent: string[] = [];
    const socket = { bufferedAmount: 0, terminated: false, send: (t: string) => sent.push(t), terminate: () => (socket.terminated = true) };
    return { socket: socket as BacklogSocket & { bufferedAmount: number; terminated: boolean }, sent };
  }
  const limits = { dropAboveBytes: 100, closeAboveBytes: 1000, checkMs: 5 };

  it('drops only board output when behind, and never replies or other events', () => {
    const { socket, sent } = fakeSocket();
    const b = new SocketBacklog(socket, limits);
    socket.bufferedAmount = 500;
    b.sendEvent('board:run-output', { runId: 'r', stream: 'stdout', text: 'a\nb\n' });
    b.sendEvent('board:terminal-data', { data: 'c\n' });
    b.sendEvent('board:run-ended', { runId: 'r', status: 'interrupted' });
    expect(sent.map((s) => JSON.parse(s).event)).toEqual(['board:run-ended']);
    expect(b.droppedEvents).toBe(2);
    b.dispose();
  });

  it('reports the missed lines once the page caught up', async () => {
    const { socket, sent } = fakeSocket();
    const b = new SocketBacklog(socket, limits);
    socket.bufferedAmount = 500;
    b.sendEvent('board:run-output', { runId: 'r', stream: 'stdout', text: 'a\nb\n' });
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toEqual([]);
    socket.bufferedAmount = 0;
    await new Promise((r) => setTimeout(r, 20));
    expect(sent.map((s) => JSON.parse(s))).toEqual([{ type: 'event', event: 'board:output-dropped', payload: { runId: null, lines: 2, bytes: 4 } }]);
  });

  it('disconnects a page that reads nothing at all, saying why', () => {
    const { socket } = fakeSocket();
    const reasons: string[] = [];
    const b = new SocketBacklog(socket, limits, (r) => reasons.push(r));
    socket.bufferedAmount = 5000;
    b.sendEvent('app:notice', { level: 'info', message: 'x' });
    expect(socket.terminated).toBe(true);
    expect(reasons[0]).toMatch(/read nothing while 5000 bytes waited/);
    expect(b.closed).toBe(true);
  });
});
