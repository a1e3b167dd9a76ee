/**
 * Encrypts remembered meeting passwords. The app uses Electron's safeStorage (OS keyring);
 * Node (CLI, tests) uses AES-256-GCM with a key kept in its own file beside the settings.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SecretBox {
  /** How strongly secrets are protected, for the settings view. */
  readonly protection: 'os-keyring' | 'key-file' | 'plain-text-backend';
  encrypt(plainText: string): Promise<string>;
  /** `shouldReEncrypt`: the key was rotated or a better one exists; seal the secret again. */
  decrypt(cipherText: string): Promise<{ plainText: string; shouldReEncrypt: boolean }>;
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM with a random key; ciphertext is base64(iv | tag | data). */
export function createAesSecretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) throw new Error('secret box key must be 32 bytes');
  return {
    protection: 'key-file',
    encrypt(plainText) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64'));
    },
    decrypt(cipherText) {
      const raw = Buffer.from(cipherText, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
      return Promise.resolve({ plainText: plain.toString('utf8'), shouldReEncrypt: false });
    },
  };
}

/** An AES box whose key lives in `keyPath` (created with mode 0600 on first use). */
export function createKeyFileSecretBox(keyPath: string): SecretBox {
  if (!existsSync(keyPath)) {
    mkdirSync(dirname(keyPath), { recursive: true });
    writeFileSync(keyPath, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(keyPath, 0o600);
  return createAesSecretBox(Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'base64'));
}
