// `node out/vm/cli.js --board PROFILE [--fs DIR] [--line | --pty PATH]`: the simulated board on raw stdin/stdout
// bytes (no line discipline; Ctrl-C is the byte 0x03, not a signal), so it can stand behind a pty:
//   socat pty,raw,echo=0,link=TTY EXEC:'node out/vm/cli.js --board pico --fs DIR --line',pty,raw,echo=0
// In a terminal, Ctrl-] quits. --line says stdin is a serial line, not a person at a terminal:
// every byte is the board's (binary uploads contain 0x1d), and no hint is printed.
// --pty PATH serves the board on a pty of its own at PATH (socat makes it), which drops and
// comes back when the board resets, as a real board's USB port does; after machine.bootloader()
// an RP2 board shows its bootloader drive beside PATH instead, until a .uf2 is copied onto it.
// The board runs in the same worker as in the app; this thread only moves bytes.

import { Worker } from 'node:worker_threads';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PtyPort } from './pty-port';
import { BootloaderDrive, hasBootloaderDrive } from './bootloader-drive';
import { createBoardSab, SIMULATED_BOARDS, StdinWriter, type BoardProfileId, type FromWorker, type WorkerInit } from './protocol';

const PROFILES: string[] = SIMULATED_BOARDS.map((b) => b.id);

export interface BoardCliOptions {
  profile: BoardProfileId;
  fsRoot: string;
  /** stdin is a serial line (a pty), not a terminal: no quit key, no hint. */
  line: boolean;
  /** Serve the board on a pty of its own at this path instead of stdin/stdout. */
  pty: string | null;
}

/** Parses `--board PROFILE [--fs DIR] [--line]`; returns an error message for bad arguments. */
export function parseBoardArgs(argv: string[]): BoardCliOptions | string {
  let profile: string | null = null;
  let fsRoot: string | null = null;
  let line = false;
  let pty: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--board') profile = argv[++i] ?? null;
    else if (a.startsWith('--board=')) profile = a.slice(8);
    else if (a === '--fs') fsRoot = argv[++i] ?? null;
    else if (a.startsWith('--fs=')) fsRoot = a.slice(5);
    else if (a === '--line') line = true;
    else if (a === '--pty') pty = argv[++i] ?? '';
    else if (a.startsWith('--pty=')) pty = a.slice(6);
    else return `unknown argument '${a}'`;
  }
  if (!profile || !PROFILES.includes(profile)) return `--board needs one of: ${PROFILES.join(', ')}`;
  if (pty === '') return '--pty needs the path where the pty should appear';
  return { profile: profile as BoardProfileId, fsRoot: fsRoot ?? fs.mkdtempSync(path.join(os.tmpdir(), `mote-${profile}-`)), line: line || pty !== null, pty };
}

/** Runs the board until stdin ends (or, with --pty, until SIGINT/SIGTERM); resolves with the exit code. */
export function runBoardCli(argv: string[], workerFile = path.join(__dirname, 'worker.js')): Promise<number> {
  const opts = parseBoardArgs(argv);
  if (typeof opts === 'string') {
    process.stderr.write(`mote board: ${opts}\n`);
    return Promise.resolve(2);
  }
  const fsRoot = path.resolve(opts.fsRoot);
  // with its own pty, an RP2 board can leave for its bootloader: a drive beside the pty
  const drive = opts.pty !== null && hasBootloaderDrive(opts.profile) ? new BootloaderDrive(opts.profile, path.dirname(path.resolve(opts.pty))) : null;
  if (process.stdin.isTTY && opts.pty === null) process.stdin.setRawMode(true);
  return new Promise((resolve) => {
    let done = false;
    let worker: Worker;
    let writer: StdinWriter;
    const finish = (code: number) => {
      if (done) return;
      done = true;
      process.stdin.pause();
      drive?.hide();
      void Promise.all([worker.terminate(), pty?.close()]).then(() => resolve(code));
    };
    const fail = (message: string) => {
      process.stderr.write(`mote board: ${message}\n`);
      finish(1);
    };
    const pty = opts.pty === null ? null : new PtyPort(opts.pty, (b) => writer.write(b), fail);
    const send = (data: Uint8Array) => (pty ? pty.write(data) : process.stdout.write(data));
    /** Powers the board on: a fresh worker on the same files. */
    const start = () => {
      const sab = createBoardSab();
      const init: WorkerInit = { profile: opts.profile, fsRoot, sab, bootloader: drive !== null };
      const w = new Worker(workerFile, { workerData: init });
      worker = w;
      writer = new StdinWriter(sab);
      w.on('message', (msg: FromWorker) => {
        if (msg.type === 'output') send(msg.data);
        else if (msg.type === 'stdin-space') writer.flush();
        // machine.reset(): a board's USB port drops and comes back; stdout has nothing to drop
        else if (msg.type === 'usb-reset') pty?.drop();
        else if (msg.type === 'bootloader') enterBootloader(w);
        else if (msg.type === 'fatal') fail(`internal error: ${msg.message}`);
      });
      w.on('error', (err) => fail(err.stack ?? err.message));
      w.on('exit', (code) => { if (worker === w) finish(code === 0 ? 0 : 1); });
    };
    /** machine.bootloader(): the port goes, the drive comes; a UF2 copied onto it starts the board again. */
    const enterBootloader = (w: Worker) => {
      if (!drive || !pty) return;
      void pty.close();
      drive.show(() => {
        start();
        void w.terminate();
        pty.plug().catch((e: Error) => fail(e.message));
      });
    };
    start();
    if (pty) {
      // the board lives on its own pty until this process is told to stop
      pty.plug().catch((e: Error) => fail(e.message));
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => finish(0));
      return;
    }
    const tty = process.stdin.isTTY === true && !opts.line;
    if (tty) process.stderr.write(`mote: simulated ${opts.profile}, files in ${fsRoot}; Ctrl-] quits\r\n`);
    process.stdin.on('data', (chunk: Buffer) => {
      // In a terminal, Ctrl-] leaves (as miniterm and mpremote do); behind a pty every byte is the board's.
      const quit = tty ? chunk.indexOf(0x1d) : -1;
      if (quit >= 0) {
        if (quit > 0) writer.write(new Uint8Array(chunk.subarray(0, quit)));
        finish(0);
        return;
      }
      writer.write(new Uint8Array(chunk));
    });
    process.stdin.on('end', () => finish(0));
    process.stdout.on('error', () => finish(0));
  });
}
