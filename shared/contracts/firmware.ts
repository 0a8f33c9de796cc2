// The firmware domain: installing UF2 firmware on a board in bootloader mode (RPI-RP2, RP2350,
// …BOOT drives; board-protocols.md §8, §9). Files come from the workspace or from the firmware
// shipped with Mote (resources/firmware, so classrooms need no network); the drive must be one
// that drives:list reports. Handlers live in main/firmware/firmware-handlers.ts.
import * as v from 'valibot';
import { channel, event, localPath, noFields, opaqueId } from '../contract-kit';

/** A .uf2 file Mote can offer. */
export interface FirmwareFile {
  /** 'bundled': shipped with Mote; 'workspace': in the Mote folder. */
  source: 'bundled' | 'workspace';
  /** Workspace-relative for the workspace; the file name for bundled firmware. */
  path: string;
  name: string;
  size: number;
}

/** What a file would do on a drive: the chips it holds firmware for, and anything to beware of. */
export interface FirmwareCheck {
  /** 'RP2040', 'RP2350 (Arm)', …: the parts of the file the bootloader will take. */
  families: string[];
  bytes: number;
  /** "MicroPython 1.24.1 (2024-11-29)", when the image says. */
  title?: string;
  warning?: string;
}

export interface FirmwareInstallResult {
  families: string[];
  /** The drive vanished after the copy: the board restarted into the new firmware. */
  rebooted: boolean;
  warning?: string;
}

const firmwareFile = v.strictObject({ source: v.picklist(['bundled', 'workspace']), path: localPath });

export const firmwareChannels = {
  /** Firmware shipped with Mote, then .uf2 files in the workspace (two folders deep at most). */
  'firmware:list': channel(noFields).returns<FirmwareFile[]>(),
  /** Checks a file against a bootloader drive; invalid-file says why it would not work. */
  'firmware:check': channel(v.strictObject({ file: firmwareFile, drivePath: localPath })).returns<FirmwareCheck>(),
  /** Copies the file to the drive and waits for the board to restart; progress as 'firmware:progress'. */
  'firmware:install': channel(v.strictObject({ file: firmwareFile, drivePath: localPath, opId: opaqueId })).returns<FirmwareInstallResult>(),
  'firmware:cancel': channel(v.strictObject({ opId: opaqueId })).returns<null>(),
};

export const firmwareEvents = {
  'firmware:progress': event<{ opId: string; done: number; total: number }>(),
};
