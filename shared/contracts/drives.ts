// The drives domain: board drives the computer has mounted (CIRCUITPY, UF2 bootloader drives
// such as RPI-RP2 / RP2350, MICROBIT), found by their marker files, with hot-plug events.
// Handlers live in main/drives/drives-handlers.ts.
import { channel, event, noFields } from '../contract-kit';

/** A mounted board drive. */
export interface BoardDriveInfo {
  /** Where it is mounted: '/media/me/CIRCUITPY', 'E:\\'. */
  path: string;
  label: string;
  kind: 'circuitpython' | 'uf2-bootloader' | 'microbit';
  /** CIRCUITPY: what boot_out.txt says (version "9.2.1", machine "Raspberry Pi Pico with rp2040", board id, UID). */
  bootOut?: { firstLine: string; version: string; machine: string; boardId?: string; uid?: string };
  /** UF2 drives: INFO_UF2.TXT as key/value pairs (Model, Board-ID, …) plus 'banner' for its first line. */
  uf2Info?: Record<string, string>;
  /** micro:bit: the board id from DETAILS.TXT (9900 … 9906). */
  microbitBoardId?: string;
}

export const drivesChannels = {
  'drives:list': channel(noFields).returns<BoardDriveInfo[]>(),
};

export const drivesEvents = {
  /** The full list, sent whenever a board drive appears or disappears. */
  'drives:changed': event<BoardDriveInfo[]>(),
};
