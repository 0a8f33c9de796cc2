// The settings domain: user preferences kept in the data folder, validated on the way in.
import * as v from 'valibot';
import { boundedString, channel, event, noFields } from '../contract-kit';

/** Every setting, with its schema. Adding a setting = adding one line here and its default. */
export const settingsSchema = v.strictObject({
  theme: v.picklist(['light', 'dark', 'high-contrast', 'system']),
  editorFontSize: v.pipe(v.number(), v.integer(), v.minValue(8), v.maxValue(40)),
  /** The board Mote connects to on start: 'auto' picks a plugged-in board, else the simulated default. */
  lastBoard: boundedString(300),
  /** The folder shown in the computer pane of the Files view ('' = the default Mote folder). */
  workspaceDir: boundedString(1024),
  /** DTR/RTS on connect, as Thonny offers it (ESP boards on Windows want both false). */
  assertDtrRts: v.boolean(),
  /** A school's web server (http://…) or shared folder holding the download sites' files as <host>/<path>; '' = the official sites. */
  downloadMirror: boundedString(1024),
  /** The first-run welcome was closed (Help → Welcome shows it again). */
  welcomeSeen: v.boolean(),
});

/** All user settings. */
export type Settings = v.InferOutput<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  editorFontSize: 14,
  lastBoard: 'auto',
  workspaceDir: '',
  assertDtrRts: true,
  downloadMirror: '',
  welcomeSeen: false,
};

export const settingsChannels = {
  'settings:get': channel(noFields).returns<Settings>(),
  /**
   * Changes some settings; returns all of them after the change. Not the workspace folder: it
   * confines every workspace path, so a message must not move it (a person picks it in a
   * folder dialog, or a classroom profile sets it).
   */
  'settings:update': channel(v.strictObject({ changes: v.partial(v.omit(settingsSchema, ['workspaceDir'])) })).returns<Settings>(),
};

export const settingsEvents = {
  'settings:changed': event<Settings>(),
};
