// The renderer's side of the board link: follows board:state, connects (auto on start, or
// from the picker), runs the editor's buffer, stops and resets. When this host has no board
// link (board:* unknown) everything says so instead of failing.
import type { BoardTarget } from '../../shared/contracts/board';
import type { ChannelName, InvokeMap, MoteApi } from '../../shared/ipc';
import { failingLocation } from '../repl/traceback';
import { isConnected, type Store } from './store';

/** Where messages for the user go (the notice area; a list in tests). */
export interface NoticeSink {
  show(message: string, level?: 'info' | 'warning' | 'error', actions?: Array<{ label: string; run: () => void }>): void;
}

/** A failed call, with its ErrorCode. */
class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RunEndHooks {
  /** The program goes to the board now (after waiting for a connection, if one was under way). */
  started?(name: string): void;
  /** A run ended with a traceback pointing at `line` of the buffer run as `file`. */
  failedAt(file: string, line: number, message: string): void;
  /** The run ended, or ('not-started') never reached the board. */
  ended(status: 'ok' | 'error' | 'interrupted' | 'lost' | 'not-started', message?: string): void;
  note(text: string): void;
}

export function targetKey(target: BoardTarget): string {
  return target.kind === 'simulated' ? `simulated:${target.profile}` : `serial:${target.path}`;
}

function parseTargetKey(key: string): BoardTarget | null {
  if (key.startsWith('simulated:')) return { kind: 'simulated', profile: key.slice('simulated:'.length) };
  if (key.startsWith('serial:')) return { kind: 'serial', path: key.slice('serial:'.length) };
  return null;
}

export class BoardLink {
  private runOutput = '';
  /** Ends that arrived before board:run resolved with their run id. */
  /** Stop was pressed before board:run answered. */
  private stopRequested = false;
  /** start() is under way: a Run pressed meanwhile waits for it, auto-connect included. */
  private starting = false;
  private startupDone: () => void = () => undefined;
  private readonly startup = new Promise<void>((resolve) => (this.startupDone = resolve));
  private readonly earlyEnds = new Map<string, { status: 'ok' | 'error' | 'interrupted' | 'lost'; message?: string }>();

  constructor(
    private readonly api: MoteApi,
    private readonly store: Store,
    private readonly notices: NoticeSink,
    private readonly hooks: RunEndHooks,
    private readonly timers: { set(fn: () => void, ms: number): unknown } = { set: (fn, ms) => setTimeout(fn, ms) },
  ) {
    api.on('board:state', (board) => {
      this.store.update({ board, linkAvailable: true });
      // a link that ended takes its run with it, even when no run-ended can arrive any more
      const runId = this.store.state.runId;
      if ((board.connection === 'lost' || board.connection === 'disconnected') && runId !== null && runId !== 'starting') this.ended('lost', board.problem);
    });
    api.on('board:run-output', ({ runId, stream, text }) => {
      const current = this.store.state.runId;
      if ((runId === current || current === 'starting') && stream === 'stderr') this.runOutput = (this.runOutput + text).slice(-20000);
    });
    api.on('board:run-ended', ({ runId, status, message }) => {
      if (this.store.state.runId === 'starting') this.earlyEnds.set(runId, { status, message });
      else if (runId === this.store.state.runId) this.ended(status, message);
    });
  }

  private async call<K extends ChannelName>(channel: K, request: InvokeMap[K]['request']): Promise<InvokeMap[K]['response']> {
    const result = await this.api.invoke(channel, request);
    if (result.ok) return result.value;
    throw new CallError(result.code, result.message);
  }

  private ended(status: 'ok' | 'error' | 'interrupted' | 'lost', message?: string): void {
    this.store.update({ runId: null });
    if (status === 'error') {
      const at = failingLocation(this.runOutput);
      if (at) this.hooks.failedAt(at.file, at.line, message ?? 'The program stopped with an error.');
    }
    this.hooks.ended(status, message);
  }

