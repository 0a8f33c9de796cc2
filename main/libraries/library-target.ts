// What a connected board takes from a library index: MicroPython or CircuitPython, which .mpy
// version (read from sys.implementation._mpy, never assumed), or source when it loads no .mpy
// (Mote's simulated boards, whose VM compiles only Python source), and the folder it imports from.
import { promises as fsp } from 'node:fs';
import type { BoardFiles } from '../board/board-fs';
import type { BoardSession } from '../board/board-session';
import { DriveFs } from '../board/drive-fs';
import { flavourFor } from './circuitpython-bundle';

export interface LibraryTarget {
  firmware: 'micropython' | 'circuitpython';
  /** MicroPython: the mip folder to ask for, '6' or 'py'. */
  mpy: string;
  /** CircuitPython: the bundle flavour, '9.x-mpy' or 'py'. */
  bundleFlavour: string;
  /** The folder libraries go into: the first sys.path entry ending in /lib ('/lib'). */
  libDir: string;
  /** The board runs Mote's VM, which takes only .py. */
  simulated: boolean;
  version: string;
}

const PROBE = [
  'import sys',
  "_m=getattr(sys.implementation,'_mpy',None)",
  "_p=[p for p in sys.path if p.endswith('/lib') and not p.startswith('/rom')]",
  "print('~%s~%s~%s~%s~' % (sys.implementation.name, _m, getattr(sys.implementation,'_machine',''), _p[0] if _p else '/lib'))",
].join('\n');

/** Asks the board over the raw REPL; `wantPy` forces source files (`--py`). */
export async function describeBoard(session: BoardSession, wantPy = false): Promise<LibraryTarget> {
  const out = (await session.exec(PROBE, 'reading what libraries the board takes')).toString('utf8');
  const m = /~([^~]*)~([^~]*)~([^~]*)~([^~]*)~/.exec(out);
  const name = m?.[1] ?? session.identity.flavour;
  const simulated = /\(simulated\)/.test(m?.[3] ?? '') || /\(simulated\)/.test(session.identity.machine);
  const mpyValue = Number(m?.[2]);
  const mpy = wantPy || simulated || !Number.isFinite(mpyValue) || m?.[2] === 'None' ? 'py' : String(mpyValue & 0xff);
  const firmware = name === 'circuitpython' ? 'circuitpython' : 'micropython';
  const version = session.identity.version;
  return { firmware, mpy, bundleFlavour: flavourFor(version, wantPy || simulated), libDir: m?.[4] || '/lib', simulated, version };
}

/** A CIRCUITPY drive on its own (no serial link): its version is in boot_out.txt. */
export async function describeDrive(version: string, wantPy = false): Promise<LibraryTarget> {
  return { firmware: 'circuitpython', mpy: 'py', bundleFlavour: flavourFor(version, wantPy), libDir: '/lib', simulated: false, version };
}

/** Free bytes on the board's filesystem, or null when it cannot tell. */
export async function freeSpace(files: BoardFiles, session: BoardSession | null): Promise<number | null> {
  try {
    if (files instanceof DriveFs) {
      const s = await fsp.statfs(files.mountPath);
      return s.bavail * s.bsize;
    }
    if (!session) return null;
    const out = (await session.exec("import os\n_s=os.statvfs('/')\nprint('~%d~' % (_s[0]*_s[3]))", 'checking free space')).toString('utf8');
    const n = /~(\d+)~/.exec(out);
    return n ? Number(n[1]) : null;
  } catch {
    return null;
  }
}
