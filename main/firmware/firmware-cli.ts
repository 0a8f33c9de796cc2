// `mote firmware list|import|download` and `mote flash` (a file, or --board for the whole
// one-click flow): the same catalogue, cache, checks and installers as the Install firmware
// dialog. A refused file exits non-zero with the reason and writes nothing.
import { promises as fsp } from 'node:fs';
import { basename } from 'node:path';
import { MoteError } from '../../shared/errors';
import { buildsOf, type CatalogBoard, findBoard, FLAVOURS, type Flavour, boardsForDrive } from '../../shared/firmware-catalog';
import { classify, DriveService } from '../drives/drive-service';
import { refreshCatalog } from './catalog-refresh';
import type { FirmwareContext } from './firmware-context';
import { exportMirror } from './mirror-export';
import { flavourName, pickFirmware } from './firmware-pick';
import { identifyFirmware } from './identify';
import { installMicrobit, microbitDrive } from './microbit-install';
import { identifyWhenBack, restartIntoBootloader, waitFor } from './board-restart';
import { installUf2, type Uf2Drive, uf2Drive } from './uf2-install';
import { detectEspChip, flashEspOverSerial } from './esp-flash';

export interface FirmwareCliArgs {
  rest: string[];
  flags: Set<string>;
  /** --flavour, --version, --mirror */
  values: Record<string, string | undefined>;
  json: boolean;
  board?: string;
  drive?: string;
  port?: string;
}

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  progress(label: string): (done: number, total: number | null) => void;
  endProgress(): void;
}

export class CliUsageError extends Error {}

function boardArg(ctx: FirmwareContext, id: string | undefined): CatalogBoard {
  if (!id) throw new CliUsageError('--board ID is needed (mote firmware list shows the ids)');
  const board = findBoard(ctx.catalog, id);
  if (!board) throw new MoteError('not-found', `Mote knows no board called ${id}. Known: ${ctx.catalog.boards.map((b) => b.id).join(', ')}.`);
  return board;
}

function flavourArg(args: FirmwareCliArgs): Flavour {
  const f = (args.values.flavour ?? 'micropython').toLowerCase();
  if (!(FLAVOURS as readonly string[]).includes(f)) throw new CliUsageError(`--flavour is micropython or circuitpython, not ${f}`);
  return f as Flavour;
}

export async function firmwareCommand(ctx: FirmwareContext, args: FirmwareCliArgs, io: CliIo): Promise<number> {
  const [sub, ...paths] = args.rest;
  if (sub === 'list') return list(ctx, args, io);
  if (sub === 'import') {
    if (!paths.length) throw new CliUsageError("'firmware import' needs files or folders");
    const outcomes = await ctx.cache.import(paths, ctx.catalog, args.board);
    for (const o of outcomes) {
      if (o.status === 'refused') io.err(`${o.file}: refused: ${o.reason}\n`);
      else io.out(`${o.file}: ${o.status === 'added' ? 'added as' : 'already cached as'} ${o.entry.boardId} ${o.entry.flavour} ${o.entry.version}\n`);
    }
    if (!outcomes.length) io.err('No .uf2, .bin or .hex files there.\n');
    return outcomes.length && outcomes.every((o) => o.status !== 'refused') ? 0 : 1;
  }
  if (sub === 'download') {
    const board = boardArg(ctx, args.board);
    const flavour = flavourArg(args);
    const picked = await pickFirmware(ctx.catalog, ctx.cache, ctx.net, board, { flavour, version: args.values.version, offline: false, onProgress: io.progress(`Downloading ${flavourName(flavour)} for ${board.name}`) });
    io.endProgress();
    io.out(`${picked.downloaded ? 'Downloaded' : 'Already cached:'} ${board.id} ${flavour} ${picked.entry.version} (${picked.entry.size} bytes, SHA-256 ${picked.entry.sha256})\n`);
    return 0;
  }
  if (sub === 'mirror') {
    if (paths.length !== 1) throw new CliUsageError("'firmware mirror' needs one folder");
    const report = await exportMirror(ctx.cache, ctx.catalog, paths[0]);
    for (const w of report.written) io.out(`${w}\n`);
    for (const s of report.skipped) io.err(`left out: ${s}\n`);
    if (!report.written.length) io.err('The firmware cache holds nothing to put in a mirror.\n');
    return report.written.length ? 0 : 1;
  }
  if (sub === 'refresh') {
    const report = await refreshCatalog(ctx.net, ctx.catalog, ctx.cache.dir);
    io.out(report.added.length ? report.added.map((a) => `new: ${a}\n`).join('') : 'The catalogue is up to date.\n');
    for (const f of report.failures) io.err(`not checked: ${f}\n`);
    return 0;
  }
  throw new CliUsageError(`'firmware' takes list, import, download, refresh or mirror, not '${sub ?? ''}'`);
}

