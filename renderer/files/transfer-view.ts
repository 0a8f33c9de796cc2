// Progress of one upload or download: a bar, bytes done of total, speed, and Cancel.
// Progress arrives as board-fs:progress events carrying our opId.
import { api, call } from '../api';
import { formatBytes, h } from '../app/dom';

let opCounter = 0;

export function newOpId(): string {
  opCounter += 1;
  return `op-${Date.now().toString(36)}-${opCounter}`;
}

export class TransferView {
  readonly element: HTMLElement;
  private readonly bar = h('progress', { max: '1', value: '0' });
  private readonly detail = h('span', { class: 'transfer-detail' }, 'Starting…');

  constructor(
    readonly opId: string,
    title: string,
  ) {
    this.bar.setAttribute('aria-label', title);
    const cancel = h('button', { type: 'button', class: 'btn small', onclick: () => void call('board-fs:cancel', { opId }).catch(() => undefined) }, 'Cancel');
    cancel.setAttribute('aria-label', `Cancel ${title}`);
    this.element = h('div', { class: 'transfer', role: 'group', 'aria-label': title }, h('span', { class: 'transfer-title' }, title), this.bar, this.detail, cancel);
  }

  /** Follows progress events until `done` settles; removes itself afterwards. */
  async track<T>(done: Promise<T>): Promise<T> {
    const off = api.on('board-fs:progress', (p) => {
      if (p.opId !== this.opId) return;
      this.bar.max = Math.max(1, p.total);
      this.bar.value = p.done;
      this.detail.textContent = `${formatBytes(p.done)} of ${formatBytes(p.total)}, ${formatBytes(Math.round(p.bytesPerSecond))}/s`;
    });
    try {
      return await done;
    } finally {
      off();
      this.element.remove();
    }
  }
}
