// Test helper: lays out a mip index as micropython-lib's tools/build.py writes it (index.json,
// package/<mpy>/<name>/{latest,<version>}.json, file/<h[:2]>/<h8>), from package descriptions,
// so library tests serve a real-shaped index from a local folder or HTTP server.
import { createHash } from 'node:crypto';

export interface FakePackage {
  name: string;
  version: string;
  description?: string;
  /** Path under /lib → Python source; the '6' flavour gets a fake .mpy of each. */
  files: Record<string, string>;
  /** [name, version] pairs, as third-party package.json files carry them. */
  deps?: [string, string][];
}

/** A .mpy-looking blob ('M', version 6) that names its source, so tests can tell the flavours apart. */
export function fakeMpy(source: string): Buffer {
  return Buffer.concat([Buffer.from([0x4d, 6, 0, 31]), Buffer.from(`compiled:${source}`)]);
}

/** Relative path → content of the whole index tree. */
export function buildMipIndex(packages: FakePackage[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const pkg of packages) {
    for (const mpy of ['py', '6']) {
      const hashes: [string, string][] = [];
      for (const [path, source] of Object.entries(pkg.files)) {
        // build.py appends a __version__ to every .py it publishes
        const data = mpy === 'py' ? Buffer.from(`${source}\n__version__ = '${pkg.version}'\n`) : fakeMpy(source);
        const h = createHash('sha256').update(data).digest('hex').slice(0, 8);
        out.set(`file/${h.slice(0, 2)}/${h}`, data);
        hashes.push([mpy === 'py' ? path : path.replace(/\.py$/, '.mpy'), h]);
      }
      const json = Buffer.from(JSON.stringify({ v: 1, hashes, ...(pkg.deps ? { deps: pkg.deps } : {}), version: pkg.version }));
      out.set(`package/${mpy}/${pkg.name}/latest.json`, json);
      out.set(`package/${mpy}/${pkg.name}/${pkg.version}.json`, json);
    }
  }
  const index = {
    v: 2,
    updated: 1767225600,
    packages: packages.map((p) => ({ name: p.name, version: p.version, author: '', description: p.description ?? '', license: 'MIT', versions: { '6': [p.version], py: [p.version] }, path: `micropython/drivers/${p.name}` })),
  };
  out.set('index.json', Buffer.from(JSON.stringify(index)));
  return out;
}
