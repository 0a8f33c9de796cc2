// Where Mote keeps its data when no folder is given: the same place Electron's userData
// points to for an app named "Mote", so the desktop app and the web host share it.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Mote');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Mote');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Mote');
}
