/**
 * What main does for each IPC call, as plain functions of `unknown` payloads: parse with the
 * shared schema, act through the services handed in, answer `{ok, value} | {ok: false, error}`.
 * No Electron here: the Electron wiring (ipc-gate, tray, windows) and the browser preview's
 * bridge both call these, and tests run them under Node.
 */
import { ClientCode } from '../shared/errors';
import type { InviteError } from '../shared/invite-result';
import {
  EventChannel,
  InvokeChannel,
  invokeSchemas,
  type ClipboardContent,
  type EventPayload,
  type InviteStatusEvent,
  type InviteSuccess,
  type InvokeAnswer,
  type InvokeParsedRequests,
  type IpcResult,
  type ScreenFrame,
  type SettingsView,
} from '../shared/ipc';
import { describeIssues, type Language, type Terminal } from '../shared/schemas';
import { applySettingsPatch, configuredRoom, selectedRoom, type Settings, type SettingsPatch } from '../shared/settings';
import { messages } from '../shared/i18n/messages';
import type { CallStatusFeature } from './call-status/app-feature';
import type { InviteService } from './invite-service';
import type { AppKeyStore } from './store/app-key-store';
import { silentLogger, type Logger } from './log';
import { LockedSettingError } from './store/managed-store';
import { currentBaseUrl, isPasswordBoundTo, type SettingsStore } from './store/settings-store';

/** The settings that decide which server receives passwords: before and after a change. */
export interface ServerChange {
  from: ServerSettings;
  to: ServerSettings;
}
export type ServerSettings = Pick<Settings, 'site' | 'customBaseUrl' | 'extraCaPath'>;
const SERVER_KEYS = ['site', 'customBaseUrl', 'extraCaPath'] as const;

export interface AppApiDeps {
  store: SettingsStore;
  /**
   * Asks the person, outside the renderer (a native dialog in the app), to confirm a change of
   * site, base URL or extra CA: a compromised renderer must not redirect invites and their
   * passwords to a server of its choice (security review, finding 2).
   */
  confirmServerChange: (change: ServerChange) => Promise<boolean>;
  /** The managed configuration in effect (file, error, locked settings). */
  managed?: { path?: string; error?: string; locked: readonly string[] };
  service: InviteService;
  passwordProtection: () => SettingsView['passwordProtection'];
  shortcut: () => SettingsView['shortcut'];
  systemLanguage: () => Language;
  platform: string;
  appVersion: string;
  /** Versions for diagnostics (electron, chrome, node, os). */
  versions: () => Record<string, string>;
  captureScreens: () => Promise<ScreenFrame[]>;
  readClipboard: () => Promise<ClipboardContent>;
  writeClipboardText: (text: string) => Promise<void>;
  notify: (title: string, body: string) => void;
  showWindow: () => void;
  /** Room mode's countdown or invitation started or ended (updates never install meanwhile). */
  roomActivity?: (busy: boolean) => void;
  /** Follows accepted invites and hangs rooms up (docs/api.md, "After the invite"); absent: no status. */
  callStatus?: CallStatusFeature;
  /** Where the App Key is kept (write-only for the window). */
  appKeys?: AppKeyStore;
  /** Sends an event to the app's window(s). */
  emit: Emit;
  /** Settings were changed: the Electron side re-registers the shortcut, rebuilds the tray… */
  settingsChanged: (settings: Settings) => void;
  logger?: Logger;
  now?: () => number;
  /** Defaults to INVITES_PER_MINUTE; the browser preview's tests raise it. */
  invitesPerMinute?: number;
  /** Screen captures and clipboard reads each, per minute; defaults to CAPTURES_PER_MINUTE. */
  capturesPerMinute?: number;
}

/** Sends a main → renderer event, its payload typed by the contract. */
export type Emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

/** Main's handler for each invoke channel: a parsed request in, the contract's answer out. */
export type AppHandlers = { [C in InvokeChannel]: (request: InvokeParsedRequests[C]) => Promise<IpcResult<InvokeAnswer<C>>> };

