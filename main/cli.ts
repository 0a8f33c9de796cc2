// `mote`: the board link from a shell, on exactly the services the IDE uses.
// Program output goes to stdout; tracebacks and link errors go to stderr with a non-zero exit.
import { createWriteStream, promises as fsp } from 'node:fs';
import { basename, join, posix } from 'node:path';
import { MoteError } from '../shared/errors';
import { chooseBoardFiles } from './board/board-files';
import type { BoardFiles } from './board/board-fs';
import { BoardSession } from './board/board-session';
import type { Transport } from './board/transport';
import { defaultDataDir } from './data-dir';
import { DriveService } from './drives/drive-service';
import { type CliIo, CliUsageError, firmwareCommand, flashCommand } from './firmware/firmware-cli';
import { type FirmwareContext, firmwareContext } from './firmware/firmware-context';
import { LIBRARY_COMMANDS, LIBRARY_USAGE, runLibraryCommand } from './libraries/library-cli';
import { resourcesDir } from './resources-dir';
import { SettingsService } from './settings/settings-service';
import { SerialService } from './serial/serial-service';

const USAGE = `usage: mote [--port PATH | --board PROFILE] [--json] COMMAND [ARGS]

  ports                       serial ports, with what Mote can tell about each
  drives                      mounted board drives (CIRCUITPY, UF2 bootloaders, MICROBIT)
  exec CODE                   run Python code on the board
  run FILE.py                 run a local file on the board (not saved there)
  ls [-r] [PATH]              list board files
  cat PATH                    print a board file
  put LOCAL [REMOTE]          copy a file to the board
  get REMOTE [LOCAL]          copy a file from the board
  rm [-r] PATH                remove a file (with -r, a folder and its contents)
  mkdir PATH                  create a folder (and the folders above it)
  mv A B                      rename or move on the board
  sync LOCAL_DIR [REMOTE_DIR] copy a folder, skipping unchanged files
  reset [--hard]              soft reset (raw REPL, main.py not run), or hard reset
  repl                        the board's REPL in this terminal (Ctrl-] leaves)
  flash FILE [--drive D | --port P]
                              install firmware, checked first: a .uf2 on a board in bootloader
                              mode (RPI-RP2, RP2350, …BOOT), a .hex on a micro:bit (MICROBIT),
                              an ESP .bin over serial (--erase wipes the flash first, --no-stub)
  flash --board ID [--flavour F] [--version V] [--offline] [--drive D | --port P]
                              the newest MicroPython (or F: circuitpython) for board ID, from the
                              firmware cache or downloaded, then installed as above; a UF2 board
                              running on --port P is restarted into its bootloader first; with only
                              --port P, the board is the one whose chip esptool detects there
  firmware list [--board ID]  the catalogue and the cache: board, flavour, version, cached or not
  firmware import PATH...     file firmware (files, or whole folders) into the cache by contents
  firmware download --board ID [--flavour F] [--version V]
  firmware refresh            ask the official sites for newer builds (the only time Mote checks)
  firmware mirror DIR         lay the cache out as a mirror (a school server or shared folder)

${LIBRARY_USAGE}
  --port PATH       a serial port or pseudo-terminal (default: the first known board; or $MOTE_PORT)
  --board PROFILE   the simulated board (pico, pico2, esp32, circuitpython-rp2040)
  --json            machine-readable output for ports, drives, ls and firmware list
  --mirror URL      a mirror of the download sites (or $MOTE_FIRMWARE_MIRROR; a folder works too)
`;

interface Args {
  port?: string;
  board?: string;
  drive?: string;
  mirror?: string;
  json: boolean;
  command: string;
  rest: string[];
  flags: Set<string>;
  /** --flavour, --version, --mirror */
  values: Record<string, string | undefined>;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, command: '', rest: [], flags: new Set(), values: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const valued = /^--(flavour|version|mirror)(?:=(.*))?$/.exec(a);
    if (valued && args.command !== 'exec') {
      args.values[valued[1]] = valued[2] ?? argv[++i];
      // one --mirror for both the firmware and the library commands
      if (valued[1] === 'mirror') args.mirror = args.values.mirror;
      continue;
    }
    if (a === '--port' || a === '-p') args.port = argv[++i];
    else if (a.startsWith('--port=')) args.port = a.slice(7);
    else if (a === '--board' || a === '-b') args.board = argv[++i];
    else if (a.startsWith('--board=')) args.board = a.slice(8);
    else if (a === '--json') args.json = true;
    else if (a === '--drive') args.drive = argv[++i];
    else if (a.startsWith('--drive=')) args.drive = a.slice(8);
    else if (a === '--mirror') args.mirror = argv[++i];
    else if (a.startsWith('--mirror=')) args.mirror = a.slice(9);
    else if (a === '--offline') args.flags.add(a);
    else if (a === '--help' || a === '-h') args.command = 'help';
    else if (!args.command) args.command = a;
    else if (/^-[a-z]$|^--[a-z-]+$/.test(a) && args.command !== 'exec') args.flags.add(a);
    else args.rest.push(a);
  }
  if (!args.port && !args.board && process.env.MOTE_PORT) args.port = process.env.MOTE_PORT;
  return args;
}

