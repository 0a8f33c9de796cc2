// Decides whether a file's bytes are text the editor may open. A binary file (an image, a
// .mpy, a font) decoded as UTF-8 and saved back from the editor would be corrupted, so it is
// refused with a reason and a next step instead.
import { MoteError } from '../../shared/errors';

/** Bytes of the file's start that are checked for NUL (binary formats have them early). */
const SNIFF_BYTES = 8192;

/** The file's text, or a MoteError('invalid-file') saying why it cannot be edited as text. */
export function decodeTextFile(bytes: Uint8Array, name: string): string {
  let text: string | null;
  try {
    text = bytes.subarray(0, SNIFF_BYTES).includes(0) ? null : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = null;
  }
  if (text !== null) return text.startsWith('\ufeff') ? text.slice(1) : text;
  throw new MoteError(
    'invalid-file',
    `${name} is not a text file (${bytes.length.toLocaleString('en')} bytes of binary data), so it does not open in the editor, where saving it could damage it. Use Download or Upload in Files to copy it.`,
  );
}
