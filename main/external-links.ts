// Which links may leave Mote for the system browser: only https pages of the documentation and
// download sites Mote itself links to. Anything else a page (or a program's output turned into
// a link) asks to open is refused, so the app cannot be used to launch arbitrary sites or schemes.

/** Hosts (and their subdomains) whose https pages Mote may open. */
export const EXTERNAL_HOSTS = [
  'micropython.org',
  'circuitpython.org',
  'docs.circuitpython.org',
  'learn.adafruit.com',
  'www.raspberrypi.com',
  'projects.raspberrypi.org',
  'thonny.org',
  'github.com',
] as const;

/** Whether `url` is an https page on an allowed host, with no credentials and the default port. */
export function isAllowedExternal(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return false;
  const host = u.hostname.toLowerCase();
  return EXTERNAL_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}
