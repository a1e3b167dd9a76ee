/**
 * The IPC contract between the renderer (through the preload) and main, declared once: channel
 * names, request schemas (main parses every payload with them — it never trusts the renderer)
 * and response types. Passwords travel renderer → main only; main never sends one back.
 */
import { z } from 'zod';
import type { InviteError } from './invite-result';
import {
  MeetingIdSchema,
  PasswordSchema,
  SiteIdSchema,
  TerminalSchema,
  type Language,
  type SiteId,
} from './schemas';
import { SettingsPatchSchema, type Settings } from './settings';

export { EventChannel, InvokeChannel } from './ipc-channels';

// ---- requests ----------------------------------------------------------------------------

export const InviteIpcRequestSchema = z.strictObject({
  meeting: z.strictObject({
    id: MeetingIdSchema,
    password: PasswordSchema.optional(),
    site: SiteIdSchema.optional(),
  }),
  /** A terminal read from a code or typed in; otherwise `roomId`, otherwise the selected room. */
  terminal: TerminalSchema.optional(),
  roomId: z.string().min(1).max(64).optional(),
  /** Keep this meeting's password (encrypted) when the server accepts it. */
  rememberPassword: z.boolean().optional(),
  /** Where the invite comes from: tray and camera invites get a notification. */
  origin: z.enum(['window', 'tray', 'camera', 'link']).default('window'),
});
export type InviteIpcRequest = z.input<typeof InviteIpcRequestSchema>;

export const LabelMeetingRequestSchema = z.strictObject({
  id: MeetingIdSchema,
  label: z.string().trim().max(100).nullable(),
});

export const MeetingRefSchema = z.strictObject({ id: MeetingIdSchema });

export const ScanOutcomeSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('no-code') }),
  /** A code was found but is not a meeting or room; `reason` is the parser's sentence. */
  z.strictObject({ outcome: z.literal('not-ours'), reason: z.string().max(300) }),
]);
export type ScanOutcome = z.infer<typeof ScanOutcomeSchema>;

export const ExternalUrlSchema = z.strictObject({ url: z.string().max(2048) });

export { SettingsPatchSchema };

// ---- responses ---------------------------------------------------------------------------

/** Every call answers with a value or an error; expected failures are never thrown. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: InviteError };

export interface InviteSuccess {
  requestId: string;
  meetingId: string;
  callNum: string;
  /** The room's name when the terminal is a configured room. */
  roomName?: string;
}

/** A recent meeting as the renderer sees it: whether a password is kept, never the password. */
export interface RecentMeetingView {
  id: string;
  label?: string;
  site?: SiteId;
  lastUsedAt: string;
  passwordRemembered: boolean;
}

export interface SettingsView {
  settings: Omit<Settings, 'recentMeetings' | 'schemaVersion'>;
  recentMeetings: RecentMeetingView[];
  /** How remembered passwords are protected here ("unavailable": they are not kept). */
  passwordProtection: 'os-keyring' | 'key-file' | 'plain-text-backend' | 'unavailable';
  /** The global shortcut's state: registered, or taken by another app. */
  shortcut: { accelerator: string; registered: boolean };
  systemLanguage: Language;
  platform: string;
  appVersion: string;
  /** Settings fixed by the administrator's managed configuration (shown locked). */
  locked: string[];
  /** The managed configuration file, and why it is ignored when it is invalid. */
  managed: { path?: string; error?: string };
}

/** A captured display, raw pixels (`bgra` as Electron's NativeImage gives them, or `rgba`). */
export interface ScreenFrame {
  id: string;
  name: string;
  width: number;
  height: number;
  format: 'bgra' | 'rgba';
  data: Uint8Array;
}

/** What the clipboard holds that the app can read. */
export type ClipboardContent =
  | { kind: 'image'; png: Uint8Array }
  | { kind: 'text'; text: string }
  | { kind: 'empty' };

export type InviteStatusEvent =
  | { phase: 'sending'; meetingId: string; callNum: string; roomName?: string }
  | { phase: 'done'; result: IpcResult<InviteSuccess> };

export type AppCommand = { command: 'scan-screen' } | { command: 'clipboard' } | { command: 'open-settings' };

/** A meeting and/or terminal opened from a link, shown for confirmation (never invited directly). */
export interface OpenPayloadEvent {
  text: string;
}
