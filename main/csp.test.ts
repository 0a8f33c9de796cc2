// The renderer's CSP lets the page reach nothing but itself (and, in the web host, its own
// loopback WebSocket): no remote origin in any directive.
import { describe, expect, test } from 'vitest';
import { rendererCsp } from './csp';

const ALLOWED = new Set(["'self'", "'none'", "'unsafe-inline'", 'data:']);

function sources(csp: string): string[] {
  return csp.split(';').flatMap((d) => d.trim().split(/\s+/).slice(1));
}

describe('rendererCsp', () => {
  test('names no remote origin, in Electron or behind the web host', () => {
    for (const csp of [rendererCsp(), rendererCsp(['ws://127.0.0.1:43127'])]) {
      const remote = sources(csp).filter((s) => !ALLOWED.has(s) && !/^ws:\/\/127\.0\.0\.1:\d+$/.test(s));
      expect(remote).toEqual([]);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/unsafe-eval|\*/);
    }
  });
});
