/**
 * The call-status service: follows an invited room through the best door open for its meeting
 * (docs/api.md, "After the invite"). Door A when a host password is known, door B when an App ID
 * is configured, otherwise `unconfirmed` — said once, never as an error. A host password that
 * was refused for a meeting is never sent again for it (meetings lock after repeated failures);
 * with an App ID the room is then followed through door B. Also answers one-shot questions
 * (is the room in the meeting? hang it up) for the CLI, and tests an App ID for Settings.
 */
import { createHash } from 'node:crypto';
import type { CallStatus } from '../../shared/call-status';
import { ClientCode } from '../../shared/errors';
import { createAppIdClient, type AppCredentials, type AppIdClient } from '../api/app-id-client';
import { createConferenceClient, type ConferenceClient } from '../api/conference-client';
import type { CallResult, HttpOptions } from '../api/control-http';
import { openPushSocket } from '../api/push-client';
import { silentLogger, type Logger } from '../log';
import { followByAppId, hangUpWithAppId } from './app-id-follower';
import { followByControl, MEETING_ENDED_CODE, PASSWORD_REFUSED_CODES, type Follow, type Target } from './control-follower';
import { findRoom } from './match';

/** Huawei's rule for status calls per meeting: at most one every 2 s. */
export const MIN_POLL_INTERVAL_MS = 2000;
export const DEFAULT_WAIT_SECONDS = 60;

export interface CallStatusDeps {
  /** The HTTPS settings of the moment (base URL, CA, timeout, language), or why there are none. */
  http: () => HttpOptions | { problem: string };
  /** The App ID credentials for this base URL, when configured for it (read by main only). */
  appCredentials: (baseUrl: string) => Promise<AppCredentials | null>;
  logger?: Logger;
  pollIntervalMs?: number;
  followIntervalMs?: number;
  heartbeatMs?: number;
}

export interface FollowRequest {
  target: Target;
  hostPassword?: string | undefined;
  waitSeconds?: number;
  untilLeft?: boolean;
  onUpdate?: (status: CallStatus) => void;
  /** Told whether the server accepted the host password (door A's token) or refused it. */
  onHostPassword?: (verdict: HostPasswordVerdict) => void;
}

export type HostPasswordVerdict = 'accepted' | 'refused';

export interface CallStatusService {
  follow(request: FollowRequest): Promise<Follow>;
  /** Rooms followed now (the tray's "Hang up Room A"). */
  active(): CallStatus[];
  /** Hangs the room up: through its follow when one runs, otherwise through the door the credentials open. */
  hangUp(target: Target, hostPassword?: string): Promise<CallResult<void>>;
  /** One look: is the room in the meeting? */
  check(target: Target, hostPassword?: string): Promise<CallStatus>;
  /** Authenticates with these credentials (or the configured ones): "Test connection". */
  testAppId(credentials?: AppCredentials): Promise<CallResult<void>>;
  stopAll(): void;
}

function key(target: Target): string {
  return `${target.meetingId}\u0000${target.callNum}`;
}

function base(target: Target): Omit<CallStatus, 'state' | 'via'> {
  return { meetingId: target.meetingId, callNum: target.callNum, roomName: target.roomName, canHangUp: false };
}

/** A follow that is over before it began (no door open). */
function settled(status: CallStatus): Follow {
  return {
    done: Promise.resolve(status),
    current: () => status,
    stop: () => undefined,
    hangUp: () => Promise.resolve({ ok: false, error: { code: ClientCode.noStatusSource, outcome: 'failed' } }),
  };
}

