/**
 * Settings and history behind one interface, whatever persists them (electron-store in the
 * app, conf under Node). Data is migrated and validated with the shared schema on every read;
 * passwords go through the secret box and are stored only encrypted.
 */
import {
  MAX_RECENT_MEETINGS,
  SettingsSchema,
  applySettingsPatch,
  migrateSettings,
  type RecentMeeting,
  type Settings,
  type SettingsPatch,
} from '../../shared/settings';
import { describeIssues, type SiteId } from '../../shared/schemas';
import type { SecretBox } from './secret-box';

/** The part of conf / electron-store this module needs: the whole document. */
export interface StoreBackend {
  store: Record<string, unknown>;
}

export interface SettingsStore {
  read(): Settings;
  /** Applies a patch (`null` clears), validates the result, and persists it; throws on invalid values. */
  update(patch: SettingsPatch): Settings;
  recentMeetings(): RecentMeeting[];
  /** Moves a meeting to the top of the recent list; stores its password only when allowed. */
  recordMeeting(entry: { id: string; site?: SiteId; label?: string; password?: string }): Promise<void>;
  rememberedPassword(meetingId: string): Promise<string | undefined>;
  forgetMeeting(meetingId: string): void;
  /** Forgets every recent meeting and its secret. */
  forgetAllMeetings(): void;
  /** Names a recent meeting ("Weekly sync"); `null` removes the label. */
  labelMeeting(meetingId: string, label: string | null): void;
}

export function createSettingsStore(backend: StoreBackend, secretBox?: SecretBox, now = () => new Date()): SettingsStore {
  function read(): Settings {
    const raw = backend.store;
    // Migrated in memory only: reading never writes, so the CLI can read the app's file safely.
    const { data } = migrateSettings(raw);
    const parsed = SettingsSchema.safeParse(data);
    if (!parsed.success) {
      throw new Error(`Settings file is invalid: ${describeIssues(parsed.error)}`);
    }
    return parsed.data;
  }

  function write(next: Settings): Settings {
    const parsed = SettingsSchema.safeParse(next);
    if (!parsed.success) throw new Error(`Invalid settings: ${describeIssues(parsed.error)}`);
    backend.store = parsed.data;
    return parsed.data;
  }

  return {
    read,
    update(patch) {
      return write(applySettingsPatch(read(), patch));
    },
    recentMeetings() {
      return read().recentMeetings;
    },
    async recordMeeting({ id, site, label, password }) {
      const settings = read();
      const previous = settings.recentMeetings.find((m) => m.id === id);
      const keep = settings.rememberPasswords && secretBox !== undefined;
      const passwordCipher =
        keep && password !== undefined ? await secretBox.encrypt(password) : keep ? previous?.passwordCipher : undefined;
      const entry: RecentMeeting = {
        id,
        lastUsedAt: now().toISOString(),
        ...((site ?? previous?.site) ? { site: site ?? previous?.site } : {}),
        ...((label ?? previous?.label) ? { label: label ?? previous?.label } : {}),
        ...(passwordCipher ? { passwordCipher } : {}),
      };
      const others = settings.recentMeetings.filter((m) => m.id !== id);
      write({ ...settings, recentMeetings: [entry, ...others].slice(0, MAX_RECENT_MEETINGS) });
    },
    async rememberedPassword(meetingId) {
      const cipher = read().recentMeetings.find((m) => m.id === meetingId)?.passwordCipher;
      if (!cipher || !secretBox) return undefined;
      try {
        return await secretBox.decrypt(cipher);
      } catch {
        // A key that changed (new keyring, copied profile) makes old secrets unreadable: ask again.
        return undefined;
      }
    },
    forgetMeeting(meetingId) {
      const settings = read();
      write({ ...settings, recentMeetings: settings.recentMeetings.filter((m) => m.id !== meetingId) });
    },
    forgetAllMeetings() {
      write({ ...read(), recentMeetings: [] });
    },
    labelMeeting(meetingId, label) {
      const settings = read();
      const recentMeetings = settings.recentMeetings.map((m) => {
        if (m.id !== meetingId) return m;
        const { label: _old, ...rest } = m;
        return label ? { ...rest, label } : rest;
      });
      write({ ...settings, recentMeetings });
    },
  };
}