const out = (s: string) => process.stdout.write(s);
const err = (s: string) => process.stderr.write(s);

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case '':
    case 'help':
      out(USAGE);
      return args.command ? 0 : 2;
    case 'ports':
      return listPorts(args);
    case 'drives':
      return listDrives(args);
    case 'flash':
      return flashCommand(await firmwareCli(args), args, cliIo);
    case 'firmware':
      return firmwareCommand(await firmwareCli(args), args, cliIo);
    case 'lib':
      if (!LIBRARY_COMMANDS.includes(args.rest[0] ?? '')) throw new UsageError(args.rest[0] ? `unknown 'lib' command '${args.rest[0]}'` : "'lib' needs a command");
      return runLibraryCommand({ ...args, dataDir: process.env.MOTE_DATA_DIR ?? defaultDataDir(), connect: () => connect(args), out, err });
  }
  const needs: Record<string, [number, number]> = {
    exec: [1, 1], run: [1, 1], ls: [0, 1], cat: [1, 1], put: [1, 2], get: [1, 2], rm: [1, 1], mkdir: [1, 1], mv: [2, 2], sync: [1, 2], reset: [0, 0], repl: [0, 0],
  };
  const range = needs[args.command];
  if (!range) throw new UsageError(`unknown command '${args.command}'`);
  if (args.rest.length < range[0] || args.rest.length > range[1]) throw new UsageError(`wrong number of arguments for '${args.command}'`);

  const link = await connect(args);
  try {
    return await runCommand(args, link.session, link.files);
  } finally {
    await link.close();
  }
}

async function listPorts(args: Args): Promise<number> {
  const ports = await new SerialService().listPorts();
  if (args.json) out(JSON.stringify(ports, null, 2) + '\n');
  else if (!ports.length) err('No serial ports found. Pseudo-terminals are never listed: give them with --port.\n');
  else for (const p of ports) out(`${p.path}\t${p.vendorId ? `${p.vendorId}:${p.productId}` : '-'}\t${p.friendlyName}\n`);
  return 0;
}

async function listDrives(args: Args): Promise<number> {
  const drives = await new DriveService().list();
  if (args.json) out(JSON.stringify(drives, null, 2) + '\n');
  else if (!drives.length) err('No board drives mounted.\n');
  else
    for (const d of drives) {
      const what = d.kind === 'circuitpython' ? `CircuitPython ${d.bootOut?.version} · ${d.bootOut?.machine}` : d.kind === 'uf2-bootloader' ? `UF2 bootloader · ${d.uf2Info?.Model ?? ''} ${d.uf2Info?.['Board-ID'] ?? ''}`.trim() : 'micro:bit';
      out(`${d.path}\t${d.label}\t${what}\n`);
    }
  return 0;
}

/** The firmware commands' catalogue, cache and network, with the mirror from --mirror or the environment. */
async function firmwareCli(args: Args): Promise<FirmwareContext> {
  const dataDir = process.env.MOTE_DATA_DIR ?? defaultDataDir();
  const mirror = args.values.mirror ?? process.env.MOTE_FIRMWARE_MIRROR;
  return firmwareContext({ dataDir, resources: resourcesDir(), mirror, settingMirror: async () => (await new SettingsService(dataDir).get()).downloadMirror });
}

const cliIo: CliIo = { out, err, progress: (label) => progress(label), endProgress: () => endProgress() };

/** The drive given with --drive, or the one UF2 bootloader drive mounted. */

interface Link {
  session: BoardSession;
  files: () => Promise<BoardFiles>;
  close(): Promise<void>;
}

async function connect(args: Args): Promise<Link> {
  let transport: Transport;
  let stopSimulator: (() => Promise<void>) | null = null;
  if (args.board) {
    let mod: typeof import('./simulator/simulator-service');
    try {
      mod = await import('./simulator/simulator-service');
    } catch {
      throw new MoteError('not-connected', 'The simulated board is not available in this build.');
    }
    if (!mod.SimulatorService.isProfile(args.board)) throw new UsageError(`unknown simulated board '${args.board}' (pico, pico2, esp32, circuitpython-rp2040)`);
    const sim = new mod.SimulatorService({ dataDir: process.env.MOTE_DATA_DIR ?? defaultDataDir() });
    try {
      transport = await sim.open(args.board);
    } catch (e) {
      await sim.stop().catch(() => undefined);
      throw new MoteError('simulator-crashed', `The simulated board '${args.board}' could not start: ${(e as Error).message}`);
    }
    stopSimulator = () => sim.stop();
  } else {
    const serial = new SerialService();
    let path = args.port;
    if (!path) {
      const board = (await serial.listPorts()).find((p) => p.isKnownBoard && p.flavourHint !== 'bootloader');
      if (!board) throw new MoteError('not-connected', 'No board found. Plug one in, or name the port: mote --port /dev/ttyACM0 … (pseudo-terminals are never listed).');
      path = board.path;
    }
    transport = await serial.open(path);
  }
  let session: BoardSession;
  try {
    session = await BoardSession.connect(transport);
  } catch (e) {
    await transport.close().catch(() => undefined);
    await stopSimulator?.();
    throw e;
  }
  let files: BoardFiles | null = null;
  return {
    session,
    files: async () => (files ??= (await chooseBoardFiles(session, args.board ? null : new DriveService())).files),
    async close() {
      await session.close().catch(() => undefined);
      await stopSimulator?.();
    },
  };
}

