/**
 * Door B of docs/api.md: an enterprise's App ID and App Key. One access token is made with a
 * signed `appauth` call and reused until shortly before it ends (one user ID holds at most 64
 * live tokens: never one per call); `check-callnumber-in-conf` says whether a terminal is in
 * which meeting; `confDetail` gives a running meeting's host password, for door A's hang-up —
 * returned to the caller for memory use only. The App Key signs and is never sent or logged.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { createJsonCaller, parsed, type CallResult, type HttpOptions } from './control-http';

export const APP_AUTH_PATH = '/v2/usg/acs/auth/appauth';
export const CHECK_CALL_NUMBER_PATH = '/v2/mms/ncms/conferences/online/check-callnumber-in-conf';
export const CONF_DETAIL_PATH = '/v1/mmc/management/conferences/online/confDetail';

/** Signed requests ask for this long (Huawei's example: now + 600 s). */
const SIGNATURE_LIFETIME_S = 600;
/** A token is renewed this long before Huawei says it ends. */
const RENEW_MARGIN_MS = 5 * 60 * 1000;
/** `USG.206020000`: the access token is not (or no longer) valid. */
const TOKEN_INVALID = 'USG.206020000';

export interface AppCredentials {
  appId: string;
  appKey: string;
  userId?: string;
}

const AuthAnswer = z.object({ accessToken: z.string().min(1).max(8192), validPeriod: z.number().positive().optional() });
const CheckAnswer = z.object({ in_conf: z.boolean(), conf_id: z.string().max(64).optional() });
const DetailAnswer = z.object({
  conferenceData: z.object({
    passwordEntry: z
      .array(z.object({ conferenceRole: z.string(), password: z.string().max(256) }))
      .max(10)
      .optional(),
  }),
});

export interface AppIdClient {
  /** Authenticates now (a fresh token), for "Test connection". */
  testConnection(): Promise<CallResult<void>>;
  /** Whether the number is in a meeting, and which. */
  checkCallNumber(callNum: string): Promise<CallResult<{ inConf: boolean; conferenceId?: string }>>;
  /** The running meeting's host ("chair") password, or null when it has none for us. */
  hostPassword(meetingId: string): Promise<CallResult<string | null>>;
}

/** The `Authorization` header of appauth: HMAC-SHA256 of appId:userId:expireTime:nonce, keyed with the App Key. */
export function appAuthSignature(credentials: AppCredentials, expireTime: number, nonce: string): string {
  const message = `${credentials.appId}:${credentials.userId ?? ''}:${expireTime}:${nonce}`;
  const signature = createHmac('sha256', credentials.appKey).update(message).digest('hex');
  return `HMAC-SHA256 signature=${signature},access=${Buffer.from(credentials.appId).toString('base64')}`;
}

export function createAppIdClient(options: HttpOptions & { credentials: AppCredentials; now?: () => number }): AppIdClient {
  const call = createJsonCaller(options);
  const now = options.now ?? Date.now;
  const { credentials } = options;
  let cached: { token: string; renewAt: number } | undefined;

  async function authenticate(): Promise<CallResult<string>> {
    const expireTime = Math.floor(now() / 1000) + SIGNATURE_LIFETIME_S;
    const nonce = randomBytes(24).toString('hex');
    const authorization = appAuthSignature(credentials, expireTime, nonce);
    const result = await call({
      name: 'appauth',
      method: 'POST',
      path: APP_AUTH_PATH,
      headers: { authorization, 'x-token-type': 'LongTicket', 'content-type': 'application/json' },
      body: { appId: credentials.appId, clientType: 72, ...(credentials.userId ? { userId: credentials.userId } : {}), expireTime, nonce },
      secrets: [credentials.appKey, authorization],
    });
    const answer = parsed(result, AuthAnswer, 'appauth answer');
    if (!answer.ok) return answer;
    const lifetimeMs = (answer.value.validPeriod ?? 12 * 3600) * 1000;
    cached = { token: answer.value.accessToken, renewAt: now() + Math.max(lifetimeMs - RENEW_MARGIN_MS, lifetimeMs / 2) };
    return { ok: true, value: answer.value.accessToken, requestId: answer.requestId };
  }

  async function accessToken(): Promise<CallResult<string>> {
    if (cached && now() < cached.renewAt) return { ok: true, value: cached.token, requestId: '' };
    return authenticate();
  }

  /** A GET with the access token; one fresh authentication when the server says the token is no longer valid. */
  async function withToken(name: string, path: string, query: Record<string, string>): Promise<CallResult<unknown>> {
    for (let attempt = 0; ; attempt++) {
      const token = await accessToken();
      if (!token.ok) return token;
      const result = await call({ name, method: 'GET', path, query, headers: { 'x-access-token': token.value }, secrets: [token.value] });
      if (result.ok || result.error.code !== TOKEN_INVALID || attempt > 0) return result;
      cached = undefined;
    }
  }

  return {
    async testConnection() {
      cached = undefined;
      const result = await authenticate();
      return result.ok ? { ok: true, value: undefined, requestId: result.requestId } : result;
    },
    async checkCallNumber(callNum) {
      const answer = parsed(
        await withToken('check-callnumber-in-conf', CHECK_CALL_NUMBER_PATH, { call_number: callNum }),
        CheckAnswer,
        'check-callnumber answer',
      );
      if (!answer.ok) return answer;
      const { in_conf: inConf, conf_id: conferenceId } = answer.value;
      return { ok: true, value: { inConf, ...(conferenceId ? { conferenceId } : {}) }, requestId: answer.requestId };
    },
    async hostPassword(meetingId) {
      const answer = parsed(
        await withToken('confDetail', CONF_DETAIL_PATH, { conferenceID: meetingId }),
        DetailAnswer,
        'confDetail answer',
      );
      if (!answer.ok) return answer;
      const chair = answer.value.conferenceData.passwordEntry?.find((entry) => entry.conferenceRole === 'chair');
      return { ok: true, value: chair?.password ?? null, requestId: answer.requestId };
    },
  };
}
