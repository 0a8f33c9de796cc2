// Turns what serialport reports when opening or using a port into messages a person can act on:
// busy (and, on Linux, which program holds it), permission denied (the dialout/uucp group and a
// udev rule), missing, and unplugged.
import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { MoteError } from '../../shared/errors';

export interface PortHolder {
  pid: number;
  command: string;
}

/** Processes other than this one holding `devicePath` open (Linux /proc only; [] elsewhere). */
export function findPortHolders(devicePath: string, procRoot = '/proc'): PortHolder[] {
  if (process.platform !== 'linux' && procRoot === '/proc') return [];
  let target: string;
  try {
    target = realpathSync(devicePath);
  } catch {
    target = devicePath;
  }
  const holders: PortHolder[] = [];
  let pids: string[];
  try {
    pids = readdirSync(procRoot).filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`${procRoot}/${pid}/fd`);
    } catch {
      continue; // not ours to look at, or gone
    }
    const holds = fds.some((fd) => {
      try {
        return readlinkSync(`${procRoot}/${pid}/fd/${fd}`) === target;
      } catch {
        return false;
      }
    });
    if (holds) holders.push({ pid: Number(pid), command: commandOf(procRoot, pid) });
  }
  return holders;
}

function commandOf(procRoot: string, pid: string): string {
  try {
    const cmd = readFileSync(`${procRoot}/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    if (cmd) return cmd.length > 120 ? `${cmd.slice(0, 117)}...` : cmd;
  } catch {
    // fall through to comm
  }
  try {
    return readFileSync(`${procRoot}/${pid}/comm`, 'utf8').trim();
  } catch {
    return 'unknown program';
  }
}

export interface OpenErrorContext {
  platform?: NodeJS.Platform;
  /** Who holds the port (from findPortHolders), when known. */
  holders?: PortHolder[];
  /** The user's groups, to say whether a log-out is all that is missing. */
  userInGroup?: boolean;
}

/** The MoteError for a failed open, from serialport's error text. */
export function openError(path: string, err: Error, ctx: OpenErrorContext = {}): MoteError {
  const msg = err.message ?? String(err);
  const platform = ctx.platform ?? process.platform;
  if (/Cannot lock port|Resource busy|EBUSY|Resource temporarily unavailable/i.test(msg) || (platform === 'win32' && /Access denied/i.test(msg))) {
    const who = ctx.holders?.length ? ctx.holders.map((h) => `${h.command} (pid ${h.pid})`).join(', ') : null;
    const held = who ? `${who} has it open` : 'another program has it open (Thonny, the Arduino IDE, mpremote, screen, a browser tab using Web Serial…)';
    const mm = platform === 'linux' && !who ? ' If the board was just plugged in, ModemManager may be probing it: wait a few seconds and try again.' : '';
    return new MoteError('port-busy', `${path} is busy: ${held}. Close that program (or disconnect it from the board) and connect again.${mm}`);
  }
  if (/Permission denied|EACCES/i.test(msg)) {
    if (platform === 'linux') {
      return new MoteError(
        'port-permission',
        `Linux does not let you open ${path}: your user is not in the group that owns serial ports ` +
          `("dialout" on Debian, Ubuntu and Fedora; "uucp" on Arch). Run: sudo usermod -aG dialout $USER ` +
          `(or: sudo usermod -aG uucp $USER), then log out and back in. ` +
          `Alternatively add a udev rule, e.g. /etc/udev/rules.d/99-mote.rules containing ` +
          `SUBSYSTEM=="tty", ATTRS{idVendor}=="2e8a", MODE="0666" (or TAG+="uaccess"), then run: ` +
          `sudo udevadm control --reload && sudo udevadm trigger`,
      );
    }
    return new MoteError('port-permission', `The system refused access to ${path} (${msg}).`);
  }
  if (/No such file|ENOENT|cannot find|File not found/i.test(msg)) {
    return new MoteError('not-found', `There is no serial port ${path}. Check the cable (some USB cables carry power only) and pick the port again.`);
  }
  if (/Inappropriate ioctl|ENOTTY/i.test(msg)) {
    return new MoteError('not-found', `${path} is not a serial port (the system cannot set a baud rate on it).`);
  }
  return new MoteError('board-unplugged', `Could not open ${path}: ${msg}`);
}
