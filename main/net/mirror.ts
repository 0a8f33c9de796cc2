// The mirror setting: a school's web server or shared folder that stands in for the official
// download sites. A mirror holds the official files under <mirror>/<host>/<path>, so one mirror
// serves micropython.org, downloads.circuitpython.org and github.com side by side and a
// teacher can fill it by copying the cache's layout (see `mote firmware mirror`).
import { isAbsolute, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MoteError } from '../../shared/errors';

/** Where one request goes: an http(s) address, or a file in a local folder. */
export type NetSource = { kind: 'http'; url: string } | { kind: 'file'; path: string };

/** Parses an official address; only http(s) addresses are ever requested. */
export function officialUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MoteError('invalid-payload', `"${url}" is not a web address.`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new MoteError('invalid-payload', `Mote downloads only http and https addresses, not ${parsed.protocol} (${url}).`);
  return parsed;
}

/** Checks a mirror setting and says what is wrong with it; '' means no mirror. */
export function checkMirror(mirror: string): string {
  const m = mirror.trim();
  if (!m) return '';
  if (/^https?:\/\//i.test(m)) {
    officialUrl(m);
    return m.replace(/\/+$/, '');
  }
  if (/^file:/i.test(m)) return fileURLToPath(m);
  if (isAbsolute(m)) return normalize(m);
  throw new MoteError('invalid-payload', `The mirror "${mirror}" is neither a web address (http://…) nor a full folder path.`);
}

/**
 * Where a request for `url` goes: the official address itself when there is no mirror, else the
 * same host and path under the mirror. Query strings are kept for web mirrors and dropped for
 * folders (a folder has no way to answer them).
 */
export function resolveSource(url: string, mirror: string): NetSource {
  const official = officialUrl(url);
  const base = checkMirror(mirror);
  if (!base) return { kind: 'http', url: official.href };
  const rest = `${official.host}${official.pathname}`;
  if (/^https?:\/\//i.test(base)) return { kind: 'http', url: `${base}/${rest}${official.search}` };
  const parts = decodeURIComponent(rest).split('/').filter(Boolean);
  if (parts.some((p) => p === '..' || p === '.')) throw new MoteError('path-outside-root', `${url} would leave the mirror folder.`);
  return { kind: 'file', path: join(base, ...parts) };
}
