/**
 * Door B of docs/api.md ("Door B — App ID authentication"): `appauth` checks the HMAC-SHA256
 * signature keyed with the App Key, the `access` part, the expiry against the server's own clock
 * (which tests may move ahead: `USG.206010057`) and that a nonce is used once; the access token
 * then opens `check-callnumber-in-conf` and `confDetail` (which carries the meeting's passwords).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ControlState } from './control-state';
import { pickLanguage, SIM_ERRORS } from './errors';
import type { Fixture } from './fixture';
import { header, readBody, sendError, sendJson } from './http';
import { parseJson } from './invite';
import type { SimulatorRoute } from './router';

export const APP_PATHS = {
  appAuth: '/v2/usg/acs/auth/appauth',
  checkCallNumber: '/v2/mms/ncms/conferences/online/check-callnumber-in-conf',
  confDetail: '/v1/mmc/management/conferences/online/confDetail',
} as const;
type AppApi = keyof typeof APP_PATHS;

const AUTHORIZATION = /^HMAC-SHA256 signature=([0-9a-fA-F]{64}),access=([A-Za-z0-9+/=]+)$/u;

interface AppAuthBody {
  appId: string;
  clientType: number;
  userId: string;
  expireTime: number;
  nonce: string;
}

function parseAppAuthBody(raw: string | null): AppAuthBody | null {
  const json = raw === null ? undefined : parseJson(raw);
  if (!json || typeof json !== 'object') return null;
  const { appId, clientType, userId, expireTime, nonce } = json as Record<string, unknown>;
  if (typeof appId !== 'string' || clientType !== 72 || typeof nonce !== 'string' || typeof expireTime !== 'number') return null;
  if (userId !== undefined && typeof userId !== 'string') return null;
  if (nonce.length < 32 || nonce.length > 64 || !Number.isInteger(expireTime)) return null;
  return { appId, clientType, userId: userId ?? '', expireTime, nonce };
}

export function appAuthRoute(fixture: Fixture, control: ControlState): SimulatorRoute {
  const apis = Object.entries(APP_PATHS) as [AppApi, string][];
  return {
    name: 'app id',
    matches: (url) => apis.some(([, path]) => path === url.pathname),
    async handle({ req, res, url }) {
      const [api] = apis.find(([, path]) => path === url.pathname) ?? ['appAuth'];
      control.count(api);
      const language = pickLanguage(header(req, 'accept-language'));
      const method = api === 'appAuth' ? 'POST' : 'GET';
      if (req.method !== method) {
        req.resume();
        sendError(res, SIM_ERRORS.methodNotAllowed, language, { Allow: method });
        return;
      }

      if (api === 'appAuth') {
        const body = parseAppAuthBody(await readBody(req));
        const match = AUTHORIZATION.exec(header(req, 'authorization') ?? '');
        if (!body || !match?.[1] || !match[2] || header(req, 'x-token-type') !== 'LongTicket') {
          sendError(res, SIM_ERRORS.badRequest, language);
          return;
        }
        const access = Buffer.from(match[2], 'base64').toString('utf8');
        if (body.appId !== control.appId || access !== body.appId || control.usedNonces.has(body.nonce)) {
          sendError(res, SIM_ERRORS.appIdAuthFailed, language);
          return;
        }
        if (body.expireTime * 1000 <= control.now()) {
          sendError(res, SIM_ERRORS.appIdAuthExpired, language);
          return;
        }
        const expected = createHmac('sha256', control.appKey)
          .update(`${body.appId}:${body.userId}:${body.expireTime}:${body.nonce}`)
          .digest();
        const given = Buffer.from(match[1], 'hex');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          sendError(res, SIM_ERRORS.appIdAuthFailed, language);
          return;
        }
        control.usedNonces.add(body.nonce);
        sendJson(res, 200, {
          accessToken: control.issueAccessToken(),
          validPeriod: control.accessTokenSeconds,
          tokenType: 1,
          user: { userId: body.userId || 'owner', appId: body.appId },
        });
        return;
      }

      req.resume();
      if (!control.checkAccessToken(header(req, 'x-access-token'))) {
        sendError(res, SIM_ERRORS.accessTokenInvalid, language);
        return;
      }
      if (api === 'checkCallNumber') {
        const callNumber = url.searchParams.get('call_number') ?? '';
        const meeting = fixture.meetings.find((m) => control.calls.participants(m.id).some((p) => p.phone === callNumber && p.state === 0));
        sendJson(res, 200, meeting ? { in_conf: true, conf_id: meeting.id } : { in_conf: false });
        return;
      }
      const conferenceID = url.searchParams.get('conferenceID') ?? '';
      const meeting = fixture.meetings.find((m) => m.id === conferenceID);
      if (!meeting || meeting.state !== 'started' || control.calls.isEnded(conferenceID)) {
        sendError(res, SIM_ERRORS.confNotExist, language);
        return;
      }
      sendJson(res, 200, {
        conferenceData: {
          conferenceID,
          subject: meeting.subject ?? '',
          conferenceState: 'Created',
          passwordEntry: [
            { conferenceRole: 'chair', password: meeting.hostPassword },
            { conferenceRole: 'general', password: meeting.guestPassword },
          ],
        },
        data: { offset: 0, limit: 20, count: 0, data: [] },
      });
    },
  };
}
