/**
 * Following one invited room through door B (docs/api.md): `check-callnumber-in-conf` polled at
 * most once per `pollIntervalMs` (never under 2 s) until the room is `in_conf` with the invited
 * meeting's ID. Door B cannot tell ringing from busy, so the room stays `calling` until it joins
 * or the wait ends. A hang-up asks `confDetail` for the host password and goes through door A,
 * the password kept in memory for that one call.
 */
import { ClientCode } from '../../shared/errors';
import type { AppIdClient } from '../api/app-id-client';
import type { ConferenceClient } from '../api/conference-client';
import type { CallResult } from '../api/control-http';
import type { Logger } from '../log';
import type { Follow, FollowControls, Target } from './control-follower';
import { createFollowLoop } from './follow-loop';
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
export async function hangUpWithAppId(
  target: Target,
  deps: Pick<AppIdFollowDeps, 'app' | 'control' | 'logger'>,
): Promise<CallResult<void>> {
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
  const loop = createFollowLoop(
    { meetingId: target.meetingId, callNum: target.callNum, roomName: target.roomName, state: 'calling', via: 'app-id', canHangUp: false },
    controls,
    deps,
  );

  async function poll(): Promise<void> {
    const result = await deps.app.checkCallNumber(target.callNum);
    if (loop.isStopped()) return;
    if (result.ok) {
      const inThisMeeting = result.value.inConf && result.value.conferenceId === target.meetingId;
      const joined = loop.current().state === 'joined';
      if (inThisMeeting && !joined) {
        loop.endWait();
        loop.update({ state: 'joined', canHangUp: true });
        if (!controls.untilLeft) {
          loop.stop();
          return;
        }
      } else if (!inThisMeeting && joined) {
        loop.finish({ state: 'left', reason: 'left', canHangUp: false });
        return;
      }
    } else if (AUTH_FAILURES.test(result.error.code)) {
      loop.finish({ state: 'unconfirmed', reason: 'status-failed', resultCode: result.error.code, canHangUp: false });
      return;
    }
    loop.pollLater(poll);
  }

  void poll();
  return {
    done: loop.done,
    current: loop.current,
    stop: loop.stop,
    async hangUp() {
      const result = await hangUpWithAppId(target, deps);
      if (result.ok) loop.finish({ state: 'left', reason: 'hung-up', canHangUp: false });
      return result;
    },
  };
}
