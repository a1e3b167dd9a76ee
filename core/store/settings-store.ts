/**
 * Settings and history behind one interface, whatever persists them (electron-store in the
 * app, conf under Node). Data is migrated and validated with the shared schema on every read;
 * passwords go through the secret box and are stored only encrypted.
 */
import {
  MAX_RECENT_MEETINGS,
  SettingsSchema,
  applySettingsPatch,
  defaultSettings,
  migrateSettings,
  type RecentMeeting,
  type Settings,
  type SettingsPatch,
} from '../../shared/settings';
import { describeIssues, type SiteId } from '../../shared/schemas';
import { baseUrlFromSettings } from '../api/sites';
import { backupDamagedFile, type SettingsReset } from './recovery';
import type { SecretBox } from './secret-box';

/** The part of conf / electron-store this module needs: the whole document and its file. */
export interface StoreBackend {
  store: Record<string, unknown>;
  readonly path: string;
}

export interface SettingsStoreOptions {
  now?: () => Date;
  /**
   * Told when a damaged settings file was set aside and replaced by defaults. Without it, a
   * damaged file is an error and is left as it is (the CLI).
   */
  onReset?: (reset: SettingsReset) => void;
}

export interface SettingsStore {
  read(): Settings;
  /** Applies a patch (`null` clears), validates the result, and persists it; throws on invalid values. */
  update(patch: SettingsPatch): Settings;
  recentMeetings(): RecentMeeting[];
  /**
   * Moves a meeting to the top of the recent list; stores its password only when allowed, bound
   * to `baseUrl` (by default the one the settings point at), the server that accepted it.
   */
  recordMeeting(entry: { id: string; site?: SiteId; label?: string; password?: string; baseUrl?: string }): Promise<void>;
  /** The remembered password, only when it is bound to `baseUrl` (by default the settings' one). */
  rememberedPassword(meetingId: string, baseUrl?: string): Promise<string | undefined>;
  /**
   * Keeps the meeting's HOST password, once the server accepted it (docs/api.md, door A), bound
   * to `baseUrl` like a meeting password — only when passwords may be kept and the meeting is in
   * the history (an accepted invite put it there).
   */
  rememberHostPassword(meetingId: string, hostPassword: string, baseUrl?: string): Promise<void>;
  /** The remembered host password, only when it is bound to `baseUrl` (by default the settings' one). */
  rememberedHostPassword(meetingId: string, baseUrl?: string): Promise<string | undefined>;
  /** Drops the remembered host password: the server refused it, so it is never sent again. */
  forgetHostPassword(meetingId: string): void;
  forgetMeeting(meetingId: string): void;
  /** Forgets every recent meeting and its secret. */
  forgetAllMeetings(): void;
  /** Names a recent meeting ("Weekly sync"); `null` removes the label. */
  labelMeeting(meetingId: string, label: string | null): void;
}

/** The API base URL the settings point at, or undefined when they name none that works. */
export function currentBaseUrl(settings: Pick<Settings, 'site' | 'customBaseUrl'>): string | undefined {
  try {
    return baseUrlFromSettings(settings);
  } catch {
    return undefined;
  }
}

/**
 * Whether a remembered password may be sent to `baseUrl`: only to the server that accepted it
 * (security review, finding 2: otherwise a changed base URL would receive every password).
 */
export function isPasswordBoundTo(
  meeting: Pick<RecentMeeting, 'passwordCipher' | 'passwordBaseUrl'>,
  baseUrl: string | undefined,
): boolean {
  return Boolean(meeting.passwordCipher) && baseUrl !== undefined && meeting.passwordBaseUrl === baseUrl;
}

/** Where each kind of remembered secret of a recent meeting is kept, and its binding. */
const SECRET_FIELDS = {
  password: { cipher: 'passwordCipher', boundTo: 'passwordBaseUrl' },
  hostPassword: { cipher: 'hostPasswordCipher', boundTo: 'hostPasswordBaseUrl' },
} as const;
type SecretKind = keyof typeof SECRET_FIELDS;

/** A meeting's kept secret of this kind with its binding, as fields to spread into the meeting; none without one. */
function keptSecret(kind: SecretKind, meeting: RecentMeeting | undefined): Partial<RecentMeeting> | undefined {
  const { cipher, boundTo } = SECRET_FIELDS[kind];
  if (!meeting?.[cipher]) return undefined;
  return { [cipher]: meeting[cipher], ...(meeting[boundTo] ? { [boundTo]: meeting[boundTo] } : {}) };
}

