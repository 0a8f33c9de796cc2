// Finds what a beginner's error means: the first explanation (data from
// resources/locales/<language>/explanations.json) whose type and pattern fit the error line a
// traceback ends with, on this board's firmware, with its {placeholders} filled. DOM-free.
import type { Explanation } from '../../shared/contracts/help';

export interface ExplainedError {
  id: string;
  title: string;
  text: string;
  /** A line to add at the top of the program (the one-click fix for a missing import). */
  addImport?: string;
}

/** `NameError: name 'Pin' isn't defined` → ['NameError', "name 'Pin' isn't defined"]. */
export function splitErrorLine(line: string): [string, string] | null {
  const m = /^\s*([A-Za-z_][\w.]*(?:Error|Exception|Interrupt|Exit)|KeyboardInterrupt|StopIteration)(?::\s?(.*))?\s*$/.exec(line);
  return m ? [m[1]!.replace(/^.*\./, ''), m[2] ?? ''] : null;
}

/** The last error line of a traceback in `output`. */
export function lastErrorLine(output: string): string | null {
  const lines = output.split(/\r?\n/).filter((l) => l.trim());
  for (let i = lines.length - 1; i >= 0; i--) if (splitErrorLine(lines[i]!)) return lines[i]!.trim();
  return null;
}

/** Fills {name} from the pattern's groups; {{ and }} stand for literal braces (f-strings in the text). */
function fill(text: string, groups: Record<string, string | undefined>): string {
  return text.replace(/\{\{|\}\}|\{(\w+)\}/g, (whole, name: string | undefined) => (whole === '{{' ? '{' : whole === '}}' ? '}' : (groups[name!] ?? whole)));
}

export function explain(list: readonly Explanation[], errorLine: string, firmware: 'micropython' | 'circuitpython' | 'unknown'): ExplainedError | null {
  const parts = splitErrorLine(errorLine);
  if (!parts) return null;
  const [type, message] = parts;
  for (const e of list) {
    if (e.error !== type) continue;
    if (e.firmware && firmware !== 'unknown' && e.firmware !== firmware) continue;
    const m = new RegExp(e.match).exec(message);
    if (!m) continue;
    const groups = m.groups ?? {};
    return { id: e.id, title: fill(e.title, groups), text: fill(e.explain, groups), ...(e.fix ? { addImport: fill(e.fix.line, groups) } : {}) };
  }
  return null;
}

/** The program with `line` added after its leading comments and imports, unless it has it already. */
export function withImport(program: string, line: string): string {
  const lines = program.split('\n');
  if (lines.some((l) => l.trim() === line)) return program;
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t.startsWith('#') || t === '' || /^(import|from)\s/.test(t)) {
      if (/^(import|from)\s/.test(t)) at = i + 1;
      continue;
    }
    break;
  }
  lines.splice(at, 0, line);
  return lines.join('\n');
}
