// `mote lib …`: the library manager from a shell, on the same LibraryService as the panel.
// One line per board installs a class set: `mote --port /dev/ttyACM3 lib install ssd1306`.
// The network is used only by the command a person typed, and never with --offline.
import { basename, join } from 'node:path';
import { MoteError } from '../../shared/errors';
import type { BoardFiles } from '../board/board-fs';
import type { BoardSession } from '../board/board-session';
import { DriveFs } from '../board/drive-fs';
import { classify } from '../drives/drive-service';
import { NetService } from '../net/net-service';
import { type LibraryPlan, LibraryService } from './library-service';
import { describeBoard, describeDrive, freeSpace, type LibraryTarget } from './library-target';

/** The `mote lib` subcommands. */
export const LIBRARY_COMMANDS = ['search', 'install', 'list', 'update', 'remove', 'import'];

export const LIBRARY_USAGE = `  lib search [TEXT]           libraries in micropython-lib's index and the CircuitPython bundles
  lib install NAME[@VER]...   install with dependencies into the board's /lib (--mpy, --py)
  lib list                    libraries installed on the board, with versions
  lib update [NAME]...        install newer versions of installed libraries
  lib remove NAME...          remove libraries from the board's /lib
  lib import PATH             make a bundle zip/folder, a micropython-lib checkout or a copy
                              of the mip index installable offline
  --offline                   use only what is cached or imported; no network
  --mirror URL                a copy of the mip index (also $MOTE_LIBRARY_MIRROR)
`;

export interface LibraryCliLink {
  session: BoardSession;
  files: () => Promise<BoardFiles>;
  close(): Promise<void>;
}

export interface LibraryCliContext {
  rest: string[];
  flags: Set<string>;
  json: boolean;
  dataDir: string;
  mirror?: string;
  drive?: string;
  /** Connects to the board given by --port/--board (or the first known one). */
  connect(): Promise<LibraryCliLink>;
  out(s: string): void;
  err(s: string): void;
}

interface Board {
  files: BoardFiles;
  target: LibraryTarget;
  session: BoardSession | null;
  close(): Promise<void>;
}

export async function runLibraryCommand(ctx: LibraryCliContext): Promise<number> {
  const [sub, ...names] = ctx.rest;
  const offline = ctx.flags.has('--offline');
  const mirror = ctx.mirror ?? process.env.MOTE_LIBRARY_MIRROR ?? '';
  const network = offline ? null : new NetService({ cacheRoot: join(ctx.dataDir, 'cache'), mirror: () => process.env.MOTE_DOWNLOAD_MIRROR ?? '', logFile: join(ctx.dataDir, 'logs', 'network.log') });
  const service = new LibraryService({ dataDir: ctx.dataDir, network, mirror });
  switch (sub) {
    case 'search':
      return search(ctx, service, names.join(' '));
    case 'import': {
      if (names.length !== 1) throw new MoteError('invalid-payload', "'lib import' takes one file or folder.");
      const r = await service.import(names[0]);
      ctx.out(r.kind === 'bundle' ? `Imported ${r.count} bundle file(s) from ${names[0]}.\n` : `Imported a mip index copy (${r.count} files) from ${names[0]}.\n`);
      return 0;
    }
    case 'install':
    case 'list':
    case 'update':
    case 'remove':
      break;
    default:
      throw new MoteError('invalid-payload', sub ? `unknown 'lib' command '${sub}' (search, install, list, update, remove, import)` : "'lib' needs a command: search, install, list, update, remove, import");
  }
  if ((sub === 'install' || sub === 'remove') && !names.length) throw new MoteError('invalid-payload', `'lib ${sub}' needs at least one library name.`);
  if (ctx.flags.has('--mpy') && ctx.flags.has('--py')) throw new MoteError('invalid-payload', 'Choose --mpy or --py, not both.');
  const board = await openBoard(ctx);
  try {
    if (ctx.flags.has('--mpy') && board.target.simulated) throw new MoteError('invalid-payload', 'The simulated board runs only .py source; leave out --mpy.');
    switch (sub) {
      // awaited here, so the board stays open until the work is done (the finally closes it)
      case 'install':
        return await install(ctx, service, board, names);
      case 'list':
        return await list(ctx, service, board);
      case 'remove':
        for (const n of names) for (const p of await service.remove(n, board.files, board.target)) ctx.err(`removed ${p}\n`);
        return 0;
      default:
        return await update(ctx, service, board, names);
    }
  } finally {
    await board.close();
  }
}

