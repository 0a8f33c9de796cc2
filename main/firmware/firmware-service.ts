// What the IDE needs to install firmware: the .uf2 files it can offer (in the firmware cache,
// shipped with Mote, in the workspace), the boards a bootloader drive may belong to with the
// cached file to pre-select, a download when the person asks for one, a check of one file
// against a drive, and the install with progress and cancel. The drive must be a UF2
// bootloader drive that DriveService reports right now: the renderer names it, but main
// decides where bytes may be written.
import { promises as fsp } from 'node:fs';
import { basename, join } from 'node:path';
import { type FirmwareBoardOffer, type FirmwareCheck, type FirmwareFile, type FirmwareImportResult, type FirmwareInstallResult, type FirmwareOffer, MAX_IMPORT_BYTES } from '../../shared/contracts/firmware';
import { MoteError } from '../../shared/errors';
import { boardsForDrive, buildsOf, compareVersions, findBoard, FLAVOURS, type Flavour } from '../../shared/firmware-catalog';
import { refreshCatalog } from './catalog-refresh';
import type { CacheEntry } from './firmware-cache';
import type { FirmwareContext } from './firmware-context';
import { pickFirmware } from './firmware-pick';
import { identifyFirmware } from './identify';
import { checkMicrobitHex, installMicrobit, type MicrobitDrive, microbitDrive } from './microbit-install';
import type { DriveService } from '../drives/drive-service';
import { checkFits, firmwareTitle, parseUf2 } from './uf2';
import { installUf2, type Uf2Drive, uf2Drive } from './uf2-install';

export interface FirmwareServiceDeps {
  drives: Pick<DriveService, 'list'>;
  /** The workspace folder, and a workspace-relative path resolved inside it (or refused). */
  workspaceRoot(): Promise<string>;
  resolveLocal(path: string): Promise<string>;
  /** resources/firmware, when Mote ships firmware. */
  bundledDir: string | null;
  onProgress(opId: string, done: number, total: number): void;
  /** The flavour to pre-select (a classroom profile's), when there is one. */
  preferredFlavour?(): Flavour | undefined;
  /** The catalogue, cache and network module (built on first use). */
  context(): Promise<FirmwareContext>;
}

type FileRef = Pick<FirmwareFile, 'source' | 'path'>;

/** Folders deep to look for .uf2 files in the workspace (a download dropped in, or in a subfolder). */
const WORKSPACE_DEPTH = 2;
/** Larger than any UF2 a board with a UF2 bootloader takes (flash sizes top out near 16 MiB, UF2 doubles it). */
const MAX_UF2_BYTES = 64 * 1024 * 1024;

