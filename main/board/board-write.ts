// The board's side of an atomic write, the same for both upload methods (streamed and by
// commands): check the temp file against what was sent, then rename it over the target.
import { MoteError } from '../../shared/errors';
import { pyBytes, pyString } from './python-literal';

const FAILED = 'mote: verification failed';

/**
 * Python that raises when the temp file's size (and, with `digest`, the SHA-256 that `_h` has
 * hashed) differs from what was sent. `indent` places it inside the caller's block.
 */
export function verifyCode(temp: string, size: number, digest: Buffer | null, indent = ''): string[] {
  return [`${indent}if os.stat(${pyString(temp)})[6]!=${size}${digest ? ` or _h.digest()!=${pyBytes(digest)}` : ''}:`, `${indent} raise ValueError('${FAILED}')`];
}

/** Python that renames the temp file over the target; FAT refuses an existing target, so remove it only then. */
export function renameCode(temp: string, target: string): string[] {
  const T = pyString(temp);
  const P = pyString(target);
  return ['try:', ` os.rename(${T},${P})`, 'except OSError:', ` os.remove(${P})`, ` os.rename(${T},${P})`];
}

/** The error to report when the board's traceback (or an error made from it) is verifyCode's. */
export function verificationError(text: string, target: string): MoteError | null {
  if (!text.includes(FAILED)) return null;
  return new MoteError('board-protocol', `The copy of ${target} on the board did not match what was sent (size or SHA-256 differs); the old file was kept.`);
}
