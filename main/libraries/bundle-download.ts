// Downloads the newest CircuitPython library bundles when a person asks for a library online:
// GitHub's releases API names the assets (firmware-and-libraries.md §5.1); Mote takes the py
// zip, the .mpy zip for the board's CircuitPython major version and the bundle JSON, checked
// against the size and SHA-256 digest GitHub publishes, into <data>/cache/libraries/bundles/.
import { MoteError } from '../../shared/errors';
import type { BundleFlavour } from './circuitpython-bundle';
import type { LibraryNetwork } from './library-service';

/** The bundles circup installs from by default, Adafruit's first. */
export const DEFAULT_BUNDLES = ['adafruit/Adafruit_CircuitPython_Bundle', 'adafruit/CircuitPython_Community_Bundle'];

interface ReleaseAsset {
  name: string;
  browser_download_url: string;
  size?: number;
  digest?: string;
}

/** The asset prefix of a bundle repository: 'adafruit-circuitpython-bundle'. */
export function bundlePrefix(repo: string): string {
  return repo.split('/')[1]!.toLowerCase().replace(/_/g, '-');
}

/** Which of a release's assets a board with this flavour needs. */
export function assetsFor(repo: string, assets: ReleaseAsset[], flavour: BundleFlavour): ReleaseAsset[] {
  const prefix = bundlePrefix(repo);
  const wanted = new RegExp(`^${prefix}-(py|${flavour.replace('.', '\\.')})-\\d{8}\\.zip$|^${prefix}-\\d{8}\\.json$`);
  return assets.filter((a) => wanted.test(a.name));
}

/** Downloads what is missing of each bundle's latest release; returns the files now cached. */
export async function downloadBundles(network: LibraryNetwork, flavour: BundleFlavour, options: { repos?: string[]; signal?: AbortSignal; onNote?: (note: string) => void } = {}): Promise<string[]> {
  const got: string[] = [];
  for (const repo of options.repos ?? DEFAULT_BUNDLES) {
    let release: { tag_name?: unknown; assets?: unknown };
    try {
      const data = await network.fetchBytes({ url: `https://api.github.com/repos/${repo}/releases/latest`, purpose: 'library-index', maxBytes: 4 * 1024 * 1024, signal: options.signal });
      release = JSON.parse(data.toString('utf8')) as typeof release;
    } catch (e) {
      if (e instanceof MoteError && e.code === 'cancelled') throw e;
      // one bundle out of reach (the Community one, say) must not stop the other
      options.onNote?.(`The ${repo} bundle could not be fetched: ${(e as Error).message}`);
      continue;
    }
    if (!Array.isArray(release.assets)) throw new MoteError('invalid-file', `GitHub's answer for ${repo} lists no release assets.`);
    const wanted = assetsFor(repo, release.assets as ReleaseAsset[], flavour);
    if (!wanted.some((a) => /-py-\d{8}\.zip$/.test(a.name))) throw new MoteError('not-found', `The latest ${repo} release (${String(release.tag_name)}) has no py bundle zip.`);
    for (const a of wanted) {
      const sha256 = /^sha256:([0-9a-f]{64})$/.exec(a.digest ?? '')?.[1];
      await network.download({ url: a.browser_download_url, purpose: 'library', kind: 'libraries', name: `bundles/${a.name}`, size: a.size, sha256, signal: options.signal });
      got.push(a.name);
    }
  }
  if (!got.length) throw new MoteError('network', 'No CircuitPython library bundle could be downloaded. Check the network, or import the bundle zips (Import library bundle…).');
  return got;
}