export interface AppApi {
  /** Parses an untrusted payload with the channel's schema, then runs its handler (IPC gate, preview server, tray). */
  invoke<C extends InvokeChannel>(channel: C, payload: unknown): Promise<IpcResult<InvokeAnswer<C>>>;
}

const MAX_REMEMBERED_ERRORS = 10;
/** Invites accepted per minute through IPC, so a stuck loop cannot hammer the service. */
export const INVITES_PER_MINUTE = 10;
/**
 * Screen captures (and, separately, clipboard reads) per minute: a person presses the shortcut
 * a few times; a compromised renderer must not film the screen or watch the clipboard
 * (security review, finding 9).
 */
export const CAPTURES_PER_MINUTE = 20;

/** A sliding one-minute window: `take()` is false once `limit` calls happened in the last minute. */
function perMinute(limit: number, now: () => number): { take(): boolean } {
  const times: number[] = [];
  return {
    take() {
      const t = now();
      while (times.length > 0 && t - (times[0] ?? 0) >= 60_000) times.shift();
      if (times.length >= limit) return false;
      times.push(t);
      return true;
    },
  };
}

function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

function fail(code: string, detail?: string): IpcResult<never> {
  return { ok: false, error: { code, outcome: 'failed', ...(detail ? { detail } : {}) } };
}

