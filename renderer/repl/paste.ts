// How text pasted into the REPL reaches the board: one line is typed as is; several lines go
// through MicroPython's paste mode (Ctrl-E, the text, Ctrl-D) so indentation is not mangled by
// auto-indent. DOM-free.

export const CTRL_C = '\x03';
export const CTRL_D = '\x04';
export const CTRL_E = '\x05';

/** The keystrokes that paste `text` into a friendly REPL. */
export function pasteKeystrokes(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  const body = normalized.endsWith('\n') ? normalized.slice(0, -1) : normalized;
  if (!body.includes('\n')) return body;
  // Terminals send Enter as CR; paste mode ends at Ctrl-D and then runs the block.
  return `${CTRL_E}${body.replace(/\n/g, '\r')}\r${CTRL_D}`;
}