  /** Learns whether the link exists and what it is connected to, and connects a board if none is. */
  async start(lastBoard: string): Promise<void> {
    this.starting = true;
    try {
      const state = await this.api.invoke('board:get-state', {});
      if (!state.ok) {
        this.store.update({ linkAvailable: state.code === 'unknown-channel' ? false : true, board: { connection: 'disconnected', problem: state.code === 'unknown-channel' ? undefined : state.message } });
        return;
      }
      this.store.update({ linkAvailable: true, board: state.value });
      if (state.value.connection === 'disconnected') await this.autoConnect(lastBoard);
    } finally {
      this.starting = false;
      this.startupDone();
    }
  }

  /** Connects the last board, else a known plugged-in board, else the first simulated board. */
  private async autoConnect(lastBoard: string): Promise<void> {
    let target = lastBoard !== 'auto' ? parseTargetKey(lastBoard) : null;
    if (target?.kind === 'serial') {
      const wanted = target.path;
      const ports = await this.api.invoke('serial:list-ports', {});
      if (!ports.ok || !ports.value.some((p) => p.path === wanted)) target = null;
    }
    if (!target) {
      const ports = await this.api.invoke('serial:list-ports', {});
      const known = ports.ok ? ports.value.find((p) => p.isKnownBoard) : undefined;
      if (known) target = { kind: 'serial', path: known.path };
    }
    if (!target) {
      const sims = await this.api.invoke('board:list-simulated', {});
      const first = sims.ok ? sims.value[0] : undefined;
      if (first) target = { kind: 'simulated', profile: first.id };
    }
    if (target) await this.connect(target, false);
  }

  /** The port path, or the simulated board's name ("Raspberry Pi Pico2 (simulated)"). */
  private async targetName(target: BoardTarget): Promise<string> {
    if (target.kind === 'serial') return target.path;
    const sims = await this.api.invoke('board:list-simulated', {});
    return (sims.ok ? sims.value.find((p) => p.id === target.profile)?.name : undefined) ?? `the simulated ${target.profile}`;
  }

  /** Connects to `target`; remembers it when the user chose it. */
  async connect(target: BoardTarget, remember = true): Promise<boolean> {
    // once a board has talked in the REPL, the next one's banner gets a line of its own
    if (this.store.state.board.info) this.hooks.note(`Connecting to ${await this.targetName(target)}…`);
    this.store.update({ board: { ...this.store.state.board, connection: 'connecting', problem: undefined } });
    try {
      let heard = false;
      const off = this.api.on('board:terminal-data', () => (heard = true));
      const info = await this.call('board:connect', { target });
      // A board that connected without showing anything gets asked for its banner (Ctrl-B in
      // the friendly REPL), so a beginner sees which board this is and a >>> prompt.
      this.timers.set(() => {
        off();
        if (!heard && isConnected(this.store.state.board) && this.store.state.runId === null) void this.api.invoke('board:terminal-write', { data: '\x02' });
      }, 400);
      const state = await this.api.invoke('board:get-state', {});
      this.store.update({ board: state.ok ? state.value : { connection: 'connected', info } });
      if (remember) await this.api.invoke('settings:update', { changes: { lastBoard: targetKey(target) } });
      return true;
    } catch (error) {
      const message = (error as Error).message;
      this.store.update({ board: { connection: 'disconnected', problem: message } });
      this.notices.show(`Could not connect: ${message}`, 'error');
      return false;
    }
  }

  async disconnect(): Promise<void> {
    await this.call('board:disconnect', {}).catch((error: unknown) => this.notices.show((error as Error).message, 'error'));
    const state = await this.api.invoke('board:get-state', {});
    if (state.ok) this.store.update({ board: state.value });
  }

  /** Explains why a board action cannot happen, or returns true when it can. */
  private ready(): boolean {
    const { linkAvailable, board } = this.store.state;
    if (linkAvailable === false) {
      this.notices.show('No board link yet: this version of Mote cannot run programs.', 'warning');
      return false;
    }
    if (!isConnected(board)) {
      this.notices.show('No board is connected. Press Connect to choose one (a simulated board needs no hardware).', 'warning');
      return false;
    }
    return true;
  }

