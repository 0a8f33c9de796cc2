// Test helper: bundles `mote` (main/cli.ts) into out/ once per test file and runs it as a
// child process, so CLI tests exercise the shipped entry point and its exit codes.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(__dirname, '..', '..');

/** Builds the CLI; returns the bundle's path. */
export async function buildMoteCli(): Promise<string> {
  // inside the repo, so the bundle finds serialport in node_modules
  mkdirSync(join(root, 'out'), { recursive: true });
  const cli = join(mkdtempSync(join(root, 'out', '.cli-test-')), 'cli.js');
  await build({ entryPoints: [join(root, 'main/cli.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: cli, external: ['serialport', 'drivelist', 'electron'], logLevel: 'error' });
  return cli;
}

export interface MoteResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export function runMote(cli: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<MoteResult> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cli, ...args], { encoding: 'buffer', timeout: 30_000, maxBuffer: 1 << 24, env: { ...process.env, ...options.env } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr: stderr.toString() });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}
