// The CircuitPython library bundles (Adafruit's, the Community one, or a teacher's own) read
// from their release zips as circup reads them (firmware-and-libraries.md §5): one zip per
// flavour (`…-py-<tag>.zip`, `…-9.x-mpy-<tag>.zip`, `…-10.x-mpy-<tag>.zip`), each holding
// <top>/lib/<module>(.py|.mpy|/) and <top>/requirements/<module>/requirements.txt, plus the
// optional `<prefix>-<tag>.json` whose `dependencies` are used when present.
import { MoteError } from '../../shared/errors';
import type { ZipEntry } from './zip-reader';

/** 'py', or '<major>.x-mpy' for compiled files of one CircuitPython major version. */
export type BundleFlavour = string;

export interface BundleModule {
  name: string;
  version: string;
  description: string;
  /** A folder (package) rather than one file. */
  package: boolean;
  /** Bundle module names it needs. */
  dependencies: string[];
  /** Which bundle it came from ('adafruit-circuitpython-bundle'). */
  bundle: string;
  /** Bytes of its files, per flavour. */
  sizes: Record<BundleFlavour, number>;
}

/** One release zip (or unpacked folder) as a list of entries. */
export interface BundleArchive {
  /** The zip's base name: 'adafruit-circuitpython-bundle-9.x-mpy-20260301'. */
  name: string;
  entries: ZipEntry[];
}

const ARCHIVE_NAME = /^(.+?)-(py|\d+\.x-mpy)-(\d{8})$/;
const NOT_LIBRARIES = /^(adafruit[-_]blinka.*|pyserial|circuitpython[-_]typing)$/;
/** PyPI names whose module name does not follow adafruit-circuitpython-x → adafruit_x (circup's table). */
const PYPI_EXCEPTIONS: Record<string, string> = {
  adafruit_busdevice: 'adafruit_bus_device',
  adafruit_neopixel: 'neopixel',
  adafruit_simpleio: 'simpleio',
  adafruit_asyncio: 'asyncio',
  adafruit_sd: 'adafruit_sdcard',
};

