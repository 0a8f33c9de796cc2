// NetService against a web server on 127.0.0.1 that serves files under the official path
// layout and misbehaves on request (cuts the connection, trickles, ignores Range, redirects).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FileServer, startFileServer } from '../testing/file-server';
import { NetService } from './net-service';

const FILE = '/micropython.org/resources/firmware/RPI_PICO-20251209-v1.27.0.uf2';
const body = Buffer.from(Array.from({ length: 600_000 }, (_, i) => (i * 7 + (i >> 9)) & 0xff));
const sha = createHash('sha256').update(body).digest('hex');
let root: string;
let server: FileServer;
let mirror: string;

function service(options: Partial<ConstructorParameters<typeof NetService>[0]> = {}): NetService {
  return new NetService({ cacheRoot: join(root, 'cache'), mirror: () => mirror, logFile: join(root, 'logs', 'network.log'), retryDelayMs: 5, ...options });
}
/** What the cache folder holds, partial files included. */
function cacheContents(): string[] {
  const walk = (dir: string, rel: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), `${rel}${e.name}/`) : [`${rel}${e.name}`]));
  return existsSync(join(root, 'cache')) ? walk(join(root, 'cache'), '').sort() : [];
}

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'mote-net-'));
  server = await startFileServer({ [FILE]: { body } });
  // the test server plays micropython.org through the mirror setting
  mirror = server.base;
});
afterEach(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const request = { url: `https://micropython.org${FILE.slice('/micropython.org'.length)}`, purpose: 'firmware' as const, kind: 'firmware' as const, name: 'RPI_PICO/RPI_PICO-20251209-v1.27.0.uf2' };

describe('NetService.download', () => {
  it('puts the file in the cache with its checks passed, reporting progress, and logs why it went out', async () => {
    const progress: Array<[number, number | null]> = [];
    const file = await service().download({ ...request, size: body.length, sha256: sha, onProgress: (d, t) => progress.push([d, t]) });
    expect(file).toEqual({ path: join(root, 'cache', 'firmware', 'RPI_PICO', 'RPI_PICO-20251209-v1.27.0.uf2'), size: body.length, sha256: sha, resumed: 0 });
    expect(readFileSync(file.path).equals(body)).toBe(true);
    expect(progress[0]).toEqual([0, body.length]);
    expect(progress.at(-1)).toEqual([body.length, body.length]);
    expect(progress.length).toBeGreaterThan(3);
    expect(server.requests).toEqual([`GET ${FILE}`]);
    expect(cacheContents()).toEqual(['firmware/RPI_PICO/RPI_PICO-20251209-v1.27.0.uf2']);
    const log = readFileSync(join(root, 'logs', 'network.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(log).toMatchObject([{ purpose: 'firmware', url: request.url, source: `${server.base}${FILE}`, outcome: 'ok', bytes: body.length, resumed: 0 }]);
  });

  it('picks a dropped connection up where it broke off, with a Range request', async () => {
    server.files.set(FILE, { body, behaviour: 'drop', drops: 2 });
    const file = await service().download({ ...request, sha256: sha });
    expect(file.resumed).toBe(2);
    expect(readFileSync(file.path).equals(body)).toBe(true);
    // each try asks for the bytes after the last one that arrived (the socket loses a little in flight)
    const starts = server.requests.map((r) => Number(/bytes=(\d+)-$/.exec(r)?.[1] ?? 0));
    expect(starts).toHaveLength(3);
    expect(starts[0]).toBe(0);
    expect(starts[1]).toBeGreaterThan(100_000);
    expect(starts[2]).toBeGreaterThan(starts[1]);
    expect(cacheContents()).toEqual(['firmware/RPI_PICO/RPI_PICO-20251209-v1.27.0.uf2']);
  });

  it('starts again from the first byte when the server ignores Range', async () => {
    server.files.set(FILE, { body, behaviour: 'slow', chunk: 16384, tickMs: 5 });
    const abort = new AbortController();
    const net = service();
    await expect(net.download({ ...request, signal: abort.signal, onProgress: (d) => d >= 100_000 && abort.abort() })).rejects.toMatchObject({ code: 'cancelled' });
    server.files.set(FILE, { body, behaviour: 'no-range' });
    const file = await net.download({ ...request, sha256: sha });
    expect(readFileSync(file.path).equals(body)).toBe(true);
    expect(file.size).toBe(body.length);
    expect(server.requests.at(-1)).toMatch(/bytes=\d+-$/);
  });

  it('refuses a damaged file and keeps nothing of it', async () => {
    const damaged = Buffer.from(body);
    damaged[1234] ^= 0xff;
    server.files.set(FILE, { body: damaged });
    await expect(service().download({ ...request, sha256: sha })).rejects.toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/SHA-256 is [0-9a-f]{64}, not [0-9a-f]{64}\. Nothing was kept/) });
    expect(cacheContents()).toEqual([]);
  });

  it('refuses a file of the wrong size before taking its body', async () => {
    await expect(service().download({ ...request, size: body.length - 1 })).rejects.toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/offers 600000 bytes where 599999 were expected/) });
    await expect(service().download({ ...request, maxBytes: 1000 })).rejects.toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/more than the 1000 allowed/) });
    expect(cacheContents()).toEqual([]);
  });

  it('stops when cancelled halfway through a slow download, and the next try carries on', async () => {
    server.files.set(FILE, { body, behaviour: 'slow', chunk: 16384, tickMs: 5 });
    const abort = new AbortController();
    const net = service();
    const first = net.download({ ...request, signal: abort.signal, onProgress: (d) => d >= 100_000 && abort.abort() });
    await expect(first).rejects.toMatchObject({ code: 'cancelled' });
    expect(cacheContents().filter((f) => !f.startsWith('firmware/.partial/'))).toEqual([]);
    const file = await net.download({ ...request, sha256: sha });
    expect(readFileSync(file.path).equals(body)).toBe(true);
    expect(server.requests[1]).toMatch(new RegExp(`^GET ${FILE} bytes=\\d+-$`));
    expect(net.recent().map((e) => e.outcome)).toEqual(['cancelled', 'ok']);
  });

  it('follows redirects (GitHub release assets answer 302 to a CDN)', async () => {
    server.files.set('/github.com/o/r/releases/download/v1/x.hex', { body: '', redirect: '/cdn/x.hex' });
    server.files.set('/cdn/x.hex', { body: ':00000001FF\n' });
    const file = await service().download({ url: 'https://github.com/o/r/releases/download/v1/x.hex', purpose: 'firmware', kind: 'firmware', name: 'x.hex' });
    expect(readFileSync(file.path, 'utf8')).toBe(':00000001FF\n');
  });

  it('says clearly when the file is missing or the server cannot be reached', async () => {
    await expect(service().download({ ...request, url: 'https://micropython.org/resources/firmware/NOPE.uf2' })).rejects.toMatchObject({ code: 'network', message: expect.stringMatching(/NOPE\.uf2 does not exist on the server \(404\)/) });
    const port = Number(new URL(server.base).port);
    await server.close();
    mirror = `http://127.0.0.1:${port}`;
    await expect(service({ retries: 2 }).download(request)).rejects.toMatchObject({ code: 'network', message: expect.stringMatching(/127\.0\.0\.1:\d+ refused the connection\. Tried 2 times/) });
    server = await startFileServer();
  });

  it('reads from a mirror folder laid out as <host>/<path>', async () => {
    mirror = join(root, 'stick');
    mkdirSync(join(mirror, 'micropython.org/resources/firmware'), { recursive: true });
    writeFileSync(join(mirror, 'micropython.org/resources/firmware/RPI_PICO-20251209-v1.27.0.uf2'), body);
    const file = await service().download({ ...request, sha256: sha });
    expect(readFileSync(file.path).equals(body)).toBe(true);
    expect(server.requests).toEqual([]);
    await expect(service().download({ ...request, url: 'https://micropython.org/resources/firmware/NOPE.uf2', name: 'nope.uf2' })).rejects.toMatchObject({ code: 'network', message: expect.stringMatching(/mirror folder has no .*NOPE\.uf2/) });
  });

  it('keeps cache names inside the cache', () => {
    const net = service();
    for (const bad of ['../x', 'a/../../x', '.partial/x', '', 'a\\b']) expect(() => net.cachePath('firmware', bad)).toThrow(/is not a name for a file in the firmware cache/);
  });
});

describe('NetService.fetchBytes', () => {
  it('fetches a small document and refuses a big one', async () => {
    server.files.set('/micropython.org/download/', { body: '<html>boards</html>' });
    const net = service();
    expect((await net.fetchBytes({ url: 'https://micropython.org/download/', purpose: 'firmware-catalog', maxBytes: 1000 })).toString()).toBe('<html>boards</html>');
    await expect(net.fetchBytes({ url: request.url, purpose: 'firmware-catalog', maxBytes: 1000 })).rejects.toMatchObject({ code: 'invalid-file' });
    expect(net.recent().map((e) => [e.purpose, e.outcome === 'ok'])).toEqual([['firmware-catalog', true], ['firmware-catalog', false]]);
  });
});
