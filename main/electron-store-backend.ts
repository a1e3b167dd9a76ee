import { join } from 'node:path';
import { app } from 'electron';
import ElectronStore from 'electron-store';
import { openRecovering, type SettingsReset } from '../core/store/recovery';
import type { StoreBackend } from '../core/store/settings-store';

/** The app's persistence: electron-store's `config.json` in the user-data folder. */
export function createElectronBackend(onReset?: (reset: SettingsReset) => void): StoreBackend {
  return openRecovering(
    join(app.getPath('userData'), 'config.json'),
    () => new ElectronStore<Record<string, unknown>>({ name: 'config' }),
    onReset,
  );
}
