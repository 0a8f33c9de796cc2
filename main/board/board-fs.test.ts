// BoardFs against the real MicroPython REPL (WebAssembly) behind a real pty and real serialport.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialTransport } from '../serial/serial-transport';
import type { PtyBoard } from '../testing/pty-board';
import { TEST_BOARDS } from '../testing/test-boards';
import { BoardFs } from './board-fs';
import { BoardSession } from './board-session';

let board: PtyBoard;
let session: BoardSession;
let fs: BoardFs;
const all256 = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

describe.each(TEST_BOARDS)('BoardFs on $name over a pty', { timeout: 60_000 }, (kind) => {
  beforeAll(async () => {
    board = await kind.make();
    await board.start();
    session = await BoardSession.connect(await SerialTransport.open(board.path));
    fs = new BoardFs(session, { chunkSize: 1000 });
  });

  afterAll(async () => {
    await session?.close().catch(() => undefined);
    await board?.kill();
  });

  it('writes and reads back all 256 byte values', async () => {
    const data = Buffer.concat([all256, all256.reverse(), Buffer.from("'\"\\\r\n")]);
    const progress: number[] = [];
    await fs.write('/bin.dat', data, { onProgress: (d) => progress.push(d) });
    expect(progress[progress.length - 1]).toBe(data.length);
    expect(progress.length).toBeGreaterThan(1);
    expect((await fs.read('/bin.dat')).equals(data)).toBe(true);
    expect(await fs.stat('/bin.dat')).toEqual({ kind: 'file', size: data.length });
    const hashes = await fs.hashes(['/bin.dat']);
    expect(hashes.get('/bin.dat')).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('lists, creates, renames and removes recursively', async () => {
    await fs.mkdir('/a/b/c', { parents: true });
    await fs.mkdir('/a/b', { parents: true }); // existing is fine
    await fs.write('/a/b/c/x.py', 'print("x")\n');
    await fs.write('/a/top.txt', 'héllo ✓');
    const list = await fs.list('/a', { recursive: true });
    expect(list.map((e) => `${e.kind} ${e.path} ${e.size}`)).toEqual(['dir /a/b 0', 'dir /a/b/c 0', 'file /a/b/c/x.py 11', 'file /a/top.txt 10']);
    expect(await fs.readText('/a/top.txt')).toBe('héllo ✓');
    await fs.rename('/a/top.txt', '/a/renamed.txt');
    expect(await fs.stat('/a/top.txt')).toBeNull();
    await expect(fs.remove('/a')).rejects.toMatchObject({ code: 'python-error' });
    await fs.remove('/a', { recursive: true });
    expect(await fs.stat('/a')).toBeNull();
  });

  it('reports a missing file with not-found', async () => {
    await expect(fs.read('/nope.txt')).rejects.toMatchObject({ code: 'not-found' });
    await expect(fs.rename('/nope.txt', '/x')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('cancels an upload and keeps the old file', async () => {
    await fs.write('/keep.txt', 'old');
    const ac = new AbortController();
    const big = Buffer.alloc(20000, 0x41);
    const p = fs.write('/keep.txt', big, { signal: ac.signal, onProgress: (d) => d >= 3000 && ac.abort() });
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
    expect(await fs.readText('/keep.txt')).toBe('old');
  });

  it('detects data corrupted on the way and keeps the old file', async () => {
    await fs.write('/verify.txt', 'old');
    // corrupt one base64 character of the next upload as it leaves the computer
    const transport = session.transport;
    const realWrite = transport.write.bind(transport);
    let armed = true;
    transport.write = async (data: Uint8Array) => {
      const text = Buffer.from(data).toString('latin1');
      if (armed && text.includes('QUFB')) {
        armed = false;
        return realWrite(Buffer.from(text.replace('QUFB', 'QkFB'), 'latin1'));
      }
      return realWrite(data);
    };
    try {
      await expect(fs.write('/verify.txt', Buffer.alloc(3000, 0x41))).rejects.toMatchObject({ code: 'board-protocol' });
    } finally {
      transport.write = realWrite;
    }
    expect(armed).toBe(false);
    expect(await fs.readText('/verify.txt')).toBe('old');
  });

  it('syncs a folder, skipping unchanged files by SHA-256', async () => {
    const local = join(board.dir, 'proj');
    mkdirSync(join(local, 'lib'), { recursive: true });
    writeFileSync(join(local, 'main.py'), 'print(1)\n');
    writeFileSync(join(local, 'lib', 'util.py'), 'X=1\n');
    writeFileSync(join(local, '.hidden'), 'no');
    const first = await fs.sync(local, '/proj');
    expect(first.uploaded.sort()).toEqual(['/proj/lib/util.py', '/proj/main.py']);
    writeFileSync(join(local, 'main.py'), 'print(2)\n');
    const second = await fs.sync(local, '/proj');
    expect(second.uploaded).toEqual(['/proj/main.py']);
    expect(second.skipped).toEqual(['/proj/lib/util.py']);
    expect(await fs.readText('/proj/main.py')).toBe('print(2)\n');
  });

  it('persists written files in the board folder', async () => {
    await fs.write('/persist.bin', all256);
    for (let i = 0; i < 50 && !existsSync(join(board.fsDir, 'persist.bin')); i++) await new Promise((r) => setTimeout(r, 20));
    expect(readFileSync(join(board.fsDir, 'persist.bin')).equals(all256)).toBe(true);
  });
});
