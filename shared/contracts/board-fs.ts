// The board-fs domain: files on the connected board (through the REPL, or through the
// CIRCUITPY drive when one is mounted). Long transfers take an opId for progress and cancel.
// Declared by the lead; handlers live in main/board/board-fs-handlers.ts. Extend, don't rename.
import * as v from 'valibot';
import { boardPath, channel, event, localPath, opaqueId, text } from '../contract-kit';

/** A file or folder on the board. */
export interface BoardFileEntry {
  /** Absolute board path: '/lib/bme280.py'. */
  path: string;
  name: string;
  kind: 'file' | 'dir';
  /** Bytes; 0 for folders. */
  size: number;
}

export const boardFsChannels = {
  /** Lists a folder; with recursive, everything below it (folders before their contents). */
  'board-fs:list': channel(v.strictObject({ path: boardPath, recursive: v.optional(v.boolean()) })).returns<BoardFileEntry[]>(),
  'board-fs:read-text': channel(v.strictObject({ path: boardPath })).returns<string>(),
  /** Saves text to a board file atomically (temp file + rename) and verifies it. */
  'board-fs:write-text': channel(v.strictObject({ path: boardPath, text })).returns<null>(),
  /** Copies a computer file to the board; progress as 'board-fs:progress' with this opId. */
  'board-fs:upload': channel(v.strictObject({ localPath, path: boardPath, opId: opaqueId })).returns<null>(),
  /** Copies a board file to the computer; progress as 'board-fs:progress' with this opId. */
  'board-fs:download': channel(v.strictObject({ path: boardPath, localPath, opId: opaqueId })).returns<null>(),
  'board-fs:mkdir': channel(v.strictObject({ path: boardPath })).returns<null>(),
  'board-fs:remove': channel(v.strictObject({ path: boardPath, recursive: v.optional(v.boolean()) })).returns<null>(),
  'board-fs:rename': channel(v.strictObject({ from: boardPath, to: boardPath })).returns<null>(),
  /** Free bytes on the board's filesystem holding `path`; null when the board cannot tell. */
  'board-fs:free': channel(v.strictObject({ path: boardPath })).returns<number | null>(),
  /** Cancels a running upload or download; the board keeps the old file. */
  'board-fs:cancel': channel(v.strictObject({ opId: opaqueId })).returns<null>(),
};

export const boardFsEvents = {
  'board-fs:progress': event<{ opId: string; done: number; total: number; bytesPerSecond: number }>(),
  /** The board's files changed (after a write, or an auto-reload on CircuitPython): refresh views. */
  'board-fs:changed': event<{ path: string }>(),
};
