// Turns a micropython-lib checkout into the mip index tree its tools/build.py would publish
// (py flavour only: Mote has no mpy-cross), so "Import library bundle…" on a checkout makes every
// package installable offline. Reads each manifest.py's metadata(), module(), package(),
// require() (whose files are inlined, as build.py does) and include(); executes nothing.
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { MoteError } from '../../shared/errors';

const LIB_DIRS = ['micropython', 'python-stdlib', 'python-ecosys'];

interface Call {
  name: string;
  positional: string[];
  keywords: Record<string, string | string[]>;
}

interface Manifest {
  name: string;
  dir: string;
  version: string;
  description: string;
  license: string;
  /** target path → host path */
  files: Map<string, string>;
  requires: string[];
}

/** The calls a manifest makes, with their string arguments; anything else is ignored. */
export function manifestCalls(source: string): Call[] {
  const code = source.replace(/^\s*#.*$/gm, '');
  const calls: Call[] = [];
  for (const m of code.matchAll(/\b(metadata|require|module|package|include)\s*\(((?:[^()"']|"[^"]*"|'[^']*')*)\)/g)) {
    const call: Call = { name: m[1]!, positional: [], keywords: {} };
    for (const arg of m[2]!.matchAll(/(?:(\w+)\s*=\s*)?(?:"([^"]*)"|'([^']*)'|\[([^\]]*)\]|(\w+))/g)) {
      const value = arg[2] ?? arg[3] ?? (arg[4] !== undefined ? [...arg[4].matchAll(/"([^"]*)"|'([^']*)'/g)].map((x) => x[1] ?? x[2]!) : arg[5]);
      if (value === undefined) continue;
      if (arg[1]) call.keywords[arg[1]] = value;
      else if (typeof value === 'string' && (arg[2] !== undefined || arg[3] !== undefined)) call.positional.push(value);
    }
    calls.push(call);
  }
  return calls;
}

async function walkPy(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fsp.readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walkPy(full)));
    else if (e.name.endsWith('.py')) out.push(full);
  }
  return out.sort();
}

async function readManifest(path: string, into: Manifest, seen: Set<string>): Promise<void> {
  if (seen.has(path)) return;
  seen.add(path);
  const dir = dirname(path);
  for (const c of manifestCalls(await fsp.readFile(path, 'utf8'))) {
    const first = c.positional[0] ?? '';
    const base = resolve(dir, typeof c.keywords.base_path === 'string' ? c.keywords.base_path : '.');
    if (c.name === 'metadata') {
      into.version ||= typeof c.keywords.version === 'string' ? c.keywords.version : '';
      into.description ||= typeof c.keywords.description === 'string' ? c.keywords.description : '';
      into.license ||= typeof c.keywords.license === 'string' ? c.keywords.license : '';
    } else if (c.name === 'require' && first) into.requires.push(first);
    else if (c.name === 'module' && first) into.files.set(first, join(base, first));
    else if (c.name === 'package' && first) {
      const listed = Array.isArray(c.keywords.files) ? c.keywords.files.map((f) => join(base, first, f)) : await walkPy(join(base, first));
      for (const f of listed) into.files.set(posix.join(first, relative(join(base, first), f).split(sep).join('/')), f);
    } else if (c.name === 'include' && first) {
      const target = resolve(dir, first);
      await readManifest(target.endsWith('.py') ? target : join(target, 'manifest.py'), into, seen);
    }
  }
}

async function findManifests(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await fsp.readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory()) await walk(join(d, e.name));
      else if (e.name === 'manifest.py') out.push(join(d, e.name));
    }
  };
  for (const lib of LIB_DIRS) await walk(join(root, lib));
  return out.sort();
}

/** Whether a folder looks like a micropython-lib checkout. */
export async function isMicropythonLibCheckout(root: string): Promise<boolean> {
  return (await fsp.stat(join(root, 'micropython')).catch(() => null))?.isDirectory() === true && (await findManifests(root)).length > 0;
}

/** Relative path → content of the index tree for the checkout at `root`. */
export async function indexFromCheckout(root: string): Promise<Map<string, Buffer>> {
  const manifests = new Map<string, Manifest>();
  for (const path of await findManifests(root)) {
    const name = posix.basename(dirname(path).split(sep).join('/'));
    const m: Manifest = { name, dir: dirname(path), version: '', description: '', license: '', files: new Map(), requires: [] };
    await readManifest(path, m, new Set());
    manifests.set(name, m);
  }
  if (!manifests.size) throw new MoteError('invalid-file', `${root} has no manifest.py under ${LIB_DIRS.join(', ')}: it is not a micropython-lib checkout.`);
  const out = new Map<string, Buffer>();
  const packages = [];
  for (const m of [...manifests.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const hashes: [string, string][] = [];
    // require() inlines the dependency's files, each tagged with its own package's version
    const visit = async (pkg: Manifest, seen: Set<string>) => {
      if (seen.has(pkg.name)) return;
      seen.add(pkg.name);
      for (const dep of pkg.requires) {
        const d = manifests.get(dep);
        if (!d) throw new MoteError('invalid-file', `${pkg.name} requires '${dep}', which is not in this checkout.`);
        await visit(d, seen);
      }
      for (const [target, host] of pkg.files) {
        let data = await fsp.readFile(host).catch(() => {
          throw new MoteError('invalid-file', `${pkg.name}'s manifest names ${target}, which is missing (${host}).`);
        });
        if (pkg.version && !/^__version__\s*=/m.test(data.toString('utf8'))) data = Buffer.concat([data, Buffer.from(`\n__version__ = ${JSON.stringify(pkg.version)}\n`)]);
        const h = createHash('sha256').update(data).digest('hex').slice(0, 8);
        out.set(`file/${h.slice(0, 2)}/${h}`, data);
        if (!hashes.some(([t]) => t === target)) hashes.push([target, h]);
      }
    };
    await visit(m, new Set());
    const json = Buffer.from(JSON.stringify({ v: 1, hashes, version: m.version }));
    out.set(`package/py/${m.name}/latest.json`, json);
    if (m.version) out.set(`package/py/${m.name}/${m.version}.json`, json);
    packages.push({ name: m.name, version: m.version, author: '', description: m.description, license: m.license || 'MIT', versions: { py: m.version ? [m.version] : [] }, path: relative(root, m.dir).split(sep).join('/') });
  }
  out.set('index.json', Buffer.from(JSON.stringify({ v: 2, updated: Math.floor(Date.now() / 1000), packages })));
  return out;
}
