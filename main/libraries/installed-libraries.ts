// What is installed in a board's /lib, with versions, read the way circup reads a CIRCUITPY
// drive (firmware-and-libraries.md §5.4): a module is a top-level .py/.mpy file or a folder; its
// version is `__version__` in a .py (mip appends one to every file it builds), or the version
// string inside a .mpy. mip keeps no install record, so this is the only trace there is.
import { posix } from 'node:path';
import type { BoardFiles } from '../board/board-fs';

export interface InstalledLibrary {
  /** Module name: 'ssd1306', 'umqtt' (a folder), 'adafruit_bme280'. */
  name: string;
  /** '' when no version could be read. */
  version: string;
  kind: 'file' | 'folder';
  /** Bytes in all its files. */
  size: number;
  /** 'py', 'mpy', or 'mixed' for a folder holding both. */
  format: 'py' | 'mpy' | 'mixed';
}

const PY_VERSION = /^__version__\s*=\s*['"]([^'"\n]+)['"]/m;

/** Reads a version from a .py's text or a .mpy's bytes ('' when there is none). */
export function versionOf(path: string, data: Buffer): string {
  if (path.endsWith('.py')) return PY_VERSION.exec(data.toString('utf8'))?.[1] ?? '';
  const text = data.toString('latin1');
  // CircuitPython 9+ (C\x06): the first semver string with its terminating NUL
  if (text.startsWith('C\x06')) return /(\d+\.\d+\.\d+)\x00/.exec(text)?.[1] ?? '';
  // MicroPython (M\x06) and older CircuitPython: the string constant stored near __version__
  const at = text.indexOf('__version__');
  const near = at >= 0 ? text.slice(at, at + 200) : text;
  return /(\d+\.\d+(?:\.\d+)?(?:[-+.][\w.]+)?)/.exec(near)?.[1] ?? '';
}

export async function listInstalled(board: BoardFiles, target = '/lib'): Promise<InstalledLibrary[]> {
  const st = await board.stat(target);
  if (st?.kind !== 'dir') return [];
  const entries = await board.list(target, { recursive: true });
  const modules = new Map<string, InstalledLibrary & { files: string[] }>();
  for (const e of entries) {
    const rel = e.path.slice(target.length + 1);
    const top = rel.split('/')[0];
    const isFolder = rel.includes('/') || e.kind === 'dir';
    if (!isFolder && !/\.m?py$/.test(top)) continue;
    const name = isFolder ? top : top.replace(/\.m?py$/, '');
    const m = modules.get(name) ?? { name, version: '', kind: isFolder ? 'folder' : 'file', size: 0, format: 'py', files: [] };
    if (e.kind === 'file' && /\.m?py$/.test(e.name)) {
      m.size += e.size;
      m.files.push(e.path);
    }
    modules.set(name, m);
  }
  const out: InstalledLibrary[] = [];
  for (const m of modules.values()) {
    if (!m.files.length) continue;
    const formats = new Set(m.files.map((f) => posix.extname(f).slice(1)));
    m.format = formats.size > 1 ? 'mixed' : formats.has('mpy') ? 'mpy' : 'py';
    // a folder's version is the first found in its sorted files (__init__ first), as circup does
    for (const f of m.files.sort((a, b) => (a.endsWith('__init__.py') ? -1 : b.endsWith('__init__.py') ? 1 : a < b ? -1 : 1))) {
      m.version = versionOf(f, await board.read(f));
      if (m.version) break;
    }
    out.push({ name: m.name, version: m.version, kind: m.kind, size: m.size, format: m.format });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}
