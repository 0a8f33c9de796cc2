// Short messages for the user at the bottom right: information fades, errors stay until
// dismissed. Announced to screen readers through a live region.
import { h } from '../app/dom';

export type NoticeLevel = 'info' | 'warning' | 'error';

export class Notices {
  readonly element = h('div', { class: 'notices', role: 'status', 'aria-live': 'polite' });

  /** Shows a message; the returned function takes it away early (when what it offers no longer applies). */
  show(message: string, level: NoticeLevel = 'info', actions: Array<{ label: string; run: () => void }> = []): () => void {
    const close = h('button', { type: 'button', class: 'notice-close', 'aria-label': 'Dismiss message' }, '×');
    const note = h(
      'div',
      { class: `notice ${level}`, role: level === 'error' ? 'alert' : null },
      h('span', { class: 'notice-text' }, message),
      ...actions.map((a) =>
        h('button', { type: 'button', class: 'btn small', onclick: () => (note.remove(), a.run()) }, a.label),
      ),
      close,
    );
    close.addEventListener('click', () => note.remove());
    this.element.append(note);
    while (this.element.children.length > 4) this.element.firstElementChild?.remove();
    if (level !== 'error' && actions.length === 0) setTimeout(() => note.remove(), level === 'info' ? 4000 : 8000);
    return () => note.remove();
  }
}