async function list(ctx: FirmwareContext, args: FirmwareCliArgs, io: CliIo): Promise<number> {
  const boards = args.board ? [boardArg(ctx, args.board)] : ctx.catalog.boards;
  const cached = await ctx.cache.list();
  const rows: Array<{ board: string; name: string; flavour: Flavour; version: string; cached: boolean }> = [];
  for (const b of boards) {
    for (const flavour of FLAVOURS) {
      const versions = new Set([...buildsOf(b, flavour).map((x) => x.version), ...cached.filter((e) => e.boardId === b.id && e.flavour === flavour).map((e) => e.version)]);
      for (const version of versions) rows.push({ board: b.id, name: b.name, flavour, version, cached: cached.some((e) => e.boardId === b.id && e.flavour === flavour && e.version === version) });
    }
  }
  if (args.json) io.out(JSON.stringify(rows, null, 2) + '\n');
  else for (const r of rows) io.out(`${r.board}\t${r.flavour}\t${r.version}\t${r.cached ? 'cached' : '-'}\t${r.name}\n`);
  return 0;
}

export async function flashCommand(ctx: FirmwareContext, args: FirmwareCliArgs, io: CliIo): Promise<number> {
  let data: Buffer;
  let name: string;
  let board: CatalogBoard | null = null;
  if (args.rest.length === 1 && !args.board) {
    name = basename(args.rest[0]);
    data = await fsp.readFile(args.rest[0]).catch(() => {
      throw new MoteError('not-found', `There is no file ${args.rest[0]}.`);
    });
  } else if (args.rest.length === 0 && (args.board || args.port)) {
    board = args.board ? boardArg(ctx, args.board) : await boardOnPort(ctx, args.port!, io);
    const flavour = flavourArg(args);
    const picked = await pickFirmware(ctx.catalog, ctx.cache, ctx.net, board, { flavour, version: args.values.version, offline: args.flags.has('--offline'), onProgress: io.progress(`Downloading ${flavourName(flavour)} for ${board.name}`) });
    io.endProgress();
    data = picked.data;
    name = basename(picked.entry.file);
  } else throw new CliUsageError("'flash' takes one firmware file, or --board ID, or --port P for an ESP board");
  const found = identifyFirmware(data, name, ctx.catalog);
  if (board && !found.candidates.includes(board.id)) throw new MoteError('invalid-file', `The cached file ${name} is ${found.chip} firmware, not for ${board.name}.`);
  const what = found.title ?? `the ${found.chip} firmware`;
  if (found.format === 'uf2') {
    const drive = await uf2Target(args, board, io);
    const result = await installUf2(data, name, drive, { onProgress: io.progress(`Installing on ${drive.label}`) });
    io.endProgress();
    io.out(`Installed ${what} on ${drive.label}${result.rebooted ? '; the board restarted.' : '.'}\n`);
    if (result.warning) io.err(`${result.warning}\n`);
    if (result.rebooted && args.port) {
      const now = await identifyWhenBack(args.port);
      io.out(`The board on ${args.port} now runs ${now.banner || `${now.flavour} ${now.version}`}.\n`);
    }
    return result.rebooted ? 0 : 1;
  }
  if (found.format === 'hex') {
    const drive = await findDrive(args.drive, 'microbit', board, (d) => microbitDrive(d));
    const result = await installMicrobit(data, drive, { onProgress: io.progress(`Copying to ${drive.label}`) });
    io.endProgress();
    io.out(`Installed ${what} on the micro:bit V${result.version}${result.finished ? '.' : ' (not confirmed).'}\n`);
    if (result.warning) io.err(`${result.warning}\n`);
    return result.finished ? 0 : 1;
  }
  if (!args.port) throw new CliUsageError('ESP firmware goes over serial: give the board\'s port with --port');
  const result = await flashEspOverSerial(args.port, data, found, { erase: args.flags.has('--erase'), noStub: args.flags.has('--no-stub'), onProgress: io.progress(`Writing to ${args.port}`), log: (s) => io.err(`${s}\n`) });
  io.endProgress();
  io.out(`Installed ${what} on the ${result.chip} at ${args.port} (0x${result.address.toString(16)}, ${data.length} bytes, verified).\n`);
  return 0;
}