export class FirmwareService {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: FirmwareServiceDeps) {}

  async list(): Promise<FirmwareFile[]> {
    const { cache } = await this.deps.context();
    // the files a drive can take: UF2 for bootloaders, hex for the micro:bit (ESP images go over serial)
    const out: FirmwareFile[] = (await cache.list()).filter((e) => e.format !== 'esp').map((e) => cachedFile(e));
    if (this.deps.bundledDir) {
      for (const name of (await fsp.readdir(this.deps.bundledDir).catch(() => [])).sort()) {
        if (!name.toLowerCase().endsWith('.uf2')) continue;
        const st = await fsp.stat(join(this.deps.bundledDir, name));
        if (st.isFile()) out.push({ source: 'bundled', path: name, name, size: st.size });
      }
    }
    const root = await this.deps.workspaceRoot();
    const walk = async (rel: string, depth: number) => {
      const entries = await fsp.readdir(join(root, rel), { withFileTypes: true }).catch(() => []);
      for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (e.name.startsWith('.')) continue;
        const path = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory() && depth > 1) await walk(path, depth - 1);
        else if (e.isFile() && e.name.toLowerCase().endsWith('.uf2')) out.push({ source: 'workspace', path, name: e.name, size: (await fsp.stat(join(root, path))).size });
      }
    };
    await walk('', WORKSPACE_DEPTH);
    return out;
  }

  async check(file: FileRef, drivePath: string): Promise<FirmwareCheck> {
    const microbit = await this.microbit(drivePath);
    if (microbit) {
      const data = await this.read(file);
      const version = checkMicrobitHex(data, microbit);
      const title = identifyFirmware(data, basename(file.path), (await this.deps.context()).catalog).title;
      return { families: [`micro:bit V${version}`], bytes: data.length, ...(title ? { title } : {}) };
    }
    const [data, drive] = await Promise.all([this.read(file), this.drive(drivePath)]);
    const fit = checkFits(parseUf2(data), drive.uf2Info, drive.label);
    const title = firmwareTitle(data);
    return { families: fit.matching.map((g) => g.family), bytes: data.length, ...(title ? { title } : {}), ...(fit.warning ? { warning: fit.warning } : {}) };
  }

  async install(file: FileRef, drivePath: string, opId: string): Promise<FirmwareInstallResult> {
    if (this.running.size > 0) throw new MoteError('board-busy', 'Firmware is being installed already: wait for it to finish.');
    const abort = new AbortController();
    this.running.set(opId, abort);
    try {
      const microbit = await this.microbit(drivePath);
      if (microbit) {
        const done = await installMicrobit(await this.read(file), microbit, { signal: abort.signal, onProgress: (d, total) => this.deps.onProgress(opId, d, total) });
        return { families: [`micro:bit V${done.version}`], rebooted: done.finished, ...(done.warning ? { warning: done.warning } : {}) };
      }
      const [data, drive] = await Promise.all([this.read(file), this.drive(drivePath)]);
      const result = await installUf2(data, basename(file.path), drive, { signal: abort.signal, onProgress: (done, total) => this.deps.onProgress(opId, done, total) });
      return { families: result.flashed.map((g) => g.family), rebooted: result.rebooted, ...(result.warning ? { warning: result.warning } : {}) };
    } finally {
      this.running.delete(opId);
    }
  }

  /** The boards the drive may belong to and the cached file to pre-select; reads only the cache. */
  async offer(drivePath: string): Promise<FirmwareOffer> {
    const microbit = await this.microbit(drivePath);
    const clues = microbit ? { kind: 'microbit' as const, microbitBoardId: microbit.boardId } : { kind: 'uf2-bootloader' as const, uf2Info: (await this.drive(drivePath)).uf2Info };
    const { catalog, cache } = await this.deps.context();
    const cached = await cache.list();
    const boards: FirmwareBoardOffer[] = boardsForDrive(catalog, clues).map((b) => {
      const mine = cached.filter((e) => e.boardId === b.id);
      const builds = FLAVOURS.flatMap((flavour) => {
        const versions = new Set([...buildsOf(b, flavour).map((x) => x.version), ...mine.filter((e) => e.flavour === flavour).map((e) => e.version)]);
        return [...versions].sort((x, y) => compareVersions(y, x)).map((version) => ({ flavour, version, cached: mine.some((e) => e.flavour === flavour && e.version === version) }));
      });
      return { id: b.id, name: b.name, chip: b.chip, builds };
    });
    const first = boards[0] ? cached.filter((e) => e.boardId === boards[0].id && e.format !== 'esp') : [];
    // the classroom's flavour, else MicroPython, else whatever is cached; list() is newest first
    const want = this.deps.preferredFlavour?.() ?? 'micropython';
    const pick = first.find((e) => e.flavour === want) ?? first[0];
    return { boards, preselected: pick ? cachedFile(pick) : null };
  }

  /** Downloads a build into the cache because the person asked (Download in the dialog). */
  async download(boardId: string, flavour: Flavour, version: string | undefined, opId: string): Promise<FirmwareFile> {
    const { catalog, cache, net } = await this.deps.context();
    const board = findBoard(catalog, boardId);
    if (!board) throw new MoteError('not-found', `Mote knows no board called ${boardId}.`);
    const abort = new AbortController();
    this.running.set(opId, abort);
    try {
      const picked = await pickFirmware(catalog, cache, net, board, { flavour, version, offline: false, signal: abort.signal, onProgress: (done, total) => this.deps.onProgress(opId, done, total ?? 0) });
      return cachedFile(picked.entry);
    } finally {
      this.running.delete(opId);
    }
  }

  /** Files one imported file (base64 from the renderer's file picker) in the cache by its contents. */
  async importFile(name: string, base64: string, boardId?: string): Promise<FirmwareImportResult> {
    const data = Buffer.from(base64, 'base64');
    if (data.length > MAX_IMPORT_BYTES) return { status: 'refused', reason: `${name} is ${Math.round(data.length / 1048576)} MB: larger than any firmware for these boards.` };
    const { catalog, cache } = await this.deps.context();
    const outcome = await cache.importData(name, basename(name), data, catalog, boardId);
    return outcome.status === 'refused' ? { status: 'refused', reason: outcome.reason } : { status: outcome.status, file: cachedFile(outcome.entry) };
  }

  /** The opt-in check for newer builds; the merged catalogue is used from then on. */
  async refreshCatalog(): Promise<{ added: string[]; failures: string[] }> {
    const ctx = await this.deps.context();
    const report = await refreshCatalog(ctx.net, ctx.catalog, ctx.cache.dir);
    ctx.catalog = report.catalog;
    return { added: report.added, failures: report.failures };
  }

  cancel(opId: string): void {
    this.running.get(opId)?.abort();
  }

  private async read(file: FileRef): Promise<Buffer> {
    let full: string;
    if (file.source === 'cache') {
      // only a file the cache's index lists, by its exact name there
      const { cache } = await this.deps.context();
      const entry = (await cache.list()).find((e) => e.file === file.path);
      if (!entry) throw new MoteError('not-found', `The firmware cache has no ${file.path} (any more).`);
      full = cache.pathOf(entry);
    } else if (file.source === 'bundled') {
      // bundled firmware is named by its file name only: nothing outside resources/firmware
      if (!this.deps.bundledDir || basename(file.path) !== file.path) throw new MoteError('not-found', `Mote ships no firmware called ${file.path}.`);
      full = join(this.deps.bundledDir, file.path);
    } else full = await this.deps.resolveLocal(file.path);
    const st = await fsp.stat(full).catch(() => null);
    if (!st?.isFile()) throw new MoteError('not-found', `There is no file ${file.path}.`);
    if (st.size > MAX_UF2_BYTES) throw new MoteError('invalid-file', `${file.path} is ${Math.round(st.size / 1048576)} MB: far too big to be firmware for a board with a UF2 bootloader.`);
    return fsp.readFile(full);
  }

  /** The micro:bit drive at `path`, if that is what it is. */
  private async microbit(path: string): Promise<MicrobitDrive | null> {
    return microbitDrive((await this.deps.drives.list()).find((d) => d.path === path && d.kind === 'microbit'));
  }

  private async drive(path: string): Promise<Uf2Drive> {
    const found = uf2Drive((await this.deps.drives.list()).find((d) => d.path === path && d.kind === 'uf2-bootloader'));
    if (!found) throw new MoteError('not-found', `There is no board in bootloader mode at ${path} any more. Hold BOOTSEL while plugging the board in, then try again.`);
    return found;
  }
}

function cachedFile(e: CacheEntry): FirmwareFile {
  return { source: 'cache', path: e.file, name: basename(e.file), size: e.size, boardId: e.boardId, flavour: e.flavour, version: e.version, ...(e.title ? { title: e.title } : {}) };
}
