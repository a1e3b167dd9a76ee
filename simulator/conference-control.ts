/**
 * Door A of docs/api.md ("Door A — conference control token"): the control token from the HOST
 * password (the guest password is refused; five wrong passwords lock control as
 * `MMC.111072064`), renewal with the current token, `realTimeInfo`, `participants/delete`
 * (hang up), `participants` (call again) and `wsToken` for the push socket. Every call is
 * counted so tests can prove that a guest-only invite makes none.
 */
import type { IncomingMessage } from 'node:http';
import type { ControlState } from './control-state';
import { pickLanguage, SIM_ERRORS, type SimError } from './errors';
import type { Fixture } from './fixture';
import { header, readBody, sendError, sendJson } from './http';
import { parseJson } from './invite';
import type { Exchange, SimulatorRoute } from './router';

const BASE = '/v1/mmc/control/conferences';
export const CONTROL_PATHS = {
  token: `${BASE}/token`,
  realTimeInfo: `${BASE}/realTimeInfo`,
  hangUp: `${BASE}/participants/delete`,
  callAgain: `${BASE}/participants`,
  wsToken: `${BASE}/wsToken`,
} as const;
type ControlApi = keyof typeof CONTROL_PATHS;

const METHODS: Record<ControlApi, string> = {
  token: 'GET',
  realTimeInfo: 'GET',
  hangUp: 'POST',
  callAgain: 'POST',
  wsToken: 'GET',
};
const MAX_FAILED_PASSWORDS = 5;

/** The meeting's refusal, if any: unknown, not started or ended (also when ended during the run). */
function meetingRefusal(fixture: Fixture, control: ControlState, conferenceID: string): SimError | null {
  const meeting = fixture.meetings.find((m) => m.id === conferenceID);
  if (!meeting) return SIM_ERRORS.confNotExist;
  if (meeting.state === 'not-started') return SIM_ERRORS.notStarted;
  if (meeting.state === 'ended' || control.calls.isEnded(conferenceID)) return SIM_ERRORS.ended;
  return null;
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const raw = await readBody(req);
  const parsed = raw === null ? undefined : parseJson(raw);
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
}

export function conferenceControlRoute(fixture: Fixture, control: ControlState): SimulatorRoute {
  function issueToken(exchange: Exchange, conferenceID: string): void {
    const { token, expiresAt } = control.issueConferenceToken(conferenceID);
    const host = header(exchange.req, 'host') ?? 'localhost';
    sendJson(exchange.res, 200, {
      data: {
        token,
        tmpWsToken: control.issueWsToken(conferenceID),
        wsURL: `wss://${host}`,
        role: 1,
        expireTime: expiresAt,
        confTokenExpireTime: Math.round(control.conferenceTokenMs / 1000),
        userID: 'sim-host',
        orgID: '',
        vmrCurrentConfID: '',
        supportNotifyType: ['ParticipantsNotify', 'InviteResultNotify', 'ConfDynamicInfoNotify'],
      },
    });
  }

  function token(exchange: Exchange, conferenceID: string): void {
    const { req, res } = exchange;
    const language = pickLanguage(header(req, 'accept-language'));
    const current = header(req, 'x-conference-authorization');
    // Renewal: the password is not checked, the current token must still be live.
    if (current !== undefined) {
      if (!control.checkConferenceToken(current, conferenceID)) sendError(res, SIM_ERRORS.confTokenInvalid, language);
      else issueToken(exchange, conferenceID);
      return;
    }
    if (header(req, 'x-login-type') !== '1') {
      sendError(res, SIM_ERRORS.badRequest, language);
      return;
    }
    const failures = control.failedPasswords.get(conferenceID) ?? 0;
    if (failures >= MAX_FAILED_PASSWORDS) {
      sendError(res, SIM_ERRORS.tooManyFailures, language);
      return;
    }
    const meeting = fixture.meetings.find((m) => m.id === conferenceID);
    if (header(req, 'x-password') !== meeting?.hostPassword) {
      control.failedPasswords.set(conferenceID, failures + 1);
      sendError(res, SIM_ERRORS.authFailed, language);
      return;
    }
    control.failedPasswords.delete(conferenceID);
    issueToken(exchange, conferenceID);
  }

  async function withToken(api: ControlApi, exchange: Exchange, conferenceID: string): Promise<void> {
    const { req, res } = exchange;
    const language = pickLanguage(header(req, 'accept-language'));
    const body = METHODS[api] === 'POST' ? await jsonBody(req) : (req.resume(), null);
    if (!control.checkConferenceToken(header(req, 'x-conference-authorization'), conferenceID)) {
      sendError(res, SIM_ERRORS.confTokenInvalid, language);
      return;
    }
    switch (api) {
      case 'realTimeInfo':
        sendJson(res, 200, {
          data: {
            confInfo: { conferenceID, state: 'Created' },
            participants: control.calls.participants(conferenceID).map((p) => ({ ...p, pid: p.participantID })),
            attendees: [],
          },
        });
        return;
      case 'hangUp': {
        const ids = body?.bulkHangUpParticipants;
        if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
          sendError(res, SIM_ERRORS.badRequest, language);
          return;
        }
        control.calls.hangUp(conferenceID, ids);
        sendJson(res, 200, {});
        return;
      }
      case 'callAgain': {
        const attendees = body?.attendees;
        if (!Array.isArray(attendees)) {
          sendError(res, SIM_ERRORS.badRequest, language);
          return;
        }
        for (const attendee of attendees as { name?: unknown; phone?: unknown }[]) {
          if (typeof attendee.phone !== 'string' || !/^\+?\d{3,32}$/u.test(attendee.phone)) {
            sendError(res, SIM_ERRORS.badRequest, language);
            return;
          }
        }
        for (const attendee of attendees as { name?: string; phone: string }[])
          control.calls.call(conferenceID, attendee.phone, attendee.name);
        sendJson(res, 200, {});
        return;
      }
      case 'wsToken':
        sendJson(res, 200, { webSocketToken: control.issueWsToken(conferenceID), expireTime: Date.now() + 60_000 });
        return;
      case 'token':
        return;
    }
  }

  const apis = Object.entries(CONTROL_PATHS) as [ControlApi, string][];
  return {
    name: 'conference control',
    matches: (url) => apis.some(([, path]) => path === url.pathname),
    async handle(exchange) {
      const { req, res, url } = exchange;
      const [api] = apis.find(([, path]) => path === url.pathname) ?? ['token'];
      control.count(api);
      const language = pickLanguage(header(req, 'accept-language'));
      if (req.method !== METHODS[api]) {
        req.resume();
        sendError(res, SIM_ERRORS.methodNotAllowed, language, { Allow: METHODS[api] });
        return;
      }
      const conferenceID = url.searchParams.get('conferenceID') ?? '';
      const refusal = meetingRefusal(fixture, control, conferenceID);
      if (refusal) {
        req.resume();
        sendError(res, refusal, language);
        return;
      }
      if (api === 'token') {
        req.resume();
        token(exchange, conferenceID);
        return;
      }
      await withToken(api, exchange, conferenceID);
    },
  };
}
