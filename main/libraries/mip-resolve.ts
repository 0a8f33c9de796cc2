// Resolves mip requirements into the packages and files to install, as mpremote's `mip install`
// does (firmware-and-libraries.md §4.2): index names via package/<mpy>/<name>/<version>.json
// and its `hashes`, URL packages via package.json `urls`, and `deps` recursively. Unlike
// mpremote it downloads and checks every file before the board is touched, and installs a
// package reached twice once.
import { createHash } from 'node:crypto';
import { MoteError } from '../../shared/errors';
import type { LibraryFetcher } from './library-fetcher';
import { expandShortcut, type MipSpec, parseMipSpec } from './mip-spec';

export interface MipOptions {
  fetcher: LibraryFetcher;
  /** Index base address (default micropython.org/pi/v2; a mirror replaces it). */
  index: string;
  /** '6' for boards that load .mpy of that version, 'py' for source. */
  mpy: string;
  signal?: AbortSignal;
  /** When the package is not to be had for `mpy`, take its source ('py') instead. */
  pyFallback?: boolean;
}

/** One file of a package: where it goes under the target folder, and where it comes from. */
export interface PlannedFile {
  /** Relative to the target folder ('/lib'), '/' separated: 'umqtt/simple.py'. */
  path: string;
  url: string;
  /** Hex prefix of the content's SHA-256 that the download must match (index blobs). */
  sha256Prefix?: string;
}

export interface PlannedPackage {
  name: string;
  version: string;
  /** The address of the package JSON (or the single file) it came from. */
  source: string;
  files: PlannedFile[];
  /** Names of the packages this one asked for (already in the plan, before it). */
  requires: string[];
}

interface PackageJson {
  version: string;
  hashes: [string, string][];
  urls: [string, string][];
  deps: [string, string][];
}

function pairs(value: unknown, field: string, where: string): [string, string][] {
  if (value === undefined) return [];
  const ok = Array.isArray(value) && value.every((p) => Array.isArray(p) && p.length >= 1 && p.length <= 2 && p.every((s) => typeof s === 'string'));
  if (!ok) throw new MoteError('invalid-file', `${where}: "${field}" must be a list of [text, text] pairs.`);
  return (value as string[][]).map((p) => [p[0], p[1] ?? ''] as [string, string]);
}

/** Checks a package JSON's shape (mip's `hashes`, `urls`, `deps`, `version`). */
export function parsePackageJson(data: Buffer, where: string): PackageJson {
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch {
    throw new MoteError('invalid-file', `${where} is not valid JSON.`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new MoteError('invalid-file', `${where} is not a package description (a JSON object).`);
  const o = json as Record<string, unknown>;
  const version = typeof o.version === 'string' ? o.version : '';
  const out = { version, hashes: pairs(o.hashes, 'hashes', where), urls: pairs(o.urls, 'urls', where), deps: pairs(o.deps, 'deps', where) };
  for (const [path] of [...out.hashes, ...out.urls]) safeRelative(path, where);
  return out;
}

/** Refuses a destination that would leave the target folder. */
function safeRelative(path: string, where: string): string {
  const parts = path.split('/');
  if (!path || path.startsWith('/') || path.includes('\\') || parts.some((p) => p === '..' || p === '')) {
    throw new MoteError('invalid-file', `${where} names the file '${path}', which would land outside /lib.`);
  }
  return path;
}

function specKey(spec: MipSpec): string {
  return spec.kind === 'index' ? `index:${spec.name}` : spec.url;
}

/** Resolves requirements (with their deps, depth first, each once) without downloading any file. */
export async function planMip(requirements: string[], options: MipOptions): Promise<PlannedPackage[]> {
  const plan: PlannedPackage[] = [];
  const seen = new Set<string>();
  const visit = async (spec: MipSpec, chain: string[]): Promise<string> => {
    const key = specKey(spec);
    if (seen.has(key)) return spec.name;
    seen.add(key);
    const pkg = await resolveOne(spec, options);
    const requires: string[] = [];
    for (const [dep, version] of pkg.deps) requires.push(await visit(parseMipSpec(dep, version), [...chain, spec.name]));
    plan.push({ name: spec.name, version: pkg.version, source: pkg.source, files: pkg.files, requires });
    return spec.name;
  };
  for (const r of requirements) await visit(parseMipSpec(r), []);
  return plan;
}

async function resolveOne(spec: MipSpec, options: MipOptions): Promise<{ version: string; source: string; files: PlannedFile[]; deps: [string, string][] }> {
  if (spec.kind === 'file') return { version: '', source: spec.url, files: [{ path: spec.name, url: spec.url }], deps: [] };
  const index = options.index.replace(/\/+$/, '');
  const url = spec.kind === 'index' ? `${index}/package/${options.mpy}/${spec.name}/${spec.version}.json` : spec.url;
  let data: Buffer;
  try {
    data = await options.fetcher.get(url, { signal: options.signal, immutable: spec.kind === 'index' && spec.version !== 'latest' });
  } catch (e) {
    if (options.pyFallback && options.mpy !== 'py' && spec.kind === 'index' && e instanceof MoteError && e.code !== 'cancelled') return resolveOne(spec, { ...options, mpy: 'py' });
    if (e instanceof MoteError && e.code === 'not-found' && spec.kind === 'index') {
      const which = spec.version === 'latest' ? '' : ` version ${spec.version}`;
      throw new MoteError('not-found', `There is no library '${spec.name}'${which} in the index ${index} (for ${options.mpy === 'py' ? 'source .py' : `.mpy v${options.mpy}`} files).`);
    }
    throw e;
  }
  const json = parsePackageJson(data, url);
  const files: PlannedFile[] = json.hashes.map(([path, hash]) => {
    if (!/^[0-9a-f]{2,64}$/i.test(hash)) throw new MoteError('invalid-file', `${url}: '${hash}' is not a file hash.`);
    return { path, url: `${index}/file/${hash.slice(0, 2)}/${hash}`, sha256Prefix: hash.toLowerCase() };
  });
  const base = url.replace(/[?#].*$/, '').replace(/\/[^/]*$/, '');
  const ref = spec.kind === 'package-json' ? spec.ref : 'HEAD';
  for (const [path, src] of json.urls) {
    const absolute = /^(https?:\/\/|github:|gitlab:|codeberg:)/.test(src) ? src : `${base}/${src}`;
    files.push({ path, url: expandShortcut(absolute, ref) });
  }
  return { version: json.version || (spec.kind === 'package-json' && spec.ref !== 'HEAD' ? spec.ref : ''), source: url, files, deps: json.deps };
}

/** Downloads every file of the plan and checks the hashes; nothing is written anywhere. */
export async function downloadPlan(plan: PlannedPackage[], options: Pick<MipOptions, 'fetcher' | 'signal'>, onFile?: (path: string) => void): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const pkg of plan) {
    for (const f of pkg.files) {
      if (files.has(f.path)) continue;
      const check = (data: Buffer) => {
        if (f.sha256Prefix && !createHash('sha256').update(data).digest('hex').startsWith(f.sha256Prefix)) {
          throw new MoteError('invalid-file', `${f.path} of ${pkg.name} from ${f.url} does not match its hash ${f.sha256Prefix}: the download is damaged or the index is wrong. Nothing was installed.`);
        }
      };
      const data = await options.fetcher.get(f.url, { signal: options.signal, immutable: !!f.sha256Prefix, check });
      check(data);
      files.set(f.path, data);
      onFile?.(f.path);
    }
  }
  return files;
}
