// The simulated board's USB serial port as a pseudo-terminal it can drop, for `--pty PATH`: socat
// makes the pty (a symlink at PATH) and relays it to this process's pipes. A board that resets
// (machine.reset()) drops off USB and comes back, so tools see what they see with a real Pico:
// the port vanishes after "OK", then a new one appears at the same path.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';

/** How long the port stays away while the board resets, as a Pico's USB re-enumerates. */
const AWAY_MS = 400;

export class PtyPort {
  private proc: ChildProcess | null = null;
  /** Plugs, unplugs and replugs, one after another. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly onData: (bytes: Uint8Array) => void,
    private readonly onError: (message: string) => void,
  ) {}

  /** Creates the pty and resolves once PATH exists; rejects with socat's words when it cannot. */
  plug(): Promise<void> {
    return (this.chain = this.chain.then(() => this.start()));
  }

  /** The board reset: what was written so far still goes out, then the port vanishes and returns. */
  drop(): void {
    this.chain = this.chain
      .then(() => this.stop())
      .then(() => new Promise<void>((r) => setTimeout(r, AWAY_MS)))
      .then(() => this.start())
      .catch((e: Error) => this.onError(e.message));
  }

  /** Output while unplugged is lost, as on a USB port no host listens to. */
  write(bytes: Uint8Array): void {
    this.proc?.stdin?.write(bytes);
  }

  close(): Promise<void> {
    return (this.chain = this.chain.then(() => this.stop()));
  }

  private start(): Promise<void> {
    return new Promise((resolve, reject) => {
      fs.rmSync(this.path, { force: true });
      const proc = spawn('socat', [`pty,raw,echo=0,link=${this.path}`, 'STDIO'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      proc.stdout?.on('data', (d: Buffer) => this.onData(new Uint8Array(d)));
      proc.stdin?.on('error', () => undefined);
      proc.on('error', (e) => reject(new Error(`cannot run socat to make the pty: ${e.message}`)));
      proc.on('exit', () => { if (this.proc === proc) this.proc = null; });
      this.proc = proc;
      const waitForLink = () => {
        if (fs.existsSync(this.path)) return resolve();
        if (proc.exitCode !== null) return reject(new Error(`socat could not make ${this.path}: ${stderr.trim()}`));
        setTimeout(waitForLink, 10);
      };
      waitForLink();
    });
  }

  /** Ends socat after it has passed on what it was given (its stdin closes, it drains and exits). */
  private stop(): Promise<void> {
    const proc = this.proc;
    this.proc = null;
    if (!proc || proc.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const kill = setTimeout(() => proc.kill('SIGKILL'), 2000);
      proc.once('exit', () => { clearTimeout(kill); resolve(); });
      proc.stdin?.end();
    });
  }
}
