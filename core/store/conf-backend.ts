import { join } from 'node:path';
import Conf from 'conf';
import { openRecovering, type SettingsReset } from './recovery';
import type { StoreBackend } from './settings-store';

/** The Node persistence (CLI, tests): a JSON file `config.json` in `directory`. */
export function createConfBackend(directory: string, onReset?: (reset: SettingsReset) => void): StoreBackend {
  return openRecovering(
    join(directory, 'config.json'),
    () => new Conf<Record<string, unknown>>({ cwd: directory, configName: 'config', projectName: 'qr-room-invite' }),
    onReset,
  );
}
