// The Examples menu: a toolbar button opening a menu of example programs by title. Choosing one
// opens it in a new editor tab, wires its parts to the simulated board and copies the drivers
// it needs into the board's lib/ folder (as a student would copy ssd1306.py onto a Pico).

import type { ExampleContent, ExampleSummary } from '../../shared/contracts/workspace';
import { call } from '../api';
import { h } from '../app/dom';
import { guard } from '../app/errors';
import type { Documents } from '../app/documents';
import { isConnected, type Store } from '../app/store';
import type { Notices } from './notices';
import { wiring } from '../simulator/wiring';

export class ExamplesMenu {
  private menu: HTMLElement | null = null;
  private opener: HTMLElement | null = null;

  constructor(
    private readonly documents: Documents,
    private readonly store: Store,
    private readonly notices: Notices,
  ) {}

  /** Opens (or closes) the menu under `anchor`, focusing its first item. */
  async toggle(anchor: HTMLElement | null): Promise<void> {
    if (this.menu) return this.close();
    const list = await call('workspace:list-examples', {});
    this.opener = anchor;
    const items = list.map((e) => this.item(e));
    const groups: HTMLElement[] = [];
    for (const flavour of ['micropython', 'circuitpython'] as const) {
      const mine = items.filter((_, i) => list[i].flavour === flavour);
      if (mine.length) groups.push(h('div', { role: 'group', 'aria-label': flavour === 'micropython' ? 'MicroPython' : 'CircuitPython' }, ...mine));
    }
    const menu = h('div', { class: 'examples-menu', role: 'menu', 'aria-label': 'Examples' }, ...groups);
    menu.addEventListener('keydown', (e) => this.key(e, items));
    menu.addEventListener('focusout', (e) => {
      if (this.menu === menu && !menu.contains(e.relatedTarget as Node | null) && e.relatedTarget !== anchor) this.close(false);
    });
    const r = anchor?.getBoundingClientRect();
    if (r) {
      menu.style.left = `${r.left}px`;
      menu.style.top = `${r.bottom + 2}px`;
    }
    document.body.append(menu);
    this.menu = menu;
    anchor?.setAttribute('aria-expanded', 'true');
    items[0]?.focus();
  }

  private close(refocus = true): void {
    // removing the menu moves focus out of it, which calls close() again: forget it first
    const menu = this.menu;
    this.menu = null;
    menu?.remove();
    this.opener?.setAttribute('aria-expanded', 'false');
    if (refocus) this.opener?.focus();
  }

  private item(e: ExampleSummary): HTMLButtonElement {
    const b = h('button', { type: 'button', role: 'menuitem', class: 'examples-item', tabindex: '-1' }, e.title);
    b.addEventListener('click', guard('examples', () => this.choose(e)));
    return b;
  }

  private key(e: KeyboardEvent, items: HTMLElement[]): void {
    const at = items.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(items.length - 1);
    else if (e.key === 'Escape') this.close();
    else return;
    e.preventDefault();
  }

  private async choose(summary: ExampleSummary): Promise<void> {
    this.close(false);
    const ex = await call('workspace:read-example', { id: summary.id });
    // drivers and wiring first, so a Run pressed as soon as the tab shows finds them
    await this.copyDrivers(ex);
    await wiring.set(ex.wiring.parts, { save: false, savePath: null });
    this.documents.open({ title: `${ex.title} (${ex.main})`, location: { kind: 'untitled' }, savedText: '', text: ex.text });
    this.documents.editor.focus();
  }

  /** The example's lib/ files onto the connected board, with a word when the board is the wrong kind. */
  private async copyDrivers(ex: ExampleContent): Promise<void> {
    const state = this.store.state.board;
    const flavour = state.info?.flavour;
    if (flavour && flavour !== 'unknown' && flavour !== ex.flavour) {
      this.notices.show(`${ex.title} is written for ${ex.flavour === 'circuitpython' ? 'CircuitPython' : 'MicroPython'}; the connected board runs ${flavour === 'circuitpython' ? 'CircuitPython' : 'MicroPython'}. Choose a matching board to run it.`, 'warning');
    }
    if (!ex.lib.length) return;
    if (!isConnected(state)) {
      this.notices.show(`${ex.title} needs ${ex.lib.map((f) => f.path).join(', ')} on the board: connect a board and open the example again to copy it.`, 'info');
      return;
    }
    await call('board-fs:mkdir', { path: '/lib' }).catch(() => undefined);
    for (const f of ex.lib) await call('board-fs:write-text', { path: `/${f.path}`, text: f.text });
    this.notices.show(`Copied ${ex.lib.map((f) => f.path).join(', ')} to the board for ${ex.title}.`, 'info');
  }
}
