// Uploads that stream a file to a small receiver program's stdin: one raw-paste exec for the
// whole file, instead of one exec per chunk with the data inside the source. The data goes as
// raw bytes (only six byte values are escaped), in frames the receiver acknowledges, so the
// host keeps a window of frames in flight (board-protocols.md §2.4, §5).
//
// Why escaping rather than micropython.kbd_intr(-1): with Ctrl-C left armed, Stop and the §3.5
// recovery still reach a receiver that waits for data which will never come (Mote crashed or
// was closed mid-upload), and bytes that arrive after the receiver has ended (a full drive made
// it fail mid-stream) are harmless in the raw REPL's input buffer, because the raw REPL's
// control bytes (^A..^E) never appear in the stream.
import { createHash } from 'node:crypto';
import { MoteError } from '../../shared/errors';
import { cancelled } from './board-stream';
import { renameCode, verificationError, verifyCode } from './board-write';
import { boardError } from './python-error';
import { pyBytes, pyString } from './python-literal';
import type { RawRepl } from './raw-repl';

/** The escape byte (DLE). Each escaped value X is sent as ESCAPE, CODE[X]. */
const ESCAPE = 0x10;
/** Values that may not appear on the line: the raw REPL's ^A..^E (^C interrupts) and ESCAPE itself, last. */
const ESCAPED = [0x01, 0x02, 0x03, 0x04, 0x05, ESCAPE];
const CODE_BASE = 0x41; // 'A'..'F': never ESCAPE, so every ESCAPE on the line starts a pair
/** Frame headers hold the escaped length in two bytes of 6 bits each, offset by 64 (so never a control byte). */
const HEADER_BASE = 64;
const MAX_FRAME = 64 * 64 - 1;
/** A frame of length 0: the end of the file. */
const END_FRAME = Buffer.from([HEADER_BASE, HEADER_BASE]);
// Control characters, not letters: a Timer or IRQ callback left running by an earlier program
// may print while the receiver works, and its text must not count as an acknowledgement.
const READY = 0x02; // STX: the receiver has opened the temp file and waits for frames
const ACK = 0x06; // ACK: the receiver has taken one frame (the end frame too) off its input buffer

/** One frame: header plus the escaped chunk. */
export function encodeFrame(chunk: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(2 + chunk.length * 2);
  let n = 2;
  for (const b of chunk) {
    const i = b <= ESCAPE ? ESCAPED.indexOf(b) : -1;
    if (i >= 0) {
      out[n++] = ESCAPE;
      out[n++] = CODE_BASE + i;
    } else out[n++] = b;
  }
  const len = n - 2;
  if (len > MAX_FRAME) throw new RangeError(`frame of ${len} bytes exceeds ${MAX_FRAME}`);
  out[0] = HEADER_BASE + (len >> 6);
  out[1] = HEADER_BASE + (len & 63);
  return out.subarray(0, n);
}

/** Inverse of encodeFrame's escaping (for tests; the board does it with bytes.replace). */
export function unescape(data: Uint8Array): Buffer {
  let d: Buffer = Buffer.from(data);
  for (let i = 0; i < ESCAPED.length; i++) d = replaceAll(d, Buffer.from([ESCAPE, CODE_BASE + i]), Buffer.from([ESCAPED[i]]));
  return d;
}

function replaceAll(d: Buffer, from: Buffer, to: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (let i = d.indexOf(from); i >= 0; i = d.indexOf(from, at)) {
    parts.push(d.subarray(at, i), to);
    at = i + from.length;
  }
  parts.push(d.subarray(at));
  return Buffer.concat(parts);
}

/** How much to send per frame and to keep in flight. */
export interface StreamPlan {
  /** File bytes per frame (before escaping; at most 2047 so a frame always fits its header). */
  chunk: number;
  /** Unacknowledged bytes allowed on the line. */
  budget: number;
}

/**
 * With flow control, the budget only hides latency: 32 KiB, in 1 KiB chunks (small enough for a
 * SAMD21's heap). Without it, the board's input buffer is the limit: raw-paste promises two
 * windows (256 bytes on most ports, within every ring size in §2.4), split into four frames.
 */
export function streamPlan(flowControl: boolean, rawPasteWindow: number): StreamPlan {
  if (flowControl) return { chunk: 1024, budget: 32 * 1024 };
  const budget = 2 * (rawPasteWindow || 64);
  return { chunk: Math.max(8, Math.floor(budget / 4) - 4), budget };
}

export interface ReceiverOptions {
  temp: string;
  target: string;
  size: number;
  /** SHA-256 of the file, checked on the board when it has hashlib. */
  digest: Buffer | null;
}

/**
 * The board's side: reads frames into the temp file, then checks size (and SHA-256) and renames
 * the temp file over the target. Any failure, Ctrl-C included, removes the temp file; the old
 * file stays. The rename is outside that handler, so a failed rename keeps the verified copy.
 */
