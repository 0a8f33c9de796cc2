// The computer side of Files (a workspace folder), the recovery journal of open buffers and
// the per-board local history of saved files, all under the data folder unless the user
// picked another workspace. Every path is checked to stay inside its root, symlinks included.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { journalEntrySchema, type BufferLocation, type HistoryVersion, type JournalEntry, type LocalFileEntry } from '../../shared/contracts/workspace';
import * as v from 'valibot';
import { MoteError, type ErrorCode } from '../../shared/errors';
import { writeFileAtomic } from '../util/atomic-write';
import { decodeTextFile } from '../util/text-file';

/** How many saved versions of one board file the history keeps (oldest are dropped). */
export const HISTORY_LIMIT = 100;

export interface WorkspaceOptions {
  dataDir: string;
  /** The user's chosen workspace folder ('' = the default `<dataDir>/workspace`). */
  workspaceDir?: () => Promise<string> | string;
  /** Files outside the folder that the OS asked Mote to open (a double-clicked .py). */
  isGrantedFile?: (path: string) => boolean;
  /** Example programs copied into a new default workspace as `examples/`, so a beginner has something to open. */
  examplesDir?: string;
}

/** Turns a Node fs error into a MoteError with a sentence a person can act on. */
export function fsError(error: unknown, what: string): MoteError {
  if (error instanceof MoteError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const map: Record<string, [ErrorCode, string]> = {
    ENOENT: ['not-found', `${what} does not exist.`],
    ENOTDIR: ['wrong-kind', `${what}: part of the path is a file, not a folder.`],
    EISDIR: ['wrong-kind', `${what} is a folder, not a file.`],
    EEXIST: ['already-exists', `${what} already exists.`],
    ENOTEMPTY: ['already-exists', `${what} already exists and is not empty.`],
    ENOSPC: ['no-space', `The disk is full: could not write ${what}.`],
    EROFS: ['read-only', `${what} is on a read-only disk.`],
    EACCES: ['read-only', `Mote is not allowed to change ${what}.`],
    EPERM: ['read-only', `Mote is not allowed to change ${what}.`],
  };
  const known = code ? map[code] : undefined;
  if (known) return new MoteError(known[0], known[1]);
  return new MoteError('internal', `${what}: ${error instanceof Error ? error.message : String(error)}`);
}

/** A journaled location a save could use: a local path without '..' or NUL, a board path without '..'. */
function sensibleLocation(location: BufferLocation): boolean {
  if (location.kind === 'local') return !location.path.includes('\0') && !location.path.split(/[\\/]/).includes('..');
  if (location.kind === 'board') return !location.path.split('/').includes('..');
  return true;
}

function inside(root: string, full: string): boolean {
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep);
}

export class WorkspaceService {
  private readonly journalDir: string;
  private readonly historyDir: string;
  /** Which live connection (window) holds each journaled buffer: those are open, not "left over". */
  private readonly owners = new Map<string, string>();

  constructor(private readonly options: WorkspaceOptions) {
    this.journalDir = join(options.dataDir, 'journal');
    this.historyDir = join(options.dataDir, 'history');
  }

  // #region workspace folder

