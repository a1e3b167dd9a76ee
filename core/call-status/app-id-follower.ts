/**
 * Following one invited room through door B (docs/api.md): `check-callnumber-in-conf` polled at
 * most once per `pollIntervalMs` (never under 2 s) until the room is `in_conf` with the invited
 * meeting's ID. Door B cannot tell ringing from busy, so the room stays `calling` until it joins
 * or the wait ends. A hang-up asks `confDetail` for the host password and goes through door A,
 * the password kept in memory for that one call.
 */
import type { CallStatus } from '../../shared/call-status';
import { ClientCode } from '../../shared/errors';
import type { AppIdClient } from '../api/app-id-client';
import type { ConferenceClient } from '../api/conference-client';
import type { CallResult } from '../api/control-http';
import type { Logger } from '../log';
import type { Follow, FollowControls, Target } from './control-follower';
import { findRoom } from './match';

export interface AppIdFollowDeps {
  app: AppIdClient;
  control: ConferenceClient;
  pollIntervalMs: number;
  followIntervalMs: number;
  logger: Logger;
}

/** Codes after which polling is pointless: the App ID, its key or the clock is wrong. */
const AUTH_FAILURES = /^USG\./u;

/** Hangs the room up through door A with the host password confDetail gives (memory only). */
export async function hangUpWithAppId(target: Target, deps: Pick<AppIdFollowDeps, 'app' | 'control' | 'logger'>): Promise<CallResult<void>> {
  const password = await deps.app.hostPassword(target.meetingId);
  if (!password.ok) return password;
  if (!password.value) return { ok: false, error: { code: ClientCode.noHostPassword, outcome: 'failed' } };
  const token = await deps.control.token(target.meetingId, password.value);
  if (!token.ok) return token;
  const list = await deps.control.participants(target.meetingId, token.value.token);
  if (!list.ok) return list;
  const room = findRoom(list.value, target);
  if (!room) return { ok: false, error: { code: ClientCode.notInMeeting, outcome: 'failed' } };
  return deps.control.hangUp(target.meetingId, token.value.token, [room.id]);
}

export function followByAppId(target: Target, controls: FollowControls, deps: AppIdFollowDeps): Follow {
  let status: CallStatus = { meetingId: target.meetingId, callNum: target.callNum, roomName: target.roomName, state: 'calling', via: 'app-id', canHangUp: false };
  let stopped = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let resolveDone: (status: CallStatus) => void = () => undefined;
  const done = new Promise<CallStatus>((resolve) => {
    resolveDone = resolve;
  });
  const deadline = setTimeout(() => {
    if (status.state !== 'joined') finish({ state: 'not-joined', reason: 'no-answer', canHangUp: false });
  }, controls.waitMs);

  function stop(): void {
    if (stopped) return;
    stopped = true;
    clearTimeout(deadline);
    clearTimeout(pollTimer);
    resolveDone(status);
  }

  function update(change: Partial<CallStatus>): void {
    if (stopped) return;
    status = { ...status, ...change };
    controls.onUpdate(status);
  }

  function finish(change: Partial<CallStatus>): void {
    update(change);
    stop();
  }

  async function poll(): Promise<void> {
    const result = await deps.app.checkCallNumber(target.callNum);
    if (stopped) return;
    if (result.ok) {
      const inThisMeeting = result.value.inConf && result.value.conferenceId === target.meetingId;
      if (inThisMeeting && status.state !== 'joined') {
        clearTimeout(deadline);
        update({ state: 'joined', canHangUp: true });
        if (!controls.untilLeft) {
          stop();
          return;
        }
      } else if (!inThisMeeting && status.state === 'joined') {
        finish({ state: 'left', reason: 'left', canHangUp: false });
        return;
      }
    } else if (AUTH_FAILURES.test(result.error.code)) {
      finish({ state: 'unconfirmed', reason: 'status-failed', resultCode: result.error.code, canHangUp: false });
      return;
    }
    pollTimer = setTimeout(() => void poll(), status.state === 'joined' ? deps.followIntervalMs : deps.pollIntervalMs);
  }

  controls.onUpdate(status);
  void poll();
  return {
    done,
    current: () => status,
    stop,
    async hangUp() {
      const result = await hangUpWithAppId(target, deps);
      if (result.ok) finish({ state: 'left', reason: 'hung-up', canHangUp: false });
      return result;
    },
  };
}
