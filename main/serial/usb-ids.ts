// Identifies boards from USB vendor:product ids, using the table in resources/boards/usb-ids.json
// (board-protocols.md §7.1). Bridge chips say nothing about the firmware; the name says so.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PortInfo } from '../../shared/contracts/serial';

export interface UsbIdEntry {
  name: string;
  flavour: PortInfo['flavourHint'];
  known: boolean;
  /**
   * 'usb': the board speaks USB itself, and its USB stack holds data back (NAK) while its input
   * buffer is full. 'uart': a USB-serial bridge in front of the board's UART, with no flow
   * control, so a sender must stay within the board's input buffer. Absent for bootloaders.
   */
  link?: 'usb' | 'uart';
}

let table: Record<string, UsbIdEntry> | null = null;

/** Finds resources/boards/usb-ids.json above this file (source tree, out/main, or the packaged app). */
function loadTable(): Record<string, UsbIdEntry> {
  if (table) return table;
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'resources', 'boards', 'usb-ids.json');
    if (existsSync(candidate)) {
      table = (JSON.parse(readFileSync(candidate, 'utf8')) as { ids: Record<string, UsbIdEntry> }).ids;
      return table;
    }
    dir = dirname(dir);
  }
  table = {};
  return table;
}

/** Normalises "0x2E8A", "2e8a" or "2E8A" to four lower-case hex digits. */
export function normaliseId(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const hex = id.toLowerCase().replace(/^0x/, '');
  return /^[0-9a-f]{1,4}$/.test(hex) ? hex.padStart(4, '0') : undefined;
}

/** The table entry for an id pair: the exact id first, then the vendor's wildcard. */
export function lookupUsbId(vendorId?: string, productId?: string): UsbIdEntry | null {
  const v = normaliseId(vendorId);
  const p = normaliseId(productId);
  if (!v) return null;
  const t = loadTable();
  return (p && t[`${v}:${p}`]) || t[`${v}:*`] || null;
}

export interface RawPort {
  path: string;
  vendorId?: string;
  productId?: string;
  manufacturer?: string;
  serialNumber?: string;
}

/** A port as the contract describes it, with a name a person understands. */
export function describePort(port: RawPort): PortInfo {
  const vendorId = normaliseId(port.vendorId);
  const productId = normaliseId(port.productId);
  let entry = lookupUsbId(vendorId, productId);
  // micro:bit and Calliope share DAPLink's ids; the product string tells them apart (§7.1)
  if (entry && vendorId === '0d28' && /calliope/i.test(port.manufacturer ?? '')) entry = { ...entry, name: 'Calliope mini (DAPLink)' };
  const fallback = vendorId ? `USB serial device ${vendorId}:${productId ?? '????'}${port.manufacturer ? ` (${port.manufacturer})` : ''}` : `Serial port ${port.path}`;
  return {
    path: port.path,
    ...(vendorId ? { vendorId } : {}),
    ...(productId ? { productId } : {}),
    ...(port.manufacturer ? { manufacturer: port.manufacturer } : {}),
    ...(port.serialNumber ? { serialNumber: port.serialNumber } : {}),
    friendlyName: entry?.name ?? fallback,
    flavourHint: entry?.flavour ?? 'unknown',
    isKnownBoard: entry?.known ?? false,
  };
}
