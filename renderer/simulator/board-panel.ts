// The Board panel: what the connected board is, and (once the simulator contract exists) the
// simulated board's LEDs, pins and inputs. Until then it explains what will appear here.
import { h } from '../app/dom';
import type { AppState } from '../app/store';
import { describeBoard } from '../ui/status-bar';

export class BoardPanel {
  readonly element: HTMLElement;
  private readonly summary = h('dl', { class: 'board-summary' });
  private readonly hint = h('p', { class: 'hint' });

  constructor(openPicker: () => void) {
    const choose = h('button', { type: 'button', class: 'btn small', onclick: openPicker }, 'Choose board…');
    this.element = h('div', { class: 'board-panel' }, this.summary, this.hint, choose);
  }

  render(state: AppState): void {
    const d = describeBoard(state);
    const row = (k: string, v: string) => [h('dt', {}, k), h('dd', {}, v || '—')];
    this.summary.replaceChildren(...row('Board', d.board), ...row('Firmware', d.firmware), ...row('State', d.connection));
    const simulated = state.board.info?.target.kind === 'simulated';
    this.hint.textContent = state.linkAvailable === false
      ? 'No board link yet. When it is available, pick a simulated board to try Mote without hardware.'
      : simulated
        ? 'This board is simulated: your programs run inside Mote. Its LEDs and pins will be drawn here.'
        : 'Plug in a board with a USB data cable, or choose a simulated board.';
  }
}
