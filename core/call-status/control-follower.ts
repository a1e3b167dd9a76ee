/**
 * Following one invited room through door A (docs/api.md): a conference token from the host
 * password, then the push socket, or realTimeInfo polled at most once per `pollIntervalMs`
 * (never under 2 s) when the socket cannot open or drops. The token is renewed before it ends
 * while the room is followed. A refused host password ends door A at once (the caller never
 * sends it again for this meeting: meetings lock after repeated failures).
 */
import type { CallReason, CallStatus } from '../../shared/call-status';
import { ClientCode } from '../../shared/errors';
import type { InviteError } from '../../shared/invite-result';
import type { ConferenceClient, ConferenceToken, OnlineParticipant } from '../api/conference-client';
import type { CallResult } from '../api/control-http';
import type { PushFrame, PushSocket } from '../api/push-client';
import type { Logger } from '../log';
import { createFollowLoop } from './follow-loop';
import { findRoom, normaliseSipNumber, type Room } from './match';
import { leftReason, notJoinedReason, resultCodeKey } from './result-codes';

/** Codes after which the host password is not tried again. */
export const PASSWORD_REFUSED_CODES = new Set(['MMC.111072065', 'MMC.111070004', 'MMC.111070009', 'MMC.111072064']);
export const MEETING_ENDED_CODE = 'MMC.111072006';
const RENEW_MARGIN_MS = 5 * 60 * 1000;

export interface Target extends Room {
  meetingId: string;
}

export interface FollowControls {
  /** Until then the room must have joined; then `not-joined`, reason `no-answer`. */
  waitMs: number;
  /** Keep following after `joined` until the room leaves (the app); the CLI stops at `joined`. */
  untilLeft: boolean;
  onUpdate(status: CallStatus): void;
}

export interface Follow {
  /** The last status, once following stopped. */
  readonly done: Promise<CallStatus>;
  current(): CallStatus;
  stop(): void;
  hangUp(): Promise<CallResult<void>>;
}

export interface ControlFollowDeps {
  client: ConferenceClient;
  openPush(options: {
    wsUrl: string;
    wsToken: string;
    confToken: string;
    onFrame(frame: PushFrame): void;
    onClose(): void;
  }): Promise<PushSocket | null>;
  pollIntervalMs: number;
  /** Polling once joined (the app keeps watching for the room to leave). */
  followIntervalMs: number;
  logger: Logger;
}

export type ControlStart = { ok: true; follow: Follow } | { ok: false; refused: boolean; error: InviteError };

interface PushedParticipant {
  pid?: unknown;
  mode?: unknown;
  pinfoMap?: { NAME?: unknown; TEL?: unknown; STATE?: unknown };
}

/**
 * Gets the token; on success follows the room. On a refused password or another failure the
 * caller decides what is shown (another door, or unconfirmed).
 */
