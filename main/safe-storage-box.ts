import type { SafeStorage } from 'electron';
import type { SecretBox } from '../core/store/secret-box';

/**
 * Meeting passwords encrypted with the OS keyring through Electron's safeStorage (async API).
 * On Linux without a keyring the backend is `basic_text`: obfuscation only, reported as such.
 */
export function createSafeStorageBox(
  safeStorage: Pick<SafeStorage, 'encryptStringAsync' | 'decryptStringAsync'>,
  backend: string,
): SecretBox {
  return {
    protection: backend === 'basic_text' ? 'plain-text-backend' : 'os-keyring',
    async encrypt(plainText) {
      return (await safeStorage.encryptStringAsync(plainText)).toString('base64');
    },
    async decrypt(cipherText) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(cipherText, 'base64'));
      return { plainText: result, shouldReEncrypt };
    },
  };
}
