/**
 * The settings and history schema: one definition with defaults, used by the stores (main,
 * CLI) and later by IPC. Older files are brought forward by the named migrations below.
 */
import { z } from 'zod';
import { BaseUrlSchema, DisplayNameSchema, LanguageSchema, MeetingIdSchema, SiteIdSchema, TerminalSchema } from './schemas';

export const RoomSchema = TerminalSchema.extend({
  /** Stable identifier, independent of name and number. */
  id: z.string().min(1).max(64),
  name: DisplayNameSchema,
});
export type Room = z.infer<typeof RoomSchema>;

export const RecentMeetingSchema = z.object({
  id: MeetingIdSchema,
  label: z.string().max(100).optional(),
  site: SiteIdSchema.optional(),
  lastUsedAt: z.iso.datetime(),
  /** The password, encrypted by the secret box; absent when not remembered. */
  passwordCipher: z.string().max(4096).optional(),
  /**
   * The API base URL the password was accepted by: it is only ever sent there (a changed site or
   * base URL asks for it again). A cipher without one (kept by an older version) is not used.
   */
  passwordBaseUrl: z.string().max(2048).optional(),
  /**
   * The meeting's HOST password (docs/api.md, door A), kept like `passwordCipher`: only with
   * "Remember passwords" on, only once the server accepted it, encrypted, and bound to the base
   * URL that accepted it. Main uses it to follow the next invite of this meeting; the window
   * only learns that it is kept.
   */
  hostPasswordCipher: z.string().max(4096).optional(),
  hostPasswordBaseUrl: z.string().max(2048).optional(),
});
export type RecentMeeting = z.infer<typeof RecentMeetingSchema>;

export const MAX_RECENT_MEETINGS = 10;

export const UPDATE_MODES = ['off', 'notify', 'install'] as const;
export type UpdateMode = (typeof UPDATE_MODES)[number];

/** A setting: its schema, and its default (a setting without one is optional: absent = not set). */
interface SettingField<T extends z.ZodType = z.ZodType> {
  schema: T;
  fallback?: z.output<T>;
}
function setting<T extends z.ZodType>(schema: T): { schema: T; fallback?: undefined };
function setting<T extends z.ZodType>(schema: T, fallback: z.output<T>): { schema: T; fallback: z.output<T> };
function setting<T extends z.ZodType>(schema: T, fallback?: z.output<T>): SettingField<T> {
  return fallback === undefined ? { schema } : { schema, fallback };
}

/**
 * Every setting, once. The stored settings (with defaults), the patch the renderer may send and
 * the managed configuration's `settings` are all derived from this list.
 */
const SETTING_FIELDS = {
  /** UI and server-message language; absent means "follow the operating system". */
  language: setting(LanguageSchema),
  site: setting(z.enum(['cn', 'intl', 'custom']), 'cn'),
  customBaseUrl: setting(BaseUrlSchema),
  /** PEM file of an extra CA to trust (enterprise TLS inspection, the simulator). */
  extraCaPath: setting(z.string().trim().min(1).max(4096)),
  requestTimeoutSeconds: setting(z.number().int().min(3).max(120), 15),
  rooms: setting(z.array(RoomSchema).max(200), []),
  selectedRoomId: setting(z.string().max(64)),
  confirmBeforeInvite: setting(z.boolean(), true),
  rememberPasswords: setting(z.boolean(), true),
  /** Linux without a keyring: keep passwords anyway, after the person read the warning. */
  allowPlainTextPasswords: setting(z.boolean(), false),
  globalShortcut: setting(z.string().trim().min(1).max(100), 'CommandOrControl+Shift+Q'),
  launchAtLogin: setting(z.boolean(), false),
  roomMode: setting(z.boolean(), false),
  /** Room mode: how long the same meeting is not invited again while its code stays in view. */
  roomCooldownSeconds: setting(z.number().int().min(5).max(3600), 60),
  /**
   * Updates: `off` (no request at all), `notify` (download, then offer "Restart to update") or
   * `install` (room PCs: install when idle, never during a call); `url` is the HTTPS folder an
   * enterprise hosts the installers and latest*.yml in (electron-builder's generic provider).
   */
  updates: setting(z.strictObject({ mode: z.enum(UPDATE_MODES), url: BaseUrlSchema.optional() }), { mode: 'notify' }),
  /** After an accepted invite, how long the room may take to join before "did not join — no answer". */
  callStatusWaitSeconds: setting(z.number().int().min(10).max(600), 60),
  /** The enterprise App ID of door B (docs/api.md); its App Key is kept apart, encrypted (core/store/app-key-store.ts). */
  appId: setting(
    z
      .string()
      .trim()
      .regex(/^[\w.-]{1,128}$/u, 'An App ID is 1–128 letters, digits, dots, dashes or underscores'),
  ),
  /** The App ID user to act as; absent: the enterprise's owner. */
  appUserId: setting(z.string().trim().min(1).max(128)),
};
type Fields = typeof SETTING_FIELDS;
type FieldSchema<K extends keyof Fields> = Fields[K]['schema'];
type HasDefault<K extends keyof Fields> = Fields[K] extends { fallback?: undefined } ? false : true;

