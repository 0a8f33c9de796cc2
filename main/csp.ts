// The Content-Security-Policy of the renderer, shared by the Electron window and the web host.
// 'unsafe-inline' styles are needed by CodeMirror and xterm.js (they set style attributes).

/** CSP for the renderer; `connectSrc` adds the web host's own WebSocket origin. */
export function rendererCsp(connectSrc: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${connectSrc.map((s) => ` ${s}`).join('')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
