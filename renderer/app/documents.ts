// Open buffers and what happens to them: new, open, save (to the computer or the board, with
// a history copy), save as, close with a question when dirty, and the recovery journal that
// keeps every dirty buffer on disk within a second of each change.
import { MAX_TEXT } from '../../shared/contract-kit';
import type { BufferLocation, JournalEntry } from '../../shared/contracts/workspace';
import { api, ApiError, call } from '../api';
import { CodeEditor } from '../editor/editor';
import { JournalScheduler } from '../editor/journal-scheduler';
import { baseName, describeLocation, sameLocation, TabModel, type Tab } from '../editor/tab-model';
import { ask, openDialog, promptText } from '../ui/dialog';
import type { Notices } from '../ui/notices';
import { h } from './dom';
import { reportError } from './errors';
import { boardKey, isConnected, type Store } from './store';
import { wiring } from '../simulator/wiring';
import { wiringPathFor } from '../simulator/wiring-file';

export class Documents {
  readonly tabs = new TabModel();
  readonly journal: JournalScheduler;
  /** Buffers already told they are too large for the journal. */
  private readonly tooLargeWarned = new Set<string>();
  /** Called after each successful save (Files refreshes the side it went to). */
  onSaved: (location: Exclude<BufferLocation, { kind: 'untitled' }>) => void = () => undefined;

  constructor(
    readonly editor: CodeEditor,
    private readonly store: Store,
    private readonly notices: Notices,
  ) {
    this.journal = new JournalScheduler((id) => void this.writeJournal(id));
    this.tabs.onChange(() => {
      const id = this.tabs.activeId;
      if (id) this.editor.show(id);
    });
  }

  /** The editor reports a change of buffer `id`. */
  changed(id: string, text: string): void {
    if (this.tabs.textChanged(id, text)) this.journal.changed(id);
    else {
      this.journal.cancel(id);
      void call('workspace:journal-discard', { bufferId: id }).catch(() => undefined);
    }
  }

  private async writeJournal(id: string): Promise<void> {
    const tab = this.tabs.get(id);
    if (!tab || !tab.dirty) return;
    const text = this.editor.text(id);
    if (text.length > MAX_TEXT) {
      // The journal keeps buffers up to the contract's text limit; say so once per buffer
      // rather than fail on every keystroke.
      if (!this.tooLargeWarned.has(id)) {
        this.tooLargeWarned.add(id);
        this.notices.show(`${tab.title} is too large for the recovery copy (${(text.length / 1048576).toFixed(1)} M characters; the limit is ${MAX_TEXT / 1048576} M). Save it to a file to keep it safe.`, 'warning');
      }
      return;
    }
    this.tooLargeWarned.delete(id);
    try {
      await call('workspace:journal-save', { bufferId: id, title: tab.title, location: tab.location, text });
    } catch (error) {
      if (error instanceof ApiError && error.code !== 'internal') this.notices.show(`Could not keep a recovery copy of ${tab.title}: ${error.message}`, 'warning');
      else reportError('journal', error);
    }
  }

  /** Opens a buffer (or focuses it when that file is already open). */
  open(init: { id?: string; title: string; location: BufferLocation; savedText: string; text?: string }): Tab {
    const existing = init.location.kind !== 'untitled' ? this.tabs.findByLocation(init.location) : undefined;
    if (existing) {
      this.tabs.activate(existing.id);
      this.editor.focus();
      return existing;
    }
    const id = init.id ?? undefined;
    const text = init.text ?? init.savedText;
    const tab = this.tabs.add({ ...init, id, text });
    this.editor.create(tab.id, text);
    this.editor.show(tab.id);
    if (tab.dirty) this.journal.changed(tab.id);
    return tab;
  }

  newBuffer(text = ''): Tab {
    const tab = this.open({ title: this.tabs.untitledTitle(), location: { kind: 'untitled' }, savedText: '', text });
    this.editor.focus();
    return tab;
  }

  async openLocal(path: string): Promise<void> {
    const text = await call('workspace:read-text', { path });
    this.open({ title: baseName(path), location: { kind: 'local', path }, savedText: text });
    this.editor.focus();
    // a program's parts come with it: the wiring.json beside it, when it has one
    if (path.endsWith('.py')) void wiring.restoreFor(path).catch((e: unknown) => this.notices.show(`${(e as Error).message}. The parts stay as they were.`, 'warning'));
  }

  async openBoard(path: string): Promise<void> {
    const board = boardKey(this.store.state.board);
    if (!board) throw new ApiError('not-connected', 'Connect a board first.');
    const text = await call('board-fs:read-text', { path });
    this.open({ title: baseName(path), location: { kind: 'board', board, path }, savedText: text });
    this.editor.focus();
  }

  /** Saves the active buffer where it lives (asks where for a new one). Resolves true when saved. */
  async save(id = this.tabs.activeId): Promise<boolean> {
    const tab = id ? this.tabs.get(id) : undefined;
    if (!tab) return false;
    if (tab.location.kind === 'untitled') return this.saveAs(tab.id);
    return this.saveTo(tab, tab.location);
  }

