/**
 * The call status inside the app (main and the browser preview): follows every room an
 * accepted invite of this computer called, for as long as the room is in the meeting, and tells
 * the window (typed events through the one IPC contract: statuses only, never a token, key or
 * password) and whoever else listens (the tray: "Hang up Room A", "Room A — in meeting …").
 * Credentials: the host password the invite carried, kept in memory while the room is followed;
 * the App ID from the settings with its key from the App Key store.
 */
import type { CallStatus } from '../../shared/call-status';
import type { Language } from '../../shared/schemas';
import type { Settings } from '../../shared/settings';
import { ClientCode } from '../../shared/errors';
import type { CallResult } from '../api/control-http';
import { loadExtraCa } from '../api/extra-ca';
import { baseUrlFromSettings } from '../api/sites';
import type { Logger } from '../log';
import type { AppKeyStore } from '../store/app-key-store';
import { currentBaseUrl } from '../store/settings-store';
import type { Target } from './control-follower';
import { createCallStatusService, DEFAULT_WAIT_SECONDS, type CallStatusService, type FollowRequest } from './service';

export interface CallStatusFeatureDeps {
  settings: () => Settings;
  appKeys: AppKeyStore;
  systemLanguage: () => Language;
  userAgent: string;
  logger?: Logger;
  /** Every status change of every followed room. */
  onStatus: (status: CallStatus) => void;
}

export interface CallStatusFeature {
  /**
   * After an accepted invite: follow the room (the invite's outcome was already shown).
   * `onHostPassword` learns whether the server took the host password (main remembers or forgets it).
   */
  follow(target: Target, hostPassword?: string, onHostPassword?: FollowRequest['onHostPassword']): void;
  hangUp(target: Pick<Target, 'meetingId' | 'callNum'>): Promise<CallResult<void>>;
  /** Rooms of this computer being called or in a meeting now. */
  active(): CallStatus[];
  testAppId(): Promise<CallResult<void>>;
  readonly service: CallStatusService;
  stop(): void;
}

export function createCallStatusFeature(deps: CallStatusFeatureDeps): CallStatusFeature {
  const followed = new Map<string, Target>();
  const service = createCallStatusService({
    http: () => {
      const settings = deps.settings();
      try {
        return {
          baseUrl: baseUrlFromSettings(settings),
          timeoutMs: settings.requestTimeoutSeconds * 1000,
          language: settings.language ?? deps.systemLanguage(),
          userAgent: deps.userAgent,
          ...(settings.extraCaPath ? { extraCaPem: loadExtraCa(settings.extraCaPath) } : {}),
        };
      } catch (error) {
        return { problem: error instanceof Error ? error.message : String(error) };
      }
    },
    // The key is read for the base URL the call goes to: one saved for another server is not used.
    appCredentials: async (baseUrl) => {
      const { appId, appUserId } = deps.settings();
      const appKey = appId ? await deps.appKeys.read(baseUrl) : undefined;
      return appId && appKey ? { appId, appKey, ...(appUserId ? { userId: appUserId } : {}) } : null;
    },
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
  const key = (target: Pick<Target, 'meetingId' | 'callNum'>) => `${target.meetingId}\u0000${target.callNum}`;

  return {
    service,
    follow(target, hostPassword, onHostPassword) {
      followed.set(key(target), target);
      void service.follow({
        target,
        hostPassword,
        ...(onHostPassword ? { onHostPassword } : {}),
        waitSeconds: deps.settings().callStatusWaitSeconds ?? DEFAULT_WAIT_SECONDS,
        untilLeft: true,
        onUpdate: deps.onStatus,
      });
    },
    hangUp(ref) {
      const target = followed.get(key(ref));
      if (!target) return Promise.resolve({ ok: false, error: { code: ClientCode.notInMeeting, outcome: 'failed' } });
      return service.hangUp(target);
    },
    active: () => service.active(),
    testAppId: () => {
      const settings = deps.settings();
      const { otherServer } = deps.appKeys.state(currentBaseUrl(settings));
      // Say why rather than "no App ID": the key is kept, but for another server.
      if (settings.appId && otherServer)
        return Promise.resolve({
          ok: false,
          error: { code: ClientCode.appKeyOtherServer, outcome: 'failed', detail: `saved for ${otherServer}` },
        });
      return service.testAppId();
    },
    stop: () => service.stopAll(),
  };
}