async function openBoard(ctx: LibraryCliContext): Promise<Board> {
  const wantPy = ctx.flags.has('--py');
  if (ctx.drive) {
    const drive = await classify(ctx.drive, basename(ctx.drive));
    if (drive?.kind !== 'circuitpython' || !drive.bootOut) throw new MoteError('not-found', `${ctx.drive} is not a CIRCUITPY drive (it has no boot_out.txt).`);
    return { files: new DriveFs(drive.path), target: await describeDrive(drive.bootOut.version, wantPy), session: null, close: async () => undefined };
  }
  const link = await ctx.connect();
  try {
    const target = await describeBoard(link.session, wantPy);
    return { files: await link.files(), target, session: link.session, close: () => link.close() };
  } catch (e) {
    await link.close();
    throw e;
  }
}

async function search(ctx: LibraryCliContext, service: LibraryService, text: string): Promise<number> {
  const rows = [];
  for (const firmware of ['micropython', 'circuitpython'] as const) {
    try {
      // online, a first search for CircuitPython libraries fetches the bundles (py only: no board is known)
      const fetchBundles = firmware === 'circuitpython' && !!service.options.network && !(await service.bundles.load()).list().length;
      rows.push(...(await service.search(text, firmware, undefined, { online: fetchBundles })).map((l) => ({ ...l, firmware })));
    } catch (e) {
      if (!(e instanceof MoteError)) throw e;
      ctx.err(`(${firmware === 'micropython' ? "micropython-lib's index" : 'CircuitPython bundles'}: ${e.message})\n`);
    }
  }
  if (ctx.json) ctx.out(JSON.stringify(rows, null, 2) + '\n');
  else for (const r of rows) ctx.out(`${r.name}\t${r.version || '-'}\t${r.firmware === 'micropython' ? 'MicroPython' : 'CircuitPython'}\t${r.description}\n`);
  if (!rows.length) ctx.err(`No library matches '${text}'.\n`);
  return rows.length ? 0 : 1;
}

function describePlan(ctx: LibraryCliContext, plan: LibraryPlan, target: LibraryTarget): void {
  const kind = target.firmware === 'circuitpython' ? (target.bundleFlavour === 'py' ? '.py' : target.bundleFlavour) : target.mpy === 'py' ? '.py' : `.mpy v${target.mpy}`;
  ctx.err(`Installing into ${target.libDir} (${kind}):\n`);
  for (const l of plan.libraries) ctx.err(`  ${l.name} ${l.version || ''}`.trimEnd() + `  ${l.files.length} file(s), ${l.bytes} bytes${l.requires.length ? `  (needs ${l.requires.join(', ')})` : ''}\n`);
  for (const n of plan.notes) ctx.err(`  note: ${n}\n`);
}

async function install(ctx: LibraryCliContext, service: LibraryService, board: Board, names: string[]): Promise<number> {
  // Ctrl-C stops between files and puts back what was written, instead of leaving half a library
  const stop = new AbortController();
  const onSigint = () => stop.abort();
  process.on('SIGINT', onSigint);
  try {
    const plan = await service.plan(names, board.target, stop.signal);
    describePlan(ctx, plan, board.target);
    const report = await service.install(plan, board.files, board.target, {
      signal: stop.signal,
      freeSpace: () => freeSpace(board.files, board.session),
      onFile: (path, action) => action === 'write' && ctx.err(`  wrote ${path}\n`),
    });
    ctx.err(`${report.written.length} file(s) written (${report.bytes} bytes), ${report.unchanged.length} unchanged.\n`);
    if (ctx.json) ctx.out(JSON.stringify({ libraries: plan.libraries, ...report }, null, 2) + '\n');
    return 0;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function list(ctx: LibraryCliContext, service: LibraryService, board: Board): Promise<number> {
  const installed = await service.installed(board.files, board.target);
  if (ctx.json) ctx.out(JSON.stringify(installed, null, 2) + '\n');
  else if (!installed.length) ctx.err(`No libraries in ${board.target.libDir}.\n`);
  else for (const l of installed) ctx.out(`${l.name}\t${l.version || '?'}\t${l.format}\t${l.size}\n`);
  return 0;
}

async function update(ctx: LibraryCliContext, service: LibraryService, board: Board, names: string[]): Promise<number> {
  const outdated = (await service.outdated(board.files, board.target)).filter((o) => !names.length || names.some((n) => n.toLowerCase() === o.name.toLowerCase()));
  if (!outdated.length) {
    ctx.err('Every installed library is up to date.\n');
    return 0;
  }
  for (const o of outdated) ctx.err(`${o.name}: ${o.installed || '?'} → ${o.available}\n`);
  return install(ctx, service, board, outdated.map((o) => o.name));
}
