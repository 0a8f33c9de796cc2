// The status bar: which board (name, port or "simulated"), its firmware, and the link state,
// with a button that opens the board picker. Also the editor cursor position.
import type { BoardState } from '../../shared/contracts/board';
import { h } from '../app/dom';
import type { AppState } from '../app/store';

const STATE_TEXT: Record<BoardState['connection'], string> = {
  disconnected: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  running: 'Running',
  lost: 'Connection lost',
};

/** What the status bar says about the board, in words (also used in tests). */
export function describeBoard(state: AppState): { board: string; firmware: string; connection: string } {
  if (state.linkAvailable === false) return { board: 'No board link yet', firmware: '', connection: 'Unavailable' };
  if (state.linkAvailable === null) return { board: 'Starting…', firmware: '', connection: '' };
  const info = state.board.info;
  const where = info ? (info.target.kind === 'simulated' ? 'simulated' : info.target.path) : '';
  const flavour = info?.flavour === 'micropython' ? 'MicroPython' : info?.flavour === 'circuitpython' ? 'CircuitPython' : '';
  return {
    board: info ? (info.name.includes(where) ? info.name : `${info.name} (${where})`) : 'No board',
    firmware: [flavour, info?.version].filter(Boolean).join(' '),
    connection: STATE_TEXT[state.board.connection],
  };
}

export class StatusBar {
  readonly element: HTMLElement;
  private readonly connection = h('span', { class: 'status-connection' });
  private readonly board = h('span', { class: 'status-board' });
  private readonly firmware = h('span', { class: 'status-firmware' });
  private readonly problem = h('span', { class: 'status-problem' });
  readonly cursor = h('span', { class: 'status-cursor' });

  constructor(openPicker: () => void, showShortcuts: () => void, themePicker: HTMLElement) {
    const pick = h('button', { type: 'button', class: 'status-button', onclick: openPicker, title: 'Choose a board' }, 'Choose board…');
    const keys = h('button', { type: 'button', class: 'status-button', onclick: showShortcuts, title: 'Keyboard shortcuts (F1)' }, 'Shortcuts');
    this.element = h(
      'footer',
      { class: 'status-bar', 'aria-label': 'Status' },
      h('span', { class: 'status-live', role: 'status' }, this.connection, this.board, this.firmware, this.problem),
      pick,
      h('span', { class: 'spacer' }),
      this.cursor,
      themePicker,
      keys,
    );
  }

  render(state: AppState): void {
    const d = describeBoard(state);
    this.connection.textContent = d.connection;
    this.connection.dataset.state = state.linkAvailable === false ? 'unavailable' : state.board.connection;
    this.board.textContent = d.board;
    this.firmware.textContent = d.firmware;
    this.firmware.hidden = !d.firmware;
    this.problem.textContent = state.board.problem ?? '';
    this.problem.hidden = !state.board.problem;
  }
}
