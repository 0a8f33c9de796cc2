// Completion for the editor: Python keywords and builtins, names already in the buffer, the
// current board flavour's modules after `import`, and their members after `module.`.
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { moduleStubs, type Flavour } from './module-stubs';

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
    // module.member
    const dotted = /([A-Za-z_]\w*)\.(\w*)$/.exec(before);
    if (dotted) {
      const members = stubs[dotted[1]!];
      if (!members) return null;
      return { from: context.pos - dotted[2]!.length, options: members.map((m) => ({ label: m.name, type: m.kind === 'module' ? 'namespace' : m.kind, info: m.doc })), validFor: /^\w*$/ };
    }
    const word = context.matchBefore(/[A-Za-z_]\w*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const inBuffer = bufferNames(context.state.doc.toString(), word.text).map((label) => ({ label, type: 'variable', boost: -1 }));
    return { from: word.from, options: [...keywordOptions, ...builtinOptions, ...inBuffer], validFor: /^\w*$/ };
  };
}
