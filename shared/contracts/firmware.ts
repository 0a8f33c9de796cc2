// The firmware domain: installing UF2 firmware on a board in bootloader mode (RPI-RP2, RP2350,
// …BOOT drives; board-protocols.md §8, §9). Files come from the workspace or from the firmware
// shipped with Mote (resources/firmware, so classrooms need no network); the drive must be one
// that drives:list reports. Handlers live in main/firmware/firmware-handlers.ts.
import * as v from 'valibot';
import { boundedString, channel, event, localPath, noFields, opaqueId, text } from '../contract-kit';
import { FLAVOURS, type Flavour } from '../firmware-catalog';

/** A .uf2 file Mote can offer. */
export interface FirmwareFile {
  /** 'cache': downloaded or imported (<data>/cache/firmware); 'bundled': shipped with Mote; 'workspace': in the Mote folder. */
  source: 'cache' | 'bundled' | 'workspace';
  /** Cache- or workspace-relative; the file name for bundled firmware. */
  path: string;
  name: string;
  size: number;
  /** Cached files: the board, flavour and version they were filed under. */
  boardId?: string;
  flavour?: Flavour;
  version?: string;
  title?: string;
}

/** One board a bootloader drive may belong to, with what the catalogue and the cache hold for it. */
export interface FirmwareBoardOffer {
  id: string;
  name: string;
  chip: string;
  /** Newest first, per flavour; `cached` when the file is in the cache (usable offline). */
  builds: Array<{ flavour: Flavour; version: string; cached: boolean }>;
}

/** What the dialog opens with: the boards that fit the drive (the likeliest first) and the file to pre-select. */
export interface FirmwareOffer {
  boards: FirmwareBoardOffer[];
  /** The newest cached file for the first board: of the classroom profile's flavour, else MicroPython, else what is cached. */
  preselected: FirmwareFile | null;
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

/** What importing one file did: filed in the cache, there already, or refused with the reason. */
export interface FirmwareImportResult {
  status: 'added' | 'already-cached' | 'refused';
  reason?: string;
  file?: FirmwareFile;
}

/** The largest file the dialog can import (base64 over IPC; firmware for these boards is 0.5–4 MB). */
export const MAX_IMPORT_BYTES = 6 * 1024 * 1024;

const firmwareFile = v.strictObject({ source: v.picklist(['cache', 'bundled', 'workspace']), path: localPath });

export const firmwareChannels = {
  /** UF2 firmware in the cache, then shipped with Mote, then .uf2 files in the workspace (two folders deep at most). */
  'firmware:list': channel(noFields).returns<FirmwareFile[]>(),
  /** Checks a file against a bootloader drive; invalid-file says why it would not work. */
  'firmware:check': channel(v.strictObject({ file: firmwareFile, drivePath: localPath })).returns<FirmwareCheck>(),
  /** Copies the file to the drive and waits for the board to restart; progress as 'firmware:progress'. */
  'firmware:install': channel(v.strictObject({ file: firmwareFile, drivePath: localPath, opId: opaqueId })).returns<FirmwareInstallResult>(),
  'firmware:cancel': channel(v.strictObject({ opId: opaqueId })).returns<null>(),
  /** Files one firmware file (base64 bytes, from the person's file picker) in the cache by its contents. */
  'firmware:import': channel(v.strictObject({ name: boundedString(255), data: text, boardId: v.optional(v.pipe(v.string(), v.maxLength(64))) })).returns<FirmwareImportResult>(),
  /** Asks the official sites for newer builds (only when the person presses "Check for newer firmware"). */
  'firmware:refresh-catalog': channel(noFields).returns<{ added: string[]; failures: string[] }>(),
  /** The boards a bootloader drive may belong to (from INFO_UF2.TXT), and the cached file to pre-select. Never touches the network. */
  'firmware:offer': channel(v.strictObject({ drivePath: localPath })).returns<FirmwareOffer>(),
  /** Downloads one build into the cache (the person pressed Download); progress as 'firmware:progress'. */
  'firmware:download': channel(v.strictObject({ boardId: v.pipe(v.string(), v.maxLength(64)), flavour: v.picklist(FLAVOURS), version: v.optional(v.pipe(v.string(), v.maxLength(64))), opId: opaqueId })).returns<FirmwareFile>(),
};

export const firmwareEvents = {
  /** Install or download progress; `total` is 0 while a download's size is unknown. */
  'firmware:progress': event<{ opId: string; done: number; total: number }>(),
};
