// The serial domain: which ports exist, what board each probably is, and hot-plug events.
// Declared by the lead; handlers live in main/serial/serial-handlers.ts. Extend, don't rename.
import { channel, event, noFields } from '../contract-kit';

/** A serial port as the OS lists it, with what Mote could tell about the board behind it. */
export interface PortInfo {
  /** Device path: '/dev/ttyACM0', '/dev/cu.usbmodem1101', 'COM3'. */
  path: string;
  /** USB vendor and product id as 4 lower-case hex digits, when the OS knows them. */
  vendorId?: string;
  productId?: string;
  manufacturer?: string;
  serialNumber?: string;
  /** A name a person understands: "Raspberry Pi Pico (MicroPython)", "CP2102 USB-serial — probably an ESP32". */
  friendlyName: string;
  /** What the USB ids suggest; 'unknown' for bridges and unlisted ids. */
  flavourHint: 'micropython' | 'circuitpython' | 'bootloader' | 'unknown';
  /** True when the ids mark a board Mote knows (so auto-connect may pick it). */
  isKnownBoard: boolean;
}

export const serialChannels = {
  'serial:list-ports': channel(noFields).returns<PortInfo[]>(),
};

export const serialEvents = {
  /** The full list, sent whenever a port appears or disappears. */
  'serial:ports-changed': event<PortInfo[]>(),
};
