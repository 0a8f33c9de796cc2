// Finds the places in board output that point into a program: `File "<stdin>", line 3` and
// `File "main.py", line 12, in blink`, so the REPL can link them to the editor. DOM-free.

/** One `File "...", line N` reference inside a line of text. */
export interface TracebackLink {
  /** Offset of the first character of the link in the line. */
  start: number;
  /** Offset just past the link. */
  end: number;
  file: string;
  line: number;
}

const FILE_LINE = /File "([^"]{1,512})", line (\d{1,7})/g;

/** Every file/line reference in one line of terminal text. */
export function findTracebackLinks(text: string): TracebackLink[] {
  const links: TracebackLink[] = [];
  for (const m of text.matchAll(FILE_LINE)) {
    links.push({ start: m.index, end: m.index + m[0].length, file: m[1]!, line: Number(m[2]) });
  }
  return links;
}

/**
 * The innermost frame of the last traceback in `output` (the line that failed), or null.
 * MicroPython prints frames outermost first, so the last reference is the failing line.
 */
export function failingLocation(output: string): { file: string; line: number } | null {
  const start = output.lastIndexOf('Traceback (most recent call last):');
  const links = findTracebackLinks(start >= 0 ? output.slice(start) : output);
  const last = links[links.length - 1];
  return last ? { file: last.file, line: last.line } : null;
}

/** Whether a traceback's file name refers to the buffer run as `runName` (or typed at the REPL). */
export function refersToBuffer(file: string, runName: string | undefined): boolean {
  if (file === '<stdin>' || file === '<string>') return true;
  if (!runName) return false;
  const base = (p: string) => p.replace(/^.*[\\/]/, '');
  return base(file) === base(runName);
}