  private async saveTo(tab: Tab, location: Exclude<BufferLocation, { kind: 'untitled' }>): Promise<boolean> {
    const text = this.editor.text(tab.id);
    try {
      if (location.kind === 'local') {
        await call('workspace:write-text', { path: location.path, text });
        // a program saved for the first time takes the parts wired for it along (wiring.json beside it)
        if (tab.location.kind === 'untitled' && location.path.endsWith('.py') && wiring.parts.length) await wiring.set(wiring.parts, { save: true, savePath: wiringPathFor(location.path) });
      } else {
        const current = boardKey(this.store.state.board);
        if (!current || !isConnected(this.store.state.board)) throw new ApiError('not-connected', 'No board is connected.');
        if (current !== location.board) throw new ApiError('not-connected', `This file belongs to another board (${location.board}); connect it first.`);
        await call('board-fs:write-text', { path: location.path, text });
        await call('workspace:history-save', { board: location.board, path: location.path, text }).catch((error: unknown) => {
          this.notices.show(`Saved to the board, but the local history copy failed: ${(error as Error).message}`, 'warning');
        });
      }
    } catch (error) {
      return this.saveFailed(tab, location, error);
    }
    this.tabs.saved(tab.id, text, location);
    this.journal.cancel(tab.id);
    await call('workspace:journal-discard', { bufferId: tab.id }).catch(() => undefined);
    this.notices.show(`Saved ${baseName(location.path)} ${location.kind === 'board' ? 'to the board' : 'on this computer'}.`);
    this.onSaved(location);
    return true;
  }

  /** A failed save leaves the buffer dirty, says why, and offers to save on the computer. */
  private async saveFailed(tab: Tab, location: BufferLocation, error: unknown): Promise<boolean> {
    const message = error instanceof ApiError ? error.message : String(error);
    this.tabs.markDirty(tab.id);
    this.journal.changed(tab.id);
    const where = location.kind === 'board' ? 'to the board' : 'on this computer';
    const choice = await ask(`Could not save ${tab.title}`, `${tab.title} was not saved ${where}: ${message} Your changes are still in the editor.`, [
      { value: 'keep', label: 'Keep editing' },
      ...(location.kind === 'board' ? [{ value: 'local' as const, label: 'Save on this computer', primary: true }] : []),
    ]);
    if (choice !== 'local') return false;
    const name = await promptText('Save on this computer', 'File name in the Mote folder', tab.title, 'Save');
    if (!name || name.split(/[\\/]/).includes('..')) return false;
    if (!(await this.mayReplaceLocal(name))) return false;
    return this.saveTo(tab, { kind: 'local', path: name });
  }

  /** Asks before a save replaces a different existing file on the computer. */
  private async mayReplaceLocal(path: string): Promise<boolean> {
    const existing = await api.invoke('workspace:read-text', { path });
    // a binary file there is refused as text, but it exists all the same
    if (!existing.ok && existing.code !== 'invalid-file') return true;
    const choice = await ask(`Replace ${path}?`, `${path} already exists on this computer. Replacing it loses what it holds now.`, [
      { value: 'cancel', label: 'Cancel', primary: true },
      { value: 'replace', label: 'Replace', danger: true },
    ]);
    return choice === 'replace';
  }

  /** Asks before a save replaces an existing file on the board (the computer side asks too). */
  private async mayReplaceBoard(path: string): Promise<boolean> {
    const folder = path.slice(0, path.lastIndexOf('/')) || '/';
    const listed = await api.invoke('board-fs:list', { path: folder });
    const existing = listed.ok ? listed.value.find((e) => e.path === path) : undefined;
    if (!existing) return true;
    if (existing.kind === 'dir') {
      this.notices.show(`${path} is a folder on the board; choose another name.`, 'error');
      return false;
    }
    const starts = /^\/(main|code|boot)\.py$/.test(path) ? ' The board runs it when it starts.' : '';
    const choice = await ask(`Replace ${path} on the board?`, `${path} already exists on the board (${existing.size} bytes).${starts} Replacing it loses what it holds now.`, [
      { value: 'cancel', label: 'Cancel', primary: true },
      { value: 'replace', label: 'Replace', danger: true },
    ]);
    return choice === 'replace';
  }

