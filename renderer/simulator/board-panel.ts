// The Board panel: what the connected board is and, for a simulated board, its hardware drawn
// live (simulator:* channels): LEDs, NeoPixels, pins, and inputs (buttons, voltages, room
// temperature, humidity, pressure). Also "Unplug and plug back in", which restarts the simulated board.
import type { SimulatorStatus } from '../../shared/contracts/simulator';
import { api } from '../api';
import { h } from '../app/dom';
import { guard } from '../app/errors';
import type { AppState } from '../app/store';
import { ask } from '../ui/dialog';
import { describeBoard } from '../ui/status-bar';
import { BoardModel } from './board-model';
import { SimBoardView } from './sim-board-view';
import { PartsSection } from './parts-section';
import { wiring } from './wiring';

export class BoardPanel {
  readonly element: HTMLElement;
  private readonly summary = h('dl', { class: 'board-summary' });
  private readonly hint = h('p', { class: 'hint' });
  private readonly model = new BoardModel();
  private readonly view: SimBoardView;
  private readonly parts: PartsSection;
  private readonly simArea = h('div', { class: 'sim-area', hidden: true });
  private readonly replug: HTMLButtonElement;
  /** Real boards only: restart into the bootloader, where Install firmware takes over. */
  private readonly updateFirmware: HTMLButtonElement;
  /** Whether this host has the simulator channels (null until asked). */
  private simAvailable: boolean | null = null;
  private simulated = false;
  /** A program was running at the last render (its inputs go when it ends). */
  private programRunning = false;

  constructor(
    openPicker: () => void,
    private readonly notify: (message: string, level: 'info' | 'warning' | 'error') => void,
  ) {
    const choose = h('button', { type: 'button', class: 'btn small', onclick: openPicker }, 'Choose board…');
    this.replug = h('button', { type: 'button', class: 'btn small', hidden: true, title: 'Restarts the simulated board, as unplugging a real one would (its files are kept)' }, 'Unplug and plug back in');
    this.replug.addEventListener('click', guard('board panel', () => api.invoke('simulator:hard-reset', { reason: 'unplugged from the Board panel' })));
    this.updateFirmware = h('button', { type: 'button', class: 'btn small', hidden: true, title: 'Restarts the board into its bootloader, so new firmware can be installed' }, 'Update firmware…');
    this.updateFirmware.addEventListener('click', guard('board panel', () => this.toBootloader()));
    this.view = new SimBoardView(this.model, (input) => {
      void api.invoke('simulator:send-input', { input }).then((r) => {
        if (!r.ok && r.code !== 'unknown-channel') this.notify(`The simulated board did not take that input: ${r.message}`, 'warning');
      });
    });
    this.parts = new PartsSection(this.model, (input) => void api.invoke('simulator:send-input', { input }), notify);
    this.simArea.append(this.view.element, this.parts.element);
    // the simulated hardware straight after the actions, so its inputs are in view in a short panel
    this.element = h('div', { class: 'board-panel' }, this.summary, h('div', { class: 'panel-actions' }, choose, this.replug, this.updateFirmware), this.simArea, this.hint);
    api.on('simulator:hardware-changed', ({ changes }) => {
      this.model.apply(changes);
      if (this.simulated) {
        this.view.update();
        this.parts.update();
      }
    });
    // (a restart is announced once, by main's notice; the panel only redraws)
    api.on('simulator:status-changed', guard('board panel', (_status: SimulatorStatus) => this.refresh()));
  }

  private async toBootloader(): Promise<void> {
    const choice = await ask(
      'Update firmware',
      'The board restarts into its bootloader and shows up as a drive (RPI-RP2 on a Pico); Mote then offers to install firmware from a .uf2 file. The files on the board stay.',
      [
        { value: 'cancel', label: 'Cancel' },
        { value: 'restart', label: 'Restart into the bootloader', primary: true },
      ],
    );
    if (choice !== 'restart') return;
    const r = await api.invoke('board:reset', { mode: 'bootloader' });
    if (!r.ok) this.notify(`The board did not restart into its bootloader: ${r.message} Hold BOOTSEL (or double-tap reset) while plugging it in instead.`, 'error');
  }

  /** Adds a section below the simulated hardware. */
  addSection(section: HTMLElement): void {
    this.element.insertBefore(section, this.hint);
  }

  render(state: AppState): void {
    const d = describeBoard(state);
    const row = (k: string, v: string) => [h('dt', {}, k), h('dd', {}, v || '—')];
    this.summary.replaceChildren(...row('Board', d.board), ...row('Firmware', d.firmware), ...row('State', d.connection));
    const live = state.board.connection === 'connected' || state.board.connection === 'running';
    const target = state.board.info?.target;
    const simulated = target?.kind === 'simulated' && live;
    this.updateFirmware.hidden = !(target?.kind === 'serial' && state.board.connection === 'connected');
    this.hint.textContent = hintFor(state, live);
    this.view.setFlavour(state.board.info?.flavour === 'circuitpython' ? 'circuitpython' : 'micropython');
    const programRunning = state.runId !== null || state.board.connection === 'running';
    if (this.programRunning && !programRunning) {
      this.model.programEnded();
      this.view.update();
    }
    this.programRunning = programRunning;
    if (simulated !== this.simulated) {
      this.simulated = simulated;
      void this.refresh();
    }
  }

  /** Reads the simulator's pins and hardware state (after connect, restart or status change). */
  private async refresh(): Promise<void> {
    if (!this.simulated || this.simAvailable === false) {
      this.simArea.hidden = true;
      this.replug.hidden = true;
      return;
    }
    const state = await api.invoke('simulator:get-state', {});
    if (!state.ok) {
      if (state.code === 'unknown-channel') this.simAvailable = false;
      this.simArea.hidden = true;
      return;
    }
    this.simAvailable = true;
    const running = state.value.status.state === 'running' || state.value.status.state === 'restarted';
    this.model.reset(state.value.pins);
    this.model.apply(state.value.hardware);
    this.simArea.hidden = !running;
    this.replug.hidden = !running;
    this.view.render();
    // a restarted simulator starts with nothing wired
    if (running) void wiring.send();
  }
}

/** What the panel says under the summary: what this board is, or what to do to get one. */
function hintFor(state: AppState, live: boolean): string {
  const target = state.board.info?.target;
  if (state.linkAvailable === false) return 'No board link yet. When it is available, pick a simulated board to try Mote without hardware.';
  if (target?.kind === 'simulated' && live) return 'This board is simulated: your programs run inside Mote. Its inputs and lights are above.';
  if (target?.kind === 'serial' && live) return `This board is connected at ${target.path}. Your programs run on it; its files are in the Board pane.`;
  if (target?.kind === 'serial' && state.board.connection === 'lost') return `Plug the board back in at ${target.path}: Mote reconnects by itself. Or choose another board.`;
  return 'Plug in a board with a USB data cable, or choose a simulated board.';
}
