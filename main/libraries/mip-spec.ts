// What a person may type after `mip install`, as mpremote reads it (firmware-and-libraries.md
// §4.2): an index name with an optional @version, a github:/gitlab:/codeberg: shortcut with an
// optional @ref, or an http(s) address; each becomes the address of a package JSON or one file.
import { MoteError } from '../../shared/errors';

export const DEFAULT_MIP_INDEX = 'https://micropython.org/pi/v2';

export type MipSpec =
  /** A package in the index: package/<mpy>/<name>/<version>.json. */
  | { kind: 'index'; name: string; version: string }
  /** A package.json at an address (its `urls` are relative to it). */
  | { kind: 'package-json'; name: string; url: string; ref: string }
  /** One .py/.mpy file, saved under its base name. */
  | { kind: 'file'; name: string; url: string };

const SHORTCUT = /^(github|gitlab|codeberg):/;

/** Rewrites a github:/gitlab:/codeberg: shortcut to the address of the raw file at `ref`. */
export function expandShortcut(spec: string, ref: string): string {
  const m = /^(github|gitlab|codeberg):([^/]+)\/([^/]+)(?:\/(.*))?$/.exec(spec);
  if (!m) return spec;
  const [, host, owner, repo, path = ''] = m;
  if (host === 'github') return `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/${path}`;
  if (host === 'gitlab') return `https://gitlab.com/${owner}/${repo}/-/raw/${ref}/${path}`;
  return `https://codeberg.org/api/v1/repos/${owner}/${repo}/raw/${path}?ref=${ref}`;
}

function baseName(url: string): string {
  return url.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? url;
}

/** Parses one requirement; `version` (from a deps entry) wins over an @ in the text only when the text has none. */
export function parseMipSpec(text: string, version = ''): MipSpec {
  const spec = text.trim();
  if (!spec) throw new MoteError('invalid-payload', 'A library name is empty.');
  if (spec.includes('\\')) throw new MoteError('invalid-payload', `'${spec}': use / in library paths, not \\.`);
  const isUrl = /^https?:\/\//.test(spec) || SHORTCUT.test(spec);
  const at = spec.lastIndexOf('@');
  // an @ inside an http address's authority (user@host) is not a version
  const hasRef = at > 0 && (!/^https?:\/\//.test(spec) || at > spec.indexOf('/', 8));
  const body = hasRef ? spec.slice(0, at) : spec;
  const ref = (hasRef ? spec.slice(at + 1) : '') || version;
  if (!isUrl) {
    if (!/^[A-Za-z0-9_][\w.-]*$/.test(body)) throw new MoteError('invalid-payload', `'${spec}' is not a library name, a github:owner/repo spec or an http(s) address.`);
    return { kind: 'index', name: body, version: ref || 'latest' };
  }
  if (SHORTCUT.test(body) && !/^\w+:[^/]+\/[^/]+/.test(body)) throw new MoteError('invalid-payload', `'${spec}' needs an owner and a repository, like github:owner/repo[/path][@ref].`);
  // the file or package.json is chosen on the path before a shortcut becomes an address
  const target = /\.(m?py|json)$/.test(body) ? body : `${body.replace(/\/+$/, '')}/package.json`;
  const url = SHORTCUT.test(target) ? expandShortcut(target, ref || 'HEAD') : target;
  if (/\.m?py$/.test(body)) return { kind: 'file', name: baseName(url), url };
  return { kind: 'package-json', name: packageNameOf(body), url, ref: ref || 'HEAD' };
}

/** A readable name for a URL package: the last path segment that is not package.json. */
function packageNameOf(spec: string): string {
  const parts = spec.replace(/[?#].*$/, '').split(/[/:]/).filter((p) => p && p !== 'package.json');
  return parts[parts.length - 1] ?? spec;
}
