// Main's log: to stderr, and to <dataDir>/logs/main.log when a data folder is known.
// Kept tiny on purpose; it must never throw.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './ipc/router';

export function createLogger(dataDir: string | null, quiet = false): Logger & { info(message: string): void } {
  let file: string | null = null;
  if (dataDir) {
    try {
      mkdirSync(join(dataDir, 'logs'), { recursive: true });
      file = join(dataDir, 'logs', 'main.log');
    } catch {
      file = null;
    }
  }
  const write = (level: string, message: string, error?: unknown) => {
    const detail = error instanceof Error ? `\n${error.stack ?? error.message}` : error !== undefined ? ` ${String(error)}` : '';
    const line = `${new Date().toISOString()} ${level} ${message}${detail}\n`;
    if (!quiet || level === 'ERROR') process.stderr.write(line);
    if (file) {
      try {
        appendFileSync(file, line);
      } catch {
        // The log is best effort; a full disk must not take main down.
      }
    }
  };
  return {
    info: (message) => write('INFO', message),
    warn: (message) => write('WARN', message),
    error: (message, error) => write('ERROR', message, error),
  };
}
