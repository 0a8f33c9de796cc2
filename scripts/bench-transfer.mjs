// File transfer throughput over a real pty to the real MicroPython REPL (WebAssembly) and to the
// simulated board, Mote's way side by side with the way mpremote does it (repr() of 256-byte
// chunks, one raw-paste exec per chunk), in the same run. Mote's uploads stream escaped bytes to
// a receiver's stdin (stream-upload.ts) with verified atomic writes; they are measured with the
// plan a pty gets (flow control: 32 KiB in flight), with the plan for a UART bridge (256 bytes in
// flight), and with the fallback for boards without sys.stdin.buffer (base64, 8 KiB per command).
// Prints bytes/s and the ratios; asserts only that every transfer round-trips exactly.
// Options: --size BYTES (default 65536), --rounds N (default 3), --board micropython|simulated|both (default both).
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const size = Number(arg('--size', 65536));
const rounds = Number(arg('--rounds', 3));
const boardArg = arg('--board', 'both');

// The board link is TypeScript: bundle the pieces this script needs into a temp module.
// inside the repo so the bundle resolves serialport from node_modules
const outDir = mkdtempSync(join(root, 'out', '.bench-transfer-'));
const entry = `
export { PtyBoard } from './main/testing/pty-board';
export { SerialTransport } from './main/serial/serial-transport';
export { BoardSession } from './main/board/board-session';
export { BoardFs } from './main/board/board-fs';
export { streamPlan } from './main/board/stream-upload';
export { pyBytes, parseBytesLiteral } from './main/board/python-literal';
export { buildBoardWorker } from './main/testing/build-board-worker';
`;
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: join(outDir, 'link.cjs'),
  external: ['serialport', 'drivelist', 'electron', 'esbuild'],
  logLevel: 'warning',
  define: { __dirname: JSON.stringify(join(root, 'main', 'testing')) },
});
const require = createRequire(join(root, 'package.json'));
const { PtyBoard, SerialTransport, BoardSession, BoardFs, streamPlan, pyBytes, parseBytesLiteral, buildBoardWorker } = require(join(outDir, 'link.cjs'));

/** mpremote's fs_writefile: open once, then one exec of w(repr(chunk)) per 256 bytes. */
async function mpremoteUpload(session, path, data) {
  await session.withRaw(async (raw) => {
    const run = async (code) => {
      const r = await raw.exec(code, { idleMs: 10000 });
      if (r.stderr.length) throw new Error(r.stderr.toString());
    };
    await run(`f=open('${path}','wb')\nw=f.write`);
    for (let i = 0; i < data.length; i += 256) await run(`w(${pyBytes(data.subarray(i, i + 256))})`);
    await run('f.close()');
  });
}

/** mpremote's fs_readfile: open once, then one exec of print(repr(r(256))) per chunk until b''. */
async function mpremoteDownload(session, path) {
  return session.withRaw(async (raw) => {
    const run = async (code) => {
      const r = await raw.exec(code, { idleMs: 10000 });
      if (r.stderr.length) throw new Error(r.stderr.toString());
      return r.stdout.toString('latin1');
    };
    await run(`f=open('${path}','rb')\nr=f.read`);
    const parts = [];
    for (;;) {
      const chunk = parseBytesLiteral(await run('print(repr(r(256)))'));
      if (!chunk.length) break;
      parts.push(chunk);
    }
    await run('f.close()');
    return Buffer.concat(parts);
  });
}

async function timed(fn) {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  return { result, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (bps) => `${(bps / 1024).toFixed(1).padStart(8)} KiB/s`;

async function benchBoard(boardKind) {
  const board = boardKind === 'simulated' ? new PtyBoard({ kind: 'simulated', profile: 'pico', cliPath: (await buildBoardWorker()).cli }) : new PtyBoard({});
  await board.start();
  const session = await BoardSession.connect(await SerialTransport.open(board.path));
  const fs = new BoardFs(session);
  const uartFs = new BoardFs(session, { plan: streamPlan(false, 128) });
  const commandFs = new BoardFs(session, { upload: 'commands' });
  const data = randomBytes(size);
  const rates = { moteUp: [], uartUp: [], commandUp: [], moteDown: [], mpUp: [], mpDown: [] };
  try {
    await fs.capabilities();
    const upload = async (which, via) => {
      const up = await timed(() => via.write(`/bench-${which}.bin`, data));
      rates[which].push(size / up.seconds);
    };
    for (let round = 0; round < rounds; round++) {
      await upload('moteUp', fs);
      const down = await timed(() => fs.read('/bench-moteUp.bin'));
      if (!down.result.equals(data)) throw new Error('Mote download does not match');
      rates.moteDown.push(size / down.seconds);
      await upload('uartUp', uartFs);
      await upload('commandUp', commandFs);
      for (const which of ['uartUp', 'commandUp']) if (!(await fs.read(`/bench-${which}.bin`)).equals(data)) throw new Error(`${which} does not match`);

      const bup = await timed(() => mpremoteUpload(session, '/bench-mp.bin', data));
      rates.mpUp.push(size / bup.seconds);
      const bdown = await timed(() => mpremoteDownload(session, '/bench-mp.bin'));
      if (!bdown.result.equals(data)) throw new Error('mpremote-way download does not match');
      rates.mpDown.push(size / bdown.seconds);
    }
    const m = Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, median(v)]));
    const name = boardKind === 'simulated' ? `simulated pico (MicroPython ${session.identity.version} profile)` : `MicroPython ${session.identity.version} (WebAssembly REPL)`;
    const ratio = (x, base) => `${(x / base).toFixed(2)}x`.padStart(7);
    console.log(`\n${name} over a pty; ${size} random bytes; raw-paste window ${session.raw.window} B; median of ${rounds} rounds`);
    console.log(`  the mpremote way: upload (repr, 256 B per exec) ${fmt(m.mpUp)}   download (repr, 256 B per exec) ${fmt(m.mpDown)}`);
    console.log(`  upload    Mote, streamed, a pty's plan (32 KiB in flight)   ${fmt(m.moteUp)}   ratio ${ratio(m.moteUp, m.mpUp)}`);
    console.log(`  upload    Mote, streamed, a UART bridge's plan (256 B)      ${fmt(m.uartUp)}   ratio ${ratio(m.uartUp, m.mpUp)}`);
    console.log(`  upload    Mote, fallback (base64, 8 KiB per command)        ${fmt(m.commandUp)}   ratio ${ratio(m.commandUp, m.mpUp)}`);
    console.log(`  download  Mote (base64 lines, one command)                  ${fmt(m.moteDown)}   ratio ${ratio(m.moteDown, m.mpDown)}`);
  } finally {
    await session.close().catch(() => undefined);
    await board.kill();
  }
}

try {
  for (const kind of boardArg === 'both' ? ['simulated', 'micropython'] : [boardArg]) await benchBoard(kind);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