export function createAppApi(deps: AppApiDeps): AppApi {
  const log = deps.logger ?? silentLogger;
  const recentErrors: (InviteError & { at: string })[] = [];
  const now = deps.now ?? Date.now;
  const invites = perMinute(deps.invitesPerMinute ?? INVITES_PER_MINUTE, now);
  const captures = perMinute(deps.capturesPerMinute ?? CAPTURES_PER_MINUTE, now);
  const clipboardReads = perMinute(deps.capturesPerMinute ?? CAPTURES_PER_MINUTE, now);

  /** Runs a capture-like call unless its window is full. */
  async function limited<T>(window: { take(): boolean }, what: string, run: () => Promise<T>): Promise<IpcResult<T>> {
    if (!window.take()) {
      log.warn(`${what} refused: rate limit`);
      return fail(ClientCode.captureRateLimited, `more than ${deps.capturesPerMinute ?? CAPTURES_PER_MINUTE} ${what}s in a minute`);
    }
    return ok(await run());
  }

  const language = (settings = deps.store.read()): Language => settings.language ?? deps.systemLanguage();

  function view(): SettingsView {
    const { recentMeetings, schemaVersion: _version, ...settings } = deps.store.read();
    const baseUrl = currentBaseUrl(settings);
    return {
      settings,
      // A password bound to another server is not sent, so the window asks for it.
      // Ciphers and bindings stay in main: the window learns only that a secret is kept.
      recentMeetings: recentMeetings.map(({ passwordCipher, passwordBaseUrl, hostPasswordCipher, hostPasswordBaseUrl, ...meeting }) => ({
        ...meeting,
        passwordRemembered: isPasswordBoundTo({ passwordCipher, passwordBaseUrl }, baseUrl),
        hostPasswordRemembered: isPasswordBoundTo({ passwordCipher: hostPasswordCipher, passwordBaseUrl: hostPasswordBaseUrl }, baseUrl),
      })),
      passwordProtection: deps.passwordProtection(),
      shortcut: deps.shortcut(),
      systemLanguage: deps.systemLanguage(),
      platform: deps.platform,
      appVersion: deps.appVersion,
      locked: [...(deps.managed?.locked ?? [])],
      managed: {
        ...(deps.managed?.path ? { path: deps.managed.path } : {}),
        ...(deps.managed?.error ? { error: deps.managed.error } : {}),
      },
      // Whether a key is saved for this server (a key saved for another one is not used here).
      appKey: {
        ...(deps.appKeys?.state(baseUrl) ?? { saved: false }),
        protection: deps.appKeys?.protection ?? 'key-file',
      },
    };
  }

  /** Runs a change to the settings, then tells the Electron side and the windows. */
  function changed(action: () => void): IpcResult<SettingsView> {
    action();
    const settings = deps.store.read();
    deps.settingsChanged(settings);
    deps.emit(EventChannel.settingsChanged, null);
    return ok(view());
  }

  async function invite(request: InvokeParsedRequests[typeof InvokeChannel.invite]): Promise<IpcResult<InviteSuccess>> {
    const { meeting, roomId, rememberPassword, origin } = request;
    const settings = deps.store.read();
    // A configured room's number is invited as configured (its name, enterprise and type),
    // whatever the code called it; any other terminal needs this request to confirm it.
    const configured = request.terminal ? configuredRoom(settings, request.terminal.callNum) : undefined;
    if (request.terminal && !configured && !confirmsUnknownTerminal(request)) {
      log.warn('invite refused: unknown terminal not confirmed', { origin });
      return fail(
        ClientCode.unknownTerminalNotConfirmed,
        'the terminal is not a configured room and the request does not confirm this number and meeting',
      );
    }
    if (!invites.take()) {
      log.warn('invite refused: rate limit', { origin });
      return fail(ClientCode.rateLimited, `more than ${deps.invitesPerMinute ?? INVITES_PER_MINUTE} invitations in a minute`);
    }
    const room = roomId === undefined ? undefined : settings.rooms.find((r) => r.id === roomId);
    if (roomId !== undefined && !room) return fail(ClientCode.missingTerminal, `no room with id ${roomId}`);
    const chosen: Terminal | undefined = configured ?? request.terminal ?? room ?? selectedRoom(settings);
    // Only the fields the server needs: a room's display name never travels.
    const terminal = chosen && {
      callNum: chosen.callNum,
      ...(chosen.orgId === undefined ? {} : { orgId: chosen.orgId }),
      ...(chosen.numberType === undefined ? {} : { numberType: chosen.numberType }),
    };
    // Names come from the settings only: a name carried by a code is never shown as a room's.
    const roomName = terminal && configuredRoom(settings, terminal.callNum)?.name;
    const text = messages[language(settings)];

    if (terminal) {
      const sending: InviteStatusEvent = {
        phase: 'sending',
        meetingId: meeting.id,
        callNum: terminal.callNum,
        ...(roomName ? { roomName } : {}),
      };
      deps.emit(EventChannel.inviteStatus, sending);
    }
    const result = await deps.service.invite(
      { meeting: { id: meeting.id, ...(meeting.password ? { password: meeting.password } : {}) }, ...(terminal ? { terminal } : {}) },
      { ...(meeting.site ? { site: meeting.site } : {}), ...(rememberPassword === undefined ? {} : { rememberPassword }) },
    );
    if (result.ok === 'dry-run') return fail(ClientCode.internal, 'unexpected dry run');
    const answer: IpcResult<InviteSuccess> = result.ok
      ? ok({ requestId: result.requestId, meetingId: meeting.id, callNum: terminal?.callNum ?? '', ...(roomName ? { roomName } : {}) })
      : { ok: false, error: result.error };
    if (!answer.ok) {
      recentErrors.unshift({ ...answer.error, at: new Date().toISOString() });
      recentErrors.length = Math.min(recentErrors.length, MAX_REMEMBERED_ERRORS);
    }
    deps.emit(EventChannel.inviteStatus, { phase: 'done', result: answer } satisfies InviteStatusEvent);
    // The outcome is shown first; the call status follows (never slower, never riskier).
    if (answer.ok && terminal)
      void followCall(
        { meetingId: meeting.id, callNum: terminal.callNum, roomName: roomName ?? terminal.callNum },
        request,
        currentBaseUrl(settings),
      );
    if (origin !== 'window') {
      const { title, body } = answer.ok
        ? text.notification.calling(roomName ?? answer.value.callNum)
        : text.notification.failed(answer.error);
      deps.notify(title, body);
    }
    log.info('invite from ipc', { origin, ok: answer.ok, ...(answer.ok ? {} : { code: answer.error.code }) });
    return answer;
  }

  /**
   * Follows an accepted invite's room with the host password the request carries, otherwise the
   * one kept for this meeting and server. A typed host password the server accepts is kept when
   * passwords may be (the store decides); a kept one it refuses is forgotten, never sent again.
   */
  async function followCall(
    target: Parameters<CallStatusFeature['follow']>[0],
    request: InvokeParsedRequests[typeof InvokeChannel.invite],
    baseUrl: string | undefined,
  ): Promise<void> {
    const feature = deps.callStatus;
    if (!feature) return;
    const meetingId = request.meeting.id;
    const typed = request.hostPassword;
    const hostPassword = typed ?? (await deps.store.rememberedHostPassword(meetingId, baseUrl));
    feature.follow(target, hostPassword, (verdict) => {
      if (verdict === 'refused') {
        if (typed === undefined) deps.store.forgetHostPassword(meetingId);
      } else if (typed !== undefined && request.rememberPassword !== false) {
        deps.store
          .rememberHostPassword(meetingId, typed, baseUrl)
          .catch((error: unknown) => log.warn('host password not kept', { detail: error instanceof Error ? error.name : 'unknown' }));
      }
    });
  }

  const handlers: AppHandlers = {
    [InvokeChannel.invite]: invite,
    [InvokeChannel.getSettings]: () => Promise.resolve(ok(view())),
    [InvokeChannel.updateSettings]: async (patch) => {
      try {
        const locked = Object.keys(patch).filter((key) => deps.managed?.locked.includes(key));
        if (locked.length > 0) throw new LockedSettingError(locked);
        const change = serverChange(deps.store.read(), patch);
        if (change && !(await deps.confirmServerChange(change))) {
          log.warn('server change not confirmed', { keys: SERVER_KEYS.filter((key) => key in patch) });
          return fail(ClientCode.serverChangeNotConfirmed);
        }
        return changed(() => deps.store.update(patch));
      } catch (error) {
        if (error instanceof LockedSettingError) return fail(ClientCode.settingLocked, error.keys.join(', '));
        return fail(ClientCode.invalidInput, error instanceof Error ? error.message : undefined);
      }
    },
    [InvokeChannel.labelMeeting]: ({ id, label }) => Promise.resolve(changed(() => deps.store.labelMeeting(id, label || null))),
    [InvokeChannel.forgetMeeting]: ({ id }) => Promise.resolve(changed(() => deps.store.forgetMeeting(id))),
    [InvokeChannel.forgetAllMeetings]: () => Promise.resolve(changed(() => deps.store.forgetAllMeetings())),
    [InvokeChannel.captureScreens]: () => limited(captures, 'screen capture', deps.captureScreens),
    [InvokeChannel.readClipboardImage]: () => limited(clipboardReads, 'clipboard read', deps.readClipboard),
    [InvokeChannel.copyDiagnostics]: async () => {
      await deps.writeClipboardText(diagnostics(deps, recentErrors));
      return ok({ copied: true as const });
    },
    [InvokeChannel.notifyScanOutcome]: (outcome) => {
      const { title, body } = messages[language()].notification.scan(outcome);
      deps.notify(title, body);
      return Promise.resolve(ok(null));
    },
    [InvokeChannel.showWindow]: () => {
      deps.showWindow();
      return Promise.resolve(ok(null));
    },
    [InvokeChannel.reportRoomActivity]: ({ busy }) => {
      deps.roomActivity?.(busy);
      return Promise.resolve(ok(null));
    },
    [InvokeChannel.hangUp]: async (call) => {
      if (!deps.callStatus) return fail(ClientCode.noStatusSource);
      const result = await deps.callStatus.hangUp(call);
      return result.ok ? ok(null) : { ok: false, error: result.error };
    },
    [InvokeChannel.testAppId]: async () => {
      if (!deps.callStatus) return fail(ClientCode.appIdMissing);
      const result = await deps.callStatus.testAppId();
      return result.ok ? ok(null) : { ok: false, error: result.error };
    },
    [InvokeChannel.saveAppKey]: async ({ appKey }) => {
      if (!deps.appKeys) return fail(ClientCode.appIdMissing);
      if (deps.managed?.locked.includes('appId') || deps.appKeys.protection === 'managed-file')
        return fail(ClientCode.settingLocked, 'appKeyPath');
      // The key is saved for the server in Settings and used with it only (app-key-store.ts).
      const baseUrl = currentBaseUrl(deps.store.read());
      try {
        if (appKey === null) deps.appKeys.forget();
        else if (baseUrl === undefined) return fail(ClientCode.badSettings);
        else await deps.appKeys.save(appKey, baseUrl);
      } catch (error) {
        return fail(ClientCode.invalidInput, error instanceof Error ? error.message : undefined);
      }
      log.info(appKey === null ? 'App Key forgotten' : 'App Key saved');
      return changed(() => undefined);
    },
  };

  return {
    async invoke(channel, payload) {
      const parsed = invokeSchemas[channel].request.safeParse(payload);
      if (!parsed.success) return fail(ClientCode.invalidInput, describeIssues(parsed.error));
      return handlers[channel](parsed.data);
    },
  };
}

