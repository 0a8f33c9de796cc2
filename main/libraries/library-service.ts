// LibraryService: search, plan, install, list, update and remove libraries on the connected
// board, for MicroPython (mip index, github:/URL packages) and CircuitPython (bundles). Used by
// `mote lib` and the Libraries panel alike. It goes to the network only through the injected
// LibraryNetwork (main/net), only when a person asks, and never when offline.
import { promises as fsp } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import type { LibraryInfo } from '../../shared/contracts/libraries';
import { MoteError } from '../../shared/errors';
import type { BoardFiles } from '../board/board-fs';
import { downloadBundles } from './bundle-download';
import { BundleStore } from './bundle-store';
import { CachedFetcher, type LibraryFetcher } from './library-fetcher';
import { type InstallOptions, type InstallReport, installFiles } from './library-install';
import type { LibraryTarget } from './library-target';
import { type InstalledLibrary, listInstalled } from './installed-libraries';
import { DEFAULT_MIP_INDEX } from './mip-spec';
import { checkMpyHeaders } from './mpy-header';
import { indexFromCheckout, isMicropythonLibCheckout } from './micropython-lib-checkout';
import { downloadPlan, planMip } from './mip-resolve';

/** The part of main/net's NetService libraries use (404 answers come back as code 'network'). */
export interface LibraryNetwork {
  fetchBytes(req: { url: string; purpose: 'library' | 'library-index'; maxBytes: number; signal?: AbortSignal }): Promise<Buffer>;
  /** Downloads into <data>/cache/<kind>/<name>, checked against size and SHA-256 when given. */
  download(req: { url: string; purpose: 'library'; kind: 'libraries'; name: string; size?: number; sha256?: string; signal?: AbortSignal }): Promise<{ path: string }>;
}

export interface LibraryServiceOptions {
  dataDir: string;
  /** null: offline, answer from the cache and imported bundles only. */
  network: LibraryNetwork | null;
  /** A copy of the mip index laid out as micropython-lib's tools/build.py writes it. */
  mirror?: string;
}

export interface PlannedLibrary {
  name: string;
  version: string;
  /** Names of libraries it needs (also in the plan). */
  requires: string[];
  files: string[];
  bytes: number;
}

export interface LibraryPlan {
  libraries: PlannedLibrary[];
  /** Paths under the lib folder → content, downloaded and checked. */
  files: Map<string, Buffer>;
  bytes: number;
  /** Said to the person: a fallback from .mpy to .py, and the like. */
  notes: string[];
}

const INDEX_MAX = 4 * 1024 * 1024;
const FILE_MAX = 64 * 1024 * 1024;

export class LibraryService {
  readonly fetcher: CachedFetcher;
  readonly bundles: BundleStore;
  readonly index: string;

  constructor(readonly options: LibraryServiceOptions) {
    const cache = join(options.dataDir, 'cache', 'libraries');
    this.index = (options.mirror || DEFAULT_MIP_INDEX).replace(/\/+$/, '');
    this.fetcher = new CachedFetcher(join(cache, 'mip'), options.network ? networkFetcher(options.network) : null);
    this.bundles = new BundleStore(join(cache, 'bundles'));
  }

  /** Libraries whose name or description contains `text` (all when empty), for this firmware. */
  async search(text: string, firmware: LibraryTarget['firmware'], signal?: AbortSignal, options: { online?: boolean; flavour?: string } = {}): Promise<LibraryInfo[]> {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (l: LibraryInfo) => words.every((w) => l.name.toLowerCase().includes(w) || l.description.toLowerCase().includes(w));
    if (firmware === 'circuitpython') {
      // "search online" on CircuitPython means: fetch the newest bundles first
      if (this.options.network && options.online) await this.downloadBundles(options.flavour ?? 'py', signal);
      const bundles = await this.bundles.load();
      return bundles.list().map((m) => ({ name: m.name, version: m.version, description: m.description, source: m.bundle, size: m.sizes.py })).filter(matches);
    }
    return (await this.mipIndex(signal)).filter(matches);
  }

