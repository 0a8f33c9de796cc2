// Building blocks for the per-domain contract files: how a channel and an event are
// declared, and the reusable field schemas (bounded strings, board paths, local paths).
// Contract files import only this and valibot; shared/ipc.ts merges them.
import * as v from 'valibot';

/** Longest string any field accepts unless it says otherwise: generous, but bounded. */
export const MAX_STRING = 4096;
/** Longest source text or file content sent as a string (a large program, a CSV export). */
export const MAX_TEXT = 8 * 1024 * 1024;
/** Longest path accepted anywhere. */
export const MAX_PATH = 1024;

/** Metadata tags that the negative-test generator and path checks look for. */
export type FieldKind = 'board-path' | 'local-path' | 'text';

/** A request schema: always a strict object, so extra fields are refused. */
export type RequestSchema = v.StrictObjectSchema<v.ObjectEntries, undefined>;

/** A channel: a request schema plus the (compile-time only) response type. */
export interface ChannelDef<Req extends RequestSchema, Res> {
  readonly request: Req;
  /** Phantom field carrying the response type; never set at run time. */
  readonly response?: Res;
}

/** An event from main to the renderer; the payload type is compile-time only (main produces it). */
export interface EventDef<Payload> {
  readonly payload?: Payload;
}

/** Declares a channel: `channel(v.strictObject({...})).returns<Result>()`. */
export function channel<Req extends RequestSchema>(request: Req) {
  return { returns: <Res>(): ChannelDef<Req, Res> => ({ request }) };
}

/** Declares an event with its payload type. */
export function event<Payload>(): EventDef<Payload> {
  return {};
}

/** A request with no fields. */
export const noFields = v.strictObject({});

/** A string of at most `max` characters (default MAX_STRING). */
export function boundedString(max: number = MAX_STRING) {
  return v.pipe(v.string(), v.maxLength(max));
}

/** A long text (program source, file contents). */
export const text = v.pipe(v.string(), v.maxLength(MAX_TEXT), v.metadata({ kind: 'text' as FieldKind }));

function hasTraversal(path: string): boolean {
  return path.split(/[\\/]/).some((part) => part === '..') || path.includes('\0');
}

/**
 * An absolute path on the board ('/main.py', '/lib/x.py'): starts with '/', no '..' segment,
 * no NUL, bounded. Main still resolves it against the board root.
 */
export const boardPath = v.pipe(
  v.string(),
  v.maxLength(MAX_PATH),
  v.check((p) => p.startsWith('/'), 'Board paths start with /'),
  v.check((p) => !hasTraversal(p), 'Board paths may not contain .. or NUL'),
  v.metadata({ kind: 'board-path' as FieldKind }),
);

/**
 * A path on the computer. Relative paths are resolved against the workspace; main checks that
 * the result stays inside the workspace, a known drive or a folder the user picked.
 */
export const localPath = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(MAX_PATH),
  v.check((p) => !p.includes('\0'), 'Paths may not contain NUL'),
  v.metadata({ kind: 'local-path' as FieldKind }),
);

/** A non-negative integer below 2^31. */
export const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 31 - 1));

/** An id handed out by main (operation ids for cancel, buffer ids). */
export const opaqueId = v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[A-Za-z0-9_.:-]+$/));
