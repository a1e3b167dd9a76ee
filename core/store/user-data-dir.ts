import { homedir } from 'node:os';
import { join } from 'node:path';
import { APP_NAME } from '../app-info';

/**
 * The folder where Electron keeps the app's settings (`app.getPath('userData')`), computed
 * without Electron so that the CLI reads the rooms configured in the app.
 * `QRRI_CONFIG_DIR` overrides it (tests, scripts, several profiles).
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.QRRI_CONFIG_DIR) return env.QRRI_CONFIG_DIR;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}