/** Module name of a requirements.txt line, or null for comments, Blinka and other non-libraries. */
export function moduleOfRequirement(line: string): string | null {
  const name = line.replace(/#.*$/, '').split(/[<>=~[;!\s]/)[0].trim().toLowerCase();
  if (!name || NOT_LIBRARIES.test(name)) return null;
  const m = name.replace(/-/g, '_').replace(/^adafruit_circuitpython_/, 'adafruit_');
  return PYPI_EXCEPTIONS[m] ?? m;
}

interface Parsed {
  archive: BundleArchive;
  prefix: string;
  flavour: BundleFlavour;
  tag: string;
  top: string;
}

function parseArchive(a: BundleArchive): Parsed {
  const m = ARCHIVE_NAME.exec(a.name);
  if (!m) throw new MoteError('invalid-file', `${a.name} is not named like a bundle release (<bundle>-py-<YYYYMMDD>, <bundle>-9.x-mpy-<YYYYMMDD>).`);
  return { archive: a, prefix: m[1], flavour: m[2], tag: m[3], top: `${a.name}/` };
}

export class LibraryBundles {
  private readonly modules = new Map<string, BundleModule>();
  /** module → flavour → its files (path under lib/ → entry). */
  private readonly files = new Map<string, Map<BundleFlavour, Map<string, ZipEntry>>>();

  /** `archives` in priority order: the first bundle to offer a module wins (as in circup). */
  constructor(archives: BundleArchive[], metadata: Record<string, unknown>[] = []) {
    const parsed = archives.map(parseArchive);
    const owner = new Map<string, string>();
    // modules the JSON gives a version for need no .py inflated to find it (a real bundle has hundreds)
    const versioned = new Set(metadata.flatMap((meta) => Object.entries(meta).filter(([, v]) => typeof (v as { version?: unknown })?.version === 'string').map(([k]) => k.toLowerCase())));
    for (const p of parsed) this.readLib(p, owner, versioned);
    for (const p of parsed) this.readRequirements(p);
    for (const meta of metadata) this.readMetadata(meta);
    for (const [name, m] of this.modules) m.dependencies = m.dependencies.filter((d) => d !== name && this.modules.has(d));
  }

  private readLib(p: Parsed, owner: Map<string, string>, versioned: Set<string>): void {
    const lib = `${p.top}lib/`;
    for (const e of p.archive.entries) {
      if (!e.name.startsWith(lib) || e.name.endsWith('/')) continue;
      const rel = e.name.slice(lib.length);
      // an entry that climbs out of lib/ is not a library file (and would escape /lib on the board)
      if (rel.split('/').some((part) => part === '..' || part === '.')) continue;
      const isPackage = rel.includes('/');
      const name = (isPackage ? rel.split('/')[0] : rel.replace(/\.m?py$/, '')).toLowerCase();
      if (!isPackage && !/\.m?py$/.test(rel)) continue;
      // the first bundle that offers a module owns it; others' copies are ignored
      if (owner.has(name) && owner.get(name) !== p.prefix) continue;
      owner.set(name, p.prefix);
      const m = this.modules.get(name) ?? { name, version: '', description: '', package: isPackage, dependencies: [], bundle: p.prefix, sizes: {} };
      m.sizes[p.flavour] = (m.sizes[p.flavour] ?? 0) + e.size;
      if (!m.version && p.flavour === 'py' && rel.endsWith('.py') && !versioned.has(name)) m.version = /^__version__\s*=\s*['"]([^'"]+)['"]/m.exec(e.read().toString('utf8'))?.[1] ?? '';
      this.modules.set(name, m);
      const byFlavour = this.files.get(name) ?? new Map();
      const files = byFlavour.get(p.flavour) ?? new Map();
      files.set(rel, e);
      byFlavour.set(p.flavour, files);
      this.files.set(name, byFlavour);
    }
  }

  private readRequirements(p: Parsed): void {
    const req = new RegExp(`^${p.top.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}requirements/([^/]+)/requirements\\.txt$`);
    for (const e of p.archive.entries) {
      const m = req.exec(e.name);
      const mod = m && this.modules.get(m[1].toLowerCase());
      if (!mod || mod.bundle !== p.prefix) continue;
      for (const line of e.read().toString('utf8').split('\n')) {
        const dep = moduleOfRequirement(line);
        if (dep && !mod.dependencies.includes(dep)) mod.dependencies.push(dep);
      }
    }
  }

  /** The bundle JSON (keyed by module) supplies versions, descriptions and dependencies. */
  private readMetadata(meta: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(meta)) {
      const m = this.modules.get(name.toLowerCase());
      if (!m || typeof value !== 'object' || value === null) continue;
      const v = value as Record<string, unknown>;
      if (typeof v.version === 'string' && v.version) m.version = v.version;
      if (typeof v.pypi_description === 'string') m.description = v.pypi_description;
      if (Array.isArray(v.dependencies)) m.dependencies = v.dependencies.filter((d): d is string => typeof d === 'string').map((d) => d.toLowerCase());
    }
  }

  list(): BundleModule[] {
    return [...this.modules.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  get(name: string): BundleModule | undefined {
    return this.modules.get(name.toLowerCase());
  }

  /** The flavours some module is offered in ('py', '9.x-mpy', …). */
  flavours(): Set<BundleFlavour> {
    const out = new Set<BundleFlavour>();
    for (const byFlavour of this.files.values()) for (const f of byFlavour.keys()) out.add(f);
    return out;
  }

  /** `names` and their dependencies, dependencies first, each once; unknown names are refused. */
  resolve(names: string[]): BundleModule[] {
    const order: BundleModule[] = [];
    const visiting = new Set<string>();
    const visit = (name: string, from: string | null) => {
      const m = this.get(name);
      if (!m) throw new MoteError('not-found', from ? `${from} needs '${name}', which is in no imported bundle.` : `There is no library '${name}' in the CircuitPython bundles Mote has. Import or download a newer bundle, or check the name.`);
      // a module being visited is not entered again, so a dependency cycle ends
      if (order.includes(m) || visiting.has(m.name)) return;
      visiting.add(m.name);
      for (const d of m.dependencies) visit(d, m.name);
      order.push(m);
    };
    for (const n of names) visit(n, null);
    return order;
  }

  /**
   * The files of a module for a flavour, as paths under lib/ ('adafruit_bme280/basic.mpy');
   * falls back to 'py' when the bundle lacks that flavour, and says so in `flavour`.
   */
  filesOf(name: string, flavour: BundleFlavour): { flavour: BundleFlavour; files: Map<string, Buffer> } {
    const byFlavour = this.files.get(name.toLowerCase());
    const chosen = byFlavour?.has(flavour) ? flavour : 'py';
    const entries = byFlavour?.get(chosen);
    if (!entries) throw new MoteError('not-found', `The bundle has no ${flavour} or py files for '${name}'.`);
    return { flavour: chosen, files: new Map([...entries].map(([rel, e]) => [rel, e.read()])) };
  }
}

/** The flavour a board with this CircuitPython version takes: '<major>.x-mpy', or 'py' when asked. */
export function flavourFor(version: string, wantPy: boolean): BundleFlavour {
  const major = /^(\d+)\./.exec(version)?.[1];
  return wantPy || !major ? 'py' : `${major}.x-mpy`;
}
