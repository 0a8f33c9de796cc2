// IPC handlers of the libraries domain (shared/contracts/libraries.ts), on the connected board.
// Two services share one cache: the online one is used only for what a person asked for
// (Search with "online", Install); the offline one answers the rest from the cache.
import { posix } from 'node:path';
import type { LibraryInfo, LibrarySearchResult } from '../../shared/contracts/libraries';
import { MoteError } from '../../shared/errors';
import type { BoardManager } from '../board/board-manager';
import type { IpcRouter } from '../ipc/router';
import type { NetService } from '../net/net-service';
import { LibraryService } from './library-service';
import { describeBoard, freeSpace, type LibraryTarget } from './library-target';

export interface LibraryHandlerDeps {
  dataDir: string;
  /** null: offline only (a classroom profile); "Search online" then answers from the cache too. */
  net: NetService | null;
  board: Pick<BoardManager, 'link'>;
  /** Resolves a path the renderer gave against the Mote folder (refusing one that leaves it). */
  resolveLocal(path: string): Promise<string>;
}

/** '/lib (.mpy v6)': where an install goes and what kind of files it takes. */
export function describeTarget(t: LibraryTarget): string {
  const kind = t.firmware === 'circuitpython' ? (t.bundleFlavour === 'py' ? '.py' : `.mpy for CircuitPython ${t.bundleFlavour.replace('.x-mpy', '')}`) : t.mpy === 'py' ? '.py' : `.mpy v${t.mpy}`;
  return `${t.libDir} (${kind})`;
}

/** The module names an ImportError may name for a library ('umqtt.simple' → also 'umqtt'). */
function offers(library: string, module: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/-/g, '_');
  return norm(library) === norm(module) || norm(library).startsWith(`${norm(module)}.`);
}

export function registerLibraryHandlers(router: IpcRouter, deps: LibraryHandlerDeps): void {
  const online = new LibraryService({ dataDir: deps.dataDir, network: deps.net });
  const offline = new LibraryService({ dataDir: deps.dataDir, network: null });
  const connected = async (py = false) => {
    const link = await deps.board.link();
    return { ...link, target: await describeBoard(link.session, py) };
  };

  router.handle('libraries:search', async ({ text, online: useNetwork }): Promise<LibrarySearchResult> => {
    let problem: string | undefined;
    const board = await connected().catch((e: unknown) => {
      // not connected is said below; a busy or failing board says why itself
      if (e instanceof MoteError && e.code !== 'not-connected') problem = `What the board has installed is not shown: ${e.message}`;
      return null;
    });
    const firmware = board?.target.firmware ?? 'micropython';
    let libraries: LibraryInfo[] = [];
    try {
      libraries = await (useNetwork ? online : offline).search(text, firmware, undefined, { online: useNetwork, flavour: board?.target.bundleFlavour });
    } catch (e) {
      if (!(e instanceof MoteError)) throw e;
      problem = e.message;
    }
    if (board) {
      const installed = new Map((await offline.installed(board.files, board.target)).map((l) => [l.name.toLowerCase(), l.version]));
      // a package's module: 'oled-kit' → oled_kit; 'umqtt.simple' lives in the umqtt folder
      for (const l of libraries) l.installed = installed.get(l.name.toLowerCase().replace(/-/g, '_').split('.')[0]!) ?? null;
    } else problem ??= 'No board is connected: connect one to see what it has installed.';
    return { firmware, target: board ? describeTarget(board.target) : '/lib', libraries: libraries.slice(0, 500), problem };
  });

  router.handle('libraries:plan', async ({ names, py }) => {
    const board = await connected(py);
    const plan = await online.plan(names, board.target);
    return { libraries: plan.libraries.map((l) => ({ name: l.name, version: l.version, requires: l.requires, files: l.files.length, bytes: l.bytes })), bytes: plan.bytes, notes: plan.notes };
  });

  const installs = new Map<string, AbortController>();
  router.handle('libraries:install', async ({ names, py, opId }) => {
    if (installs.has(opId)) throw new MoteError('board-busy', `Install ${opId} is already running.`);
    const abort = new AbortController();
    installs.set(opId, abort);
    try {
      const board = await connected(py);
      const plan = await online.plan(names, board.target, abort.signal);
      const report = await online.install(plan, board.files, board.target, {
        signal: abort.signal,
        freeSpace: () => freeSpace(board.files, board.session),
        onFile: (path, action, done, total) => action === 'write' && router.emit('libraries:progress', { opId, done, total, path }),
      });
      router.emit('board-fs:changed', { path: board.target.libDir });
      return { written: report.written.length, unchanged: report.unchanged.length, bytes: report.bytes };
    } finally {
      installs.delete(opId);
    }
  });
  router.handle('libraries:cancel', ({ opId }) => {
    installs.get(opId)?.abort();
    return null;
  });

  router.handle('libraries:remove', async ({ name }) => {
    const board = await connected();
    await offline.remove(name, board.files, board.target);
    router.emit('board-fs:changed', { path: board.target.libDir });
    return null;
  });

  router.handle('libraries:find-missing', async ({ modules, checkBoard }) => {
    // the firmware from the link's identity: no round trip to the board unless an index has a match
    const link = await deps.board.link().catch(() => null);
    const firmware = link?.session.identity.flavour === 'circuitpython' ? 'circuitpython' : 'micropython';
    const known = await offline.search('', firmware).catch(() => [] as LibraryInfo[]);
    const found = modules.flatMap((module) => known.filter((l) => offers(l.name, module)).slice(0, 1).map((l) => ({ module, library: l.name })));
    if (!checkBoard || !link || !found.length) return found;
    const board = { files: link.files, target: await describeBoard(link.session) };
    // a module the board already has (in / or its lib folder) needs no offer
    const present = async (module: string) => {
      const rel = module.replace(/\./g, '/');
      for (const dir of ['/', board.target.libDir]) for (const p of [`${rel}.py`, `${rel}.mpy`, rel]) if (await board.files.stat(posix.join(dir, p))) return true;
      return false;
    };
    const missing = [];
    for (const f of found) if (!(await present(f.module))) missing.push(f);
    return missing;
  });

  // a bundle is imported from the Mote folder: put the zips (or a folder of them) there first
  router.handle('libraries:import', async ({ localPath }) => online.import(await deps.resolveLocal(localPath)));
}
