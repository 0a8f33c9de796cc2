// The app domain: facts about this running Mote (version, host kind, data folder) and
// renderer-side problem reports that main writes to its log.
import * as v from 'valibot';
import { boundedString, channel, event, noFields } from '../contract-kit';
import type { ClassroomInfo } from './classroom';

/** What the renderer needs to know about the app it runs in. */
export interface AppInfo {
  version: string;
  /** 'electron' for the desktop app, 'web' for the loopback web host used in development and tests. */
  host: 'electron' | 'web';
  platform: 'linux' | 'darwin' | 'win32' | 'other';
  /** The user-data folder (settings, simulated boards, firmware cache, journal). */
  dataDir: string;
  /** The classroom profile in force (mote-classroom.json), if any. */
  classroom?: ClassroomInfo;
}

export const appChannels = {
  /** Files the operating system asked Mote to open (absolute paths), each handed out once. */
  'app:take-opened-files': channel(noFields).returns<string[]>(),
  'app:get-info': channel(noFields).returns<AppInfo>(),
  /** Reports a renderer exception (from the renderer's one exception sink) to main's log. */
  'app:report-error': channel(
    v.strictObject({ message: boundedString(2000), stack: v.optional(boundedString(16000)), source: boundedString(200) }),
  ).returns<null>(),
};

export const appEvents = {
  /** The OS asked to open more files: call app:take-opened-files. */
  'app:files-opened': event<null>(),
  /** A message main wants the user to see (a worker restart, a board that came back). */
  'app:notice': event<{ level: 'info' | 'warning' | 'error'; message: string }>(),
  /** A command chosen in the native menu (Electron only); the renderer runs it like its own shortcut. */
  'app:menu-command': event<{ command: MenuCommand }>(),
};

/** Commands the native menu can send; the renderer maps each to the same action as its toolbar. */
export type MenuCommand = 'new' | 'open' | 'save' | 'run' | 'stop' | 'reset' | 'zoom-in' | 'zoom-out' | 'zoom-reset' | 'find' | 'goto-line' | 'welcome' | 'shortcuts';