/**
 * Whether an invite of a terminal that is not a configured room was confirmed in the window for
 * this very number and meeting (security review, finding 1). Tray, camera and link invites never
 * carry such a confirmation: an unknown terminal always needs a click in the window.
 */
function confirmsUnknownTerminal(request: InvokeParsedRequests[typeof InvokeChannel.invite]): boolean {
  const confirmation = request.unknownTerminal;
  return (
    request.origin === 'window' &&
    confirmation !== undefined &&
    confirmation.confirmedCallNum === request.terminal?.callNum &&
    confirmation.confirmedMeetingId === request.meeting.id
  );
}

/** The change a patch makes to the server settings, or undefined when it leaves them as they are. */
function serverChange(current: Settings, patch: SettingsPatch): ServerChange | undefined {
  const from: ServerSettings = { site: current.site, ...pick(current) };
  const next = applySettingsPatch(current, patch);
  const to: ServerSettings = { site: next.site, ...pick(next) };
  return SERVER_KEYS.some((key) => from[key] !== to[key]) ? { from, to } : undefined;
}

function pick(settings: Settings): Omit<ServerSettings, 'site'> {
  return {
    ...(settings.customBaseUrl === undefined ? {} : { customBaseUrl: settings.customBaseUrl }),
    ...(settings.extraCaPath === undefined ? {} : { extraCaPath: settings.extraCaPath }),
  };
}

/** The help desk's text: versions, OS, site and settings without secrets, the last errors. */
function diagnostics(deps: AppApiDeps, errors: readonly (InviteError & { at: string })[]): string {
  const { recentMeetings, ...settings } = deps.store.read();
  const lines = [
    `QR Room Invite ${deps.appVersion}`,
    ...Object.entries(deps.versions()).map(([name, version]) => `${name}: ${version}`),
    `platform: ${deps.platform}`,
    `password protection: ${deps.passwordProtection()}`,
    `settings: ${JSON.stringify(settings)}`,
    `recent meetings: ${recentMeetings.length}`,
    'last errors:',
    ...(errors.length === 0
      ? ['  (none)']
      : errors.map(
          (e) =>
            `  ${e.at} ${e.code} status=${e.status ?? '-'} requestId=${e.requestId ?? '-'} outcome=${e.outcome}${e.detail ? ` (${e.detail})` : ''}`,
        )),
  ];
  return lines.join('\n');
}
