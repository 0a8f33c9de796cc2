// The toolbar: the few things a beginner does all the time, each a labelled button with its
// shortcut in the tooltip. Buttons follow command state (Run off while running, and so on).
import { keyLabel, type Commands } from '../app/commands';
import { h } from '../app/dom';
import { icon } from './icons';

interface ButtonSpec {
  id: string;
  text: string;
  icon: string;
  primary?: boolean;
  /** Shorter visible text (the accessible name stays `text`). */
  short?: string;
  filled?: boolean;
}

const MAIN: ButtonSpec[] = [
  { id: 'file.new', text: 'New', icon: 'new' },
  { id: 'file.open', text: 'Open', icon: 'open' },
  { id: 'file.save', text: 'Save', icon: 'save' },
  { id: 'file.examples', text: 'Examples', icon: 'file' },
];
const RUN: ButtonSpec[] = [
  { id: 'run.run', text: 'Run', icon: 'run', primary: true, filled: true },
  { id: 'run.selection', text: 'Run selection', icon: 'run-selection' },
  { id: 'run.stop', text: 'Stop', icon: 'stop', filled: true },
  { id: 'run.reset', text: 'Reset', icon: 'reset' },
];
const BOARD: ButtonSpec[] = [
  { id: 'board.connect', text: 'Connect', icon: 'connect' },
  { id: 'board.libraries', text: 'Libraries', icon: 'folder' },
];
const VIEW: ButtonSpec[] = [
  { id: 'file.history', text: 'History', icon: 'history' },
  { id: 'view.zoom-out', text: 'Smaller text', short: '', icon: 'zoom-out' },
  { id: 'view.zoom-in', text: 'Larger text', short: '', icon: 'zoom-in' },
];

export class Toolbar {
  readonly element: HTMLElement;
  private readonly buttons = new Map<string, HTMLButtonElement>();

  constructor(private readonly commands: Commands) {
    const group = (label: string, specs: ButtonSpec[]) => h('div', { class: 'toolbar-group', role: 'group', 'aria-label': label }, ...specs.map((s) => this.button(s)));
    this.element = h(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Main' },
      h('span', { class: 'brand', 'aria-hidden': 'true' }, 'Mote'),
      group('File', MAIN),
      group('Run', RUN),
      group('Board', BOARD),
      h('span', { class: 'spacer' }),
      group('View', VIEW),
    );
    // Arrow keys move between toolbar buttons, as the ARIA toolbar pattern expects; Tab still works too.
    this.element.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const items = [...this.element.querySelectorAll<HTMLElement>('button:not([disabled]), select')];
      const at = items.indexOf(document.activeElement as HTMLElement);
      if (at < 0 || (document.activeElement as HTMLElement).tagName === 'SELECT') return;
      e.preventDefault();
      items[(at + (e.key === 'ArrowRight' ? 1 : -1) + items.length) % items.length]?.focus();
    });
    this.refresh();
  }

  private button(spec: ButtonSpec): HTMLButtonElement {
    const command = this.commands.get(spec.id);
    const key = command?.key ? ` (${keyLabel(command.key)})` : '';
    const b = h(
      'button',
      {
        type: 'button',
        class: `tool${spec.primary ? ' primary' : ''}`,
        title: `${command?.label ?? spec.text}${key}`,
        'aria-label': spec.short !== undefined ? spec.text : null,
        'data-command': spec.id,
        'aria-haspopup': spec.id === 'file.examples' ? 'menu' : null,
        onclick: () => this.commands.run(spec.id),
      },
      icon(spec.icon, spec.filled),
      spec.short !== undefined ? spec.short || null : h('span', { class: 'tool-text' }, spec.text),
    );
    this.buttons.set(spec.id, b);
    return b;
  }

  /** Re-reads each command's enabled state. */
  refresh(): void {
    for (const [id, b] of this.buttons) {
      const enabled = this.commands.enabled(id);
      if (b.disabled === enabled) b.disabled = !enabled;
    }
  }
}
