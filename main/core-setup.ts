/**
 * The core services as the desktop app runs them: safeStorage as the secret box, electron-store
 * as the settings file, the administrator's managed configuration, and a notification when a
 * damaged settings file or an invalid managed configuration had to be set aside.
 */
import { safeStorage } from 'electron';
import { ClientCode, lookupError } from '../shared/errors';
import type { Language } from '../shared/schemas';
import { userAgent } from '../core/app-info';
import type { Logger } from '../core/log';
import { loadManagedConfig, managedConfigPath, type ManagedState } from '../core/managed-config';
import { createCoreServices, type CoreServices } from '../core/services';
import type { SettingsReset } from '../core/store/recovery';
import type { SecretBox } from '../core/store/secret-box';
import { createElectronBackend } from './electron-store-backend';
import { createSafeStorageBox } from './safe-storage-box';

export interface DesktopCore extends CoreServices {
  managed: ManagedState;
  secretBox: SecretBox | undefined;
}

export async function setupCore(deps: {
  logger: Logger;
  systemLanguage: () => Language;
  notify: (title: string, body: string) => void;
}): Promise<DesktopCore> {
  const { logger, systemLanguage, notify } = deps;
  const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  const secretBox = (await safeStorage.isAsyncEncryptionAvailable()) ? createSafeStorageBox(safeStorage, backend) : undefined;
  const onSettingsReset = (reset: SettingsReset) => {
    logger.warn('settings file damaged, reset to defaults', reset);
    const entry = lookupError(ClientCode.settingsReset);
    const lang = systemLanguage();
    notify(entry.title[lang], `${entry.action[lang]} (${reset.backupPath})`);
  };
  const managed = loadManagedConfig(managedConfigPath(process.argv, process.env));
  if (managed.error) {
    logger.error('managed configuration ignored', { error: managed.error });
    notify(lookupError(ClientCode.managedConfigInvalid).title[systemLanguage()], managed.error);
  }
  const core = createCoreServices({
    managed,
    backend: createElectronBackend(onSettingsReset),
    ...(secretBox ? { secretBox } : {}),
    systemLanguage,
    userAgent: userAgent('desktop'),
    logger,
    onSettingsReset,
  });
  return { ...core, managed, secretBox };
}