/** The board on an ESP's serial port, from the chip esptool-js detects (the generic dev board of that chip). */
async function boardOnPort(ctx: FirmwareContext, port: string, io: CliIo): Promise<CatalogBoard> {
  const chip = await detectEspChip(port);
  const board = ctx.catalog.boards.find((b) => b.install === 'esptool' && b.chip === chip);
  if (!board) throw new MoteError('not-found', `The board on ${port} has an ${chip}, for which the catalogue has no firmware: give a file, or --board.`);
  io.err(`Found an ${chip} on ${port}: installing firmware for ${board.name} (${board.id}).\n`);
  return board;
}

/**
 * The bootloader drive for a UF2 install. With --port (and no bootloader drive yet), the board
 * running there is restarted into its bootloader over the REPL first, and its drive awaited.
 */
async function uf2Target(args: FirmwareCliArgs, board: CatalogBoard | null, io: CliIo): Promise<Uf2Drive> {
  const now = async () => (args.drive ? uf2Drive(await classify(args.drive, basename(args.drive))) : null);
  if (!args.port || (await now())) return findDrive(args.drive, 'uf2', board, (d) => uf2Drive(d));
  const was = await restartIntoBootloader(args.port);
  io.err(`Restarted the board on ${args.port} (${was.banner || was.flavour}) into its bootloader; waiting for its drive…\n`);
  const drive = await waitFor(async () => (args.drive ? now() : findDrive(undefined, 'uf2', board, (d) => uf2Drive(d))), 20_000);
  if (!drive) throw new MoteError('board-timeout', `No bootloader drive appeared within 20 s of restarting the board on ${args.port}. ${board ? enterBootloaderHint(board) : 'Hold BOOTSEL while plugging it in.'}`);
  return drive;
}

/** The drive to install on: --drive, else the one mounted drive of this kind (for this board, when known). */
async function findDrive<T>(path: string | undefined, kind: 'uf2' | 'microbit', board: CatalogBoard | null, as: (d: Awaited<ReturnType<typeof classify>>) => T | null): Promise<T> {
  const what = kind === 'uf2' ? 'a board in bootloader mode' : 'a micro:bit drive (MICROBIT)';
  if (path) {
    const drive = as(await classify(path, basename(path)));
    if (!drive) throw new MoteError('not-found', `${path} is not ${what} (it has no ${kind === 'uf2' ? 'INFO_UF2.TXT' : 'DETAILS.TXT'}).`);
    return drive;
  }
  const all = (await new DriveService().list()).filter((d) => as(d) !== null);
  const mine = board ? all.filter((d) => boardsForDrive({ schema: 1, updated: '', boards: [board] }, d).length > 0) : all;
  const found = mine.map((d) => as(d)).filter((d): d is T => d !== null);
  if (found.length === 1) return found[0];
  if (found.length === 0) throw new MoteError('not-found', `No ${kind === 'uf2' ? 'board in bootloader mode' : 'micro:bit'} is mounted. ${board ? enterBootloaderHint(board) : kind === 'uf2' ? 'On a Pico, hold BOOTSEL while plugging it in: a drive called RPI-RP2 (RP2350 on a Pico 2) appears.' : 'Plug the micro:bit in: a drive called MICROBIT appears.'} Then run this again.`);
  throw new MoteError('invalid-payload', `Several drives fit (${all.map((d) => d.path).join(', ')}): choose one with --drive.`);
}

/** How a person gets this board's bootloader drive (board-protocols.md §8, "Manual"). */
export function enterBootloaderHint(board: CatalogBoard): string {
  if (board.install === 'daplink') return 'Plug the micro:bit in with its USB cable: a drive called MICROBIT appears.';
  if (board.install === 'esptool') return 'Hold the BOOT button, tap EN (or RST), then let go of BOOT.';
  if (board.chip === 'RP2040' || board.chip === 'RP2350') return `Hold the BOOTSEL button while plugging the ${board.name} in: a drive called ${board.chip === 'RP2040' ? 'RPI-RP2' : 'RP2350'} appears.`;
  return `Double-tap the reset button on the ${board.name}: a drive ending in BOOT appears.`;
}
