// The IDE's one connected board: opens the transport for a target (a serial port or a
// simulated profile), keeps the BoardSession and the way its files are reached, turns session
// output into contract events, tracks runs and transfers (progress, cancel), and reports a
// board that went away. Written by the lead for the IPC handlers; the CLI uses the session
// and file classes directly.
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { dirname } from 'node:path';
import type { BoardInfo, BoardState, BoardTarget } from '../../shared/contracts/board';
import type { BoardFileEntry } from '../../shared/contracts/board-fs';
import { MoteError } from '../../shared/errors';
import type { EventMap, EventName } from '../../shared/ipc';
import { SIMULATED_BOARDS } from '../../vm/host/protocol';
import type { DriveService } from '../drives/drive-service';
import type { Logger } from '../ipc/router';
import type { SerialService } from '../serial/serial-service';
import { SimulatorService } from '../simulator/simulator-service';
import { writeFileAtomic } from '../util/atomic-write';
import { chooseBoardFiles } from './board-files';
import type { BoardFiles } from './board-fs';
import { BoardSession } from './board-session';
import { FriendlyBusy } from './friendly-busy';
import { OutputGovernor, type OutputChannel, type OutputLimits } from './output-governor';
import { StopEscalation } from './stop-escalation';
import type { Transport } from './transport';

export interface BoardManagerDeps {
  serial: SerialService;
  simulator: SimulatorService;
  /** CIRCUITPY drive lookup; null where drives cannot be listed. */
  drives: DriveService | null;
  /** Resolves a computer-side path (workspace-relative or picked by the user) to an absolute one, refusing escapes. */
  resolveLocal(path: string): Promise<string>;
  emit<K extends EventName>(event: K, payload: EventMap[K]): void;
  log: Logger;
  /** How much board output reaches the window (tests lower it); see output-governor.ts. */
  outputLimits?: OutputLimits;
}

/** CircuitPython's delay between the last write to its drive and the reload (supervisor autoreload). */
const AUTO_RELOAD_MS = 500;

const NOT_CONNECTED = 'No board is connected. Pick one with the board button in the status bar.';
const RESET_BY_HAND = "Press the board's reset button, or unplug it and plug it back in; Mote reconnects when it returns.";

/** A streaming UTF-8 decoder that holds back a split character until its last byte arrives. */
function utf8Stream(): (bytes: Uint8Array) => string {
  const decoder = new TextDecoder('utf-8');
  return (bytes) => decoder.decode(bytes, { stream: true });
}

