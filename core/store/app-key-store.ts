/**
 * The enterprise App Key (docs/api.md, door B), kept only encrypted by the secret box in a file
 * of its own beside the settings — never in config.json, never sent back to the window (which
 * learns only that a key is saved and how it is protected). A managed configuration may instead
 * name a file holding the key (`appKeyPath`), read by main only.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretBox } from './secret-box';

const MAX_KEY_LENGTH = 512;

export interface AppKeyStore {
  /** Saves (encrypted) or, with null, forgets the key. */
  save(appKey: string | null): Promise<void>;
  read(): Promise<string | undefined>;
  saved(): boolean;
  readonly protection: SecretBox['protection'] | 'managed-file';
}

export function createAppKeyStore(filePath: string, secretBox: SecretBox): AppKeyStore {
  return {
    protection: secretBox.protection,
    async save(appKey) {
      if (appKey === null) {
        rmSync(filePath, { force: true });
        return;
      }
      const trimmed = appKey.trim();
      if (trimmed === '' || trimmed.length > MAX_KEY_LENGTH) throw new Error(`An App Key is 1–${MAX_KEY_LENGTH} characters`);
      mkdirSync(dirname(filePath), { recursive: true });
      writeFileSync(filePath, await secretBox.encrypt(trimmed), { mode: 0o600 });
    },
    async read() {
      if (!existsSync(filePath)) return undefined;
      try {
        return (await secretBox.decrypt(readFileSync(filePath, 'utf8'))).plainText;
      } catch {
        // A key sealed by another keyring or profile cannot be opened: it must be entered again.
        return undefined;
      }
    },
    saved: () => existsSync(filePath),
  };
}

/** The key from an administrator's file (managed `appKeyPath`): first line, trimmed; read by main only. */
export function managedAppKeyStore(keyPath: string): AppKeyStore {
  const read = (): string | undefined => {
    try {
      const key = readFileSync(keyPath, 'utf8').split(/\r?\n/u)[0]?.trim();
      return key && key.length <= MAX_KEY_LENGTH ? key : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    protection: 'managed-file',
    save: () => Promise.reject(new Error('The App Key is set by the managed configuration')),
    read: () => Promise.resolve(read()),
    saved: () => read() !== undefined,
  };
}