  /** This host has no board link (known once start() looked). */
  private linkMissing(): boolean {
    return this.store.state.linkAvailable === false;
  }

  /** Resolves once the board is no longer connecting: true when it ended up connected. */
  private settled(): Promise<boolean> {
    if (this.store.state.board.connection !== 'connecting') return Promise.resolve(isConnected(this.store.state.board));
    return new Promise((resolve) => {
      const off = this.store.subscribe((state) => {
        if (state.board.connection === 'connecting') return;
        off();
        resolve(isConnected(state.board));
      });
    });
  }

  /** Says that no board is there and offers the simulated one, which then runs the program. */
  private offerSimulated(source: string, filename: string): void {
    const lost = this.store.state.board.connection === 'lost';
    const message = lost
      ? 'The board went away, so the program did not run. Plug it back in (Mote reconnects by itself), or run it on the simulated board.'
      : 'No board is connected, so the program did not run. Run it on the simulated board (no hardware needed), or press Connect to choose a board.';
    this.notices.show(message, 'warning', [
      {
        label: 'Use the simulated board',
        run: () =>
          void (async () => {
            const sims = await this.api.invoke('board:list-simulated', {});
            const first = sims.ok ? sims.value[0] : undefined;
            if (first && (await this.connect({ kind: 'simulated', profile: first.id }))) await this.run(source, filename);
          })(),
      },
    ]);
  }

  /**
   * Runs `source` on the board without saving it. While the board is still connecting it waits
   * for the connection (Stop cancels the wait); with no board it says so. Resolves with whether
   * the program started.
   */
  async run(source: string, filename: string): Promise<boolean> {
    if (this.store.state.linkAvailable === false) return this.ready();
    if (this.store.state.runId !== null) return false;
    this.runOutput = '';
    this.stopRequested = false;
    this.store.update({ runId: 'starting', runName: filename });
    // pressed before Mote has even looked for a board: wait for that, then for the connection
    if (this.starting || this.store.state.linkAvailable === null) await this.startup;
    if (this.linkMissing()) {
      this.store.update({ runId: null });
      this.hooks.ended('not-started');
      return this.ready();
    }
    if (!(await this.settled()) || this.stopRequested) {
      this.store.update({ runId: null });
      if (this.stopRequested) this.hooks.ended('interrupted');
      else {
        this.hooks.ended('not-started');
        this.offerSimulated(source, filename);
      }
      return false;
    }
    this.hooks.started?.(filename);
    try {
      const { runId } = await this.call('board:run', { source, filename });
      // The run may already have ended (a very short program) before this resolves.
      const early = this.earlyEnds.get(runId);
      this.earlyEnds.clear();
      if (this.store.state.runId === 'starting') this.store.update({ runId });
      if (early) this.ended(early.status, early.message);
      else if (this.stopRequested) await this.stop();
      return true;
    } catch (error) {
      this.store.update({ runId: null });
      this.hooks.ended('not-started');
      const code = error instanceof CallError ? error.code : '';
      this.notices.show(code === 'board-busy' ? 'The board is busy; try again in a moment.' : `Could not run: ${(error as Error).message}`, 'error');
      return false;
    }
  }

  async stop(): Promise<void> {
    if (this.store.state.linkAvailable === false) return;
    // The board only knows about the run once board:run resolved: stop it then.
    this.stopRequested = this.store.state.runId === 'starting';
    if (this.stopRequested) return;
    // One board:stop per press: main repeats the Ctrl-C itself while the run goes on, and counts
    // presses (a program that ignores Stop gets a restart offered at the second, done at the third).
    await this.call('board:stop', {}).catch((error: unknown) => this.notices.show(`Could not stop: ${(error as Error).message}`, 'error'));
  }

  async reset(): Promise<void> {
    if (!this.ready()) return;
    this.hooks.note('Soft reset');
    await this.call('board:reset', { mode: 'soft' }).catch((error: unknown) => this.notices.show(`Could not reset: ${(error as Error).message}`, 'error'));
  }
}
