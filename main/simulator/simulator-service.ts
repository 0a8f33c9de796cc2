// SimulatorService owns the simulated board's worker thread: starts it for a profile with the
// profile's data folder (<dataDir>/boards/<profile>), hands out SimulatedTransports, forwards
// Board-panel inputs, and terminates and restarts a crashed or wedged worker (files kept),
// reporting it. Plain Node; main never blocks on the worker.

import { Worker } from 'node:worker_threads';
import { MoteError } from '../../shared/errors';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BoardInput, BoardPinInfo, BoardProfileId, BoardStateChange, FromWorker, ToWorker, WorkerInit } from '../../vm/host/protocol';
import { createBoardSab, SIMULATED_BOARDS, StdinWriter } from '../../vm/host/protocol';
import { SimulatedTransport, type SimulatedLink } from './simulated-transport';

/** The simulated board's life, for the status bar and notices. */
export type SimulatorStatus =
  | { state: 'stopped' }
  | { state: 'starting'; profile: BoardProfileId }
  | { state: 'running'; profile: BoardProfileId }
  /** The worker was terminated and started again; `reason` says why (crash, not responding, user reset). */
  | { state: 'restarted'; profile: BoardProfileId; reason: string };

export interface SimulatorServiceOptions {
  /** The app's data folder; boards live in <dataDir>/boards/<profile>. */
  dataDir: string;
  /** The built worker entry (out/vm/worker.js). */
  workerFile?: string;
  /** A worker busy this long without a heartbeat is wedged and restarted (default 10 s). */
  wedgeMs?: number;
  /** After a Ctrl-C, a worker silent this long is wedged (default 2 s). */
  interruptWedgeMs?: number;
  /** The worker's JavaScript heap limit in MiB (default 768; tests lower it to hit it fast). */
  workerHeapMb?: number;
  /** Time allowed for a worker to report ready (default 10 s). */
  startTimeoutMs?: number;
  /**
   * Watch a CircuitPython board's folder and report host-side changes, so files saved there by
   * any program auto-reload code.py as on a CIRCUITPY drive (default true).
   */
  watchFiles?: boolean;
}

/** The restart reason when the worker hit its heap limit. */
export const OUT_OF_MEMORY = 'ran out of memory';

/** The sentence a session (and so a run) ends with when the board is restarted under it. */
export function restartedMessage(reason: string): string {
  if (reason === OUT_OF_MEMORY) return 'The board ran out of memory and was restarted (your files are kept).';
  return `The simulated board was restarted (${reason}); your files are kept.`;
}

interface Running {
  profile: BoardProfileId;
  worker: Worker;
  writer: StdinWriter;
  ready: Promise<void>;
  exited: boolean;
}


