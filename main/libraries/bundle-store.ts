// The CircuitPython bundles Mote can install from with no network: release zips (and their
// JSON) kept in <data>/cache/libraries/bundles/, put there by a download or by "Import library
// bundle…" (a zip, the folder of release assets, or an unpacked bundle folder a teacher made).
import { promises as fsp } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { MoteError } from '../../shared/errors';
import { writeFileAtomic } from '../util/atomic-write';
import { type BundleArchive, LibraryBundles } from './circuitpython-bundle';
import { readZip, type ZipEntry } from './zip-reader';

const ARCHIVE = /-(py|\d+\.x-mpy)-\d{8}$/;

export class BundleStore {
  private cache: { key: string; bundles: LibraryBundles } | null = null;

  constructor(readonly dir: string) {}

  /** Every bundle kept, read once per change of the folder's contents. */
  async load(): Promise<LibraryBundles> {
    const names = (await fsp.readdir(this.dir).catch(() => [] as string[])).sort();
    const key = names.join('\n');
    if (this.cache?.key === key) return this.cache.bundles;
    const archives: BundleArchive[] = [];
    const metadata: Record<string, unknown>[] = [];
    // Adafruit before the Community bundle, as circup orders them; then by name, newest tag last wins nothing
    const ordered = names.sort((a, b) => Number(b.startsWith('adafruit')) - Number(a.startsWith('adafruit')) || (a < b ? 1 : -1));
    for (const n of ordered) {
      const full = join(this.dir, n);
      if (n.endsWith('.zip') && ARCHIVE.test(n.slice(0, -4))) archives.push({ name: n.slice(0, -4), entries: readZip(await fsp.readFile(full), n) });
      else if (n.endsWith('.json')) metadata.push(await readJson(full, n));
      else if (ARCHIVE.test(n) && (await fsp.stat(full)).isDirectory()) archives.push({ name: n, entries: await folderEntries(full, n) });
    }
    // one tag per bundle and flavour: the newest
    const newest = new Map<string, BundleArchive>();
    for (const a of archives) {
      const k = a.name.replace(/-\d{8}$/, '');
      if (!newest.has(k) || newest.get(k)!.name < a.name) newest.set(k, a);
    }
    const bundles = new LibraryBundles([...newest.values()], metadata);
    this.cache = { key, bundles };
    return bundles;
  }

  /** Keeps a release zip, JSON or unpacked bundle folder; returns the names kept. */
  async import(path: string): Promise<string[]> {
    const st = await fsp.stat(path).catch(() => null);
    if (!st) throw new MoteError('not-found', `There is no file or folder ${path}.`);
    const name = basename(path);
    if (st.isFile()) {
      if (name.endsWith('.zip')) return [await this.importZip(name, await fsp.readFile(path))];
      if (name.endsWith('.json')) {
        await readJson(path, name);
        await writeFileAtomic(join(this.dir, name), await fsp.readFile(path));
        return [name];
      }
      throw new MoteError('invalid-file', `${name} is neither a bundle .zip nor a bundle .json.`);
    }
    if (ARCHIVE.test(name)) {
      await fsp.cp(path, join(this.dir, name), { recursive: true });
      return [name];
    }
    const kept: string[] = [];
    for (const n of (await fsp.readdir(path)).sort()) {
      const full = join(path, n);
      if ((n.endsWith('.zip') && ARCHIVE.test(n.slice(0, -4))) || (n.endsWith('.json') && /-\d{8}\.json$/.test(n)) || (ARCHIVE.test(n) && (await fsp.stat(full)).isDirectory())) kept.push(...(await this.import(full)));
    }
    return kept;
  }

  async importZip(name: string, data: Buffer): Promise<string> {
    const base = name.replace(/\.zip$/, '');
    if (!ARCHIVE.test(base)) throw new MoteError('invalid-file', `${name} is not named like a bundle release (<bundle>-py-<YYYYMMDD>.zip or <bundle>-9.x-mpy-<YYYYMMDD>.zip).`);
    const entries = readZip(data, name);
    if (!entries.some((e) => e.name.startsWith(`${base}/lib/`))) throw new MoteError('invalid-file', `${name} has no ${base}/lib/ folder: it is not a library bundle.`);
    await writeFileAtomic(join(this.dir, name), data);
    return name;
  }
}

/** An unpacked bundle folder, seen as zip entries under its own name. */
async function folderEntries(root: string, top: string): Promise<ZipEntry[]> {
  const out: ZipEntry[] = [];
  const walk = async (dir: string) => {
    for (const e of await fsp.readdir(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) {
        const data = await fsp.readFile(full);
        out.push({ name: `${top}/${relative(root, full).split(sep).join('/')}`, size: data.length, read: () => data });
      }
    }
  };
  await walk(root);
  return out;
}

/** A bundle JSON (keyed by module name), or a clear error naming the file. */
async function readJson(path: string, name: string): Promise<Record<string, unknown>> {
  try {
    const json: unknown = JSON.parse(await fsp.readFile(path, 'utf8'));
    if (typeof json === 'object' && json !== null && !Array.isArray(json)) return json as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new MoteError('invalid-file', `${name} is not a bundle's JSON (an object keyed by library name).`);
}
