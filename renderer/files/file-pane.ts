// One side of Files: a folder listing with keyboard navigation (arrows, Enter opens, F2
// renames, Delete deletes), its actions, and drag-and-drop to and from the other side.
import { ApiError } from '../api';
import { formatBytes, h } from '../app/dom';
import { guard } from '../app/errors';
import { ask, promptText } from '../ui/dialog';
import { icon } from '../ui/icons';
import type { FileEntry, FileSource } from './file-source';
import { formatFree } from './format-free';

export const DRAG_TYPE = 'application/x-mote-file';

export interface PaneHooks {
  open(source: FileSource, entry: FileEntry): Promise<void>;
  /** An entry of the other pane was dropped here (or sent with the transfer button). */
  receive(fromSide: 'computer' | 'board', entry: FileEntry, toDir: string): Promise<void>;
  /** Files from the operating system were dropped here. */
  receiveFiles(files: File[], toDir: string, side: 'computer' | 'board'): Promise<void>;
  error(message: string): void;
}

let paneCounter = 0;

export class FilePane {
  readonly element: HTMLElement;
  dir: string;
  selected: FileEntry | null = null;
  private entries: FileEntry[] = [];
  private readonly list: HTMLElement;
  private readonly pathLabel = h('span', { class: 'pane-path' });
  private readonly message = h('p', { class: 'pane-message', hidden: true });
  /** The free space of the board's filesystem, in the pane's header. */
  private readonly freeLabel = h('span', { class: 'pane-free hint' });
  private readonly upButton: HTMLButtonElement;
  private readonly buttons: HTMLButtonElement[];
  private enabled = true;
  private readonly idPrefix = `pane${++paneCounter}`;

  constructor(
    readonly source: FileSource,
    private readonly hooks: PaneHooks,
    private readonly extra: HTMLButtonElement[] = [],
  ) {
    this.dir = source.root;
    const label = `${source.title} files`;
    this.list = h('ul', { class: 'file-list', role: 'listbox', 'aria-label': label, tabindex: '0' });
    this.upButton = h('button', { type: 'button', class: 'btn small', 'aria-label': `Up one folder (${source.title})`, onclick: guard('files', () => this.navigate(source.parent(this.dir))) }, '↑ Up');
    const act = (text: string, aria: string, fn: () => Promise<void>) => h('button', { type: 'button', class: 'btn small', 'aria-label': aria, onclick: guard('files', fn) }, text);
    const refresh = h('button', { type: 'button', class: 'btn small icon-only', 'aria-label': `Refresh (${source.title})`, title: 'Refresh', onclick: guard('files', () => this.refresh()) }, icon('reset'));
    this.buttons = [
      act('Add folder', `Add folder (${source.title})`, () => this.newFolder()),
      act('Rename', `Rename (${source.title})`, () => this.renameSelected()),
      act('Delete', `Delete (${source.title})`, () => this.deleteSelected()),
      refresh,
    ];
    this.element = h(
      'div',
      { class: `file-pane ${source.side}`, role: 'group', 'aria-label': `${source.title} pane`, 'data-side': source.side },
      h('div', { class: 'pane-head' }, h('h3', {}, source.title), this.pathLabel, h('span', { class: 'spacer' }), this.freeLabel, this.upButton, refresh),
      h('div', { class: 'panel-actions' }, ...extra, ...this.buttons.slice(0, 3)),
      this.message,
      this.list,
    );
    this.list.addEventListener('keydown', guard('files', (e: KeyboardEvent) => this.key(e)));
    this.list.addEventListener('focus', () => {
      if (!this.selected && this.entries[0]) this.select(this.entries[0], true);
    });
    this.list.addEventListener('dragover', (e) => {
      if (!this.enabled) return;
      if (e.dataTransfer?.types.includes(DRAG_TYPE) || e.dataTransfer?.types.includes('Files')) {
        e.preventDefault();
        this.list.classList.add('drop-target');
      }
    });
    this.list.addEventListener('dragleave', () => this.list.classList.remove('drop-target'));
    this.list.addEventListener('drop', guard('files drop', (e: DragEvent) => this.drop(e)));
  }

  /** Enables or disables the pane (the board pane without a board), with a message. */
  setAvailable(available: boolean, message = ''): void {
    this.enabled = available;
    this.message.hidden = available || !message;
    this.message.textContent = message;
    for (const b of [...this.buttons, ...this.extra, this.upButton]) b.disabled = !available;
    this.list.hidden = !available;
    if (!available) {
      this.entries = [];
      this.selected = null;
      this.list.replaceChildren();
    }
  }

  get available(): boolean {
    return this.enabled;
  }

  async navigate(dir: string): Promise<void> {
    this.dir = dir;
    this.selected = null;
    await this.refresh();
  }

  async refresh(): Promise<void> {
    if (!this.enabled) return;
    this.pathLabel.textContent = this.source.side === 'board' ? this.dir : this.dir === '.' ? 'Mote folder' : this.dir;
    this.upButton.disabled = this.dir === this.source.root;
    if (this.source.free) {
      const dir = this.dir;
      void this.source.free(dir).then(
        (free) => (this.freeLabel.textContent = free === null || dir !== this.dir ? '' : formatFree(free)),
        () => (this.freeLabel.textContent = ''),
      );
    }
    try {
      this.entries = await this.source.list(this.dir);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not-found' && this.dir !== this.source.root) return this.navigate(this.source.root);
      this.hooks.error(`Could not list ${this.source.title.toLowerCase()} files: ${(error as Error).message}`);
      this.entries = [];
    }
    const keep = this.selected?.path;
    this.selected = this.entries.find((e) => e.path === keep) ?? null;
    this.render();
  }

