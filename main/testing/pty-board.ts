// Test helper: a board behind a real pseudo-terminal. socat creates the pty (a symlink at
// `path`) and runs the board program on its other side: the real MicroPython REPL
// (micropython-board.mjs, WebAssembly) or the simulated board's CLI (out/vm/cli.js).
// kill() pulls the plug (socat and the board die, the pty vanishes); start() plugs it back.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PtyBoardOptions {
  /** 'micropython' = the wasm REPL bridge; 'simulated' = node out/vm/cli.js --board <profile>. */
  kind?: 'micropython' | 'simulated';
  profile?: string;
  /** Host folder that keeps the board's files across restarts. */
  fsDir?: string;
  /** Extra arguments for the board program (e.g. ['--raw-paste=no'], ['--busy', code]). */
  args?: string[];
  /** The simulated board's CLI (default out/vm/cli.js; tests pass buildBoardWorker()'s). */
  cliPath?: string;
}

const root = join(__dirname, '..', '..');

export class PtyBoard {
  readonly dir = mkdtempSync(join(tmpdir(), 'mote-pty-'));
  readonly path = join(this.dir, 'ttyBOARD');
  readonly fsDir: string;
  private proc: ChildProcess | null = null;

  constructor(private readonly options: PtyBoardOptions = {}) {
    this.fsDir = options.fsDir ?? join(this.dir, 'fs');
  }

  /** The board program's command line, as socat's EXEC address runs it. */
  private command(): string {
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const extra = (this.options.args ?? []).map((a) => ' ' + q(a)).join('');
    if (this.options.kind === 'simulated') {
      return `node ${q(this.options.cliPath ?? join(root, 'out', 'vm', 'cli.js'))} --board ${this.options.profile ?? 'pico'} --fs ${q(this.fsDir)} --line${extra}`;
    }
    return `node ${q(join(root, 'main', 'testing', 'micropython-board.mjs'))} --fs ${q(this.fsDir)}${extra}`;
  }

  /** Plugs the board in: starts socat and waits for the pty link and the board's first bytes. */
  async start(timeoutMs = 10000): Promise<void> {
    mkdirSync(this.fsDir, { recursive: true });
    const exec = `EXEC:${this.command().replace(/([,!:])/g, '\\$1')},pty,raw,echo=0,setsid`;
    this.proc = spawn('socat', [`pty,raw,echo=0,link=${this.path}`, exec], { stdio: ['ignore', 'ignore', 'pipe'], cwd: root });
    let stderr = '';
    this.proc.stderr?.on('data', (d) => (stderr += d));
    const started = Date.now();
    while (!existsSync(this.path)) {
      if (Date.now() - started > timeoutMs) throw new Error(`pty did not appear: ${stderr}`);
      if (this.proc.exitCode !== null) throw new Error(`socat exited: ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    // the board needs a moment to load (wasm) before it answers; the client copes either way
    await new Promise((r) => setTimeout(r, 300));
    if (this.proc.exitCode !== null || !existsSync(this.path)) throw new Error(`the board program exited: ${stderr.slice(-2000)}`);
  }

  /** Pulls the plug: kills socat (its EXEC child loses the pty and exits). */
  async kill(): Promise<void> {
    const p = this.proc;
    this.proc = null;
    if (!p || p.exitCode !== null) return;
    const done = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await done;
    // give the board program a moment to notice its pty closed and exit
    await new Promise((r) => setTimeout(r, 100));
  }

  get running(): boolean {
    return this.proc !== null && this.proc.exitCode === null;
  }
}
