// The app's shared state: board link, run state and settings. Small on purpose; panels keep
// their own state and subscribe here only for what several of them show.
import type { BoardState } from '../../shared/contracts/board';
import type { Settings } from '../../shared/contracts/settings';

export interface AppState {
  board: BoardState;
  /** false when this host has no board link (board:* channels unknown); null until known. */
  linkAvailable: boolean | null;
  /** The run started from the editor, while it runs. */
  runId: string | null;
  /** The buffer name of the current run, for traceback links. */
  runName: string | undefined;
  settings: Settings | null;
}

type Listener = (state: AppState, previous: AppState) => void;

export class Store {
  private value: AppState = { board: { connection: 'disconnected' }, linkAvailable: null, runId: null, runName: undefined, settings: null };
  private readonly listeners = new Set<Listener>();

  get state(): AppState {
    return this.value;
  }

  update(changes: Partial<AppState>): void {
    const previous = this.value;
    this.value = { ...previous, ...changes };
    for (const listener of this.listeners) listener(this.value, previous);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** A stable key for the connected board, used in buffer locations and the save history. */
export function boardKey(state: BoardState): string | null {
  const target = state.info?.target;
  if (!target) return null;
  return target.kind === 'simulated' ? `simulated:${target.profile}` : `serial:${target.path}`;
}

/** Whether the board can take commands (connected, or busy running a program). */
export function isConnected(state: BoardState): boolean {
  return state.connection === 'connected' || state.connection === 'running';
}
