// Chooses how a connected board's files are reached: through its mounted CIRCUITPY drive when
// the board is CircuitPython and the drive matches it (boot_out.txt UID, or version and board
// name), otherwise through the REPL. The IDE handlers and the `mote` command both use this.
import type { BoardDrive, DriveService } from '../drives/drive-service';
import { type BoardFiles, BoardFs, type BoardFsOptions } from './board-fs';
import type { BoardSession } from './board-session';
import { DriveFs } from './drive-fs';

export interface ChosenFiles {
  files: BoardFiles;
  /** The CIRCUITPY mount used, when files go through the drive. */
  drive?: BoardDrive;
}

/** The board's unique id as CircuitPython's boot_out.txt prints it (upper-case hex), or undefined. */
export async function circuitPythonUid(session: BoardSession): Promise<string | undefined> {
  try {
    const out = await session.exec("import microcontroller\nprint('~'+''.join('%02X'%b for b in microcontroller.cpu.uid))", 'reading the board id');
    return /~([0-9A-F]+)/.exec(out.toString())?.[1];
  } catch {
    return undefined;
  }
}

export async function chooseBoardFiles(session: BoardSession, drives: DriveService | null, options: BoardFsOptions = {}): Promise<ChosenFiles> {
  if (drives && session.identity.flavour === 'circuitpython') {
    try {
      const uid = await circuitPythonUid(session);
      const drive = await drives.findCircuitPyDrive({ version: session.identity.version, machine: session.identity.machine, uid });
      if (drive) return { files: new DriveFs(drive.path), drive };
    } catch {
      // no drive listing (no drivelist binary, no permission): the REPL still works
    }
  }
  return { files: new BoardFs(session, options) };
}
