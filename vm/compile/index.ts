// Entry points of the compiler: source → JS code (for the runtime) and a runtime-free
// syntax check (for the editor). Imports nothing from runtime/ or objects/.

import { parse } from './parser';
import { generate, type CompiledModule } from './codegen';
import { SyntaxErr } from './ast';

export { SyntaxErr } from './ast';
export type { CompiledModule, ConstDesc, FuncSpec, CodeInfo } from './codegen';
export { tokenize } from './tokenizer';
export { parse } from './parser';

/**
 * Compiles Python source to JavaScript source plus its constant table. Throws SyntaxErr on
 * the first syntax error (line is 1-based, col 0-based).
 */
export function compile(source: string, filename: string, mode: 'exec' | 'single' | 'eval'): CompiledModule {
  if (mode === 'eval') {
    const mod = parse(source);
    if (mod.body.length !== 1 || mod.body[0].k !== 'Expr') {
      const n = mod.body[0] ?? mod;
      throw new SyntaxErr('invalid syntax', n.line, n.col);
    }
    return generate(mod, filename, 'eval');
  }
  return generate(parse(source), filename, mode);
}

/**
 * Checks Python source for syntax errors without running it: returns the first error (line
 * 1-based, column 0-based, MicroPython's message) or null when the source compiles.
 */
export function checkSyntax(source: string, filename = '<stdin>'): { line: number; column: number; message: string } | null {
  try {
    generate(parse(source), filename, 'exec');
    return null;
  } catch (e) {
    if (e instanceof SyntaxErr) return { line: e.line, column: e.col, message: e.message };
    return { line: 1, column: 0, message: 'internal compiler error: ' + String(e) };
  }
}
