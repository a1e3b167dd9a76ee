/**
 * The client for Huawei Cloud Meeting's `inviteWithPwd` (docs/api.md), built on got.
 * Plain Node: no Electron. Every outcome comes back as a typed InviteResult, never a throw.
 *
 * Retry rules: a call is repeated only when it cannot make the terminal ring twice — the
 * connection was refused or the name did not resolve (nothing was sent), or the server said
 * 429/503 (it did not act) with a Retry-After of at most 10 s. Anything that fails after the
 * request was written is "outcome unknown" and left to the person.
 */
import { randomUUID } from 'node:crypto';
import { RequestError, TimeoutError, type Response } from 'got';
import { ClientCode } from '../../shared/errors';
import type { InviteError, InviteResult } from '../../shared/invite-result';
import { silentLogger } from '../log';
import { acceptLanguage, createHttpsSender, headerValue, type HttpsClientOptions } from './https-request';
import { ResponseTooLargeError } from './response-limit';

export const INVITE_PATH = '/v1/mmc/control/conferences/inviteWithPwd';

/** What one invite sends; values already validated and normalised. */
export interface InviteCall {
  meetingId: string;
  password: string;
  callNum: string;
  orgId?: string;
  numberType?: 0 | 1;
  isNotOverlayPidName?: boolean;
}

export interface MeetingClientOptions extends HttpsClientOptions {
  /** Longest Retry-After honoured; longer waits fail at once. */
  maxRetryAfterMs?: number;
  /** Waits between attempts (tests may shorten). */
  sleep?: (ms: number) => Promise<void>;
}

/** One inviteWithPwd request as it goes on the wire. */
export interface InviteRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export interface MeetingClient {
  inviteWithPwd(call: InviteCall, options?: { signal?: AbortSignal }): Promise<InviteResult>;
  /** The request an invite sends, with this request ID (the CLI's `--dry-run` prints it). */
  describeInvite(call: InviteCall, requestId: string): InviteRequest;
}

const MAX_ATTEMPTS = 3;
const CONNECT_RETRY_DELAY_MS = 500;
const PRE_SEND_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(?:VERIFY|GET)|EPROTO|ERR_TLS/u;

/** The request body exactly as docs/api.md lists it; optional fields only when given. */
export function buildInviteBody(call: InviteCall): Record<string, unknown> {
  return {
    callNum: call.callNum,
    confID: call.meetingId,
    pwd: call.password,
    ...(call.orgId === undefined ? {} : { orgID: call.orgId }),
    ...(call.numberType === undefined ? {} : { numBelongsType: call.numberType }),
    ...(call.isNotOverlayPidName === undefined ? {} : { isNotOverlayPidName: call.isNotOverlayPidName }),
  };
}

export function createMeetingClient(options: MeetingClientOptions): MeetingClient {
  const log = options.logger ?? silentLogger;
  const send = createHttpsSender(options);
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  function describeInvite(call: InviteCall, requestId: string): InviteRequest {
    const url = new URL(`${options.baseUrl}${INVITE_PATH}`);
    url.searchParams.set('conferenceID', call.meetingId);
    return {
      method: 'POST',
      url: url.href,
      headers: {
        'content-type': 'application/json;charset=UTF-8',
        'x-request-id': requestId,
        'accept-language': acceptLanguage(options.language),
        'user-agent': options.userAgent,
      },
      body: buildInviteBody(call),
    };
  }

  async function attempt(call: InviteCall, requestId: string, signal: AbortSignal | undefined) {
    const request = describeInvite(call, requestId);
    const response = await send({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: JSON.stringify(request.body),
      signal,
    });
    return { response, requestId };
  }

  return {
    describeInvite,
    async inviteWithPwd(call, { signal } = {}) {
      const callLog = log.withSecrets([call.password]);
      let lastRequestId: string | undefined;
      for (let attempts = 1; ; attempts++) {
        const sentId = randomUUID();
        try {
          const { response, requestId } = await attempt(call, sentId, signal);
          lastRequestId = headerValue(response, 'x-request-id') ?? requestId;
          callLog.info('inviteWithPwd answered', { status: response.statusCode, requestId: lastRequestId, attempts });
          if (response.statusCode >= 200 && response.statusCode < 300) {
            return { ok: true, requestId: lastRequestId, status: response.statusCode, attempts };
          }
          const error = errorFromResponse(response, lastRequestId);
          const waitMs = retryDelayMs(response, maxRetryAfterMs);
          if (waitMs !== null && attempts < MAX_ATTEMPTS) {
            callLog.warn('service busy, retrying', { status: response.statusCode, waitMs });
            await sleep(waitMs);
            continue;
          }
          return { ok: false, error, attempts };
        } catch (cause) {
          if (cause instanceof ResponseTooLargeError) {
            // The request was sent and answered, so the server may well have called the room
            // even with a 2xx status we cannot confirm from a body we refuse to read: "unknown",
            // never retried, never "accepted" (a hostile server or proxy can send 200 + junk).
            callLog.warn('inviteWithPwd answer too large', { status: cause.status, limit: cause.limit, attempts });
            const status = cause.status === undefined ? {} : { status: cause.status };
            return {
              ok: false,
              attempts,
              error: { code: ClientCode.responseTooLarge, outcome: 'unknown', requestId: sentId, detail: cause.message, ...status },
            };
          }
          const error = errorFromException(cause, lastRequestId);
          callLog.warn('inviteWithPwd failed', { code: error.code, detail: error.detail, attempts });
          const preSend = cause instanceof RequestError && PRE_SEND_CODES.has(cause.code) && !wasSent(cause);
          if (preSend && attempts < MAX_ATTEMPTS && !signal?.aborted) {
            await sleep(CONNECT_RETRY_DELAY_MS * attempts);
            continue;
          }
          return { ok: false, error, attempts };
        }
      }
    },
  };
}

