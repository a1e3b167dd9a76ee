/**
 * JSON calls for the call-status doors (docs/api.md, "After the invite"): sent like the invite
 * (https-request.ts: extra CA appended to the public roots, whole-request timeout, no retry or
 * redirect, answers capped at 64 KB), with `X-Request-ID`, language and user agent, and every
 * outcome a typed result. No automatic retries: the followers poll again on their own schedule,
 * and a password is never sent twice (meetings lock after repeated failures).
 */
import { randomUUID } from 'node:crypto';
import type { ZodType } from 'zod';
import { ClientCode } from '../../shared/errors';
import type { InviteError } from '../../shared/invite-result';
import { silentLogger } from '../log';
import { errorFromException, parseErrorBody } from './meeting-client';
import { acceptLanguage, createHttpsSender, headerValue, type HttpsClientOptions } from './https-request';
import { MAX_RESPONSE_BYTES, ResponseTooLargeError } from './response-limit';

export type HttpOptions = HttpsClientOptions;

/** A call's JSON answer checked against `schema`: an answer of another shape is `unexpectedResponse`, named by `what`. */
export function parsed<T>(result: CallResult<unknown>, schema: ZodType<T>, what = 'answer'): CallResult<T> {
  if (!result.ok) return result;
  const answer = schema.safeParse(result.value);
  if (!answer.success) {
    return {
      ok: false,
      error: { code: ClientCode.unexpectedResponse, outcome: 'failed', requestId: result.requestId, detail: `unexpected ${what} shape` },
    };
  }
  return { ok: true, value: answer.data, requestId: result.requestId };
}

export type CallResult<T> = { ok: true; value: T; requestId: string } | { ok: false; error: InviteError };

export interface JsonCall {
  /** For the log only (never a secret). */
  name: string;
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  /** Values to mask in anything logged (passwords, tokens, keys). */
  secrets: readonly string[];
}

export function createJsonCaller(options: HttpOptions) {
  const log = options.logger ?? silentLogger;
  const send = createHttpsSender(options);

  return async function call(request: JsonCall): Promise<CallResult<unknown>> {
    const callLog = log.withSecrets(request.secrets);
    const requestId = randomUUID();
    const url = new URL(`${options.baseUrl}${request.path}`);
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
    try {
      const response = await send({
        method: request.method,
        url: url.href,
        headers: {
          'x-request-id': requestId,
          'accept-language': acceptLanguage(options.language),
          'user-agent': options.userAgent,
          ...(request.body === undefined ? {} : { 'content-type': 'application/json;charset=UTF-8' }),
          ...request.headers,
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      const answeredId = headerValue(response, 'x-request-id') ?? requestId;
      callLog.info(`${request.name} answered`, { status: response.statusCode, requestId: answeredId });
      if (response.statusCode >= 200 && response.statusCode < 300) {
        try {
          const json: unknown = response.body === '' ? {} : JSON.parse(response.body);
          return { ok: true, value: json, requestId: answeredId };
        } catch {
          return {
            ok: false,
            error: {
              code: ClientCode.unexpectedResponse,
              outcome: 'failed',
              status: response.statusCode,
              requestId: answeredId,
              detail: 'not JSON',
            },
          };
        }
      }
      const body = parseErrorBody(response.body);
      const code = body.code ?? (response.statusCode === 429 ? 'MMC.100000429' : ClientCode.unknownServerError);
      return {
        ok: false,
        error: {
          code,
          outcome: 'failed',
          status: response.statusCode,
          requestId: answeredId,
          ...(body.message ? { serverMessage: body.message } : {}),
          ...(body.code ? {} : { detail: `HTTP ${response.statusCode}` }),
        },
      };
    } catch (cause) {
      const error =
        cause instanceof ResponseTooLargeError
          ? { code: ClientCode.responseTooLarge, outcome: 'failed' as const, requestId, detail: `answer over ${MAX_RESPONSE_BYTES} bytes` }
          : errorFromException(cause, requestId);
      callLog.warn(`${request.name} failed`, { code: error.code, detail: error.detail });
      return { ok: false, error };
    }
  };
}

export type JsonCaller = ReturnType<typeof createJsonCaller>;
