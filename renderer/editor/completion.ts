// Completion for the editor: Python keywords and builtins, names already in the buffer, the
// current board flavour's modules after `import`, and their members after `module.`.
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { moduleStubs, type Flavour, type StubMember } from './module-stubs';

const KEYWORDS = 'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' ');
const BUILTINS = 'abs all any bin bool bytearray bytes callable chr classmethod dict dir divmod enumerate eval exec filter float getattr globals hasattr hash hex id input int isinstance issubclass iter len list locals map max min next object oct open ord pow print property range repr reversed round set setattr slice sorted staticmethod str sum super tuple type zip'.split(' ');
const EXCEPTIONS = 'Exception KeyboardInterrupt ValueError TypeError KeyError IndexError OSError RuntimeError StopIteration ZeroDivisionError'.split(' ');

const keywordOptions: Completion[] = KEYWORDS.map((label) => ({ label, type: 'keyword' }));
const builtinOptions: Completion[] = [...BUILTINS.map((label) => ({ label, type: 'function' })), ...EXCEPTIONS.map((label) => ({ label, type: 'class' }))];

/** Identifiers defined or used in `text` (at least 3 characters), excluding `skip`. */
export function bufferNames(text: string, skip?: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\b[A-Za-z_][A-Za-z0-9_]{2,}\b/g)) names.add(m[0]);
  if (skip) names.delete(skip);
  for (const k of KEYWORDS) names.delete(k);
  return [...names];
}

/** A completion source bound to a getter for the current board's flavour. */
export function pythonCompletions(flavour: () => Flavour) {
  return (context: CompletionContext): CompletionResult | null => {
    const stubs = moduleStubs(flavour());
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);

    // import x / from x import
    const importing = /^\s*(?:import|from)\s+([A-Za-z_][\w]*)?$/.exec(before);
    if (importing) {
      const word = importing[1] ?? '';
      return { from: context.pos - word.length, options: Object.keys(stubs).map((label) => ({ label, type: 'namespace' })), validFor: /^\w*$/ };
    }
    // from module import name
    const fromImport = /^\s*from\s+([A-Za-z_]\w*)\s+import\s+(?:[\w\s,]*,\s*)?(\w*)$/.exec(before);
    if (fromImport) {
      const members = stubs[fromImport[1]!] ?? [];
      return { from: context.pos - fromImport[2]!.length, options: members.map((m) => ({ label: m.name, type: m.kind === 'module' ? 'namespace' : m.kind, info: m.doc })), validFor: /^\w*$/ };
    }
    // module.member, module.Class.member, Class.member, or obj.member for obj = Class(...)
    const dotted = /([A-Za-z_][\w.]*)\.(\w*)$/.exec(before);
    if (dotted) {
      const from = context.pos - dotted[2]!.length;
      const members = stubs[dotted[1]!];
      if (members) return { from, options: members.map((m) => ({ label: m.name, type: m.kind === 'module' ? 'namespace' : m.kind, info: m.doc || undefined })), validFor: /^\w*$/ };
      const cls = classOf(dotted[1]!, context.state.doc.toString(), stubs);
      if (cls?.members) return { from, options: cls.members.map((label) => ({ label, type: /^[A-Z0-9_]+$/.test(label) ? 'constant' : 'method' })), validFor: /^\w*$/ };
      return null;
    }
    const word = context.matchBefore(/[A-Za-z_]\w*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const inBuffer = bufferNames(context.state.doc.toString(), word.text).map((label) => ({ label, type: 'variable', boost: -1 }));
    return { from: word.from, options: [...keywordOptions, ...builtinOptions, ...inBuffer], validFor: /^\w*$/ };
  };
}

/**
 * The board class an expression names: `machine.Pin`, `Pin` (from machine import Pin), or a
 * variable assigned from a constructor call (`led = Pin(25, Pin.OUT)`). Null when unknown.
 */
export function classOf(expr: string, text: string, stubs: Record<string, StubMember[]>): StubMember | null {
  const find = (module: string, name: string) => stubs[module]?.find((m) => m.name === name && m.kind === 'class') ?? null;
  const parts = expr.split('.');
  if (parts.length === 2) return find(parts[0]!, parts[1]!);
  if (parts.length !== 1) return null;
  const name = parts[0]!;
  for (const m of text.matchAll(/^\s*from\s+(\w+)\s+import\s+([\w\s,]+)$/gm)) {
    if (m[2]!.split(',').map((n) => n.trim()).includes(name)) return find(m[1]!, name);
  }
  // name = Class(...) or name = module.Class(...): the last assignment wins.
  const assigned = [...text.matchAll(new RegExp(`^\\s*${name}\\s*=\\s*([A-Za-z_][\\w.]*)\\s*\\(`, 'gm'))].pop();
  return assigned && assigned[1] !== name ? classOf(assigned[1]!, text, stubs) : null;
}
