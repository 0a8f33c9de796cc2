// The open buffers as data: their titles, where each lives (unsaved, computer, board), which
// one is active and which have unsaved changes. The CodeMirror states live in the editor;
// this file is DOM-free so tab behaviour can be tested under node.
import type { BufferLocation } from '../../shared/contracts/workspace';

export interface Tab {
  id: string;
  title: string;
  location: BufferLocation;
  /** The text as last saved (or opened); the buffer is dirty when its text differs. */
  savedText: string;
  dirty: boolean;
}

let counter = 0;

/** A fresh buffer id (unique in this window and across restarts). */
export function newBufferId(): string {
  counter += 1;
  return `buf-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The file name part of a path ('/lib/x.py' → 'x.py'). */
export function baseName(path: string): string {
  return path.replace(/\/+$/, '').replace(/^.*[\\/]/, '') || path;
}

/** Where a buffer lives, in words for tab tooltips and screen readers. */
export function describeLocation(location: BufferLocation): string {
  switch (location.kind) {
    case 'untitled':
      return 'not saved yet';
    case 'local':
      return `on this computer: ${location.path}`;
    case 'board':
      return `on the board: ${location.path}`;
  }
}

export function sameLocation(a: BufferLocation, b: BufferLocation): boolean {
  if (a.kind === 'local' && b.kind === 'local') return a.path === b.path;
  if (a.kind === 'board' && b.kind === 'board') return a.board === b.board && a.path === b.path;
  return false;
}

export class TabModel {
  private readonly list: Tab[] = [];
  private active: string | null = null;
  private readonly listeners = new Set<() => void>();

  get tabs(): readonly Tab[] {
    return this.list;
  }

  get activeId(): string | null {
    return this.active;
  }

  get activeTab(): Tab | undefined {
    return this.list.find((t) => t.id === this.active);
  }

  get(id: string): Tab | undefined {
    return this.list.find((t) => t.id === id);
  }

  /** A title for a new unsaved buffer that no open tab uses yet. */
  untitledTitle(): string {
    const used = new Set(this.list.map((t) => t.title));
    if (!used.has('untitled.py')) return 'untitled.py';
    let n = 2;
    while (used.has(`untitled-${n}.py`)) n++;
    return `untitled-${n}.py`;
  }

  /**
   * The title a tab shows: its file name, plus where it lives when another open tab has the
   * same name (main.py on the board and main.py on this computer must not look alike).
   */
  label(tab: Tab): string {
    const twins = this.list.filter((t) => t.id !== tab.id && t.title === tab.title);
    if (!twins.length || tab.location.kind === 'untitled') return tab.title;
    const place = tab.location.kind === 'board' ? 'board' : 'computer';
    const path = tab.location.path;
    // two of the same name on the same side differ by their folder
    const sameSide = twins.some((t) => t.location.kind === tab.location.kind);
    return sameSide ? `${tab.title} (${place}: ${path})` : `${tab.title} (${place})`;
  }

  /** The open tab for a file, if any (so opening it twice focuses the first). */
  findByLocation(location: BufferLocation): Tab | undefined {
    return this.list.find((t) => sameLocation(t.location, location));
  }

  /** Adds a tab after the active one and makes it active. */
  add(tab: { id?: string; title: string; location: BufferLocation; savedText: string; text?: string }): Tab {
    const text = tab.text ?? tab.savedText;
    const entry: Tab = { id: tab.id ?? newBufferId(), title: tab.title, location: tab.location, savedText: tab.savedText, dirty: text !== tab.savedText };
    const at = this.list.findIndex((t) => t.id === this.active);
    this.list.splice(at < 0 ? this.list.length : at + 1, 0, entry);
    this.active = entry.id;
    this.emit();
    return entry;
  }

  /** Removes a tab; the neighbour to its right (else left) becomes active. */
  remove(id: string): void {
    const at = this.list.findIndex((t) => t.id === id);
    if (at < 0) return;
    this.list.splice(at, 1);
    if (this.active === id) this.active = (this.list[at] ?? this.list[at - 1])?.id ?? null;
    this.emit();
  }

  activate(id: string): void {
    if (this.active === id || !this.get(id)) return;
    this.active = id;
    this.emit();
  }

  /** Activates the tab `delta` places away, wrapping around. */
  cycle(delta: number): void {
    if (!this.list.length) return;
    const at = this.list.findIndex((t) => t.id === this.active);
    const next = this.list[(at + delta + this.list.length) % this.list.length];
    if (next) this.activate(next.id);
  }

  /** The buffer's text changed; returns whether it is now dirty. */
  textChanged(id: string, text: string): boolean {
    const tab = this.get(id);
    if (!tab) return false;
    const dirty = text !== tab.savedText;
    if (dirty !== tab.dirty) {
      tab.dirty = dirty;
      this.emit();
    }
    return dirty;
  }

  /** The buffer was saved as `text`, possibly to a new place. */
  saved(id: string, text: string, location?: BufferLocation): void {
    const tab = this.get(id);
    if (!tab) return;
    tab.savedText = text;
    tab.dirty = false;
    if (location) {
      tab.location = location;
      if (location.kind !== 'untitled') tab.title = baseName(location.path);
    }
    this.emit();
  }

  /** Marks a buffer dirty whatever its text (restored from the journal or history). */
  markDirty(id: string): void {
    const tab = this.get(id);
    if (tab && !tab.dirty) {
      tab.dirty = true;
      this.emit();
    }
  }

  dirtyTabs(): Tab[] {
    return this.list.filter((t) => t.dirty);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
