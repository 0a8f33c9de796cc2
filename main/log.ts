// Main's log: to stderr, and to <dataDir>/logs/main.log when a data folder is known.
// It must never throw, never grow without bound, and never let a logged value forge a line:
// - each entry is capped (MAX_ENTRY) and control characters in it are escaped, so text a page
//   or a board sent cannot start a fake entry; a stack's own lines are indented under it;
// - the file rotates at MAX_FILE to main.log.1 (one old file kept), so the folder stays below
//   twice that.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './ipc/router';

export const MAX_ENTRY = 8 * 1024;
export const MAX_FILE = 4 * 1024 * 1024;

/** Escapes control characters (newlines included) and caps the length, marking what was cut. */
export function logSafe(text: string, max = MAX_ENTRY): string {
  const cut = text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

export function createLogger(dataDir: string | null, quiet = false, maxFile = MAX_FILE): Logger & { info(message: string): void } {
  let file: string | null = null;
  let size = 0;
  if (dataDir) {
    try {
      mkdirSync(join(dataDir, 'logs'), { recursive: true });
      file = join(dataDir, 'logs', 'main.log');
      size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    } catch {
      file = null;
    }
  }
  const append = (line: string) => {
    if (!file) return;
    try {
      if (size + line.length > maxFile && size > 0) {
        renameSync(file, `${file}.1`);
        size = 0;
      }
      appendFileSync(file, line);
      size += Buffer.byteLength(line);
    } catch {
      // The log is best effort; a full disk must not take main down.
    }
  };
  const write = (level: string, message: string, error?: unknown) => {
    const detail =
      error instanceof Error
        ? (error.stack ?? error.message)
            .split('\n')
            .slice(0, 40)
            .map((l) => `\n    | ${logSafe(l, 500)}`)
            .join('')
        : error !== undefined
          ? ` ${logSafe(String(error))}`
          : '';
    const line = `${new Date().toISOString()} ${level} ${logSafe(message)}${detail}\n`;
    if (!quiet || level === 'ERROR') process.stderr.write(line);
    append(line);
  };
  return {
    info: (message) => write('INFO', message),
    warn: (message) => write('WARN', message),
    error: (message, error) => write('ERROR', message, error),
  };
}
