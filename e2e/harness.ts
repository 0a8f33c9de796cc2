// The end-to-end harness: starts the real web host (out/main/web-host.js) on a free port with
// a temporary data folder, opens it in Debian's Chromium through playwright-core, and watches
// every request: anything not addressed to 127.0.0.1 fails the spec (classrooms are offline).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = join(__dirname, '..');
export const ARTIFACTS = join(ROOT, 'e2e', 'artifacts');

/** Flags for Chromium on this machine (no sandbox as root, no background traffic). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface WebHostProcess {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Ends the web host (SIGTERM, or SIGKILL with `hard`) and waits for it to exit. */
  stop(hard?: boolean): Promise<void>;
}

/** Starts `node out/main/web-host.js` and resolves once it printed its URL. */
export async function startWebHost(dataDir: string, extraArgs: string[] = []): Promise<WebHostProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'out/main/web-host.js'), '--port', '0', '--data', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start in 20 s:\n${stderr}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${stderr}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    dataDir,
    process: child,
    async stop(hard = false) {
      if (child.exitCode === null && child.signalCode === null) child.kill(hard ? 'SIGKILL' : 'SIGTERM');
      await exited;
    },
  };
}

export interface AppSession {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  host: WebHostProcess;
  dataDir: string;
  /** Console errors and page errors seen so far. */
  consoleErrors: string[];
  /** Requests that tried to leave 127.0.0.1 (must stay empty). */
  offlineViolations: string[];
  /** Writes a PNG to e2e/artifacts/<name>.png. */
  screenshot(name: string): Promise<string>;
  /** Opens the app again in a fresh page (after restarting the host, for example). */
  reopen(host?: WebHostProcess): Promise<Page>;
  /** Closes the browser, stops the web host, removes the temp data folder (unless keepData). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

function isLoopback(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    const { hostname } = new URL(url);
    return hostname === '127.0.0.1' || hostname === '[::1]' || hostname === 'localhost';
  } catch {
    return false;
  }
}

/** Launches Chromium with the machine's flags. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/**
 * Starts the web host with a temp data folder (or `dataDir`) and opens the app in Chromium.
 * Waits until the page's main regions are present.
 */
export async function startApp(options: { dataDir?: string; viewport?: { width: number; height: number }; hostArgs?: string[] } = {}): Promise<AppSession> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mote-e2e-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  let host = await startWebHost(dataDir, options.hostArgs);
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  const consoleErrors: string[] = [];
  const offlineViolations: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    offlineViolations.push(url);
    return route.abort('blockedbyclient');
  });
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    // WebSockets bypass route(); check them too.
    page.on('websocket', (ws) => {
      if (!isLoopback(ws.url().replace(/^ws/, 'http'))) offlineViolations.push(ws.url());
    });
  };
  let page = await context.newPage();
  watch(page);
  await page.goto(host.url);
  await page.getByRole('region', { name: 'Editor' }).waitFor({ timeout: 20_000 });

  const session: AppSession = {
    get page() {
      return page;
    },
    context,
    browser,
    get host() {
      return host;
    },
    dataDir,
    consoleErrors,
    offlineViolations,
    async screenshot(name) {
      const file = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async reopen(newHost) {
      if (newHost) host = newHost;
      await page.close().catch(() => undefined);
      page = await context.newPage();
      watch(page);
      await page.goto(host.url);
      await page.getByRole('region', { name: 'Editor' }).waitFor({ timeout: 20_000 });
      return page;
    },
    async stop(stopOptions = {}) {
      await browser.close().catch(() => undefined);
      await host.stop();
      if (!stopOptions.keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  } as AppSession;
  return session;
}
