/**
 * Door A of docs/api.md: Huawei's conference control API with a token obtained from the HOST
 * password. Token (and renewal with the current token, which does not send the password
 * again), realTimeInfo, participants/delete (hang up), and wsToken for the push socket. Answers
 * are checked with zod; tokens and passwords are registered as secrets for the log.
 */
import { z } from 'zod';
import { createJsonCaller, parsed, type CallResult, type HttpOptions } from './control-http';

const BASE = '/v1/mmc/control/conferences';

export interface ConferenceToken {
  token: string;
  /** When Huawei says the token ends (ms since the epoch). */
  expiresAt: number;
  /** A one-use WebSocket token that came with it, if any. */
  tmpWsToken?: string;
  /** `wss://host` of the push socket. */
  wsUrl?: string;
}

/** One online participant as realTimeInfo lists it; `state` 0 in the meeting, 1 called, 2 joining. */
export interface OnlineParticipant {
  id: string;
  name: string;
  phone: string;
  state: number;
}

const TokenAnswer = z.object({
  data: z.object({
    token: z.string().min(1).max(4096),
    tmpWsToken: z.string().max(4096).optional(),
    wsURL: z.string().max(2048).optional(),
    expireTime: z.number().optional(),
    confTokenExpireTime: z.number().optional(),
  }),
});

const ParticipantAnswer = z.object({
  participantID: z.string().optional(),
  pid: z.string().optional(),
  name: z.string().max(512).optional(),
  phone: z.string().max(128).optional(),
  state: z.coerce.number().optional(),
});
const RealTimeAnswer = z.object({ data: z.object({ participants: z.array(ParticipantAnswer).max(5000).optional() }) });
const WsTokenAnswer = z.union([
  z.object({ webSocketToken: z.string().min(1).max(4096) }),
  z.object({ data: z.object({ webSocketToken: z.string().min(1).max(4096) }) }),
]);

export interface ConferenceClient {
  token(meetingId: string, hostPassword: string): Promise<CallResult<ConferenceToken>>;
  renew(meetingId: string, current: string): Promise<CallResult<ConferenceToken>>;
  participants(meetingId: string, token: string): Promise<CallResult<OnlineParticipant[]>>;
  hangUp(meetingId: string, token: string, participantIds: readonly string[]): Promise<CallResult<void>>;
  wsToken(meetingId: string, token: string): Promise<CallResult<string>>;
}

function toToken(answer: z.infer<typeof TokenAnswer>): ConferenceToken {
  const { data } = answer;
  const expiresAt = data.expireTime ?? Date.now() + (data.confTokenExpireTime ?? 1800) * 1000;
  return {
    token: data.token,
    expiresAt,
    ...(data.tmpWsToken ? { tmpWsToken: data.tmpWsToken } : {}),
    ...(data.wsURL ? { wsUrl: data.wsURL } : {}),
  };
}

export function createConferenceClient(options: HttpOptions): ConferenceClient {
  const call = createJsonCaller(options);
  const query = (meetingId: string) => ({ conferenceID: meetingId });

  async function tokenCall(meetingId: string, headers: Record<string, string>, secrets: string[]) {
    const result = parsed(
      await call({ name: 'conference token', method: 'GET', path: `${BASE}/token`, query: query(meetingId), headers, secrets }),
      TokenAnswer,
    );
    return result.ok ? { ...result, value: toToken(result.value) } : result;
  }

  return {
    token: (meetingId, hostPassword) => tokenCall(meetingId, { 'x-password': hostPassword, 'x-login-type': '1' }, [hostPassword]),
    renew: (meetingId, current) => tokenCall(meetingId, { 'x-conference-authorization': current, 'x-login-type': '1' }, [current]),
    async participants(meetingId, token) {
      const result = parsed(
        await call({
          name: 'realTimeInfo',
          method: 'GET',
          path: `${BASE}/realTimeInfo`,
          query: query(meetingId),
          headers: { 'x-conference-authorization': token },
          secrets: [token],
        }),
        RealTimeAnswer,
      );
      if (!result.ok) return result;
      const list = (result.value.data.participants ?? []).map((p) => ({
        id: p.participantID ?? p.pid ?? '',
        name: p.name ?? '',
        phone: p.phone ?? '',
        state: p.state ?? 0,
      }));
      return { ok: true, value: list.filter((p) => p.id !== ''), requestId: result.requestId };
    },
    async hangUp(meetingId, token, participantIds) {
      const result = await call({
        name: 'participants/delete',
        method: 'POST',
        path: `${BASE}/participants/delete`,
        query: query(meetingId),
        headers: { 'x-conference-authorization': token },
        body: { bulkHangUpParticipants: participantIds },
        secrets: [token],
      });
      return result.ok ? { ok: true, value: undefined, requestId: result.requestId } : result;
    },
    async wsToken(meetingId, token) {
      const result = parsed(
        await call({
          name: 'wsToken',
          method: 'GET',
          path: `${BASE}/wsToken`,
          query: query(meetingId),
          headers: { 'x-conference-authorization': token },
          secrets: [token],
        }),
        WsTokenAnswer,
      );
      if (!result.ok) return result;
      const value = 'data' in result.value ? result.value.data.webSocketToken : result.value.webSocketToken;
      return { ok: true, value, requestId: result.requestId };
    },
  };
}
