// BoardSession against the real MicroPython REPL (WebAssembly) behind a real pty and real serialport.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SerialTransport } from '../serial/serial-transport';
import { PtyBoard } from '../testing/pty-board';
import { TEST_BOARDS, type TestBoardKind } from '../testing/test-boards';
import { BoardSession } from './board-session';

const boards: PtyBoard[] = [];
const sessions: BoardSession[] = [];

let kind: TestBoardKind = TEST_BOARDS[0];

async function connect(args: string[] = [], busy?: string): Promise<{ board: PtyBoard; session: BoardSession }> {
  const board = args.length ? new PtyBoard({ args }) : await kind.make({ busy });
  boards.push(board);
  await board.start();
  const session = await BoardSession.connect(await SerialTransport.open(board.path));
  sessions.push(session);
  return { board, session };
}

afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close().catch(() => undefined);
  for (const b of boards.splice(0)) await b.kill();
});

describe.each(TEST_BOARDS)('BoardSession on $name over a pty', { timeout: 60_000 }, (boardKind) => {
  beforeAll(() => {
    kind = boardKind;
  });

  it('connects, identifies the firmware and keeps the banner', async () => {
    const { session } = await connect();
    expect(session.identity.flavour).toBe('micropython');
    expect(session.identity.version).toMatch(/^1\.\d+\.\d+$/);
    expect(session.identity.machine).toMatch(/Emscripten|Pico/);
    expect(session.identity.banner).toMatch(/^MicroPython v1\./);
  });

  it('runs a program and streams stdout and stderr separately', async () => {
    const { session } = await connect();
    const out: string[] = [];
    const err: string[] = [];
    const r = await session.run('print("hello")\nprint(1/0)', { onStdout: (d) => out.push(d.toString()), onStderr: (d) => err.push(d.toString()) });
    expect(r.status).toBe('error');
    expect(r.message).toBe('ZeroDivisionError: divide by zero');
    expect(out.join('')).toBe('hello\r\n');
    expect(err.join('')).toContain('Traceback');
  });

  it('interrupts a running program and stays usable', async () => {
    const { session } = await connect();
    const ac = new AbortController();
    let seen = '';
    const running = session.run('import time\ni=0\nwhile True:\n    print(i)\n    i+=1\n    time.sleep(0.01)', {
      signal: ac.signal,
      onStdout: (d) => {
        seen += d.toString();
        if (seen.includes('5\r\n')) ac.abort();
      },
    });
    const r = await running;
    expect(r.status).toBe('interrupted');
    const out = await session.exec('print(6*7)', 'checking');
    expect(out.toString()).toBe('42\r\n');
  });

  it('answers input() in a running program with keys typed in the terminal', async () => {
    const { session } = await connect();
    let out = '';
    const typed: string[] = [];
    session.onTerminalData((d) => typed.push(Buffer.from(d).toString()));
    const running = session.run('name = input("name? ")\nprint("hello", name)\nprint(input())', {
      onStdout: (d) => {
        out += d.toString();
      },
    });
    for (let i = 0; i < 500 && !out.includes('name? '); i++) await new Promise((r) => setTimeout(r, 10));
    await session.writeTerminal('Ada\r');
    for (let i = 0; i < 500 && !out.includes('hello Ada'); i++) await new Promise((r) => setTimeout(r, 10));
    await session.writeTerminal('Zoë\r'); // a board's readline keeps ASCII only: 'Zo'
    expect((await running).status).toBe('ok');
    expect(out).toContain('name? ');
    expect(out).toContain('hello Ada\r\n');
    expect(out).toMatch(/Zo\r\nZo\r\n$/); // the echo, then the print
    expect(out.match(/Ada/g)).toHaveLength(2); // echoed once by input(), printed once
    expect(typed.join('')).not.toContain('Ada'); // and not echoed a second time by Mote
  });

  it('connects to a busy board (a program printing in a loop since power-on)', async () => {
    const { session } = await connect([], 'import time\nn=0\nwhile True:\n    print("busy", n)\n    n+=1\n    time.sleep(0.005)\n');
    expect(session.identity.flavour).toBe('micropython');
    const out = await session.exec('print("free")', 'checking');
    expect(out.toString()).toBe('free\r\n');
  });

  it.runIf(boardKind === TEST_BOARDS[0])('falls back to classic raw mode when raw-paste is refused', async () => {
    const { session } = await connect(['--raw-paste=no']);
    const out = await session.exec('print(sum(range(10)))', 'summing');
    expect(out.toString()).toBe('45\r\n');
    expect(session.raw.rawPaste).toBe('no');
  });

  it('delivers terminal keys to the friendly REPL and echoes its output', async () => {
    const { session } = await connect();
    let text = '';
    session.onTerminalData((d) => (text += Buffer.from(d).toString()));
    await new Promise((r) => setTimeout(r, 500)); // let the post-connect leave happen
    await session.writeTerminal('1+2\r');
    for (let i = 0; i < 500 && !text.includes('3\r\n>>> '); i++) await new Promise((r) => setTimeout(r, 20));
    expect(text).toContain('1+2\r\n3\r\n>>> ');
  });

  it('queues keys typed while an operation holds the board', async () => {
    const { session } = await connect();
    let text = '';
    session.onTerminalData((d) => (text += Buffer.from(d).toString()));
    const op = session.exec('import time\ntime.sleep(0.3)\nprint("op")', 'sleeping');
    await new Promise((r) => setTimeout(r, 50));
    await session.writeTerminal('2*21\r');
    expect((await op).toString()).toBe('op\r\n');
    for (let i = 0; i < 500 && !text.includes('42\r\n>>> '); i++) await new Promise((r) => setTimeout(r, 20));
    expect(text).toContain('42\r\n>>> ');
    expect(text).not.toContain('raw REPL');
  });

  it('soft reset keeps the link usable', async () => {
    const { session } = await connect();
    await session.exec('x=5', 'setting');
    await session.softReset();
    const r = await session.execRaw('print(x)');
    expect(r.stderr.toString()).toContain("NameError");
  });
});
