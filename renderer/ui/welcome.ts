// The first-run welcome, shown in the editor area the first time Mote opens: three steps
// (write or open a program, Run, what the REPL and Board panels are) and how to use a real
// board. Dismissed once, it stays away until Help → Welcome asks for it again.
import { h } from '../app/dom';
import { keyLabel } from '../app/commands';

export interface WelcomeActions {
  openExample(): void;
  run(): void;
  connectBoard(): void;
  /** The welcome was closed (remember it, so it does not show again). */
  dismissed(): void;
}

export class Welcome {
  readonly element: HTMLElement;

  constructor(private readonly actions: WelcomeActions) {
    const act = (label: string, run: () => void) => h('button', { type: 'button', class: 'btn small', onclick: run }, label);
    const close = h('button', { type: 'button', class: 'btn small primary', onclick: () => this.hide() }, 'Got it');
    this.element = h(
      'section',
      { class: 'welcome', role: 'region', 'aria-labelledby': 'welcome-title', hidden: true },
      h('h2', { id: 'welcome-title', class: 'welcome-title' }, 'Welcome to Mote'),
      h(
        'ol',
        { class: 'welcome-steps' },
        h('li', {}, h('strong', {}, 'Write a program'), ' in the editor below, for example ', h('code', {}, 'print("Hello!")'), ', or start from an example. ', act('Open an example…', () => actions.openExample())),
        h('li', {}, h('strong', {}, 'Press Run'), ` (${keyLabel('F5')}). The program runs on the board, the simulated one when none is plugged in. Stop (${keyLabel('Escape')}) ends it. `, act('Run it now', () => actions.run())),
        h(
          'li',
          {},
          h('strong', {}, 'Watch the board.'),
          ' The REPL, below, shows what the program prints and takes what you type: try Python there, line by line. The Board panel shows the board’s lights and gives you buttons, dials and sensors to play with.',
        ),
      ),
      h('p', { class: 'welcome-board' }, 'Have a Raspberry Pi Pico, an ESP32 or a CircuitPython board? Plug it in with a USB data cable, then ', act('Connect a board…', () => actions.connectBoard()), '.'),
      h('div', { class: 'welcome-footer' }, h('span', { class: 'hint' }, 'Help → Welcome shows this again.'), close),
    );
  }

  get visible(): boolean {
    return !this.element.hidden;
  }

  show(): void {
    this.element.hidden = false;
  }

  hide(): void {
    if (this.element.hidden) return;
    this.element.hidden = true;
    this.actions.dismissed();
  }
}
