/**
 * The settings and history schema: one definition with defaults, used by the stores (main,
 * CLI) and later by IPC. Older files are brought forward by the named migrations below.
 */
import { z } from 'zod';
import {
  BaseUrlSchema,
  LanguageSchema,
  MeetingIdSchema,
  SiteIdSchema,
  TerminalSchema,
} from './schemas';

export const RoomSchema = TerminalSchema.extend({
  /** Stable identifier, independent of name and number. */
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(64),
});
export type Room = z.infer<typeof RoomSchema>;

export const RecentMeetingSchema = z.object({
  id: MeetingIdSchema,
  label: z.string().max(100).optional(),
  site: SiteIdSchema.optional(),
  lastUsedAt: z.iso.datetime(),
  /** The password, encrypted by the secret box; absent when not remembered. */
  passwordCipher: z.string().max(4096).optional(),
});
export type RecentMeeting = z.infer<typeof RecentMeetingSchema>;

export const MAX_RECENT_MEETINGS = 10;

/** Each setting's own schema, without defaults (so a partial patch never resets anything). */
const fields = {
  /** UI and server-message language; absent means "follow the operating system". */
  language: LanguageSchema,
  site: z.enum(['cn', 'intl', 'custom']),
  customBaseUrl: BaseUrlSchema,
  /** PEM file of an extra CA to trust (enterprise TLS inspection, the simulator). */
  extraCaPath: z.string().trim().min(1).max(4096),
  requestTimeoutSeconds: z.number().int().min(3).max(120),
  rooms: z.array(RoomSchema).max(200),
  selectedRoomId: z.string().max(64),
  confirmBeforeInvite: z.boolean(),
  rememberPasswords: z.boolean(),
  /** Linux without a keyring: keep passwords anyway, after the person read the warning. */
  allowPlainTextPasswords: z.boolean(),
  globalShortcut: z.string().trim().min(1).max(100),
  launchAtLogin: z.boolean(),
  roomMode: z.boolean(),
  /** Room mode: how long the same meeting is not invited again while its code stays in view. */
  roomCooldownSeconds: z.number().int().min(5).max(3600),
};

export const SettingsSchema = z.object({
  schemaVersion: z.number().int().nonnegative(),
  language: fields.language.optional(),
  site: fields.site.default('cn'),
  customBaseUrl: fields.customBaseUrl.optional(),
  extraCaPath: fields.extraCaPath.optional(),
  requestTimeoutSeconds: fields.requestTimeoutSeconds.default(15),
  rooms: fields.rooms.default([]),
  selectedRoomId: fields.selectedRoomId.optional(),
  confirmBeforeInvite: fields.confirmBeforeInvite.default(true),
  rememberPasswords: fields.rememberPasswords.default(true),
  allowPlainTextPasswords: fields.allowPlainTextPasswords.default(false),
  globalShortcut: fields.globalShortcut.default('CommandOrControl+Shift+Q'),
  launchAtLogin: fields.launchAtLogin.default(false),
  roomMode: fields.roomMode.default(false),
  roomCooldownSeconds: fields.roomCooldownSeconds.default(60),
  recentMeetings: z.array(RecentMeetingSchema).max(MAX_RECENT_MEETINGS).default([]),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Settings a person (or the renderer) may change; `null` clears an optional setting. */
export const SettingsPatchSchema = z
  .strictObject({
    language: fields.language.nullable(),
    site: fields.site,
    customBaseUrl: fields.customBaseUrl.nullable(),
    extraCaPath: fields.extraCaPath.nullable(),
    requestTimeoutSeconds: fields.requestTimeoutSeconds,
    rooms: fields.rooms,
    selectedRoomId: fields.selectedRoomId.nullable(),
    confirmBeforeInvite: fields.confirmBeforeInvite,
    rememberPasswords: fields.rememberPasswords,
    allowPlainTextPasswords: fields.allowPlainTextPasswords,
    globalShortcut: fields.globalShortcut,
    launchAtLogin: fields.launchAtLogin,
    roomMode: fields.roomMode,
    roomCooldownSeconds: fields.roomCooldownSeconds,
  })
  .partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** Applies a patch: `null` removes an optional setting. */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  const next: Record<string, unknown> = { ...settings };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next as Settings;
}

/** A named step from one schema version to the next. */
export interface Migration {
  readonly name: string;
  readonly up: (data: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Migrations in order; the schema version is the number applied. Never edit a released one:
 * append a new step instead.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    name: '001-initial-layout',
    up: (data) => ({ ...data }),
  },
];

export const CURRENT_SCHEMA_VERSION = MIGRATIONS.length;

/** Brings raw stored data to the current version; returns the names of the steps applied. */
export function migrateSettings(raw: Record<string, unknown>): {
  data: Record<string, unknown>;
  applied: string[];
} {
  const from = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  let data = raw;
  const applied: string[] = [];
  for (const [index, migration] of MIGRATIONS.entries()) {
    if (index < from) continue;
    data = { ...migration.up(data), schemaVersion: index + 1 };
    applied.push(migration.name);
  }
  return { data, applied };
}

/** Settings with every default filled in. */
export function defaultSettings(): Settings {
  return SettingsSchema.parse({ schemaVersion: CURRENT_SCHEMA_VERSION });
}

/** The selected room, or the only room when exactly one exists. */
export function selectedRoom(settings: Settings): Room | undefined {
  const { rooms, selectedRoomId } = settings;
  return rooms.find((room) => room.id === selectedRoomId) ?? (rooms.length === 1 ? rooms[0] : undefined);
}

/** Settings an administrator may manage (and lock) for a fleet of room PCs. */
export const MANAGEABLE_KEYS = [
  'language',
  'site',
  'customBaseUrl',
  'extraCaPath',
  'requestTimeoutSeconds',
  'rooms',
  'selectedRoomId',
  'confirmBeforeInvite',
  'rememberPasswords',
  'allowPlainTextPasswords',
  'globalShortcut',
  'launchAtLogin',
  'roomMode',
  'roomCooldownSeconds',
] as const satisfies readonly (keyof Settings)[];
export type ManageableKey = (typeof MANAGEABLE_KEYS)[number];

/**
 * The read-only managed configuration file (`--config <file>` or `QRRI_MANAGED_CONFIG`).
 * `settings` override the person's values (and are locked); `locked` may lock further
 * settings at their current value.
 */
export const ManagedConfigSchema = z.strictObject({
  version: z.literal(1),
  settings: z.strictObject(fields).partial().default({}),
  locked: z.array(z.enum(MANAGEABLE_KEYS)).default([]),
});
export type ManagedConfig = z.infer<typeof ManagedConfigSchema>;