export async function followByControl(
  target: Target,
  hostPassword: string,
  controls: FollowControls,
  deps: ControlFollowDeps,
  via: CallStatus['via'] = 'control',
): Promise<ControlStart> {
  const first = await deps.client.token(target.meetingId, hostPassword);
  if (!first.ok) return { ok: false, refused: PASSWORD_REFUSED_CODES.has(first.error.code), error: first.error };

  let token: ConferenceToken = first.value;
  const participants = new Map<string, OnlineParticipant>();
  let seenOnline = false;
  let lastResultCode: number | undefined;
  let socket: PushSocket | null = null;
  let renewTimer: NodeJS.Timeout | undefined;
  const loop = createFollowLoop(
    { meetingId: target.meetingId, callNum: target.callNum, roomName: target.roomName, state: 'calling', via, canHangUp: false },
    controls,
    {
      pollIntervalMs: deps.pollIntervalMs,
      followIntervalMs: deps.followIntervalMs,
      onStop: () => {
        clearTimeout(renewTimer);
        socket?.close();
      },
    },
  );
  const { update, finish, stop } = loop;
  const joined = () => loop.current().state === 'joined';

  function withCode(reason: CallReason, code: number | undefined): Partial<CallStatus> {
    return { reason, ...(code ? { resultCode: resultCodeKey(code) } : {}) };
  }

  /** Decides the status from the participant list. */
  function evaluate(): void {
    const room = findRoom([...participants.values()], target);
    if (room) {
      seenOnline = true;
      if (room.state === 0) {
        update({ state: 'joined', canHangUp: true });
        loop.endWait();
        if (!controls.untilLeft) stop();
      } else {
        update({ state: room.state === 2 ? 'joining' : 'calling', canHangUp: true });
      }
      return;
    }
    if (!seenOnline) return;
    if (joined()) finish({ state: 'left', canHangUp: false, ...withCode(leftReason(lastResultCode), lastResultCode) });
    else
      finish({
        state: 'not-joined',
        canHangUp: false,
        ...withCode(lastResultCode ? notJoinedReason(lastResultCode) : 'call-failed', lastResultCode),
      });
  }

  function meetingEnded(): void {
    if (joined()) finish({ state: 'left', reason: 'meeting-ended', resultCode: MEETING_ENDED_CODE, canHangUp: false });
    else finish({ state: 'not-joined', reason: 'meeting-ended', resultCode: MEETING_ENDED_CODE, canHangUp: false });
  }

  function onFrame(frame: PushFrame): void {
    if (frame.action === 'ParticipantsNotify' && Array.isArray(frame.data)) {
      if (frame.msgMode === 0) participants.clear();
      for (const entry of frame.data as PushedParticipant[]) {
        if (typeof entry.pid !== 'string') continue;
        if (entry.mode === 1) {
          participants.delete(entry.pid);
          continue;
        }
        const before = participants.get(entry.pid);
        const info = entry.pinfoMap ?? {};
        participants.set(entry.pid, {
          id: entry.pid,
          name: typeof info.NAME === 'string' ? info.NAME : (before?.name ?? ''),
          phone: typeof info.TEL === 'string' ? info.TEL : (before?.phone ?? ''),
          state: info.STATE === undefined ? (before?.state ?? 1) : Number(info.STATE),
        });
      }
      evaluate();
    } else if (frame.action === 'InviteResultNotify' && Array.isArray(frame.data)) {
      for (const entry of frame.data as { callNumber?: unknown; errorCode?: unknown; resultCode?: unknown }[]) {
        if (typeof entry.callNumber !== 'string' || normaliseSipNumber(entry.callNumber) !== normaliseSipNumber(target.callNum)) continue;
        const code = Number(entry.errorCode ?? entry.resultCode);
        if (!Number.isFinite(code) || code === 0) continue;
        lastResultCode = code;
        // A call that failed before the room joined: that is the answer, whatever the list says next.
        if (!joined()) finish({ state: 'not-joined', canHangUp: false, ...withCode(notJoinedReason(code), code) });
      }
    } else if (frame.action === 'ConfDynamicInfoNotify') {
      const data = frame.data as { confState?: unknown; state?: unknown } | null;
      if (data && (data.confState === 'Destroyed' || data.state === 'Destroyed')) meetingEnded();
    }
  }

  async function poll(): Promise<void> {
    if (loop.isStopped()) return;
    const result = await deps.client.participants(target.meetingId, token.token);
    if (loop.isStopped()) return;
    if (result.ok) {
      participants.clear();
      for (const p of result.value) participants.set(p.id, p);
      evaluate();
    } else if (result.error.code === MEETING_ENDED_CODE || result.error.code === 'MMC.111070005') {
      meetingEnded();
      return;
    } else if (result.error.status === 401) {
      finish({ state: 'unconfirmed', reason: 'status-failed', resultCode: result.error.code, canHangUp: false });
      return;
    }
    // Again on the next tick (also after network trouble), until the wait ends or the room leaves.
    loop.pollLater(poll);
  }

  function scheduleRenewal(): void {
    const lifetime = token.expiresAt - Date.now();
    const renewIn = lifetime > 2 * RENEW_MARGIN_MS ? lifetime - RENEW_MARGIN_MS : lifetime * 0.8;
    renewTimer = setTimeout(
      () => {
        void deps.client.renew(target.meetingId, token.token).then((renewed) => {
          if (loop.isStopped()) return;
          if (renewed.ok) {
            token = renewed.value;
            scheduleRenewal();
          } else {
            deps.logger.warn('conference token renewal failed', { code: renewed.error.code });
          }
        });
      },
      Math.max(renewIn, 0),
    );
  }

  async function startWatching(): Promise<void> {
    const wsToken =
      token.tmpWsToken ?? (await deps.client.wsToken(target.meetingId, token.token).then((r) => (r.ok ? r.value : undefined)));
    if (loop.isStopped()) return;
    if (token.wsUrl && wsToken) {
      socket = await deps.openPush({
        wsUrl: token.wsUrl,
        wsToken,
        confToken: token.token,
        onFrame,
        // The server closes the socket when the meeting ends; polling finds out which it was.
        onClose: () => {
          socket = null;
          if (!loop.isStopped()) void poll();
        },
      });
      if (loop.isStopped()) socket?.close();
    }
    if (!socket && !loop.isStopped()) {
      deps.logger.info('push socket unavailable, polling realTimeInfo', { meetingId: target.meetingId });
      void poll();
    }
  }

  async function hangUp(): Promise<CallResult<void>> {
    const list = await deps.client.participants(target.meetingId, token.token);
    if (!list.ok) return list;
    const room = findRoom(list.value, target);
    if (!room) return { ok: false, error: { code: ClientCode.notInMeeting, outcome: 'failed' } };
    const result = await deps.client.hangUp(target.meetingId, token.token, [room.id]);
    if (result.ok) finish({ state: 'left', reason: 'hung-up', canHangUp: false });
    return result;
  }

  scheduleRenewal();
  void startWatching();
  return { ok: true, follow: { done: loop.done, current: loop.current, stop, hangUp } };
}
