import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConfBackend } from '../../core/store/conf-backend';
import { createKeyFileSecretBox } from '../../core/store/secret-box';
import { createSettingsStore, type SettingsStore } from '../../core/store/settings-store';

/** A conf-backed store in a fresh temporary folder, with a real AES secret box. */
export function tempStore(options: { secrets?: boolean; now?: () => Date } = {}): {
  store: SettingsStore;
  dir: string;
  rawFile: () => string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'qrri-store-'));
  const box = options.secrets === false ? undefined : createKeyFileSecretBox(join(dir, 'secret.key'));
  const store = createSettingsStore(createConfBackend(dir), box, options.now ? { now: options.now } : {});
  return { store, dir, rawFile: () => readFileSync(join(dir, 'config.json'), 'utf8') };
}