export class SimulatorService implements SimulatedLink {
  private current: Running | null = null;
  private readonly transports = new Set<SimulatedTransport>();
  private readonly stateListeners = new Set<(changes: BoardStateChange[]) => void>();
  private readonly statusListeners = new Set<(status: SimulatorStatus) => void>();
  private pinInfo: BoardPinInfo[] = [];
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private lastBeat = 0;
  private lastBeatAt = 0;
  private interruptAt = 0;
  private restarts: number[] = [];
  private readonly workerFile: string;
  private watcher: fs.FSWatcher | null = null;
  /** Kept across worker restarts (a restarted board's drive is still shown to the host). */
  private drivePresented = false;
  private readonly watchTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly opts: SimulatorServiceOptions) {
    this.workerFile = opts.workerFile ?? path.join(__dirname, '..', 'vm', 'worker.js');
  }

  static isProfile(id: string): id is BoardProfileId {
    return SIMULATED_BOARDS.some((board) => board.id === id);
  }

  /** The host folder holding a profile's files. */
  boardRoot(profile: BoardProfileId): string {
    return path.join(this.opts.dataDir, 'boards', profile);
  }

  get profile(): BoardProfileId | null {
    return this.current?.profile ?? null;
  }

  /** Pins of the running board, as the panel lists them. */
  get pins(): BoardPinInfo[] {
    return this.pinInfo;
  }

  /**
   * Starts the board for `profile` (or keeps it if it already runs that profile) and returns a
   * new transport to it. Resolves once the worker is up; its banner then arrives as data.
   */
  async open(profile: BoardProfileId): Promise<SimulatedTransport> {
    if (!SimulatorService.isProfile(profile)) throw new Error(`unknown simulated board '${profile}'`);
    if (!this.current || this.current.profile !== profile || this.current.exited) {
      await this.stop();
      this.launch(profile);
      this.emitStatus({ state: 'starting', profile });
      if (profile === 'circuitpython-rp2040' && this.opts.watchFiles !== false) this.watchFiles(profile);
    }
    const t = new SimulatedTransport(profile, this);
    this.transports.add(t);
    await this.current!.ready;
    return t;
  }

  /**
   * Hard reset: terminate the worker and start it again (files kept). Resolves once the new
   * worker is starting, not when it is ready (open() waits for that), so a reset is answered at
   * once whatever the old board was doing.
   */
  async hardReset(reason = 'reset'): Promise<void> {
    const cur = this.current;
    if (!cur) return;
    await this.replace(cur.profile, reason, { waitReady: false });
  }

  /** Stops the board; open transports end. */
  async stop(): Promise<void> {
    const cur = this.current;
    this.current = null;
    this.stopWatchdog();
    this.stopWatchingFiles();
    if (cur && !cur.exited) {
      cur.exited = true;
      await cur.worker.terminate();
    }
    for (const t of [...this.transports]) t.end();
    if (cur) this.emitStatus({ state: 'stopped' });
  }

  /** A Board-panel input (button, potentiometer, sensor). */
  input(input: BoardInput): void {
    this.post({ type: 'input', input });
  }

  /** A board file changed on the host side (CircuitPython auto-reload). */
  fileChanged(boardPath: string): void {
    this.post({ type: 'fs-changed', path: boardPath });
  }

  /** CircuitPython: the CIRCUITPY drive is (or is no longer) presented to the host. */
  setDrivePresented(presented: boolean): void {
    this.drivePresented = presented;
    this.post({ type: 'drive-presented', presented });
  }

  onState(listener: (changes: BoardStateChange[]) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onStatus(listener: (status: SimulatorStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  // #region SimulatedLink

  send(data: Uint8Array): void {
    const cur = this.current;
    if (!cur || cur.exited) return;
    // an interrupt the board will act on starts the short wedge clock (not a 0x03 that a program
    // reads as data after micropython.kbd_intr(-1))
    const intr = cur.writer.interruptChar();
    // (the first one only: the raw REPL client repeats Ctrl-C every second, and each repeat must
    // not push a wedged worker's restart further away)
    if (intr >= 0 && data.includes(intr) && this.interruptAt === 0) this.interruptAt = Date.now();
    cur.writer.write(data);
  }

  detach(transport: SimulatedTransport): void {
    this.transports.delete(transport);
  }

  // #endregion

  private watchFiles(profile: BoardProfileId): void {
    const root = this.boardRoot(profile);
    fs.mkdirSync(root, { recursive: true });
    const report = (name: string | null) => {
      if (!name) return;
      const boardPath = '/' + name.split(path.sep).join('/');
      clearTimeout(this.watchTimers.get(boardPath));
      this.watchTimers.set(
        boardPath,
        setTimeout(() => {
          this.watchTimers.delete(boardPath);
          this.fileChanged(boardPath);
        }, 50),
      );
    };
    try {
      this.watcher = fs.watch(root, { recursive: true }, (_event, name) => report(name));
    } catch {
      try {
        this.watcher = fs.watch(root, (_event, name) => report(name));
      } catch {
        this.watcher = null; // no watching on this system: only explicit fileChanged() reloads
      }
    }
    this.watcher?.on('error', () => this.stopWatchingFiles());
    this.watcher?.unref();
  }

  private stopWatchingFiles(): void {
    this.watcher?.close();
    this.watcher = null;
    for (const t of this.watchTimers.values()) clearTimeout(t);
    this.watchTimers.clear();
  }

  private post(msg: ToWorker): void {
    const cur = this.current;
    if (!cur || cur.exited) return;
    cur.worker.postMessage(msg);
    cur.writer.wake(); // the worker drains messages when it wakes or polls
  }

  private launch(profile: BoardProfileId): void {
    const sab = createBoardSab();
    const init: WorkerInit = { profile, fsRoot: this.boardRoot(profile), sab };
    const worker = new Worker(this.workerFile, { workerData: init, stdout: false, stderr: false, resourceLimits: { maxOldGenerationSizeMb: this.opts.workerHeapMb ?? 768 } });
    const writer = new StdinWriter(sab);
    let resolveReady!: () => void;
    let rejectReady!: (e: Error) => void;
    const ready = new Promise<void>((res, rej) => {
      resolveReady = res;
      rejectReady = rej;
    });
    ready.catch(() => undefined);
    const run: Running = { profile, worker, writer, ready, exited: false };
    this.current = run;
    if (this.drivePresented) worker.postMessage({ type: 'drive-presented', presented: true } satisfies ToWorker);
    const timer = setTimeout(() => rejectReady(new Error('the simulated board did not start')), this.opts.startTimeoutMs ?? 10_000);
    worker.on('message', (msg: FromWorker) => {
      if (this.current !== run) return;
      switch (msg.type) {
        case 'ready':
          clearTimeout(timer);
          this.pinInfo = msg.pins;
          this.emitStatus({ state: 'running', profile });
          resolveReady();
          break;
        case 'output':
          writer.outputTaken(msg.data.length);
          for (const t of [...this.transports]) t.deliver(msg.data);
          break;
        case 'state':
          for (const l of [...this.stateListeners]) l(msg.changes);
          break;
        case 'stdin-space':
          writer.flush();
          break;
        case 'fatal':
          clearTimeout(timer);
          rejectReady(new Error(msg.message));
          void this.crashed(run, `internal error: ${msg.message}`);
          break;
      }
    });
    worker.on('error', (err) => {
      clearTimeout(timer);
      rejectReady(err);
      const outOfMemory = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      void this.crashed(run, outOfMemory ? OUT_OF_MEMORY : `crashed: ${err.message}`);
    });
    worker.on('exit', (code) => {
      clearTimeout(timer);
      rejectReady(new Error(`the simulated board stopped (exit code ${code})`));
      void this.crashed(run, `stopped unexpectedly (exit code ${code})`);
    });
    this.lastBeat = writer.heartbeat();
    this.lastBeatAt = Date.now();
    this.interruptAt = 0;
    this.startWatchdog();
  }

  private async crashed(run: Running, reason: string): Promise<void> {
    if (this.current !== run || run.exited) return;
    run.exited = true;
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < 60_000);
    if (this.restarts.length >= 3) {
      // a board that keeps crashing at start-up: stop instead of looping
      await this.stop();
      for (const t of [...this.transports]) t.end(new Error(`simulated board ${reason}`));
      return;
    }
    this.restarts.push(now);
    await this.replace(run.profile, reason);
  }

  private async replace(profile: BoardProfileId, reason: string, options: { waitReady?: boolean } = {}): Promise<void> {
    const old = this.current;
    if (old && !old.exited) old.exited = true;
    const links = [...this.transports];
    if (old) await old.worker.terminate();
    this.launch(profile);
    this.emitStatus({ state: 'restarted', profile, reason });
    // the old board's links end with it (after the new board is in place, so whoever reconnects
    // at once reaches it): a session waiting on one (a run) must not wait for ever
    const gone = new MoteError('simulator-crashed', restartedMessage(reason));
    for (const t of links) t.end(gone);
    if (options.waitReady === false) return;
    try {
      await this.current!.ready;
    } catch {
      // reported through the worker's own error/exit handlers
    }
  }

  private startWatchdog(): void {
    this.stopWatchdog();
    this.watchdog = setInterval(() => this.checkWedged(), 250);
    this.watchdog.unref?.();
  }

  private stopWatchdog(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
  }

  private checkWedged(): void {
    const cur = this.current;
    if (!cur || cur.exited) return;
    const beat = cur.writer.heartbeat();
    const now = Date.now();
    if (beat !== this.lastBeat) {
      this.lastBeat = beat;
      this.lastBeatAt = now;
      this.interruptAt = 0;
      return;
    }
    if (!cur.writer.busy()) {
      this.lastBeatAt = now;
      return;
    }
    const silent = now - this.lastBeatAt;
    const afterInterrupt = this.interruptAt ? now - Math.max(this.interruptAt, this.lastBeatAt) : 0;
    if (silent >= (this.opts.wedgeMs ?? 10_000) || afterInterrupt >= (this.opts.interruptWedgeMs ?? 2_000)) {
      void this.replace(cur.profile, 'not responding; restarted');
    }
  }

  private emitStatus(status: SimulatorStatus): void {
    for (const l of [...this.statusListeners]) l(status);
  }
}
