// Commands by id, with their keyboard shortcuts. The toolbar, the keymap and tests all go
// through here, so every action has one name and one implementation.
import { guard } from './errors';

export interface Command {
  id: string;
  label: string;
  /** Shortcut in the form 'Mod-s', 'F5', 'Escape', 'Mod-Shift-z' (Mod = Ctrl, or Cmd on macOS). */
  key?: string;
  run(): unknown;
  enabled?(): boolean;
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

function eventKey(e: KeyboardEvent): string {
  const parts: string[] = [];
  if (isMac ? e.metaKey : e.ctrlKey) parts.push('Mod');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey && (e.key.length > 1 || /^[a-z]$/i.test(e.key))) parts.push('Shift');
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  parts.push(key === '=' ? '+' : key);
  return parts.join('-');
}

/** A shortcut as people read it: 'Ctrl+S'. */
export function keyLabel(key: string): string {
  // 'Mod--' is Ctrl and the minus key, not Ctrl, '' and ''
  const parts = key.endsWith('--') ? [...key.slice(0, -2).split('-'), '-'] : key.split('-');
  return parts
    .map((p) => (p === 'Mod' ? (isMac ? 'Cmd' : 'Ctrl') : p.length === 1 ? p.toUpperCase() : p))
    .join('+');
}

export class Commands {
  private readonly byId = new Map<string, Command>();
  private readonly byKey = new Map<string, Command>();

  register(command: Command): void {
    this.byId.set(command.id, command);
    if (command.key) this.byKey.set(command.key, command);
  }

  /** Every command with a shortcut, for the shortcuts list. */
  withKeys(): Command[] {
    return [...this.byId.values()].filter((c) => c.key);
  }

  get(id: string): Command | undefined {
    return this.byId.get(id);
  }

  enabled(id: string): boolean {
    const c = this.byId.get(id);
    return !!c && (c.enabled?.() ?? true);
  }

  run(id: string): void {
    const c = this.byId.get(id);
    if (c && (c.enabled?.() ?? true)) guard(`command ${id}`, () => c.run())();
  }

  /**
   * Global shortcuts; they win over the focused widget. Escape is special: it stops a run only
   * when no dialog, popup or editor panel is open that it should close instead.
   */
  installKeymap(target: Window): void {
    target.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' || e.defaultPrevented) return;
        if (document.querySelector('dialog[open]')) return;
        const command = this.byKey.get(eventKey(e));
        if (!command) return;
        e.preventDefault();
        e.stopPropagation();
        this.run(command.id);
      },
      true,
    );
    target.addEventListener(
      'keydown',
      (e) => {
        // Escape belongs to whatever visible thing it would close first (a dialog, the
        // completion popup, the search or go-to-line panel); otherwise it is Stop.
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        if (document.querySelector('dialog[open], .cm-tooltip-autocomplete, .cm-panels .cm-panel')) return;
        const command = this.byKey.get('Escape');
        if (command && (command.enabled?.() ?? true)) this.run(command.id);
      },
      true,
    );
  }
}
