/**
 * The main-process services wired together, without Electron: the settings store, a meeting
 * client that follows the settings, and the invite service. Electron main and the browser
 * preview's bridge both start from here.
 */
import type { Language } from '../shared/schemas';
import { createSettingsClient } from './api/settings-client';
import { createInviteService, type InviteService } from './invite-service';
import type { Logger } from './log';
import type { SettingsReset } from './store/recovery';
import type { SecretBox } from './store/secret-box';
import { createSettingsStore, type SettingsStore, type StoreBackend } from './store/settings-store';

export interface CoreServices {
  store: SettingsStore;
  service: InviteService;
}

export function createCoreServices(options: {
  backend: StoreBackend;
  secretBox?: SecretBox;
  systemLanguage: () => Language;
  userAgent: string;
  logger?: Logger;
  onSettingsReset?: (reset: SettingsReset) => void;
}): CoreServices {
  const store = createSettingsStore(options.backend, options.secretBox, options.onSettingsReset ? { onReset: options.onSettingsReset } : {});
  const client = createSettingsClient({
    settings: () => store.read(),
    systemLanguage: options.systemLanguage,
    userAgent: options.userAgent,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const service = createInviteService({ client, store, ...(options.logger ? { logger: options.logger } : {}) });
  return { store, service };
}
