// Serves the built renderer from app://mote/… instead of file:// (so the page has a real
// origin, a CSP header and no access to the rest of the disk). Paths that would leave the
// renderer folder get 404.
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { rendererCsp } from './csp';
import { mimeType, resolveStatic } from './static-files';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://mote';

/** Privileges the scheme needs; must be registered before the app is ready. */
export const appSchemePrivileges = { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } };

/** Answers one app:// request: the file, or 404 for anything outside the renderer folder or unknown hosts. */
export async function serveAppRequest(rendererDir: string, url: string): Promise<Response> {
  const parsed = new URL(url);
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'mote') return new Response('Not found', { status: 404 });
  const file = resolveStatic(rendererDir, parsed.pathname);
  if (!file) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: { 'content-type': mimeType(file), 'content-security-policy': rendererCsp(), 'x-content-type-options': 'nosniff' },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

export function registerAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url));
}
