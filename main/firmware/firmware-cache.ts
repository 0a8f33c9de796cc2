// The firmware cache, <data>/cache/firmware/: files filed as <BOARD>/<flavour>/<file name>,
// and index.json saying what each one is (board, flavour, version, size, SHA-256, where it
// came from). Files arrive by download (main/net places them atomically) or by import from a
// folder or USB stick (identified by contents, copied atomically). Entries whose file has gone
// or changed size are dropped on reading, so the index never offers what is not there.
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { basename, extname, join } from 'node:path';
import * as v from 'valibot';
import { MoteError } from '../../shared/errors';
import { type Catalog, compareVersions, FLAVOURS, type Flavour, findBoard } from '../../shared/firmware-catalog';
import { writeFileAtomic } from '../util/atomic-write';
import { identifyFirmware } from './identify';

const entrySchema = v.object({
  boardId: v.string(),
  flavour: v.picklist(FLAVOURS),
  version: v.string(),
  /** Path inside the cache folder, '/'-separated. */
  file: v.string(),
  size: v.number(),
  sha256: v.string(),
  format: v.picklist(['uf2', 'esp', 'hex']),
  chip: v.string(),
  source: v.picklist(['download', 'import']),
  url: v.optional(v.string()),
  title: v.optional(v.string()),
  addedAt: v.string(),
});
const indexSchema = v.object({ entries: v.array(entrySchema) });

/** One firmware file in the cache. */
export type CacheEntry = v.InferOutput<typeof entrySchema>;

/** What importing one file did. */
export type ImportOutcome = { file: string; status: 'added' | 'already-cached'; entry: CacheEntry } | { file: string; status: 'refused'; reason: string };

const FIRMWARE_EXTENSIONS = new Set(['.uf2', '.bin', '.hex']);
/** Folders deep to look into when importing a whole folder (a USB stick with a folder per board). */
const IMPORT_DEPTH = 4;

export class FirmwareCache {
  private queue: Promise<unknown> = Promise.resolve();

  /** `dir` is <data>/cache/firmware. */
  constructor(readonly dir: string) {}

  /** The cached files, newest version first within each board and flavour. */
  async list(): Promise<CacheEntry[]> {
    const entries: CacheEntry[] = [];
    for (const e of await this.readIndex()) {
      const st = await fsp.stat(this.pathOf(e)).catch(() => null);
      if (st?.isFile() && st.size === e.size) entries.push(e);
    }
    return entries.sort((a, b) => a.boardId.localeCompare(b.boardId) || a.flavour.localeCompare(b.flavour) || compareVersions(b.version, a.version));
  }

  /** The newest cached build of a board and flavour (a version when given), or null. */
  async newest(boardId: string, flavour: Flavour, version?: string): Promise<CacheEntry | null> {
    const all = (await this.list()).filter((e) => e.boardId === boardId && e.flavour === flavour && (!version || e.version === version));
    return all[0] ?? null;
  }

  pathOf(entry: Pick<CacheEntry, 'file'>): string {
    return join(this.dir, ...entry.file.split('/'));
  }

  /** Where a board's file of one flavour lives, '/'-separated inside the cache. */
  static fileFor(boardId: string, flavour: Flavour, fileName: string): string {
    return `${boardId}/${flavour}/${fileName.replace(/[^\w.+-]/g, '_')}`;
  }

  /** Records a file that is already in place (a download main/net has just put there). */
  async add(entry: CacheEntry): Promise<void> {
    await this.serial(async () => {
      const rest = (await this.readIndex()).filter((e) => !(e.boardId === entry.boardId && e.flavour === entry.flavour && e.version === entry.version) && e.file !== entry.file);
      await writeFileAtomic(join(this.dir, 'index.json'), JSON.stringify({ entries: [...rest, entry] }, null, 1) + '\n');
    });
  }

