/**
 * The IPC contract between the renderer (through the preload) and main, declared once in
 * `ipcContract` at the end of this file: for each invoke channel the schema main parses its
 * payload with (it never trusts the renderer) and the type of its answer; for each event
 * channel the type of its payload. Main's handler table, the bridge, the preload and the
 * preview bridge all derive their types from it, so changing an answer fails to compile on the
 * other side. Passwords travel renderer → main only; main never sends one back.
 */
import { z } from 'zod';
import type { CallStatus } from './call-status';
import type { InviteError } from './invite-result';
import { MeetingIdSchema, PasswordSchema, SipNumberSchema, SiteIdSchema, TerminalSchema, type Language, type SiteId } from './schemas';
import { SettingsPatchSchema, type Settings } from './settings';

import { EventChannel, InvokeChannel } from './ipc-channels';

export { EventChannel, InvokeChannel };

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
  /**
   * A `terminal` that is not a configured room is invited only with this: the number and the
   * meeting the person confirmed in the window (never preselected for them).
   */
  unknownTerminal: z.strictObject({ confirmedCallNum: SipNumberSchema, confirmedMeetingId: MeetingIdSchema }).optional(),
  /** Keep this meeting's password (encrypted) when the server accepts it. */
  rememberPassword: z.boolean().optional(),
  /**
   * The meeting's HOST password (typed under the meeting, or a code of role host): main follows
   * the call with it (docs/api.md, door A). Kept (encrypted, for this server) only with "Remember
   * passwords" on and once the server accepted it; otherwise in memory only.
   */
  hostPassword: PasswordSchema.optional(),
  /** Where the invite comes from: tray and camera invites get a notification. */
  origin: z.enum(['window', 'tray', 'camera', 'link']).default('window'),
});
export type InviteIpcRequest = z.input<typeof InviteIpcRequestSchema>;

export const LabelMeetingRequestSchema = z.strictObject({
  id: MeetingIdSchema,
  label: z.string().trim().max(100).nullable(),
});

export const MeetingRefSchema = z.strictObject({ id: MeetingIdSchema });

/**
 * What a tray scan found, as a key of main's own messages (shared/i18n/messages.ts): the
 * renderer chooses which notification, never its text (security review, finding 9). The
 * window keeps the details (the parser's reason) for whoever opens it.
 */
export const ScanOutcomeSchema = z.strictObject({
  outcome: z.enum(['no-code', 'empty-clipboard', 'not-ours']),
});
export type ScanOutcome = z.infer<typeof ScanOutcomeSchema>;

export const RoomActivitySchema = z.strictObject({ busy: z.boolean() });

export const CallRefSchema = z.strictObject({ meetingId: MeetingIdSchema, callNum: SipNumberSchema });

/** The App Key, write-only; `null` forgets it. */
export const SaveAppKeySchema = z.strictObject({ appKey: z.string().trim().min(1).max(512).nullable() });

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
  /** Whether main keeps this meeting's host password (to follow the call); never the password. */
  hostPasswordRemembered: boolean;
}

/** Whether main keeps a password for this meeting (the renderer never sees the password itself). */
export function isPasswordRemembered(view: Pick<SettingsView, 'recentMeetings'>, meetingId: string): boolean {
  return view.recentMeetings.some((meeting) => meeting.id === meetingId && meeting.passwordRemembered);
}