  private async mipIndex(signal?: AbortSignal): Promise<LibraryInfo[]> {
    const url = `${this.index}/index.json`;
    const data = await this.fetcher.get(url, { signal });
    let json: { packages?: unknown };
    try {
      json = JSON.parse(data.toString('utf8')) as { packages?: unknown };
    } catch {
      throw new MoteError('invalid-file', `${url} is not valid JSON.`);
    }
    if (!Array.isArray(json.packages)) throw new MoteError('invalid-file', `${url} has no "packages" list: it is not a mip index.`);
    return json.packages
      .filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null && typeof (p as { name?: unknown }).name === 'string')
      .map((p) => ({ name: String(p.name), version: typeof p.version === 'string' ? p.version : '', description: typeof p.description === 'string' ? p.description : '', source: 'micropython-lib' }));
  }

  /** Resolves `names` with their dependencies and downloads every file; the board is not touched. */
  async plan(names: string[], target: LibraryTarget, signal?: AbortSignal): Promise<LibraryPlan> {
    if (!names.length) throw new MoteError('invalid-payload', 'Name at least one library to install.');
    return target.firmware === 'circuitpython' ? this.planBundle(names, target, signal) : this.planMip(names, target, signal);
  }

  private async planMip(names: string[], target: LibraryTarget, signal?: AbortSignal): Promise<LibraryPlan> {
    // offline, a package cached only as source (an imported checkout) still installs
    const options = { fetcher: this.fetcher, index: this.index, mpy: target.mpy, signal, pyFallback: !this.options.network };
    const packages = await planMip(names, options);
    const files = await downloadPlan(packages, options);
    const libraries = packages.map((p) => ({ name: p.name, version: p.version, requires: p.requires, files: p.files.map((f) => f.path), bytes: p.files.reduce((n, f) => n + (files.get(f.path)?.length ?? 0), 0) }));
    return { libraries, files, bytes: sum(files), notes: [] };
  }

  /** Fetches the newest Adafruit and Community bundles for this flavour (online only). */
  async downloadBundles(flavour: string, signal?: AbortSignal, onNote?: (note: string) => void): Promise<string[]> {
    if (!this.options.network) throw new MoteError('network', 'Mote is offline: import the bundle zips instead (Import library bundle…, or mote lib import PATH).');
    return downloadBundles(this.options.network, flavour, { signal, onNote });
  }

  private async planBundle(names: string[], target: LibraryTarget, signal?: AbortSignal): Promise<LibraryPlan> {
    const notes: string[] = [];
    let bundles = await this.bundles.load();
    const missing = () => names.some((n) => !bundles.get(n.replace(/@.*$/, '')));
    // a person asked to install: online, a library the cached bundles lack means fetching newer ones
    if (this.options.network && missing()) {
      await this.downloadBundles(target.bundleFlavour, signal, (n) => notes.push(n));
      bundles = await this.bundles.load();
    }
    if (!bundles.list().length) throw new MoteError('not-found', 'Mote has no CircuitPython library bundle yet. Connect to the network and install again, or import the bundle zips (mote lib import PATH).');
    const files = new Map<string, Buffer>();
    const libraries: PlannedLibrary[] = [];
    for (const n of names.filter((x) => x.includes('@'))) notes.push(`${n}: a bundle holds one version of each library, so its ${bundles.get(n.replace(/@.*$/, ''))?.version || 'only'} version is installed.`);
    for (const m of bundles.resolve(names.map((n) => n.replace(/@.*$/, '')))) {
      const got = bundles.filesOf(m.name, target.bundleFlavour);
      if (got.flavour !== target.bundleFlavour) notes.push(`${m.name}: the bundles Mote has no ${target.bundleFlavour} files, so the .py source is installed.`);
      for (const [rel, data] of got.files) files.set(rel, data);
      libraries.push({ name: m.name, version: m.version, requires: m.dependencies, files: [...got.files.keys()], bytes: sum(got.files) });
    }
    return { libraries, files, bytes: sum(files), notes };
  }

  /** Writes a plan's files into the board's lib folder; all or nothing (library-install.ts). */
  async install(plan: LibraryPlan, board: BoardFiles, target: LibraryTarget, options: InstallOptions = {}): Promise<InstallReport> {
    checkMpyHeaders(plan.files, target);
    return installFiles(board, target.libDir, plan.files, options);
  }

  async installed(board: BoardFiles, target: LibraryTarget): Promise<InstalledLibrary[]> {
    return listInstalled(board, target.libDir);
  }

  /** Removes a module (file or folder) from the lib folder. Dependencies stay: other libraries may use them. */
  async remove(name: string, board: BoardFiles, target: LibraryTarget): Promise<string[]> {
    // a package 'oled-kit' installs the module oled_kit; 'umqtt.simple' is umqtt/simple
    const base = posix.join(target.libDir, name.replace(/-/g, '_').replace(/\./g, '/'));
    const removed: string[] = [];
    for (const p of [`${base}.py`, `${base}.mpy`, base]) {
      const st = await board.stat(p);
      if (!st) continue;
      await board.remove(p, { recursive: st.kind === 'dir' });
      removed.push(p);
    }
    if (!removed.length) throw new MoteError('not-found', `'${name}' is not installed in ${target.libDir} on this board.`);
    return removed;
  }

  /** Installed libraries whose index or bundle version differs from the board's. */
  async outdated(board: BoardFiles, target: LibraryTarget, signal?: AbortSignal): Promise<{ name: string; installed: string; available: string }[]> {
    const available = new Map((await this.search('', target.firmware, signal)).map((l) => [l.name.toLowerCase(), l.version]));
    return (await this.installed(board, target))
      .filter((l) => available.has(l.name.toLowerCase()) && available.get(l.name.toLowerCase()) && available.get(l.name.toLowerCase()) !== l.version)
      .map((l) => ({ name: l.name, installed: l.version, available: available.get(l.name.toLowerCase())! }));
  }

  /**
   * Makes libraries installable offline: a bundle zip, JSON or folder (CircuitPython), or a
   * folder laid out as a mip index (index.json, package/, file/), whose files are cached under
   * the index's addresses.
   */
  async import(path: string): Promise<{ kind: 'bundle' | 'mip-index'; count: number }> {
    const indexJson = join(path, 'index.json');
    if (await fsp.stat(indexJson).catch(() => null)) return { kind: 'mip-index', count: await this.importMipIndex(path) };
    if (await isMicropythonLibCheckout(path)) {
      const tree = await indexFromCheckout(path);
      for (const [rel, data] of tree) await this.fetcher.put(`${this.index}/${rel}`, data);
      return { kind: 'mip-index', count: tree.size };
    }
    const kept = await this.bundles.import(path);
    if (!kept.length) throw new MoteError('invalid-file', `${path} holds no library bundle (…-py-YYYYMMDD.zip, …-9.x-mpy-YYYYMMDD.zip) and no mip index (index.json).`);
    return { kind: 'bundle', count: kept.length };
  }

  private async importMipIndex(root: string): Promise<number> {
    let count = 0;
    const walk = async (dir: string) => {
      for (const e of await fsp.readdir(dir, { withFileTypes: true })) {
        const full = join(dir, e.name);
        if (e.isDirectory()) await walk(full);
        else if (e.isFile()) {
          const rel = relative(root, full).split(sep).join('/');
          if (rel === 'index.json' || rel.startsWith('package/') || rel.startsWith('file/')) {
            await this.fetcher.put(`${this.index}/${rel}`, await fsp.readFile(full));
            count++;
          }
        }
      }
    };
    await walk(root);
    return count;
  }
}

function sum(files: Map<string, Buffer>): number {
  let n = 0;
  for (const b of files.values()) n += b.length;
  return n;
}

/** main/net's fetchBytes as a LibraryFetcher: a 404 means the library or version does not exist. */
function networkFetcher(net: LibraryNetwork): LibraryFetcher {
  return {
    async get(url, options = {}) {
      const purpose = /\/(index|latest)\.json$/.test(url) ? 'library-index' : 'library';
      try {
        return await net.fetchBytes({ url, purpose, maxBytes: /\.json$/.test(url) ? INDEX_MAX : FILE_MAX, signal: options.signal });
      } catch (e) {
        if (e instanceof MoteError && /\b404\b/.test(e.message)) throw new MoteError('not-found', e.message);
        throw e;
      }
    },
  };
}
