/**
 * Main's edge of the call status (docs/api.md, "After the invite"): the core feature with the App
 * Key kept in the user-data folder, sealed by safeStorage; statuses go to the window as typed
 * events and refresh the tray ("Hang up Room A", "Room A — in meeting …"). An administrator's
 * `appKeyPath` (managed configuration) takes the place of the saved key, used with the server the
 * managed configuration fixes only (managedKeyServer); without either a usable
 * keyring or that file no App Key can be kept, so none is offered.
 */
import { join } from 'node:path';
import { app } from 'electron';
import { userAgent } from '../core/app-info';
import { createCallStatusFeature, type CallStatusFeature } from '../core/call-status/app-feature';
import type { Logger } from '../core/log';
import { lockedKeys } from '../core/managed-config';
import { createAppKeyStore, managedAppKeyStore, managedKeyServer, type AppKeyStore } from '../core/store/app-key-store';
import { EventChannel } from '../shared/ipc';
import type { Language } from '../shared/schemas';
import type { DesktopCore } from './core-setup';
import type { Windows } from './windows';

export interface CallStatusSetup {
  feature: CallStatusFeature;
  appKeys: AppKeyStore | undefined;
}

export function setupCallStatus(
  core: DesktopCore,
  win: Windows,
  deps: { logger: Logger; systemLanguage: () => Language; refreshTray: () => void },
): CallStatusSetup {
  const managedKey = core.managed.config?.appKeyPath;
  const appKeys = managedKey
    ? managedAppKeyStore(managedKey, managedKeyServer(core.store.read(), lockedKeys(core.managed)))
    : core.secretBox
      ? createAppKeyStore(join(app.getPath('userData'), 'app-key.enc'), core.secretBox)
      : undefined;
  const noKeys: AppKeyStore = {
    protection: 'plain-text-backend',
    save: () => Promise.reject(new Error('No keyring: the App Key cannot be kept safely here')),
    forget: () => undefined,
    read: () => Promise.resolve(undefined),
    state: () => ({ saved: false }),
  };
  const feature = createCallStatusFeature({
    settings: () => core.store.read(),
    appKeys: appKeys ?? noKeys,
    systemLanguage: deps.systemLanguage,
    userAgent: userAgent('desktop'),
    logger: deps.logger,
    onStatus: (status) => {
      win.emit(EventChannel.callStatus, status);
      deps.refreshTray();
    },
  });
  app.once('will-quit', () => feature.stop());
  return { feature, appKeys };
}