  /** Asks for a name and a place (board or computer), then saves there. */
  async saveAs(id = this.tabs.activeId): Promise<boolean> {
    const tab = id ? this.tabs.get(id) : undefined;
    if (!tab) return false;
    const connected = isConnected(this.store.state.board) && boardKey(this.store.state.board) !== null;
    // the file the board runs at start: code.py on CircuitPython (it also runs main.py, but its
    // docs, examples and reload messages all say code.py), main.py on MicroPython
    const startFile = this.store.state.board.info?.flavour === 'circuitpython' ? 'code.py' : 'main.py';
    const suggested = tab.location.kind === 'untitled' ? (connected ? startFile : tab.title) : baseName(tab.location.path);
    const name = h('input', { id: 'save-name', type: 'text', value: suggested, spellcheck: 'false', autocomplete: 'off', autofocus: true });
    const radio = (value: string, label: string, checked: boolean, disabled = false) =>
      h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'save-where', value, checked, disabled }), ` ${label}`);
    const body = h(
      'div',
      {},
      h('div', { class: 'field' }, h('label', { for: 'save-name' }, 'File name'), name),
      h('fieldset', { class: 'field' }, h('legend', {}, 'Save to'), radio('board', connected ? 'The board' : 'The board (not connected)', connected, !connected), radio('local', 'This computer', !connected)),
      h('p', { class: 'hint' }, `A program saved as ${startFile} on the board runs every time the board starts.`),
    );
    const choice = await openDialog(`Save ${tab.title}`, body, [
      { value: 'cancel', label: 'Cancel' },
      { value: 'save', label: 'Save', primary: true },
    ], { onOpen: () => name.select() });
    const file = name.value.trim().replace(/^[\\/]+/, '');
    if (choice !== 'save' || !file) return false;
    if (file.split(/[\\/]/).includes('..')) {
      this.notices.show('File names may not contain "..".', 'error');
      return false;
    }
    const where = (body.querySelector('input[name=save-where]:checked') as HTMLInputElement | null)?.value ?? 'local';
    const board = boardKey(this.store.state.board);
    const location: Exclude<BufferLocation, { kind: 'untitled' }> = where === 'board' && board ? { kind: 'board', board, path: `/${file}` } : { kind: 'local', path: file };
    const same = sameLocation(tab.location, location);
    if (location.kind === 'local' && !same && !(await this.mayReplaceLocal(location.path))) return false;
    if (location.kind === 'board' && !same && !(await this.mayReplaceBoard(location.path))) return false;
    return this.saveTo(tab, location);
  }

  /** Closes a tab, asking first when it has unsaved changes. Resolves false if the user cancelled. */
  async close(id = this.tabs.activeId): Promise<boolean> {
    const tab = id ? this.tabs.get(id) : undefined;
    if (!tab) return true;
    if (tab.dirty) {
      this.tabs.activate(tab.id);
      const choice = await ask(`Save changes to ${tab.title}?`, `${tab.title} (${describeLocation(tab.location)}) has changes that are not saved.`, [
        { value: 'cancel', label: 'Cancel' },
        { value: 'discard', label: "Don't save", danger: true },
        { value: 'save', label: 'Save', primary: true },
      ]);
      if (choice === 'cancel') return false;
      if (choice === 'save' && !(await this.save(tab.id))) return false;
    }
    this.journal.cancel(tab.id);
    await call('workspace:journal-discard', { bufferId: tab.id }).catch(() => undefined);
    this.tabs.remove(tab.id);
    this.editor.drop(tab.id);
    if (!this.tabs.tabs.length) this.newBuffer();
    return true;
  }

  /** Offers to restore buffers a previous run left in the journal. */
  async offerRestore(entries: JournalEntry[]): Promise<void> {
    if (!entries.length) return;
    const list = h('ul', { class: 'restore-list' }, ...entries.map((e) => h('li', {}, h('strong', {}, e.title), ` (${describeLocation(e.location)}), last changed ${new Date(e.savedAt).toLocaleString()}`)));
    const body = h('div', {}, h('p', {}, entries.length === 1 ? 'Mote found a program that was not saved when Mote last closed:' : `Mote found ${entries.length} programs that were not saved when Mote last closed:`), list);
    const choice = await openDialog('Restore unsaved work?', body, [
      { value: 'discard', label: 'Discard', danger: true },
      { value: 'restore', label: 'Restore', primary: true },
    ]);
    if (choice === 'restore') {
      for (const entry of entries.slice().reverse()) {
        const saved = entry.location.kind === 'untitled' ? '' : null;
        this.open({ id: entry.bufferId, title: entry.title, location: entry.location, savedText: saved ?? '\u0000', text: entry.text });
      }
      this.closeUntouchedStarter();
      this.notices.show(`Restored ${entries.length === 1 ? entries[0]!.title : `${entries.length} programs`}. Save to keep ${entries.length === 1 ? 'it' : 'them'}.`);
    } else if (choice === 'discard') {
      for (const entry of entries) await call('workspace:journal-discard', { bufferId: entry.bufferId }).catch(() => undefined);
    }
    // 'cancel' (Escape): leave them in the journal; they are offered again next time.
  }

  /** Removes the empty untitled buffer Mote opened at start, once real buffers are open. */
  private closeUntouchedStarter(): void {
    const starter = this.tabs.tabs.find((t) => t.location.kind === 'untitled' && !t.dirty && this.editor.text(t.id) === '');
    if (starter && this.tabs.tabs.length > 1) {
      this.tabs.remove(starter.id);
      this.editor.drop(starter.id);
      const active = this.tabs.activeId;
      if (active) this.editor.show(active);
    }
  }

  /** Replaces the active buffer's text with `text` (an older version), as one undoable change. */
  replaceActive(text: string): void {
    this.editor.replaceText(text);
  }
}