/** Builds one object schema's shape from every setting (the one place that walks the list). */
function shapeOf<R extends z.ZodType>(build: (field: SettingField) => R): Record<keyof Fields, R> {
  const entries = Object.entries(SETTING_FIELDS).map(([key, field]: [string, SettingField]) => [key, build(field)] as const);
  return Object.fromEntries(entries) as Record<keyof Fields, R>;
}

type StoredShape = { [K in keyof Fields]: HasDefault<K> extends true ? z.ZodDefault<FieldSchema<K>> : z.ZodOptional<FieldSchema<K>> };
type PatchShape = { [K in keyof Fields]: z.ZodOptional<HasDefault<K> extends true ? FieldSchema<K> : z.ZodNullable<FieldSchema<K>>> };
type ManagedShape = { [K in keyof Fields]: z.ZodOptional<FieldSchema<K>> };

export const SettingsSchema = z.object({
  schemaVersion: z.number().int().nonnegative(),
  // The mapped type states per key what the builder makes (a default, or optional).
  ...(shapeOf((f) => (f.fallback === undefined ? f.schema.optional() : f.schema.default(f.fallback))) as unknown as StoredShape),
  recentMeetings: z.array(RecentMeetingSchema).max(MAX_RECENT_MEETINGS).default([]),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Settings a person (or the renderer) may change; `null` clears an optional setting. */
export const SettingsPatchSchema = z.strictObject(
  shapeOf((f) => (f.fallback === undefined ? f.schema.nullable() : f.schema).optional()) as unknown as PatchShape,
);
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

/** The selected room, or the only room when exactly one exists (main, tray, window and room mode alike). */
export function selectedRoom(settings: Pick<Settings, 'rooms' | 'selectedRoomId'>): Room | undefined {
  const { rooms, selectedRoomId } = settings;
  return rooms.find((room) => room.id === selectedRoomId) ?? (rooms.length === 1 ? rooms[0] : undefined);
}

/** The configured room with this SIP number (both normalised), if any: the one way a terminal becomes "one of your rooms". */
export function configuredRoom(settings: Pick<Settings, 'rooms'>, callNum: string): Room | undefined {
  return settings.rooms.find((room) => room.callNum === callNum);
}

/** Settings an administrator may manage (and lock) for a fleet of room PCs: all of them. */
export const MANAGEABLE_KEYS = Object.keys(SETTING_FIELDS) as (keyof Fields)[];
export type ManageableKey = keyof Fields;

/**
 * The read-only managed configuration file (`--config <file>` or `QRRI_MANAGED_CONFIG`).
 * `settings` override the person's values (and are locked); `locked` may lock further
 * settings at their current value.
 */
export const ManagedConfigSchema = z.strictObject({
  version: z.literal(1),
  settings: z.strictObject(shapeOf((f) => f.schema.optional()) as unknown as ManagedShape).default({}),
  locked: z.array(z.enum(MANAGEABLE_KEYS)).default([]),
  /**
   * A file holding the enterprise App Key (door B of docs/api.md), read by main only; the key
   * is then the administrator's, and the window cannot replace it.
   */
  appKeyPath: z.string().trim().min(1).max(4096).optional(),
});
export type ManagedConfig = z.infer<typeof ManagedConfigSchema>;
