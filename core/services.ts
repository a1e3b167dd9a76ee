/**
 * The main-process services wired together, without Electron: the settings store, a meeting
 * client that follows the settings, and the invite service. Electron main and the browser
 * preview's bridge both start from here.
 */
import type { Language } from '../shared/schemas';
import { createSettingsClient } from './api/settings-client';
import { createInviteService, type InviteService } from './invite-service';
import type { Logger } from './log';
import type { ManagedState } from './managed-config';
import { withManagedConfig } from './store/managed-store';
import type { SettingsReset } from './store/recovery';
import type { SecretBox } from './store/secret-box';
import { createSettingsStore, type SettingsStore, type StoreBackend } from './store/settings-store';

export interface CoreServices {
  /** The person's settings seen through the managed configuration. */
  store: SettingsStore;
  service: InviteService;
  /** Settings the managed configuration fixes. */
  locked: readonly string[];
}

export function createCoreServices(options: {
  backend: StoreBackend;
  secretBox?: SecretBox;
  systemLanguage: () => Language;
  userAgent: string;
  logger?: Logger;
  onSettingsReset?: (reset: SettingsReset) => void;
  managed?: ManagedState;
}): CoreServices {
  const own = createSettingsStore(options.backend, options.secretBox, options.onSettingsReset ? { onReset: options.onSettingsReset } : {});
  const store = withManagedConfig(own, options.managed ?? {});
  const client = createSettingsClient({
    settings: () => store.read(),
    systemLanguage: options.systemLanguage,
    userAgent: options.userAgent,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const service = createInviteService({ client, store, ...(options.logger ? { logger: options.logger } : {}) });
  return { store, service, locked: store.locked };
}