  /**
   * Imports files and folders: each firmware file is identified by its contents, checked, and
   * copied into the cache; anything else is reported with the reason. `boardId` files
   * everything under that board when the contents cannot tell boards with the same chip apart.
   */
  async import(paths: string[], catalog: Catalog, boardId?: string): Promise<ImportOutcome[]> {
    const out: ImportOutcome[] = [];
    for (const p of paths) {
      const st = await fsp.stat(p).catch(() => null);
      if (!st) out.push({ file: p, status: 'refused', reason: 'There is no such file or folder.' });
      else if (st.isDirectory()) for (const f of await firmwareFiles(p, IMPORT_DEPTH)) out.push(await this.importOne(f, catalog, boardId));
      else out.push(await this.importOne(p, catalog, boardId));
    }
    return out;
  }

  private async importOne(path: string, catalog: Catalog, boardId?: string): Promise<ImportOutcome> {
    return this.importData(path, basename(path), await fsp.readFile(path), catalog, boardId);
  }

  /** Imports one file's bytes (`file` names it in the outcome; `name` is the file name to keep). */
  async importData(file: string, name: string, data: Buffer, catalog: Catalog, boardId?: string): Promise<ImportOutcome> {
    try {
      const found = identifyFirmware(data, name, catalog);
      const forced = boardId ? findBoard(catalog, boardId) : null;
      if (boardId && !forced) throw new MoteError('not-found', `Mote knows no board called ${boardId}.`);
      if (forced && !found.candidates.includes(forced.id)) throw new MoteError('invalid-file', `This is ${found.chip} firmware; ${forced.name} has an ${forced.chip}.`);
      const board = forced?.id ?? found.boardId;
      if (!board) throw new MoteError('invalid-file', `This ${found.chip} firmware could be for ${found.candidates.join(', ') || 'no board Mote knows'}: say which board it is for.`);
      const flavour = found.flavour ?? (/circuitpython/i.test(name) ? 'circuitpython' : /micropython|^[A-Z0-9_]+-\d{8}-v/i.test(name) ? 'micropython' : null);
      const version = found.version ?? /v?(\d+\.\d+(?:\.\d+)?(?:-[\w.]+)?)\.(?:uf2|bin|hex)$/i.exec(name)?.[1] ?? null;
      if (!flavour || !version) throw new MoteError('invalid-file', 'Neither the contents nor the name say which firmware and version this is.');
      const sha256 = createHash('sha256').update(data).digest('hex');
      const existing = (await this.list()).find((e) => e.sha256 === sha256);
      if (existing) return { file, status: 'already-cached', entry: existing };
      const entry: CacheEntry = {
        boardId: board,
        flavour,
        version,
        file: FirmwareCache.fileFor(board, flavour, name),
        size: data.length,
        sha256,
        format: found.format,
        chip: found.chip,
        source: 'import',
        ...(found.title ? { title: found.title } : {}),
        addedAt: new Date().toISOString(),
      };
      await writeFileAtomic(this.pathOf(entry), data);
      await this.add(entry);
      return { file, status: 'added', entry };
    } catch (e) {
      if (!(e instanceof MoteError)) throw e;
      return { file, status: 'refused', reason: e.message };
    }
  }

  private async readIndex(): Promise<CacheEntry[]> {
    const raw = await fsp.readFile(join(this.dir, 'index.json'), 'utf8').catch(() => null);
    if (raw === null) return [];
    try {
      return v.parse(indexSchema, JSON.parse(raw)).entries.filter((e) => !e.file.split('/').includes('..'));
    } catch {
      // a damaged index loses the list, never the files: importing the folder again refiles them
      return [];
    }
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Firmware-looking files under a folder (by extension: a stick holds other things too), sorted. */
async function firmwareFiles(dir: string, depth: number): Promise<string[]> {
  const out: string[] = [];
  const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory() && depth > 1) out.push(...(await firmwareFiles(full, depth - 1)));
    else if (e.isFile() && FIRMWARE_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(full);
  }
  return out;
}
