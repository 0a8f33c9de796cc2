// Files the operating system asked Mote to open (a double-clicked .py: the file association
// the installers register). Only the OS hands these over (command-line arguments, macOS's
// open-file event, a second launch); the window cannot add any. Each one becomes readable and
// writable at its own absolute path, as a one-file exception to the workspace folder, so the
// person edits that very file and Save writes it back.
import { statSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';

/** The file paths in a launch's arguments: existing .py/.txt files, never flags. */
export function filesInArgs(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    if (!['.py', '.txt', '.json', '.csv', '.md'].includes(extname(arg).toLowerCase())) continue;
    const full = isAbsolute(arg) ? arg : resolve(cwd, arg);
    try {
      if (statSync(full).isFile()) out.push(full);
    } catch {
      // not a file: not ours to open
    }
  }
  return out;
}

export class OpenedFiles {
  private readonly granted = new Set<string>();
  private waiting: string[] = [];
  private readonly listeners = new Set<() => void>();

  /** The OS asks to open these files. */
  add(paths: readonly string[]): void {
    const fresh = [...new Set(paths.map((p) => resolve(p)))].filter((p) => !this.waiting.includes(p));
    if (!fresh.length) return;
    for (const p of fresh) this.granted.add(p);
    this.waiting.push(...fresh);
    for (const l of this.listeners) l();
  }

  /** Whether `path` is a file the OS handed Mote. */
  isGranted(path: string): boolean {
    return isAbsolute(path) && this.granted.has(resolve(path));
  }

  /** The files not yet opened by a window; each is handed out once. */
  take(): string[] {
    const out = this.waiting;
    this.waiting = [];
    return out;
  }

  onAdded(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
