import ElectronStore from 'electron-store';
import type { StoreBackend } from './settings-store';

/** The app's persistence: electron-store's `config.json` in the user-data folder. */
export function createElectronBackend(): StoreBackend {
  return new ElectronStore<Record<string, unknown>>({ name: 'config' });
}