/** Whether main keeps a host password for this meeting (the window never sees it). */
export function isHostPasswordRemembered(view: Pick<SettingsView, 'recentMeetings'>, meetingId: string): boolean {
  return view.recentMeetings.some((meeting) => meeting.id === meetingId && meeting.hostPasswordRemembered);
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
  /**
   * Whether an App Key is saved for the server in Settings (else, `otherServer`: the base URL a
   * key is saved for, not used here) and how it is protected; the key itself never comes back.
   */
  appKey: { saved: boolean; otherServer?: string; protection: 'os-keyring' | 'key-file' | 'plain-text-backend' | 'managed-file' };
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
export type ClipboardContent = { kind: 'image'; png: Uint8Array } | { kind: 'text'; text: string } | { kind: 'empty' };

export type InviteStatusEvent =
  { phase: 'sending'; meetingId: string; callNum: string; roomName?: string } | { phase: 'done'; result: IpcResult<InviteSuccess> };

export type AppCommand = { command: 'scan-screen' } | { command: 'clipboard' } | { command: 'open-settings' };

/** A meeting and/or terminal opened from a link, shown for confirmation (never invited directly). */
export interface OpenPayloadEvent {
  text: string;
}

// ---- the contract ------------------------------------------------------------------------

/** A call without a payload. */
const NoPayloadSchema = z.undefined();

declare const carried: unique symbol;
/** The type of a value that crosses the wire, carried by the declaration (no value exists). */
export interface Carries<T> {
  readonly [carried]?: T;
}
const answers = <T>(): Carries<T> => ({});
const carries = <T>(): Carries<T> => ({});

/** Each channel once: what the renderer may send, what main answers, what main pushes. */
export const ipcContract = {
  invoke: {
    [InvokeChannel.invite]: { request: InviteIpcRequestSchema, answer: answers<InviteSuccess>() },
    [InvokeChannel.getSettings]: { request: NoPayloadSchema, answer: answers<SettingsView>() },
    [InvokeChannel.updateSettings]: { request: SettingsPatchSchema, answer: answers<SettingsView>() },
    [InvokeChannel.labelMeeting]: { request: LabelMeetingRequestSchema, answer: answers<SettingsView>() },
    [InvokeChannel.forgetMeeting]: { request: MeetingRefSchema, answer: answers<SettingsView>() },
    [InvokeChannel.forgetAllMeetings]: { request: NoPayloadSchema, answer: answers<SettingsView>() },
    [InvokeChannel.captureScreens]: { request: NoPayloadSchema, answer: answers<ScreenFrame[]>() },
    [InvokeChannel.readClipboardImage]: { request: NoPayloadSchema, answer: answers<ClipboardContent>() },
    [InvokeChannel.copyDiagnostics]: { request: NoPayloadSchema, answer: answers<{ copied: true }>() },
    [InvokeChannel.notifyScanOutcome]: { request: ScanOutcomeSchema, answer: answers<null>() },
    [InvokeChannel.showWindow]: { request: NoPayloadSchema, answer: answers<null>() },
    [InvokeChannel.reportRoomActivity]: { request: RoomActivitySchema, answer: answers<null>() },
    [InvokeChannel.hangUp]: { request: CallRefSchema, answer: answers<null>() },
    [InvokeChannel.testAppId]: { request: NoPayloadSchema, answer: answers<null>() },
    [InvokeChannel.saveAppKey]: { request: SaveAppKeySchema, answer: answers<SettingsView>() },
  },
  events: {
    [EventChannel.inviteStatus]: carries<InviteStatusEvent>(),
    [EventChannel.command]: carries<AppCommand>(),
    [EventChannel.openPayload]: carries<OpenPayloadEvent>(),
    [EventChannel.settingsChanged]: carries<null>(),
    [EventChannel.callStatus]: carries<CallStatus>(),
  },
} as const satisfies {
  invoke: Record<InvokeChannel, { request: z.ZodType; answer: Carries<unknown> }>;
  events: Record<EventChannel, Carries<unknown>>;
};

type Invoke = (typeof ipcContract)['invoke'];
type Carried<T> = T extends Carries<infer V> ? V : never;

/** What the renderer sends on each invoke channel (before defaults). */
export type InvokeRequests = { [C in InvokeChannel]: z.input<Invoke[C]['request']> };
/** What main's handler receives once the payload passed the schema. */
export type InvokeParsedRequests = { [C in InvokeChannel]: z.output<Invoke[C]['request']> };
/** What main answers on each invoke channel, inside an IpcResult. */
export type InvokeAnswers = { [C in InvokeChannel]: Carried<Invoke[C]['answer']> };
/** What main pushes on each event channel. */
export type EventPayloads = { [C in EventChannel]: Carried<(typeof ipcContract)['events'][C]> };

export type InvokeRequest<C extends InvokeChannel> = InvokeRequests[C];
export type InvokeAnswer<C extends InvokeChannel> = InvokeAnswers[C];
export type EventPayload<C extends EventChannel> = EventPayloads[C];

/**
 * The request schemas seen through a mapped type, so that code generic in the channel (the IPC
 * gate, the preview server) keeps channel, parsed request and answer tied together.
 */
export const invokeSchemas: {
  readonly [C in InvokeChannel]: { readonly request: z.ZodType<InvokeParsedRequests[C], InvokeRequests[C]> };
} = ipcContract.invoke;
