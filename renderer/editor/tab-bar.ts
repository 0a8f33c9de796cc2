// The strip of open files above the editor. Each tab says where its file lives (computer or
// board) and whether it has unsaved changes; each has its own close button.
import { h } from '../app/dom';
import { icon } from '../ui/icons';
import { describeLocation, type Tab, type TabModel } from './tab-model';

export interface TabBarActions {
  activate(id: string): void;
  close(id: string): void;
}

function locationBadge(tab: Tab): string {
  return tab.location.kind === 'board' ? 'board' : tab.location.kind === 'local' ? 'computer' : '';
}

export class TabBar {
  readonly element = h('ul', { class: 'tab-bar', 'aria-label': 'Open files' });

  constructor(
    private readonly model: TabModel,
    private readonly actions: TabBarActions,
  ) {
    model.onChange(() => this.render());
    this.render();
  }

  render(): void {
    const focusedId = (document.activeElement as HTMLElement | null)?.dataset?.tabId;
    this.element.replaceChildren(
      ...this.model.tabs.map((tab) => {
        const active = tab.id === this.model.activeId;
        const where = describeLocation(tab.location);
        const badge = locationBadge(tab);
        const title = this.model.label(tab);
        // (the accessible name says where it lives already: the plain file name leads it)
        const label = `${tab.title}, ${where}${tab.dirty ? ', unsaved changes' : ''}`;
        const select = h(
          'button',
          { type: 'button', class: 'tab-select', 'data-tab-id': tab.id, 'aria-current': active ? 'true' : null, 'aria-label': label, title: where, onclick: () => this.actions.activate(tab.id) },
          badge ? h('span', { class: `tab-where ${badge}`, 'aria-hidden': 'true' }, icon(badge === 'board' ? 'board' : 'file')) : null,
          h('span', { class: 'tab-title' }, title),
          tab.dirty ? h('span', { class: 'tab-dirty', 'aria-hidden': 'true' }, '●') : null,
        );
        const close = h('button', { type: 'button', class: 'tab-close', 'aria-label': `Close ${tab.title}`, title: 'Close (Ctrl+W)', onclick: () => this.actions.close(tab.id) }, '×');
        return h('li', { class: `tab${active ? ' active' : ''}${tab.dirty ? ' dirty' : ''}` }, select, close);
      }),
    );
    if (focusedId) this.element.querySelector<HTMLElement>(`[data-tab-id="${CSS.escape(focusedId)}"]`)?.focus();
  }
}
