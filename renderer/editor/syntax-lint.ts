// Live syntax errors: the VM's own compiler checks the buffer shortly after typing stops and
// the exact line and column get a marker, with MicroPython's message.
import { linter, type Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import { checkSyntax } from '../../vm/compile/index';

/** The diagnostic for `doc`, or none when it compiles. Line is 1-based, column 0-based. */
export function syntaxDiagnostics(doc: Text): Diagnostic[] {
  const source = doc.toString();
  if (!source.trim()) return [];
  let error: ReturnType<typeof checkSyntax>;
  try {
    error = checkSyntax(source);
  } catch {
    return [];
  }
  if (!error) return [];
  const lineNo = Math.min(Math.max(1, error.line), doc.lines);
  const line = doc.line(lineNo);
  const from = Math.min(line.from + Math.max(0, error.column), line.to);
  // Mark at least one character so the squiggle is visible; at line end, mark the last one.
  const to = from < line.to ? from + 1 : from;
  const start = from === line.to && from > line.from ? from - 1 : from;
  return [{ from: start, to: Math.max(to, start + (line.length ? 1 : 0)), severity: 'error', source: 'SyntaxError', message: `SyntaxError: ${error.message} (line ${lineNo})` }];
}

export const syntaxLinter = linter((view) => syntaxDiagnostics(view.state.doc), { delay: 250 });