async function runCommand(args: Args, session: BoardSession, files: () => Promise<BoardFiles>): Promise<number> {
  const [a, b] = args.rest;
  const recursive = args.flags.has('-r') || args.flags.has('--recursive');
  switch (args.command) {
    case 'exec':
      return runProgram(session, a);
    case 'run':
      return runProgram(session, await fsp.readFile(a, 'utf8'));
    case 'ls': {
      const entries = await (await files()).list(a ?? '/', { recursive });
      if (args.json) out(JSON.stringify(entries, null, 2) + '\n');
      else for (const e of entries) out(e.kind === 'dir' ? `${''.padStart(9)} ${e.path}/\n` : `${String(e.size).padStart(9)} ${e.path}\n`);
      return 0;
    }
    case 'cat':
      out('');
      process.stdout.write(await (await files()).read(a));
      return 0;
    case 'put': {
      const data = await fsp.readFile(a);
      const remote = b ? (b.endsWith('/') ? posix.join(b, basename(a)) : b) : '/' + basename(a);
      await (await files()).write(remote, data, { onProgress: progress(`put ${remote}`) });
      endProgress();
      return 0;
    }
    case 'get': {
      const data = await (await files()).read(a, { onProgress: progress(`get ${a}`) });
      endProgress();
      const local = b ?? posix.basename(a);
      const target = await isDir(local) ? join(local, posix.basename(a)) : local;
      await new Promise<void>((resolve, reject) => {
        const s = createWriteStream(target);
        s.on('error', reject);
        s.end(data, () => resolve());
      });
      return 0;
    }
    case 'rm':
      await (await files()).remove(a, { recursive });
      return 0;
    case 'mkdir':
      await (await files()).mkdir(a, { parents: true });
      return 0;
    case 'mv':
      await (await files()).rename(a, b);
      return 0;
    case 'sync': {
      const report = await (await files()).sync(a, b ?? '/', { onFile: (p, action) => err(`${action === 'upload' ? 'upload' : 'same  '} ${p}\n`) });
      err(`${report.uploaded.length} uploaded (${report.bytes} bytes), ${report.skipped.length} unchanged\n`);
      return 0;
    }
    case 'reset':
      if (args.flags.has('--hard')) await session.hardReset();
      else await session.softReset();
      return 0;
    case 'repl':
      return repl(session);
  }
  return 2;
}

async function runProgram(session: BoardSession, code: string): Promise<number> {
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.on('SIGINT', onSigint);
  try {
    const r = await session.run(code, { onStdout: (d) => process.stdout.write(d), onStderr: (d) => process.stderr.write(d), signal: abort.signal });
    return r.status === 'ok' ? 0 : r.status === 'interrupted' ? 130 : 1;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function repl(session: BoardSession): Promise<number> {
  const stdin = process.stdin;
  session.onTerminalData((d) => process.stdout.write(d));
  err('Connected to the REPL. Ctrl-] leaves.\n');
  await session.writeTerminal('\r');
  return new Promise<number>((resolve) => {
    let finishing = false;
    const finish = (code: number) => {
      if (finishing) return;
      finishing = true;
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      // let the board's answer to the last keys arrive before the link closes
      setTimeout(() => resolve(code), 500);
    };
    session.onClose(() => {
      err('\nThe board went away.\n');
      finish(1);
    });
    if (stdin.isTTY) stdin.setRawMode(true);
    stdin.on('data', (d: Buffer) => {
      const at = d.indexOf(0x1d);
      if (at >= 0) {
        if (at > 0) void session.writeTerminal(d.subarray(0, at));
        finish(0);
        return;
      }
      void session.writeTerminal(d);
    });
    stdin.on('end', () => finish(0));
  });
}

let progressShown = false;
function progress(label: string): (done: number, total: number | null) => void {
  if (!process.stderr.isTTY) return () => undefined;
  return (done, total) => {
    progressShown = true;
    const pct = total ? Math.floor((done / total) * 100) : null;
    err(`\r${label}: ${pct === null ? `${done} bytes` : `${pct}% (${done}/${total} bytes)`}`);
  };
}
function endProgress(): void {
  if (progressShown) err('\n');
  progressShown = false;
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await fsp.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e: unknown) => {
    if (e instanceof UsageError || e instanceof CliUsageError) {
      err(`mote: ${e.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (e instanceof MoteError) {
      err(`mote: ${e.message}\n`);
      process.exitCode = e.code === 'cancelled' ? 130 : 1;
    } else {
      err(`mote: internal error: ${(e as Error)?.stack ?? e}\n`);
      process.exitCode = 1;
    }
  })
  .finally(() => {
    // serialport and timers may keep the loop alive after the work is done
    process.stdout.write('', () => setTimeout(() => process.exit(), 50).unref());
  });
