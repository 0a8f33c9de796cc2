// Turns a traceback from the board into a MoteError a person can act on: OSError numbers map
// to error codes (MicroPython uses Linux errno numbers, §5.1), the rest is 'python-error'.
import { type ErrorCode, MoteError } from '../../shared/errors';

const ERRNO_CODES: Record<number, ErrorCode> = { 2: 'not-found', 17: 'already-exists', 28: 'no-space', 30: 'read-only' };
const ERRNO_NAMES: Record<string, number> = { ENOENT: 2, EEXIST: 17, ENOSPC: 28, EROFS: 30, EACCES: 13, ENOTDIR: 20, EISDIR: 21, EINVAL: 22, ENOTEMPTY: 39 };

// The WebAssembly port reports Emscripten's errno numbers (ENOENT is 44 there), not Linux's.
const EMSCRIPTEN_TO_LINUX: Record<number, number> = { 2: 13, 20: 17, 31: 21, 44: 2, 51: 28, 54: 20, 55: 39, 69: 30 };

/** The last line of a traceback: "OSError: [Errno 2] ENOENT". */
export function lastTracebackLine(stderr: string): string {
  const lines = stderr.replace(/\r/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? '';
}

/** The errno of an OSError line, by name first, then by number (mpremote's rule). */
export function errnoOf(line: string): number | null {
  if (!/^OSError\b/.test(line)) return null;
  for (const [name, n] of Object.entries(ERRNO_NAMES)) if (new RegExp(`\\b${name}\\b`).test(line)) return n;
  const m = /\[Errno (\d+)\]|OSError: (\d+)/.exec(line);
  return m ? Number(m[1] ?? m[2]) : null;
}

/** A MoteError for a failed tool command; `what` says what Mote was doing ("reading /main.py"). */
export function boardError(stderr: string, what: string, platform = ''): MoteError {
  const line = lastTracebackLine(stderr);
  let errno = errnoOf(line);
  if (errno !== null && /webassembly|emscripten/i.test(platform) && !/\bE[A-Z]+\b/.test(line)) errno = EMSCRIPTEN_TO_LINUX[errno] ?? errno;
  const code = errno !== null ? ERRNO_CODES[errno] : undefined;
  if (code === 'read-only') {
    return new MoteError('read-only', `The board's filesystem is read-only while ${what}. On CircuitPython, the CIRCUITPY drive is writable by the computer only: save through the drive, or eject it first.`);
  }
  if (code) return new MoteError(code, `${capitalise(what)} failed: ${line}`);
  if (errno === 39) return new MoteError('python-error', `${capitalise(what)} failed: the folder is not empty (${line}).`);
  return new MoteError('python-error', `${capitalise(what)} failed on the board: ${line || 'unknown error'}`);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