export function createCallStatusService(deps: CallStatusDeps): CallStatusService {
  const logger = deps.logger ?? silentLogger;
  const pollIntervalMs = Math.max(deps.pollIntervalMs ?? MIN_POLL_INTERVAL_MS, MIN_POLL_INTERVAL_MS);
  const followIntervalMs = Math.max(deps.followIntervalMs ?? 5000, MIN_POLL_INTERVAL_MS);
  const follows = new Map<string, Follow>();
  /** Meeting + hash of a host password the server refused: never sent again. */
  const refused = new Set<string>();
  let appClient: { key: string; client: AppIdClient } | undefined;

  const refusalKey = (meetingId: string, password: string) => `${meetingId}\u0000${createHash('sha256').update(password).digest('hex')}`;

  function http(): HttpOptions | null {
    const options = deps.http();
    if ('problem' in options) {
      logger.warn('call status: settings unusable', { detail: options.problem });
      return null;
    }
    return { ...options, logger };
  }

  async function app(options: HttpOptions, given?: AppCredentials): Promise<AppIdClient | null> {
    const credentials = given ?? (await deps.appCredentials(options.baseUrl));
    if (!credentials) return null;
    if (given) return createAppIdClient({ ...options, credentials });
    // One client per credentials and settings, so its access token is reused, never one per call.
    const id = createHash('sha256')
      .update(JSON.stringify([options.baseUrl, options.extraCaPem, credentials]))
      .digest('hex');
    if (appClient?.key !== id) appClient = { key: id, client: createAppIdClient({ ...options, credentials }) };
    return appClient.client;
  }

  function controlDeps(options: HttpOptions, control: ConferenceClient, meetingId: string) {
    return {
      client: control,
      pollIntervalMs,
      followIntervalMs,
      logger,
      openPush: (push: Parameters<Parameters<typeof followByControl>[3]['openPush']>[0]) =>
        openPushSocket({
          ...push,
          meetingId,
          ...(options.extraCaPem ? { extraCaPem: options.extraCaPem } : {}),
          ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
          ...(deps.heartbeatMs ? { heartbeatMs: deps.heartbeatMs } : {}),
          logger,
        }),
    };
  }

  async function startFollow(request: FollowRequest): Promise<Follow> {
    const { target } = request;
    const onUpdate = request.onUpdate ?? (() => undefined);
    const controls = { waitMs: (request.waitSeconds ?? DEFAULT_WAIT_SECONDS) * 1000, untilLeft: request.untilLeft ?? false, onUpdate };
    const unconfirmed = (reason: CallStatus['reason'], resultCode?: string): Follow => {
      const status: CallStatus = { ...base(target), state: 'unconfirmed', via: null, reason, ...(resultCode ? { resultCode } : {}) };
      onUpdate(status);
      return settled(status);
    };
    const options = http();
    if (!options) return unconfirmed('status-failed', ClientCode.badSettings);
    const control = createConferenceClient(options);
    let refusal: string | undefined;

    const password = request.hostPassword;
    if (password && !refused.has(refusalKey(target.meetingId, password))) {
      const started = await followByControl(target, password, controls, controlDeps(options, control, target.meetingId));
      if (started.ok) {
        request.onHostPassword?.('accepted');
        return started.follow;
      }
      if (started.refused) {
        request.onHostPassword?.('refused');
        refused.add(refusalKey(target.meetingId, password));
        refusal = started.error.code;
      } else if (started.error.code === MEETING_ENDED_CODE) {
        const status: CallStatus = {
          ...base(target),
          state: 'not-joined',
          via: 'control',
          reason: 'meeting-ended',
          resultCode: MEETING_ENDED_CODE,
        };
        onUpdate(status);
        return settled(status);
      } else {
        refusal = started.error.code;
      }
    } else if (password) {
      request.onHostPassword?.('refused');
      refusal = 'MMC.111072065';
    }

    const appId = await app(options);
    if (appId) return followByAppId(target, controls, { app: appId, control, pollIntervalMs, followIntervalMs, logger });
    if (refusal)
      return unconfirmed(
        password && refused.has(refusalKey(target.meetingId, password)) ? 'host-password-refused' : 'status-failed',
        refusal,
      );
    return unconfirmed('no-source');
  }

  return {
    async follow(request) {
      const id = key(request.target);
      follows.get(id)?.stop();
      const follow = await startFollow(request);
      follows.set(id, follow);
      void follow.done.then(() => {
        if (follows.get(id) === follow && follow.current().state !== 'joined') follows.delete(id);
      });
      return follow;
    },
    active: () =>
      [...follows.values()].map((f) => f.current()).filter((s) => s.state === 'joined' || s.state === 'calling' || s.state === 'joining'),
    async hangUp(target, hostPassword) {
      const follow = follows.get(key(target));
      if (follow?.current().canHangUp) {
        const result = await follow.hangUp();
        if (result.ok) follows.delete(key(target));
        return result;
      }
      const options = http();
      if (!options) return { ok: false, error: { code: ClientCode.badSettings, outcome: 'failed' } };
      const control = createConferenceClient(options);
      if (hostPassword && !refused.has(refusalKey(target.meetingId, hostPassword))) {
        const token = await control.token(target.meetingId, hostPassword);
        if (!token.ok) return token;
        const list = await control.participants(target.meetingId, token.value.token);
        if (!list.ok) return list;
        const room = findRoom(list.value, target);
        if (!room) return { ok: false, error: { code: ClientCode.notInMeeting, outcome: 'failed' } };
        return control.hangUp(target.meetingId, token.value.token, [room.id]);
      }
      const appId = await app(options);
      if (appId) return hangUpWithAppId(target, { app: appId, control, logger });
      return { ok: false, error: { code: ClientCode.noStatusSource, outcome: 'failed' } };
    },
    async check(target, hostPassword) {
      const options = http();
      const failed = (via: CallStatus['via'], resultCode: string): CallStatus => ({
        ...base(target),
        state: 'unconfirmed',
        via,
        reason: 'status-failed',
        resultCode,
      });
      if (!options) return failed(null, ClientCode.badSettings);
      if (hostPassword) {
        const control = createConferenceClient(options);
        const token = await control.token(target.meetingId, hostPassword);
        if (token.ok) {
          const list = await control.participants(target.meetingId, token.value.token);
          if (!list.ok) return failed('control', list.error.code);
          const room = findRoom(list.value, target);
          if (room?.state === 0) return { ...base(target), state: 'joined', via: 'control', canHangUp: true };
          if (room) return { ...base(target), state: room.state === 2 ? 'joining' : 'calling', via: 'control', canHangUp: true };
          return { ...base(target), state: 'not-joined', via: 'control', reason: 'not-in-meeting' };
        }
        if (PASSWORD_REFUSED_CODES.has(token.error.code)) refused.add(refusalKey(target.meetingId, hostPassword));
        if (token.error.code === MEETING_ENDED_CODE)
          return { ...base(target), state: 'not-joined', via: 'control', reason: 'meeting-ended', resultCode: MEETING_ENDED_CODE };
        if (!(await deps.appCredentials(options.baseUrl)))
          return {
            ...failed('control', token.error.code),
            ...(token.error.code === 'MMC.111072065' ? { reason: 'host-password-refused' as const } : {}),
          };
      }
      const appId = await app(options);
      if (!appId) return { ...base(target), state: 'unconfirmed', via: null, reason: 'no-source' };
      const result = await appId.checkCallNumber(target.callNum);
      if (!result.ok) return failed('app-id', result.error.code);
      if (result.value.inConf && result.value.conferenceId === target.meetingId)
        return { ...base(target), state: 'joined', via: 'app-id', canHangUp: true };
      return { ...base(target), state: 'not-joined', via: 'app-id', reason: 'not-in-meeting' };
    },
    async testAppId(credentials) {
      const options = http();
      if (!options) return { ok: false, error: { code: ClientCode.badSettings, outcome: 'failed' } };
      const client = await app(options, credentials);
      if (!client) return { ok: false, error: { code: ClientCode.appIdMissing, outcome: 'failed' } };
      return client.testConnection();
    },
    stopAll() {
      for (const follow of follows.values()) follow.stop();
      follows.clear();
    },
  };
}
