// The workspace domain: the folder on the computer shown in Files, the recovery journal of
// open buffers, and the local history of every file saved to a board.
// Declared by the lead; handlers live in main/workspace/workspace-handlers.ts. Extend, don't rename.
import * as v from 'valibot';
import { boundedString, channel, localPath, noFields, opaqueId, text } from '../contract-kit';
import type { WiringFile } from './simulator';

export interface LocalFileEntry {
  /** Path relative to the workspace root, '/'-separated. */
  path: string;
  name: string;
  kind: 'file' | 'dir';
  size: number;
  /** Milliseconds since 1970. */
  mtime: number;
}

/** Where a buffer lives: unsaved, a computer file, or a board file. */
export const bufferLocation = v.variant('kind', [
  v.strictObject({ kind: v.literal('untitled') }),
  v.strictObject({ kind: v.literal('local'), path: localPath }),
  v.strictObject({ kind: v.literal('board'), board: boundedString(300), path: boundedString(1024) }),
]);
export type BufferLocation = v.InferOutput<typeof bufferLocation>;

/**
 * One open buffer as the journal keeps it, so a crash never loses it. Restoring checks each
 * file against this schema, as the contract checks a message: a journal file is input too.
 */
export const journalEntrySchema = v.strictObject({
  bufferId: opaqueId,
  title: boundedString(300),
  location: bufferLocation,
  text,
  /** Milliseconds since 1970 of the last change. */
  savedAt: v.pipe(v.number(), v.finite(), v.minValue(0)),
});
export type JournalEntry = v.InferOutput<typeof journalEntrySchema>;

/** One saved version of a board file in the local history. */
export interface HistoryVersion {
  id: string;
  board: string;
  path: string;
  savedAt: number;
  size: number;
}

/** An example in the Examples menu (resources/examples/kit). */
export interface ExampleSummary {
  id: string;
  /** What the menu item says ("Blink", "OLED hello + bar graph"). */
  title: string;
  flavour: 'micropython' | 'circuitpython';
  /** The program's file name on the board: main.py, or code.py on CircuitPython. */
  main: 'main.py' | 'code.py';
}

/** An example's program, its wiring, and the driver files it needs in the board's lib/. */
export interface ExampleContent extends ExampleSummary {
  text: string;
  wiring: WiringFile;
  lib: { path: string; text: string }[];
}

export const workspaceChannels = {
  /** The examples the Examples menu lists, in order. */
  'workspace:list-examples': channel(noFields).returns<ExampleSummary[]>(),
  /** One example to open in a new tab, with its wiring and lib/ files. */
  'workspace:read-example': channel(v.strictObject({ id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)) })).returns<ExampleContent>(),
  /** The absolute path of the workspace folder (created on first use). */
  'workspace:get-root': channel(noFields).returns<{ root: string }>(),
  'workspace:list': channel(v.strictObject({ path: localPath })).returns<LocalFileEntry[]>(),
  'workspace:read-text': channel(v.strictObject({ path: localPath })).returns<string>(),
  'workspace:write-text': channel(v.strictObject({ path: localPath, text })).returns<null>(),
  'workspace:mkdir': channel(v.strictObject({ path: localPath })).returns<null>(),
  'workspace:remove': channel(v.strictObject({ path: localPath })).returns<null>(),
  'workspace:rename': channel(v.strictObject({ from: localPath, to: localPath })).returns<null>(),
  /** Records the current text of a dirty buffer (called within a second of each change). */
  'workspace:journal-save': channel(v.strictObject({ bufferId: opaqueId, title: boundedString(300), location: bufferLocation, text })).returns<null>(),
  /** Forgets a buffer (saved or closed on purpose). */
  'workspace:journal-discard': channel(v.strictObject({ bufferId: opaqueId })).returns<null>(),
  /** Buffers left in the journal by a previous run that ended without saving them. */
  'workspace:journal-list': channel(noFields).returns<JournalEntry[]>(),
  'workspace:history-list': channel(v.strictObject({ board: boundedString(300), path: boundedString(1024) })).returns<HistoryVersion[]>(),
  'workspace:history-read': channel(v.strictObject({ id: opaqueId })).returns<string>(),
  /** Keeps a local copy of text just saved to a board file (called after each successful board save). */
  'workspace:history-save': channel(v.strictObject({ board: boundedString(300), path: boundedString(1024), text })).returns<HistoryVersion>(),
};

export const workspaceEvents = {};
