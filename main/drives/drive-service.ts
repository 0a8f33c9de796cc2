// DriveService finds the board drives a computer has mounted: CIRCUITPY (boot_out.txt), UF2
// bootloader drives such as RPI-RP2 / RP2350 / *BOOT (INFO_UF2.TXT), and MICROBIT (DETAILS.TXT).
// The listing source is injectable: by default drivelist, in tests temp folders presented the
// same way. It reads marker files only; copying firmware is the firmware service's business.
import { promises as fsp } from 'node:fs';
import { basename, join } from 'node:path';
import { MoteError } from '../../shared/errors';

/** One mounted volume as drivelist describes it (only the fields Mote uses). */
export interface SourceDrive {
  device: string;
  description: string;
  mountpoints: Array<{ path: string; label?: string | null }>;
  isRemovable: boolean;
  isUSB: boolean | null;
  isSystem: boolean;
}

export type DriveSource = () => Promise<SourceDrive[]>;

export interface BootOut {
  /** "Adafruit CircuitPython 9.2.1 on 2024-11-20; Raspberry Pi Pico with rp2040". */
  firstLine: string;
  version: string;
  /** "Raspberry Pi Pico with rp2040". */
  machine: string;
  boardId?: string;
  uid?: string;
}

export interface BoardDrive {
  /** Where it is mounted: '/media/me/CIRCUITPY', 'E:\\'. */
  path: string;
  label: string;
  kind: 'circuitpython' | 'uf2-bootloader' | 'microbit';
  /** CIRCUITPY: what boot_out.txt says. */
  bootOut?: BootOut;
  /** UF2 drives: INFO_UF2.TXT as key/value pairs (Model, Board-ID, …) plus 'banner' for the first line. */
  uf2Info?: Record<string, string>;
  /** micro:bit: the DETAILS.TXT Unique ID's board id (9900 … 9906). */
  microbitBoardId?: string;
}

async function readIfExists(dir: string, names: string[]): Promise<string | null> {
  let entries: string[];
  try {
    entries = await fsp.readdir(dir);
  } catch {
    return null;
  }
  for (const name of names) {
    const found = entries.find((e) => e.toLowerCase() === name.toLowerCase());
    if (found) {
      try {
        return await fsp.readFile(join(dir, found), 'utf8');
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Parses INFO_UF2.TXT: `Key: value` lines after a free-form first line (§8). */
export function parseInfoUf2(text: string): Record<string, string> {
  const lines = text.split(/\r?\n/);
  const info: Record<string, string> = { banner: lines[0]?.trim() ?? '' };
  for (const line of lines.slice(1)) {
    const m = /^([^:]+):\s*(.*)$/.exec(line.trim());
    if (m) info[m[1].trim()] = m[2].trim();
  }
  return info;
}

/** Parses boot_out.txt (§6.1) with the web editor's patterns. */
export function parseBootOut(text: string): BootOut | null {
  const first = text.split(/\r?\n/)[0]?.trim() ?? '';
  const m = /Adafruit CircuitPython (\S+) on [^;]*; (.*)$/.exec(first);
  if (!m) return null;
  const boardId = /Board ID:(.*)/.exec(text)?.[1]?.trim();
  const uid = /UID:([0-9A-F]{12,32})/.exec(text)?.[1];
  return { firstLine: first, version: m[1], machine: m[2].trim(), ...(boardId ? { boardId } : {}), ...(uid ? { uid } : {}) };
}

/** Defaults to drivelist, loaded lazily so tests and the CLI's other commands never touch the native module. */
export const drivelistSource: DriveSource = async () => {
  let drivelist: { list(): Promise<SourceDrive[]> };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    drivelist = require('drivelist') as { list(): Promise<SourceDrive[]> };
  } catch (error) {
    // A native module built for another Node/Electron, or not built at all (an install that
    // skipped its install script): say what cannot work and what still can.
    throw new MoteError('unavailable', `Mote cannot see USB drives on this computer: its drive module did not load (${(error as Error).message.split('\n')[0]}). Reinstall Mote. Boards over USB serial still work.`);
  }
  return drivelist.list();
};

export class DriveService {
  private readonly listeners = new Set<(drives: BoardDrive[]) => void>();
  private timer: NodeJS.Timeout | undefined;
  private lastKey = '';

  constructor(private readonly options: { source?: DriveSource; pollMs?: number; extraFolders?: string[] } = {}) {}

  /** Board drives mounted now (and the extra folders that look like one). */
  async list(): Promise<BoardDrive[]> {
    const source = this.options.source ?? drivelistSource;
    const drives = await source();
    const out: BoardDrive[] = [];
    for (const folder of this.options.extraFolders ?? []) {
      const found = await classify(folder, basename(folder));
      if (found) out.push(found);
    }
    for (const d of drives) {
      if (d.isSystem) continue;
      for (const mp of d.mountpoints) {
        const found = await classify(mp.path, mp.label ?? '');
        if (found) out.push(found);
      }
    }
    return out;
  }

  /** Called with the full list when board drives appear or vanish (polling while anyone listens). */
  onDrivesChanged(listener: (drives: BoardDrive[]) => void): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      const poll = async () => {
        try {
          const drives = await this.list();
          const key = JSON.stringify(drives);
          if (key !== this.lastKey) {
            this.lastKey = key;
            for (const l of [...this.listeners]) l(drives);
          }
        } catch {
          // try again next time
        }
      };
      void poll();
      this.timer = setInterval(() => void poll(), this.options.pollMs ?? 1500);
    }
    return () => {
      this.listeners.delete(listener);
      if (!this.listeners.size) {
        clearInterval(this.timer);
        this.timer = undefined;
        this.lastKey = '';
      }
    };
  }

  /**
   * The CIRCUITPY drive of a connected CircuitPython board: matched by UID when the board
   * reported one, else by the banner's version and board name (boot_out.txt's first line).
   */
  async findCircuitPyDrive(board: { version: string; machine: string; uid?: string }): Promise<BoardDrive | null> {
    const drives = (await this.list()).filter((d) => d.kind === 'circuitpython' && d.bootOut);
    if (board.uid) {
      const byUid = drives.find((d) => d.bootOut!.uid && d.bootOut!.uid.toUpperCase() === board.uid!.toUpperCase());
      if (byUid) return byUid;
    }
    const matches = drives.filter((d) => d.bootOut!.version === board.version && d.bootOut!.machine.toLowerCase() === board.machine.toLowerCase());
    return matches.length === 1 ? matches[0] : null;
  }

  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }
}

/** What kind of board drive a folder is, from its marker files; null for anything else (also for a path typed by hand). */
export async function classify(path: string, label: string): Promise<BoardDrive | null> {
  const bootOut = await readIfExists(path, ['boot_out.txt']);
  if (bootOut !== null) {
    const parsed = parseBootOut(bootOut);
    if (parsed) return { path, label: label || 'CIRCUITPY', kind: 'circuitpython', bootOut: parsed };
  }
  const uf2 = await readIfExists(path, ['INFO_UF2.TXT']);
  if (uf2 !== null) return { path, label, kind: 'uf2-bootloader', uf2Info: parseInfoUf2(uf2) };
  const details = await readIfExists(path, ['DETAILS.TXT']);
  if (details !== null && (/MICROBIT/i.test(label) || /micro:bit|DAPLink/i.test(details))) {
    const id = /Unique ID:\s*([0-9A-Fa-f]{4})/.exec(details)?.[1];
    return { path, label: label || 'MICROBIT', kind: 'microbit', ...(id ? { microbitBoardId: id } : {}) };
  }
  return null;
}
