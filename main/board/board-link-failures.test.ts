// Link failures against real ptys: unplug mid-upload (old or new file, never a truncated one),
// reconnect, garbage on the line, and a board that never answers.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SerialTransport } from '../serial/serial-transport';
import { PtyBoard } from '../testing/pty-board';
import { TEST_BOARDS } from '../testing/test-boards';
import { BoardFs } from './board-fs';
import { BoardSession } from './board-session';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

async function startBoard(board: PtyBoard): Promise<BoardSession> {
  await board.start();
  const session = await BoardSession.connect(await SerialTransport.open(board.path));
  cleanups.push(() => session.close());
  return session;
}

describe.each(TEST_BOARDS)('unplugging $name', { timeout: 60_000 }, (kind) => {
  it('mid-upload: the board keeps the old file, the session reports it, and a reconnect works', async () => {
    const board = await kind.make();
    cleanups.push(() => board.kill());
    let session = await startBoard(board);
    let fs = new BoardFs(session, { chunkSize: 2048 });
    const old = Buffer.from('old contents\n');
    await fs.write('/data.bin', old);

    const closed = new Promise<Error | undefined>((r) => session.onClose(r));
    const big = Buffer.alloc(50_000, 0x5a);
    let killed = false;
    const upload = fs.write('/data.bin', big, {
      onProgress: (done) => {
        if (done >= 10_000 && !killed) {
          killed = true;
          void board.kill();
        }
      },
    });
    await expect(upload).rejects.toMatchObject({ code: 'board-unplugged' });
    const closeError = await closed;
    expect(closeError?.message).toMatch(/unplugged|went away/);
    expect(session.isOpen).toBe(false);

    // what the board's flash holds now
    const onFlash = readFileSync(join(board.fsDir, 'data.bin'));
    expect(onFlash.equals(old) || onFlash.equals(big)).toBe(true);

    // plug it back in: same files, link works
    session = await startBoard(board);
    fs = new BoardFs(session);
    const back = await fs.read('/data.bin');
    expect(back.equals(old) || back.equals(big)).toBe(true);
    // The interrupted write's temp file may still be on flash. Listing leaves it (a file of the
    // user's may have that name too); the next write of data.bin replaces it.
    await fs.write('/data.bin', big);
    expect((await fs.read('/data.bin')).equals(big)).toBe(true);
    expect((await fs.list('/')).map((e) => e.name)).not.toContain('.data.bin.mote~');
  });

});

describe('board link failures', { timeout: 60_000 }, () => {
  it('an operation on an unplugged board fails with board-unplugged, not a hang', async () => {
    const board = new PtyBoard();
    cleanups.push(() => board.kill());
    const session = await startBoard(board);
    await board.kill();
    await expect(session.exec('print(1)', 'checking')).rejects.toMatchObject({ code: expect.stringMatching(/board-unplugged|not-connected/) });
  });

  it('connects through garbage on the line (boot noise, half a title escape, binary)', async () => {
    const board = new PtyBoard();
    cleanups.push(() => board.kill());
    await board.start();
    const transport = await SerialTransport.open(board.path);
    // inject garbage as if the board had printed it before we connected
    const garbage = Buffer.from([0xff, 0xfe, 0x00, 0x1b, 0x5d, 0x30, 0x3b, 0x80, 0x81, 0x0d, 0x0a, 0x3e, 0x3e, 0x3e, 0x20, 0x04, 0x04, 0x3e]);
    const listeners: Array<(d: Uint8Array) => void> = [];
    const fake = {
      info: transport.info,
      get isOpen() {
        return transport.isOpen;
      },
      write: (d: Uint8Array) => transport.write(d),
      onData: (l: (d: Uint8Array) => void) => {
        listeners.push(l);
        return transport.onData(l);
      },
      onClose: (l: (e?: Error) => void) => transport.onClose(l),
      close: () => transport.close(),
    };
    setTimeout(() => listeners.forEach((l) => l(garbage)), 5);
    const session = await BoardSession.connect(fake);
    cleanups.push(() => session.close());
    expect((await session.exec('print("clean")', 'checking')).toString()).toBe('clean\r\n');
  });

  it('a board that never answers gets a message with next steps', async () => {
    // socat with a silent program on the other side: bytes go nowhere
    const dir = new PtyBoard().dir;
    const path = join(dir, 'silent');
    const proc = spawn('socat', [`pty,raw,echo=0,link=${path}`, 'EXEC:sleep 60,pty,raw,echo=0']);
    cleanups.push(async () => void proc.kill('SIGKILL'));
    for (let i = 0; i < 100 && !existsSync(path); i++) await new Promise((r) => setTimeout(r, 20));
    const transport = await SerialTransport.open(path);
    cleanups.push(() => transport.close());
    const err = await BoardSession.connect(transport, { connectTimeoutMs: 3000 }).catch((e) => e);
    expect(err.code).toBe('board-timeout');
    expect(err.message).toMatch(/does not answer/);
    expect(err.message).toMatch(/reset button/);
    expect(err.message).toMatch(/BOOTSEL/);
    expect(err.message).toMatch(/safe mode/);
  });
});