/** Delay before retrying a 429/503, or null when it must not be retried. */
function retryDelayMs(response: Response<string>, maxMs: number): number | null {
  if (response.statusCode !== 429 && response.statusCode !== 503) return null;
  const header = headerValue(response, 'retry-after');
  if (header === undefined) return 1000;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  if (!Number.isFinite(ms)) return 1000;
  return ms <= maxMs ? Math.max(0, ms) : null;
}

function errorFromResponse(response: Response<string>, requestId: string): InviteError {
  const status = response.statusCode;
  const body = parseErrorBody(response.body);
  const retryAfter = Number(headerValue(response, 'retry-after'));
  const base = {
    status,
    requestId,
    ...(body.message ? { serverMessage: body.message } : {}),
    ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
  };
  // A gateway that timed out or broke upstream may have passed the call on already.
  const outcome = status === 502 || status === 504 ? 'unknown' : 'failed';
  if (body.code) return { ...base, code: body.code, outcome };
  if (status === 429) return { ...base, code: 'MMC.100000429', outcome };
  if (outcome === 'unknown') return { ...base, code: ClientCode.outcomeUnknown, outcome, detail: `HTTP ${status}` };
  if (status >= 300 && status < 400) {
    return { ...base, code: ClientCode.unexpectedResponse, outcome, detail: `HTTP ${status} redirect` };
  }
  return { ...base, code: ClientCode.unknownServerError, outcome, detail: `HTTP ${status}` };
}

/** `error_code`/`error_msg` of an error body (also used by the call-status clients). */
export function parseErrorBody(text: string): { code?: string; message?: string } {
  try {
    const json: unknown = JSON.parse(text);
    if (json && typeof json === 'object') {
      const { error_code: code, error_msg: message } = json as Record<string, unknown>;
      return {
        ...(typeof code === 'string' && code ? { code: code.slice(0, 64) } : {}),
        ...(typeof message === 'string' && message ? { message: message.slice(0, 500) } : {}),
      };
    }
  } catch {
    // Not JSON (an HTML error page from a proxy): the status says enough.
  }
  return {};
}

/** Whether the request had been fully written when the error happened. */
function wasSent(error: RequestError): boolean {
  return error.timings?.upload !== undefined;
}

/** What a thrown got error means for the person (also used by the call-status clients). */
export function errorFromException(cause: unknown, requestId: string | undefined): InviteError {
  const withId = requestId ? { requestId } : {};
  if (!(cause instanceof RequestError)) {
    const detail = cause instanceof Error ? cause.name : 'unknown error';
    return { code: ClientCode.network, outcome: 'failed', detail, ...withId };
  }
  const sent = wasSent(cause);
  const sentId = cause.options.headers['x-request-id'];
  const ids = typeof sentId === 'string' ? { requestId: sentId } : withId;
  if (sent) {
    const what = cause instanceof TimeoutError ? `timeout (${cause.event})` : cause.code;
    return { code: ClientCode.outcomeUnknown, outcome: 'unknown', detail: `${what} after the request was sent`, ...ids };
  }
  if (TLS_CODE.test(cause.code) || TLS_CODE.test(cause.message)) {
    return { code: ClientCode.tls, outcome: 'failed', detail: cause.code, ...ids };
  }
  if (cause instanceof TimeoutError) {
    return { code: ClientCode.timeout, outcome: 'failed', detail: `timeout (${cause.event}) before sending`, ...ids };
  }
  return { code: ClientCode.network, outcome: 'failed', detail: cause.code, ...ids };
}
