// Test support: a simulated board whose flash is a temporary host folder (so open, import and os
// see real files), powered on and switched to the raw REPL, plus the real MicroPython (WebAssembly)
// running a whole program, as the oracle.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BoardHarness } from '../../board/testing/board-harness';
import type { BoardProfile } from '../../board/profiles/profile';
import { pico } from '../../board/profiles/pico';
import { makeBoardVm } from '../board-vm';
import { FolderFs } from '../folder-fs';
import { WASM_MODULE } from './wasm-repl';

/** A board on a fresh temporary folder, in the raw REPL; `dir` is the folder. */
export function folderBoard(profile: BoardProfile = pico, files: Record<string, string> = {}): { h: BoardHarness; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mote-board-'));
  const h = new BoardHarness(profile, makeBoardVm, files, new FolderFs(dir, profile.flashBytes));
  h.powerOn();
  h.feed('\r\x01');
  return { h, dir };
}

type LoadMicroPython = (o: { stdout: (s: string | Uint8Array) => void; stderr: (s: string | Uint8Array) => void; linebuffer: boolean }) => Promise<{ runPython(src: string): void }>;

/** What the real MicroPython prints for a program ('\n' line ends), an uncaught error's message last. */
export async function micropythonOutput(src: string): Promise<string> {
  const { loadMicroPython } = (await import(WASM_MODULE)) as { loadMicroPython: LoadMicroPython };
  let out = '';
  const sink = (s: string | Uint8Array) => (out += typeof s === 'string' ? s : new TextDecoder().decode(s));
  const mp = await loadMicroPython({ stdout: sink, stderr: sink, linebuffer: false });
  try { mp.runPython(src); } catch (e) { out += String((e as Error).message); }
  return out;
}