  private render(): void {
    const hadFocus = this.list.contains(document.activeElement);
    this.list.replaceChildren(
      ...this.entries.map((entry, i) => {
        const selected = entry.path === this.selected?.path;
        const item = h(
          'li',
          {
            id: `${this.idPrefix}-${i}`,
            role: 'option',
            class: `file-item ${entry.kind}`,
            'aria-selected': String(selected),
            draggable: 'true',
            title: entry.path,
          },
          icon(entry.kind === 'dir' ? 'folder' : 'file'),
          h('span', { class: 'file-name' }, entry.name + (entry.kind === 'dir' ? '/' : '')),
          h('span', { class: 'file-size' }, entry.kind === 'file' ? formatBytes(entry.size) : ''),
        );
        item.addEventListener('click', () => this.select(entry));
        item.addEventListener('dblclick', guard('files', () => this.activate(entry)));
        item.addEventListener('dragstart', (e) => {
          e.dataTransfer?.setData(DRAG_TYPE, JSON.stringify({ side: this.source.side, entry }));
          if (e.dataTransfer) e.dataTransfer.effectAllowed = 'copy';
        });
        return item;
      }),
    );
    if (!this.entries.length) this.list.append(h('li', { role: 'option', class: 'file-item empty', 'aria-selected': 'false', 'aria-disabled': 'true' }, 'This folder is empty'));
    this.updateActive();
    if (hadFocus) this.list.focus();
  }

  private updateActive(): void {
    const i = this.entries.findIndex((e) => e.path === this.selected?.path);
    if (i >= 0) this.list.setAttribute('aria-activedescendant', `${this.idPrefix}-${i}`);
    else this.list.removeAttribute('aria-activedescendant');
  }

  select(entry: FileEntry, scroll = false): void {
    this.selected = entry;
    this.list.querySelectorAll('[role=option]').forEach((el, i) => {
      el.setAttribute('aria-selected', String(this.entries[i]?.path === entry.path));
      if (scroll && this.entries[i]?.path === entry.path) el.scrollIntoView({ block: 'nearest' });
    });
    this.updateActive();
  }

  /** Opens a file in the editor, or enters a folder. */
  async activate(entry: FileEntry): Promise<void> {
    if (entry.kind === 'dir') await this.navigate(entry.path);
    else await this.hooks.open(this.source, entry);
  }

  private key(e: KeyboardEvent): void {
    const i = this.entries.findIndex((x) => x.path === this.selected?.path);
    const move = (to: number) => {
      const next = this.entries[Math.max(0, Math.min(this.entries.length - 1, to))];
      if (next) this.select(next, true);
      e.preventDefault();
    };
    if (e.key === 'ArrowDown') move(i + 1);
    else if (e.key === 'ArrowUp') move(i - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(this.entries.length - 1);
    else if (e.key === 'Enter' && this.selected) {
      e.preventDefault();
      void this.activate(this.selected);
    } else if (e.key === 'Backspace' && this.dir !== this.source.root) {
      e.preventDefault();
      void this.navigate(this.source.parent(this.dir));
    } else if (e.key === 'Delete') {
      e.preventDefault();
      void this.deleteSelected();
    } else if (e.key === 'F2') {
      e.preventDefault();
      void this.renameSelected();
    }
  }

  private async newFolder(): Promise<void> {
    const name = await promptText('Add folder', `Name of the new folder in ${this.source.title.toLowerCase()} (${this.dir})`, '', 'Create');
    if (!name) return;
    if (/[\\/]/.test(name) || name === '..' || name === '.') return this.hooks.error('A folder name cannot contain / or be "." or "..".');
    await this.run(() => this.source.mkdir(this.source.join(this.dir, name)));
  }

  private async renameSelected(): Promise<void> {
    const entry = this.selected;
    if (!entry) return this.hooks.error('Select a file or folder to rename first.');
    const name = await promptText(`Rename ${entry.name}`, 'New name', entry.name, 'Rename');
    if (!name || name === entry.name) return;
    if (/[\\/]/.test(name) || name === '..' || name === '.') return this.hooks.error('A name cannot contain / or be "." or "..".');
    await this.run(() => this.source.rename(entry.path, this.source.join(this.source.parent(entry.path), name)));
  }

  private async deleteSelected(): Promise<void> {
    const entry = this.selected;
    if (!entry) return this.hooks.error('Select a file or folder to delete first.');
    const where = this.source.side === 'board' ? 'from the board' : 'from this computer';
    const what = entry.kind === 'dir' ? `the folder ${entry.name} and everything in it` : entry.name;
    const choice = await ask(`Delete ${entry.name}?`, `This deletes ${what} ${where}. It cannot be undone.`, [
      { value: 'cancel', label: 'Cancel', primary: true },
      { value: 'delete', label: 'Delete', danger: true },
    ]);
    if (choice !== 'delete') return;
    await this.run(() => this.source.remove(entry));
    this.selected = null;
  }

  private async run(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.hooks.error((error as Error).message);
    }
    await this.refresh();
  }

  private async drop(e: DragEvent): Promise<void> {
    this.list.classList.remove('drop-target');
    if (!this.enabled || !e.dataTransfer) return;
    e.preventDefault();
    const raw = e.dataTransfer.getData(DRAG_TYPE);
    if (raw) {
      const { side, entry } = JSON.parse(raw) as { side: 'computer' | 'board'; entry: FileEntry };
      if (side !== this.source.side) await this.hooks.receive(side, entry, this.dir);
      return;
    }
    const files = [...e.dataTransfer.files];
    if (files.length) await this.hooks.receiveFiles(files, this.dir, this.source.side);
  }
}