export function createSettingsStore(
  backend: StoreBackend,
  secretBox?: SecretBox,
  { now = () => new Date(), onReset }: SettingsStoreOptions = {},
): SettingsStore {
  function read(): Settings {
    const raw = backend.store;
    // Migrated in memory only: reading never writes, so the CLI can read the app's file safely.
    const { data } = migrateSettings(raw);
    const parsed = SettingsSchema.safeParse(data);
    if (parsed.success) return parsed.data;
    if (!onReset) throw new Error(`Settings file ${backend.path} is invalid: ${describeIssues(parsed.error)}`);
    // Values the schema refuses: keep the file for support, start again from defaults.
    const backupPath = backupDamagedFile(backend.path, now());
    const defaults = defaultSettings();
    backend.store = defaults;
    onReset({ backupPath, reason: describeIssues(parsed.error) });
    return defaults;
  }

  /** Whether accepted passwords may be kept: allowed, a box to seal them, and a real keyring or consent. */
  function boxFor(settings: Settings): SecretBox | undefined {
    if (!settings.rememberPasswords || !secretBox) return undefined;
    return secretBox.protection !== 'plain-text-backend' || settings.allowPlainTextPasswords ? secretBox : undefined;
  }

  /** A remembered secret of a meeting, only when bound to `baseUrl` and still readable. */
  async function remembered(kind: SecretKind, meetingId: string, baseUrl: string | undefined): Promise<string | undefined> {
    const settings = read();
    const { cipher: cipherField, boundTo } = SECRET_FIELDS[kind];
    const meeting = settings.recentMeetings.find((m) => m.id === meetingId);
    const cipher = meeting?.[cipherField];
    const box = boxFor(settings);
    if (
      !cipher ||
      !box ||
      !isPasswordBoundTo({ passwordCipher: cipher, passwordBaseUrl: meeting[boundTo] }, baseUrl ?? currentBaseUrl(settings))
    )
      return undefined;
    try {
      const { plainText, shouldReEncrypt } = await box.decrypt(cipher);
      if (shouldReEncrypt) {
        // The OS rotated the key or offers a stronger one: seal the secret again.
        const fresh = await box.encrypt(plainText);
        const current = read();
        write({ ...current, recentMeetings: current.recentMeetings.map((m) => (m.id === meetingId ? { ...m, [cipherField]: fresh } : m)) });
      }
      return plainText;
    } catch {
      // A key that changed (new keyring, copied profile) makes old secrets unreadable: ask again.
      return undefined;
    }
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
    async recordMeeting({ id, site, label, password, baseUrl = currentBaseUrl(read()) }) {
      const settings = read();
      const previous = settings.recentMeetings.find((m) => m.id === id);
      const box = boxFor(settings);
      // A new password is kept only with the server it is bound to; an old one keeps its binding.
      const fresh =
        box && password !== undefined && baseUrl !== undefined
          ? { passwordCipher: await box.encrypt(password), passwordBaseUrl: baseUrl }
          : undefined;
      const secret = password !== undefined ? fresh : box && keptSecret('password', previous);
      // The host password keeps its own binding; it goes when passwords may no longer be kept.
      const keptHost = box && keptSecret('hostPassword', previous);
      const entry: RecentMeeting = {
        id,
        lastUsedAt: now().toISOString(),
        ...((site ?? previous?.site) ? { site: site ?? previous?.site } : {}),
        ...((label ?? previous?.label) ? { label: label ?? previous?.label } : {}),
        ...secret,
        ...keptHost,
      };
      const others = settings.recentMeetings.filter((m) => m.id !== id);
      write({ ...settings, recentMeetings: [entry, ...others].slice(0, MAX_RECENT_MEETINGS) });
    },
    rememberedPassword: (meetingId, baseUrl) => remembered('password', meetingId, baseUrl),
    rememberedHostPassword: (meetingId, baseUrl) => remembered('hostPassword', meetingId, baseUrl),
    async rememberHostPassword(meetingId, hostPassword, baseUrl = currentBaseUrl(read())) {
      const settings = read();
      const box = boxFor(settings);
      if (!box || baseUrl === undefined || !settings.recentMeetings.some((m) => m.id === meetingId)) return;
      const sealed = { hostPasswordCipher: await box.encrypt(hostPassword), hostPasswordBaseUrl: baseUrl };
      const current = read();
      write({ ...current, recentMeetings: current.recentMeetings.map((m) => (m.id === meetingId ? { ...m, ...sealed } : m)) });
    },
    forgetHostPassword(meetingId) {
      const settings = read();
      const recentMeetings = settings.recentMeetings.map((m) => {
        if (m.id !== meetingId) return m;
        const { hostPasswordCipher: _cipher, hostPasswordBaseUrl: _boundTo, ...rest } = m;
        return rest;
      });
      write({ ...settings, recentMeetings });
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
