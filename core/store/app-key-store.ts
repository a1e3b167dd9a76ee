/**
 * The enterprise App Key (docs/api.md, door B), kept only encrypted by the secret box in a file
 * of its own beside the settings — never in config.json, never sent back to the window (which
 * learns only whether a key is saved for the server in Settings, and how it is protected). A
 * managed configuration may instead name a file holding the key (`appKeyPath`), read by main only.
 *
 * Like a remembered password, the key is bound to the API base URL it was saved for and only
 * ever used with that server (SECURITY.md, finding 2): appauth's signature is good for ten
 * minutes, so a server that receives one could sign in as the enterprise elsewhere. Changing
 * the server leaves door B without a key until it is entered again for the new one.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ManageableKey, Settings } from '../../shared/settings';
import type { SecretBox } from './secret-box';
import { currentBaseUrl } from './settings-store';

const MAX_KEY_LENGTH = 512;

/** The key file: the sealed key and, in clear, the base URL it is for (not a secret). */
const KeyFileSchema = z.strictObject({ baseUrl: z.string().min(1).max(2048), cipher: z.string().min(1) });

/** What the window may learn: whether a key is saved for the server in Settings, or else for which other one. */
export interface AppKeyState {
  saved: boolean;
  otherServer?: string;
}

export interface AppKeyStore {
  /** Saves the key encrypted, bound to `baseUrl`: it is used with that server only. */
  save(appKey: string, baseUrl: string): Promise<void>;
  forget(): void;
  /** The key, only when it was saved for `baseUrl`. */
  read(baseUrl: string | undefined): Promise<string | undefined>;
  state(baseUrl: string | undefined): AppKeyState;
  readonly protection: SecretBox['protection'] | 'managed-file';
}

function stateOf(keptFor: string | undefined, baseUrl: string | undefined): AppKeyState {
  if (keptFor === undefined) return { saved: false };
  return keptFor === baseUrl ? { saved: true } : { saved: false, otherServer: keptFor };
}

export function createAppKeyStore(filePath: string, secretBox: SecretBox): AppKeyStore {
  /** The file's content; a file of another form (one written before keys were bound) counts as none. */
  const kept = (): z.infer<typeof KeyFileSchema> | undefined => {
    if (!existsSync(filePath)) return undefined;
    try {
      const parsed = KeyFileSchema.safeParse(JSON.parse(readFileSync(filePath, 'utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    protection: secretBox.protection,
    async save(appKey, baseUrl) {
      const trimmed = appKey.trim();
      if (trimmed === '' || trimmed.length > MAX_KEY_LENGTH) throw new Error(`An App Key is 1–${MAX_KEY_LENGTH} characters`);
      const file = { baseUrl, cipher: await secretBox.encrypt(trimmed) };
      mkdirSync(dirname(filePath), { recursive: true });
      writeFileSync(filePath, JSON.stringify(file), { mode: 0o600 });
    },
    forget: () => rmSync(filePath, { force: true }),
    async read(baseUrl) {
      const file = kept();
      if (!file || baseUrl === undefined || file.baseUrl !== baseUrl) return undefined;
      try {
        return (await secretBox.decrypt(file.cipher)).plainText;
      } catch {
        // A key sealed by another keyring or profile cannot be opened: it must be entered again.
        return undefined;
      }
    },
    state: (baseUrl) => stateOf(kept()?.baseUrl, baseUrl),
  };
}

/**
 * The server a managed App Key belongs to: the site and custom base URL as the managed
 * configuration fixes them (set or locked, so they cannot change while main runs); what it
 * leaves open counts at its default (site `cn`), so the person's own choice of server never
 * receives the administrator's key.
 */
export function managedKeyServer(
  effective: Pick<Settings, 'site' | 'customBaseUrl'>,
  locked: readonly ManageableKey[],
): string | undefined {
  return currentBaseUrl({
    site: locked.includes('site') ? effective.site : 'cn',
    ...(locked.includes('customBaseUrl') && effective.customBaseUrl ? { customBaseUrl: effective.customBaseUrl } : {}),
  });
}

/**
 * The key from an administrator's file (managed `appKeyPath`): first line, trimmed; read by
 * main only, and used with `server` only (managedKeyServer).
 */
export function managedAppKeyStore(keyPath: string, server: string | undefined): AppKeyStore {
  const readFile = (): string | undefined => {
    try {
      const key = readFileSync(keyPath, 'utf8').split(/\r?\n/u)[0]?.trim();
      return key && key.length <= MAX_KEY_LENGTH ? key : undefined;
    } catch {
      return undefined;
    }
  };
  const managedOnly = 'The App Key is set by the managed configuration';
  return {
    protection: 'managed-file',
    save: () => Promise.reject(new Error(managedOnly)),
    forget: () => {
      throw new Error(managedOnly);
    },
    read: (baseUrl) => Promise.resolve(server !== undefined && baseUrl === server ? readFile() : undefined),
    state: (baseUrl) => stateOf(readFile() === undefined ? undefined : server, baseUrl),
  };
}
