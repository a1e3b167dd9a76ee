/**
 * A settings store seen through the managed configuration: managed values override the
 * person's (they are never written to the person's file), and locked settings cannot be
 * changed — the IPC gate answers QRRI.SETTING_LOCKED.
 */
import { SettingsSchema, type ManageableKey } from '../../shared/settings';
import { lockedKeys, type ManagedState } from '../managed-config';
import type { SettingsStore } from './settings-store';

export class LockedSettingError extends Error {
  override name = 'LockedSettingError';
  constructor(readonly keys: readonly string[]) {
    super(`managed by the administrator: ${keys.join(', ')}`);
  }
}

export function withManagedConfig(store: SettingsStore, managed: ManagedState): SettingsStore & { locked: readonly ManageableKey[] } {
  const locked = lockedKeys(managed);
  const overrides = managed.config?.settings ?? {};
  const read = () => SettingsSchema.parse({ ...store.read(), ...overrides });
  return {
    ...store,
    locked,
    read,
    update(patch) {
      const refused = Object.keys(patch).filter((key) => (locked as readonly string[]).includes(key));
      if (refused.length > 0) throw new LockedSettingError(refused);
      store.update(patch);
      return read();
    },
    recentMeetings: () => read().recentMeetings,
  };
}