export function receiverProgram(o: ReceiverOptions): string {
  const pairs = ESCAPED.map((b, i) => `(${pyBytes(Uint8Array.of(ESCAPE, CODE_BASE + i))},${pyBytes(Uint8Array.of(b))})`).join(',');
  const T = pyString(o.temp);
  return [
    'import sys,os',
    o.digest ? 'import hashlib\n_h=hashlib.sha256()' : '',
    '_r=sys.stdin.buffer.read',
    '_w=sys.stdout.write',
    `_E=(${pairs})`,
    'def _x(n):',
    ' d=_r(n)',
    ' while len(d)<n:',
    '  d+=_r(n-len(d))',
    ' return d',
    `_f=open(${T},'wb')`,
    'try:',
    " _w('\\x02')",
    ' while 1:',
    '  a=_x(2)',
    `  if a[0]<${HEADER_BASE} or a[1]<${HEADER_BASE}:`,
    "   raise ValueError('mote: bad frame')",
    `  n=(a[0]-${HEADER_BASE})<<6|(a[1]-${HEADER_BASE})`,
    '  d=_x(n)',
    "  _w('\\x06')",
    '  if not n:',
    '   break',
    `  if ${pyBytes(Uint8Array.of(ESCAPE))} in d:`,
    '   for e in _E:',
    '    d=d.replace(e[0],e[1])',
    '  _f.write(d)',
    o.digest ? '  _h.update(d)' : '',
    ' _f.close()',
    ...verifyCode(o.temp, o.size, o.digest, ' '),
    'except:',
    ' _f.close()',
    ' try:',
    `  os.remove(${T})`,
    ' except OSError:',
    '  pass',
    ' raise',
    ...renameCode(o.temp, o.target),
  ]
    .filter(Boolean)
    .join('\n');
}

export interface StreamUploadOptions {
  temp: string;
  target: string;
  plan: StreamPlan;
  hashlib: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Names the board's port in error messages (errno texts differ per port). */
  platform?: string;
}

/** Sends `data` to the board as `target` through the receiver. Leaves the board at the raw prompt. */
export async function streamUpload(raw: RawRepl, data: Uint8Array, o: StreamUploadOptions): Promise<void> {
  if (o.plan.chunk * 2 > MAX_FRAME) throw new RangeError('chunk too large for a frame');
  const total = data.length;
  const program = receiverProgram({ temp: o.temp, target: o.target, size: total, digest: o.hashlib ? createHash('sha256').update(data).digest() : null });
  // frames sent and not yet acknowledged: their length on the line and the file bytes they carry
  const inFlight: Array<{ length: number; bytes: number }> = [];
  let inFlightBytes = 0;
  let offset = 0; // file bytes framed so far
  let acked = 0; // file bytes acknowledged
  let ended = false; // the end frame is sent
  let failure: Error | null = null;
  const writes: Promise<void>[] = [];
  const send = (frame: Buffer, bytes: number) => {
    writes.push(raw.sendInput(frame).catch((e: Error) => void (failure ??= e)));
    inFlight.push({ length: frame.length, bytes });
    inFlightBytes += frame.length;
  };

  const pump = () => {
    if (o.signal?.aborted) return;
    while (offset < total) {
      const chunk = data.subarray(offset, offset + o.plan.chunk);
      const frame = encodeFrame(chunk);
      if (inFlight.length > 0 && inFlightBytes + frame.length > o.plan.budget) return;
      send(frame, chunk.length);
      offset += chunk.length;
    }
    if (!ended) {
      ended = true;
      send(END_FRAME, 0);
    }
  };

  let ready = false;
  const onStdout = (d: Buffer) => {
    for (const b of d) {
      if (b === READY && !ready) {
        ready = true;
        o.onProgress?.(0, total);
      } else if (b === ACK && inFlight.length > 0) {
        const frame = inFlight.shift()!;
        inFlightBytes -= frame.length;
        acked += frame.bytes;
        if (frame.bytes) o.onProgress?.(acked, total);
      } else continue;
      pump();
    }
  };

  const result = await raw.exec(program, { onStdout, signal: o.signal, idleMs: 10000 });
  await Promise.all(writes);
  if (failure) throw failure;
  if (inFlight.length > 0) {
    // The receiver stopped with frames still on their way into the raw REPL's input buffer:
    // start afresh from a known prompt (the bytes are harmless, see the top of this file).
    await raw.resync();
  }
  if (result.interrupted) throw cancelled();
  if (result.stderr.length) {
    const text = result.stderr.toString('utf8');
    throw verificationError(text, o.target) ?? boardError(text, `writing ${o.target}`, o.platform);
  }
  if (!ended || inFlight.length > 0) throw new MoteError('board-protocol', `The board ended the upload of ${o.target} before it had received all of it.`);
}
