import Conf from 'conf';
import type { StoreBackend } from './settings-store';

/** The Node persistence (CLI, tests): a JSON file `config.json` in `directory`. */
export function createConfBackend(directory: string): StoreBackend {
  return new Conf<Record<string, unknown>>({ cwd: directory, configName: 'config', projectName: 'qr-room-invite' });
}
