// Finds the module a program could not import, from the error line MicroPython and CircuitPython
// print ("ImportError: no module named 'ssd1306'"; CPython-style "No module named …" too), and
// the modules a program imports, so the editor can offer libraries before Run.

import builtIn from '../editor/module-names.json';

const NO_MODULE = /(?:ImportError|ModuleNotFoundError): [Nn]o module named '([A-Za-z_][\w.]*)'/;

/** The missing module's name, or null when the message is about something else. */
export function missingModule(message: string): string | null {
  return NO_MODULE.exec(message)?.[1] ?? null;
}

/** Top-level modules a program imports (`import a.b`, `from a import b`), in order, each once. */
export function importedModules(source: string): string[] {
  const out: string[] = [];
  for (const line of source.split('\n')) {
    const m = /^\s*(?:import\s+([\w.]+(?:\s*,\s*[\w.]+)*)|from\s+([\w.]+)\s+import\b)/.exec(line.replace(/#.*$/, ''));
    if (!m) continue;
    for (const name of (m[1] ?? m[2]!).split(',').map((s) => s.trim())) if (name && !name.startsWith('.') && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Drops the modules the firmware has built in (and their submodules), which no library provides. */
export function notBuiltIn(modules: string[], flavour: 'micropython' | 'circuitpython'): string[] {
  const names = (builtIn as Record<string, Record<string, unknown>>)[flavour] ?? {};
  return modules.filter((m) => !(m.split('.')[0]! in names) && !['micropython', 'sys', 'builtins', 'gc'].includes(m.split('.')[0]!));
}