  /** The workspace folder's real absolute path, created on first use. */
  async root(): Promise<string> {
    const setting = (await this.options.workspaceDir?.()) ?? '';
    // Only an absolute path counts: a relative one would land wherever Mote was started from.
    const chosen = isAbsolute(setting) ? setting : '';
    const dir = chosen ? resolve(chosen) : join(this.options.dataDir, 'workspace');
    const created = await fs.mkdir(dir, { recursive: true }).catch((error: unknown) => {
      // mkdir -p says EEXIST only when the path (or a parent) is a file, not a folder
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') {
        throw new MoteError('wrong-kind', `The workspace folder ${dir} is a file, not a folder. Choose a folder.`);
      }
      throw fsError(error, `The workspace folder ${dir}`);
    });
    // Only a brand-new default folder gets the examples; a folder the user chose is left as it is.
    if (created && !chosen && this.options.examplesDir) {
      await fs.cp(this.options.examplesDir, join(dir, 'examples'), { recursive: true, errorOnExist: false }).catch(() => undefined);
    }
    return fs.realpath(dir);
  }

  /**
   * Resolves a workspace path ('lib/x.py', '/lib/x.py', '.', or an absolute path inside the
   * root) to an absolute path, refusing '..' and anything that leaves the root through a symlink.
   */
  async resolvePath(path: string): Promise<string> {
    // A file the operating system asked Mote to open (main/app/opened-files.ts) is usable at
    // its own path, and nothing beside it is.
    if (this.options.isGrantedFile?.(path)) return resolve(path);
    const root = await this.root();
    if (path.includes('\0') || path.split(/[\\/]/).includes('..')) throw new MoteError('path-outside-root', `${path} leaves the workspace folder.`);
    const full = isAbsolute(path) && inside(root, resolve(path)) ? resolve(path) : resolve(root, path.replace(/^[\\/]+/, '') || '.');
    if (!inside(root, full)) throw new MoteError('path-outside-root', `${path} leaves the workspace folder.`);
    // The deepest part that exists must really live inside the root (no symlink escape).
    let probe = full;
    for (;;) {
      try {
        const real = await fs.realpath(probe);
        if (!inside(root, real)) throw new MoteError('path-outside-root', `${path} points outside the workspace folder.`);
        break;
      } catch (error) {
        if (error instanceof MoteError) throw error;
        if (probe === root) break;
        probe = resolve(probe, '..');
      }
    }
    return full;
  }

  private async rel(full: string): Promise<string> {
    return relative(await this.root(), full).split(sep).join('/');
  }

  /** Lists a folder: folders first, then files, by name; hidden files are left out. */
  async list(path: string): Promise<LocalFileEntry[]> {
    const dir = await this.resolvePath(path);
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (error) {
      throw fsError(error, `The folder ${path}`);
    }
    const entries: LocalFileEntry[] = [];
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      const stat = await fs.stat(full).catch(() => null);
      if (!stat) continue;
      entries.push({ path: await this.rel(full), name, kind: stat.isDirectory() ? 'dir' : 'file', size: stat.isDirectory() ? 0 : stat.size, mtime: stat.mtimeMs });
    }
    return entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1));
  }

  async readText(path: string): Promise<string> {
    const file = await this.resolvePath(path);
    try {
      return decodeTextFile(await fs.readFile(file), path);
    } catch (error) {
      throw error instanceof MoteError ? error : fsError(error, path);
    }
  }

  async writeText(path: string, text: string): Promise<void> {
    const file = await this.resolvePath(path);
    await writeFileAtomic(file, text).catch((error: unknown) => {
      throw fsError(error, path);
    });
  }

  async mkdir(path: string): Promise<void> {
    const dir = await this.resolvePath(path);
    await fs.mkdir(dir).catch((error: unknown) => {
      throw fsError(error, path);
    });
  }

  async remove(path: string): Promise<void> {
    const full = await this.resolvePath(path);
    if (full === (await this.root())) throw new MoteError('path-outside-root', 'The workspace folder itself cannot be deleted.');
    await fs.lstat(full).catch((error: unknown) => {
      throw fsError(error, path);
    });
    await fs.rm(full, { recursive: true }).catch((error: unknown) => {
      throw fsError(error, path);
    });
  }

  async rename(from: string, to: string): Promise<void> {
    const source = await this.resolvePath(from);
    const target = await this.resolvePath(to);
    const root = await this.root();
    if (source === root || target === root) throw new MoteError('path-outside-root', 'The workspace folder itself cannot be renamed.');
    if (await fs.lstat(target).then(() => true, () => false)) throw new MoteError('already-exists', `${to} already exists.`);
    await fs.rename(source, target).catch((error: unknown) => {
      throw fsError(error, from);
    });
  }

  // #endregion
  // #region recovery journal

  private journalFile(bufferId: string): string {
    return join(this.journalDir, `${Buffer.from(bufferId).toString('hex')}.json`);
  }

  /** Records a dirty buffer's text; `owner` is the window that holds it. */
  async journalSave(entry: { bufferId: string; title: string; location: BufferLocation; text: string }, owner: string): Promise<void> {
    this.owners.set(entry.bufferId, owner);
    const record: JournalEntry = { ...entry, savedAt: Date.now() };
    await writeFileAtomic(this.journalFile(entry.bufferId), JSON.stringify(record)).catch((error: unknown) => {
      throw fsError(error, 'The recovery journal');
    });
  }

  async journalDiscard(bufferId: string): Promise<void> {
    this.owners.delete(bufferId);
    await fs.rm(this.journalFile(bufferId), { force: true });
  }

  /** A window went away: the buffers it held are left over now, for the next window to offer. */
  connectionClosed(connectionId: string): void {
    for (const [bufferId, owner] of [...this.owners]) if (owner === connectionId) this.owners.delete(bufferId);
  }

  /** Buffers in the journal that no live window holds: left by a crash, a kill or a closed window. */
  async journalList(): Promise<JournalEntry[]> {
    const names = await fs.readdir(this.journalDir).catch(() => [] as string[]);
    const entries = new Map<string, JournalEntry>();
    for (const name of names) {
      if (!/^[0-9a-f]+\.json$/.test(name)) continue;
      try {
        const parsed = v.safeParse(journalEntrySchema, JSON.parse(await fs.readFile(join(this.journalDir, name), 'utf8')));
        // A half-written, foreign or edited file is skipped rather than block recovery of the
        // others; so is one filed under another buffer's name (ids must stay unique: two tabs
        // sharing an id would overwrite each other's recovery copy).
        if (!parsed.success || this.journalFile(parsed.output.bufferId) !== join(this.journalDir, name)) continue;
        if (!sensibleLocation(parsed.output.location)) continue;
        const entry = parsed.output;
        if (this.owners.has(entry.bufferId)) continue; // open in a live window (the asking one's or another's)
        entries.set(entry.bufferId, entry);
      } catch {
        // unreadable: skip, as above
      }
    }
    return [...entries.values()].sort((a, b) => b.savedAt - a.savedAt);
  }

  // #endregion
  // #region board save history

  private historyKey(board: string, path: string): string {
    return createHash('sha256').update(`${board}\0${path}`).digest('hex').slice(0, 20);
  }

  /** Keeps a copy of `text` as the newest saved version of `path` on `board`. */
  async historySave(board: string, path: string, text: string): Promise<HistoryVersion> {
    const key = this.historyKey(board, path);
    const dir = join(this.historyDir, key);
    const savedAt = Date.now();
    const existing = await this.historyList(board, path);
    let seq = 0;
    while (existing.some((v) => v.id === `${key}.${savedAt}-${seq}`)) seq++;
    const id = `${key}.${savedAt}-${seq}`;
    try {
      await writeFileAtomic(join(dir, 'meta.json'), JSON.stringify({ board, path }));
      await writeFileAtomic(join(dir, `${savedAt}-${seq}.txt`), text);
    } catch (error) {
      throw fsError(error, 'The local history');
    }
    for (const old of existing.slice(HISTORY_LIMIT - 1)) {
      await fs.rm(join(dir, `${old.id.slice(key.length + 1)}.txt`), { force: true });
    }
    return { id, board, path, savedAt, size: Buffer.byteLength(text) };
  }

  /** Saved versions of one board file, newest first. */
  async historyList(board: string, path: string): Promise<HistoryVersion[]> {
    const key = this.historyKey(board, path);
    const dir = join(this.historyDir, key);
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    const versions: HistoryVersion[] = [];
    for (const name of names) {
      const m = /^(\d+)-(\d+)\.txt$/.exec(name);
      if (!m) continue;
      const stat = await fs.stat(join(dir, name)).catch(() => null);
      if (!stat) continue;
      versions.push({ id: `${key}.${m[1]}-${m[2]}`, board, path, savedAt: Number(m[1]), size: stat.size });
    }
    return versions.sort((a, b) => b.savedAt - a.savedAt || b.id.localeCompare(a.id));
  }

  async historyRead(id: string): Promise<string> {
    const m = /^([0-9a-f]{20})\.(\d+-\d+)$/.exec(id);
    if (!m) throw new MoteError('not-found', 'That saved version does not exist.');
    try {
      return await fs.readFile(join(this.historyDir, m[1]!, `${m[2]}.txt`), 'utf8');
    } catch (error) {
      throw fsError(error, 'That saved version');
    }
  }

  // #endregion
}