export class BoardManager {
  private session: BoardSession | null = null;
  private files: Promise<BoardFiles> | null = null;
  private state: BoardState = { connection: 'disconnected' };
  /** Bumped by every connect/disconnect, so a slow connect that was superseded gives up its session. */
  private generation = 0;
  private runId: string | null = null;
  /** Aborts the current run; Stop may arrive before the session has actually started it. */
  private runAbort: AbortController | null = null;
  private readonly transfers = new Map<string, AbortController>();
  private unwatchPorts: (() => void) | null = null;
  /** Everything the board prints reaches the window through this, bounded; one per session. */
  private output: OutputGovernor | null = null;
  private readonly stops = new StopEscalation();
  /** The board running its own start-up program (main.py after a reset), which Stop must reach too. */
  private friendlyBusy: FriendlyBusy | null = null;
  private reloadTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: BoardManagerDeps) {
    deps.simulator.onStatus((status) => {
      if (status.state === 'restarted' && this.state.info?.target.kind === 'simulated') {
        deps.emit('app:notice', { level: 'warning', message: `The simulated board was restarted (${status.reason}). Your files are kept.` });
      }
    });
  }

  getState(): BoardState {
    return structuredClone(this.state);
  }

  simulatedProfiles() {
    return SIMULATED_BOARDS.map((b) => ({ ...b }));
  }

  /** Connects to `target`, replacing any current board. Resolves when the board answered and was identified. */
  async connect(target: BoardTarget): Promise<BoardInfo> {
    await this.drop();
    const generation = ++this.generation;
    this.setState({ connection: 'connecting', info: { target, name: this.describeTarget(target), flavour: 'unknown', version: '' } });
    let transport: Transport | null = null;
    try {
      transport = await this.openTransport(target);
      const session = await BoardSession.connect(transport);
      if (generation !== this.generation) {
        await session.close().catch(() => undefined);
        throw new MoteError('cancelled', 'Another board was chosen meanwhile.');
      }
      this.attach(session, target);
      return this.state.info!;
    } catch (error) {
      if (generation === this.generation) {
        await transport?.close().catch(() => undefined);
        const message = error instanceof Error ? error.message : String(error);
        this.setState({ connection: 'disconnected', info: this.state.info, problem: message });
      }
      throw error;
    }
  }

  async disconnect(): Promise<void> {
    this.generation++;
    await this.drop();
    this.setState({ connection: 'disconnected' });
  }

  async terminalWrite(data: string): Promise<void> {
    await this.requireSession().writeTerminal(data);
  }

  /** Starts a program; output and the end arrive as events. */
  async run(source: string): Promise<{ runId: string }> {
    const session = this.requireSession();
    if (this.runId) throw new MoteError('board-busy', 'A program is already running. Stop it first.');
    const runId = randomUUID();
    this.runId = runId;
    const abort = new AbortController();
    this.runAbort = abort;
    this.setState({ ...this.state, connection: 'running' });
    const output = this.output;
    const started = session.run(source, {
      signal: abort.signal,
      onStdout: (data) => output?.push('stdout', data, runId),
      onStderr: (data) => output?.push('stderr', data, runId),
    });
    void started.then(
      (result) => this.endRun(runId, result.status, result.message),
      (error: unknown) => this.endRun(runId, session.isOpen ? 'error' : 'lost', error instanceof Error ? error.message : String(error)),
    );
    return { runId };
  }

  /**
   * Stops the running program (Ctrl-C). A program that ignores it (it catches
   * KeyboardInterrupt) gets, at the second press, an offer to reset the board, and at the third
   * the reset. Answers at once: the run's end arrives as board:run-ended.
   */
  async stop(): Promise<void> {
    const session = this.requireSession();
    const runId = this.runId;
    if (!this.runAbort || !runId) return session.stop();
    const step = this.stops.press(runId);
    if (step === 'interrupt') this.runAbort.abort();
    else if (step === 'offer-reset') this.offerReset();
    else await this.resetStuckRun(runId);
  }

  async reset(mode: 'soft' | 'hard' | 'bootloader'): Promise<void> {
    const session = this.requireSession();
    const simulated = this.state.info?.target.kind === 'simulated';
    if (mode === 'soft') {
      // the raw REPL is busy until the run ends: stop it first (a soft reset would do no less)
      if (this.runId && !(await this.stopRun(1500))) {
        if (simulated) return this.resetStuckRun(this.runId);
        throw new MoteError('board-busy', `The program does not stop, so the board cannot reset. ${RESET_BY_HAND}`);
      }
      return session.softReset({ runMain: true });
    }
    if (mode === 'hard') {
      if (this.state.info?.target.kind === 'simulated') {
        // A simulated board has no reset pin: restart its worker, then reconnect.
        const target = this.state.info.target;
        await this.drop('The board was reset.');
        await this.deps.simulator.hardReset('reset button');
        void this.connect(target).catch((error: unknown) => this.deps.log.warn(`reconnecting after a reset: ${String(error)}`));
        return;
      }
      return session.hardReset();
    }
    if (this.state.info?.target.kind === 'simulated') throw new MoteError('board-protocol', 'A simulated board has no bootloader: there is no firmware to install.');
    return session.enterBootloader();
  }

  /** Interrupts the run and waits up to `ms` for it to end; false when it goes on. */
  private async stopRun(ms: number): Promise<boolean> {
    const runId = this.runId;
    if (!runId) return true;
    this.runAbort?.abort();
    const end = performance.now() + ms;
    while (this.runId === runId && performance.now() < end) await new Promise((r) => setTimeout(r, 20));
    return this.runId !== runId;
  }

  private offerReset(): void {
    const simulated = this.state.info?.target.kind === 'simulated';
    this.deps.emit('app:notice', {
      level: 'warning',
      message: simulated
        ? 'The program keeps running after Stop (it may catch KeyboardInterrupt). Press Stop once more to restart the board; your files are kept.'
        : `The program keeps running after Stop (it may catch KeyboardInterrupt). ${RESET_BY_HAND}`,
    });
  }

  /** The third Stop: restarts a simulated board under the run; a serial board needs a hand. */
  private async resetStuckRun(runId: string): Promise<void> {
    const target = this.state.info?.target;
    if (target?.kind !== 'simulated') {
      this.offerReset();
      return;
    }
    this.endRun(runId, 'interrupted', 'The program did not stop, so the board was restarted (your files are kept).');
    await this.drop();
    await this.deps.simulator.hardReset('the program did not stop');
    void this.connect(target).catch((error: unknown) => this.deps.log.warn(`reconnecting after a restart: ${String(error)}`));
  }

  // #region files

  async list(path: string, recursive = false): Promise<BoardFileEntry[]> {
    const entries = await (await this.boardFiles()).list(path, { recursive });
    return entries.map(({ path: p, name, kind, size }) => ({ path: p, name, kind, size }));
  }

  async freeBytes(path: string): Promise<number | null> {
    return (await this.boardFiles()).freeBytes(path);
  }

  async readText(path: string): Promise<string> {
    return (await this.boardFiles()).readText(path);
  }

  async writeText(path: string, text: string): Promise<void> {
    await (await this.boardFiles()).write(path, text);
    this.deps.emit('board-fs:changed', { path });
    await this.autoReload(path);
  }

  /**
   * CircuitPython restarts code.py when a file is saved to its drive; the simulated board's
   * files arrive through the REPL instead, so Mote does what the firmware would: after half a
   * second without further writes (the firmware's own delay, which also lets the Files panel
   * list the folder first), a soft reboot that runs code.py with its "code.py output:" /
   * "Code done running." framing.
   */
  private async autoReload(path: string): Promise<void> {
    const info = this.state.info;
    if (info?.target.kind !== 'simulated' || info.flavour !== 'circuitpython' || !/\.(py|txt)$/.test(path)) return;
    const session = this.session;
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      if (this.session !== session || !session?.isOpen || this.runId) return;
      session.softReset({ runMain: true }).catch((error: unknown) => this.deps.log.warn(`auto-reload: ${String(error)}`));
    }, AUTO_RELOAD_MS);
  }

  async upload(localPath: string, path: string, opId: string): Promise<void> {
    const data = await this.localRead(localPath);
    await this.transfer(opId, (options) => this.boardFiles().then((f) => f.write(path, data, options)));
    this.deps.emit('board-fs:changed', { path });
    await this.autoReload(path);
  }

  async download(path: string, localPath: string, opId: string): Promise<void> {
    const target = await this.deps.resolveLocal(localPath);
    const data = await this.transfer(opId, (options) => this.boardFiles().then((f) => f.read(path, options)));
    await fsp.mkdir(dirname(target), { recursive: true });
    await writeFileAtomic(target, data);
  }

  async mkdir(path: string): Promise<void> {
    await (await this.boardFiles()).mkdir(path);
    this.deps.emit('board-fs:changed', { path });
  }

  async remove(path: string, recursive = false): Promise<void> {
    await (await this.boardFiles()).remove(path, { recursive });
    this.deps.emit('board-fs:changed', { path });
  }

  async rename(from: string, to: string): Promise<void> {
    await (await this.boardFiles()).rename(from, to);
    this.deps.emit('board-fs:changed', { path: to });
  }

  cancel(opId: string): void {
    this.transfers.get(opId)?.abort();
  }

  /** The connected board's session and files, for services that work on it as a whole (libraries). */
  async link(): Promise<{ session: BoardSession; files: BoardFiles }> {
    return { session: this.requireSession(), files: await this.boardFiles() };
  }

  // #endregion

  async dispose(): Promise<void> {
    this.generation++;
    await this.drop();
  }

  private async transfer<T>(opId: string, work: (options: { signal: AbortSignal; onProgress: (done: number, total: number) => void }) => Promise<T>): Promise<T> {
    if (this.transfers.has(opId)) throw new MoteError('board-busy', `Transfer ${opId} is already running.`);
    const abort = new AbortController();
    this.transfers.set(opId, abort);
    const started = performance.now();
    let lastEmit = 0;
    const onProgress = (done: number, total: number) => {
      const now = performance.now();
      if (done < total && now - lastEmit < 100) return; // at most ~10 progress events a second
      lastEmit = now;
      const seconds = Math.max((now - started) / 1000, 0.001);
      this.deps.emit('board-fs:progress', { opId, done, total, bytesPerSecond: Math.round(done / seconds) });
    };
    try {
      return await work({ signal: abort.signal, onProgress });
    } finally {
      this.transfers.delete(opId);
    }
  }

  private async localRead(localPath: string): Promise<Buffer> {
    const file = await this.deps.resolveLocal(localPath);
    try {
      return await fsp.readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new MoteError('not-found', `${localPath} does not exist on this computer.`);
      if (code === 'EISDIR') throw new MoteError('invalid-file', `${localPath} is a folder; pick a file to upload.`);
      throw error;
    }
  }

  private describeTarget(target: BoardTarget): string {
    if (target.kind === 'simulated') return SIMULATED_BOARDS.find((b) => b.id === target.profile)?.name ?? `${target.profile} (simulated)`;
    return target.path;
  }

  private async openTransport(target: BoardTarget): Promise<Transport> {
    if (target.kind === 'simulated') {
      const profile = target.profile;
      if (!SimulatorService.isProfile(profile)) {
        throw new MoteError('not-found', `There is no simulated board called '${profile}'. Choose one of: ${SIMULATED_BOARDS.map((b) => b.id).join(', ')}.`);
      }
      try {
        return await this.deps.simulator.open(profile);
      } catch (error) {
        throw new MoteError('simulator-crashed', `The simulated board could not start: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return this.deps.serial.open(target.path);
  }

  private attach(session: BoardSession, target: BoardTarget): void {
    this.session = session;
    this.files = null;
    const id = session.identity;
    const info: BoardInfo = {
      target,
      name: target.kind === 'simulated' ? this.describeTarget(target) : id.machine || target.path,
      flavour: id.flavour,
      version: id.version,
    };
    const busy = new FriendlyBusy((running) => {
      if (this.session === session && !this.runId) this.setState({ ...this.state, connection: running ? 'running' : 'connected' });
    });
    this.friendlyBusy = busy;
    session.onTakenOver(() => busy.idle());
    this.output?.dispose();
    const output = (this.output = this.governOutput());
    session.onTerminalData((data) => output.push('terminal', data));
    output.flush(); // the banner is shown by the time connect() resolves
    session.onClose((error) => {
      if (this.session !== session) return;
      this.session = null;
      this.friendlyBusy = null;
      this.files = null;
      // the transport's message is a whole sentence naming the port ("The board at … was unplugged or reset.")
      const problem = error ? error.message : 'The board link closed.';
      if (this.runId) this.endRun(this.runId, 'lost', error ? problem : 'The board went away.');
      this.setState({ connection: 'lost', info, problem });
      if (target.kind === 'serial') this.reconnectWhenBack(target);
      // a simulated board restarted under the session (out of memory, wedged, unplugged from the
      // panel) is back at once: connect again, as Mote does for a replugged serial board
      else this.reconnectSimulated(target);
    });
    this.setState({ connection: 'connected', info });
  }

  /** Watches the port and reconnects once it is back after being gone (a replugged board). */
  private reconnectWhenBack(target: Extract<BoardTarget, { kind: 'serial' }>): void {
    this.unwatchPorts?.();
    const generation = this.generation;
    let seenGone = false;
    this.unwatchPorts = this.deps.serial.watchPath(target.path, (present) => {
      if (generation !== this.generation) return this.stopWatching();
      if (!present) seenGone = true;
      else if (seenGone) {
        this.stopWatching();
        this.deps.emit('app:notice', { level: 'info', message: `${target.path} is back; reconnecting.` });
        this.connect(target).catch((error: unknown) => this.deps.log.warn(`reconnect to ${target.path} failed: ${String(error)}`));
      }
    });
  }

  private reconnectSimulated(target: BoardTarget): void {
    const generation = this.generation;
    setTimeout(() => {
      if (generation !== this.generation || this.session) return;
      this.connect(target).catch((error: unknown) => this.deps.log.warn(`reconnecting the simulated board: ${String(error)}`));
    }, 0);
  }

  private stopWatching(): void {
    this.unwatchPorts?.();
    this.unwatchPorts = null;
  }

  private boardFiles(): Promise<BoardFiles> {
    const session = this.requireSession();
    if (!this.files) {
      const drives = this.state.info?.target.kind === 'serial' ? this.deps.drives : null;
      this.files = chooseBoardFiles(session, drives).then((chosen) => {
        if (chosen.drive && this.state.info) this.setState({ ...this.state, info: { ...this.state.info, drivePath: chosen.drive.path } });
        return chosen.files;
      });
      this.files.catch(() => (this.files = null));
    }
    return this.files;
  }

  /** The session's output, decoded per stream and bounded on its way to the window. */
  private governOutput(): OutputGovernor {
    // one decoder per stream; a run's streams start afresh (a split character never spans runs)
    const decoders = new Map<OutputChannel, (bytes: Uint8Array) => string>();
    let decodersRun: string | null = null;
    const decode = (channel: OutputChannel, runId: string | null, data: Uint8Array) => {
      if (channel !== 'terminal' && runId !== decodersRun) {
        decodersRun = runId;
        decoders.delete('stdout');
        decoders.delete('stderr');
      }
      let d = decoders.get(channel);
      if (!d) decoders.set(channel, (d = utf8Stream()));
      return d(data);
    };
    return new OutputGovernor(
      {
        deliver: (channel: OutputChannel, data, runId) => {
          const text = decode(channel, runId, data);
          if (!text) return;
          if (channel === 'terminal' || runId === null) {
            this.deps.emit('board:terminal-data', { data: text });
            this.friendlyBusy?.feed(text);
          } else this.deps.emit('board:run-output', { runId, stream: channel, text });
        },
        dropped: (lines, bytes, runId) => this.deps.emit('board:output-dropped', { runId, lines, bytes }),
      },
      this.deps.outputLimits,
    );
  }

  private endRun(runId: string, status: 'ok' | 'error' | 'interrupted' | 'lost', message?: string): void {
    if (this.runId !== runId) return;
    // the run's last output and any drop notice come before its end
    this.output?.flush();
    this.runId = null;
    this.runAbort = null;
    this.deps.emit('board:run-ended', { runId, status, message });
    if (this.state.connection === 'running') this.setState({ ...this.state, connection: 'connected' });
  }

  private requireSession(): BoardSession {
    if (!this.session || !this.session.isOpen) throw new MoteError('not-connected', NOT_CONNECTED);
    return this.session;
  }

  private async drop(reason = 'The board was disconnected.'): Promise<void> {
    this.stopWatching();
    clearTimeout(this.reloadTimer);
    for (const abort of this.transfers.values()) abort.abort();
    const session = this.session;
    this.session = null;
    this.files = null;
    if (this.runId) this.endRun(this.runId, 'interrupted', reason);
    this.output?.flush();
    this.output?.dispose();
    this.output = null;
    if (session) await session.close().catch((error: unknown) => this.deps.log.warn(`closing the board link: ${String(error)}`));
  }

  private setState(state: BoardState): void {
    this.state = state;
    this.deps.emit('board:state', this.getState());
  }
}
