// architecture.md §9: main/net/ is the only code in main/ that may open an outbound
// connection. Elsewhere a module may listen (the web host, test servers: createServer only),
// never connect: no https/undici/tls/http2/dgram, no http.get/request, no net.connect, no global
// fetch or WebSocket client (the ws package's WebSocketServer is a listener).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = join(__dirname, '..');
const NEVER = ['https', 'undici', 'tls', 'http2', 'dgram'];
/** Names a listener may take from node:http / node:net. */
const LISTEN_ONLY: Record<string, Set<string>> = { http: new Set(['createServer']), net: new Set([]), ws: new Set(['WebSocketServer']) };

/** The outbound uses in one source file, as sentences; empty when it only listens or stays local. */
export function outboundUses(source: string): string[] {
  const found: string[] = [];
  const code = source.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  const imports = /import\s+(type\s+)?([\s\S]*?)\s+from\s+['"](?:node:)?([\w/]+)['"]/g;
  for (const m of code.matchAll(imports)) {
    const [, typeOnly, what, mod] = m;
    if (typeOnly) continue;
    if (NEVER.includes(mod)) found.push(`imports ${mod}`);
    const allowed = LISTEN_ONLY[mod];
    if (!allowed) continue;
    if (!what.trim().startsWith('{')) {
      found.push(`imports all of ${mod}`);
      continue;
    }
    const names = what.replace(/[{}]/g, '').split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type '));
    for (const n of names) if (!allowed.has(n.split(/\s+as\s+/)[0])) found.push(`imports ${n} from ${mod}`);
  }
  for (const m of code.matchAll(/(?:require|import)\(\s*['"](?:node:)?(https?|net|undici|tls|http2|dgram)['"]\s*\)/g)) found.push(`loads ${m[1]} dynamically`);
  if (/(?<![.\w])fetch\s*\(|globalThis\.fetch|new\s+WebSocket\s*\(|new\s+EventSource\s*\(/.test(code)) found.push('uses fetch, WebSocket or EventSource');
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('only main/net/ goes out to the network', () => {
  it('finds no outbound connection anywhere else in main/', () => {
    const offenders = sources(MAIN)
      .filter((f) => !relative(MAIN, f).startsWith(`net`))
      .flatMap((f) => outboundUses(readFileSync(f, 'utf8')).map((u) => `${relative(MAIN, f)}: ${u}`));
    expect(offenders).toEqual([]);
  });

  it('main/net/ itself is where the http client lives (so the scan above looks at real code)', () => {
    const net = sources(join(MAIN, 'net')).flatMap((f) => outboundUses(readFileSync(f, 'utf8')));
    expect(net).toContain('imports all of http');
    expect(net).toContain('imports https');
  });

  it('catches each way of going out', () => {
    expect(outboundUses(`import https from 'node:https';`)).toEqual(['imports https']);
    expect(outboundUses(`import { request } from 'http';`)).toEqual(['imports request from http']);
    expect(outboundUses(`import * as http from 'node:http';`)).toEqual(['imports all of http']);
    expect(outboundUses(`import { connect } from 'node:net';`)).toEqual(['imports connect from net']);
    expect(outboundUses(`import { fetch } from 'undici';`)).toEqual(['imports undici']);
    expect(outboundUses(`import { WebSocket } from 'ws';`)).toEqual(['imports WebSocket from ws']);
    expect(outboundUses(`const r = await fetch(url);`)).toEqual(['uses fetch, WebSocket or EventSource']);
    expect(outboundUses(`const ws = new WebSocket('ws://x');`)).toEqual(['uses fetch, WebSocket or EventSource']);
    expect(outboundUses(`const h = require('node:https');`)).toEqual(['loads https dynamically']);
    expect(outboundUses(`const h = await import('http');`)).toEqual(['loads http dynamically']);
  });

  it('lets a module listen on loopback and use types', () => {
    expect(outboundUses(`import { createServer, type Server } from 'node:http';\nimport type { AddressInfo } from 'node:net';`)).toEqual([]);
    expect(outboundUses(`// fetch(x) in a comment\nconst prefetch = (x) => x; this.fetchAll();`)).toEqual([]);
  });
});
