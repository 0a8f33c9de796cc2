// Whether the line to a board holds bytes back when the board's input buffer is full. Uploads
// that stream to the board's stdin (board/stream-upload.ts) may then keep many KiB in flight;
// without it they must stay within the board's buffer, as raw-paste's window does.
import { realpathSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { lookupUsbId, type RawPort } from './usb-ids';

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path; // COM3 on Windows, or a path that vanished: compare as written
  }
}

/**
 * True for a board with its own USB stack (per the usb-ids table's `link`) and for a
 * pseudo-terminal (the kernel blocks a writer when the pty's buffer is full). False for a
 * USB-serial bridge and for anything unknown: the safe answer.
 */
export async function hasFlowControl(path: string, lister: () => Promise<RawPort[]> = () => SerialPort.list()): Promise<boolean> {
  const target = real(path);
  if (target.startsWith('/dev/pts/')) return true;
  const ports = await lister().catch((): RawPort[] => []);
  const port = ports.find((p) => p.path === path || real(p.path) === target);
  return lookupUsbId(port?.vendorId, port?.productId)?.link === 'usb';
}
