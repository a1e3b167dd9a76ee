/**
 * How every client of core/api sends a request with got (the invite, the call-status doors):
 * TLS verified against the public roots plus the configured extra CA, one whole-request timeout,
 * no automatic retry or redirect (each client decides what may be sent again: an invite rings a
 * terminal, a host password locks a meeting after repeated failures), and the answer read as
 * text, capped at MAX_RESPONSE_BYTES (response-limit.ts). One place, so the clients cannot drift.
 */
import { rootCertificates } from 'node:tls';
import got, { type Response } from 'got';
import type { Language } from '../../shared/schemas';
import type { Logger } from '../log';
import { withResponseLimit } from './response-limit';

export interface HttpsSettings {
  /** PEM of extra CAs to trust in addition to the public ones. Verification stays on. */
  extraCaPem?: string | undefined;
  /** Whole-request timeout. */
  timeoutMs?: number | undefined;
}

/** What every client of core/api is built with: where to send, how to trust it, and how to speak. */
export interface HttpsClientOptions {
  /** API base URL without a trailing slash, already validated (see sites.ts). */
  baseUrl: string;
  /** PEM of extra CAs to trust in addition to the public ones. Verification stays on. */
  extraCaPem?: string;
  /** Whole-request timeout. */
  timeoutMs?: number;
  /** Language of server messages. */
  language?: Language;
  /** `User-Agent`, naming the app and version. */
  userAgent: string;
  logger?: Logger;
}

export interface HttpsRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal | undefined;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** Trusted roots for HTTPS and WSS alike: Node's `ca` replaces the public roots, so the extra CA is appended to them. */
export function certificateAuthorities(extraCaPem: string | undefined): string[] | undefined {
  return extraCaPem ? [...rootCertificates, extraCaPem] : undefined;
}

/** `Accept-Language` for the server's messages. */
export function acceptLanguage(language: Language | undefined): string {
  return language === 'zh-CN' ? 'zh-CN' : 'en-US';
}

export function headerValue(response: Response<string>, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A sender with these settings; it rejects with got's errors or ResponseTooLargeError, and never throws for an HTTP status. */
export function createHttpsSender(settings: HttpsSettings) {
  const ca = certificateAuthorities(settings.extraCaPem);
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return function send(request: HttpsRequest): Promise<Response<string>> {
    return withResponseLimit(
      (signal) =>
        got(request.url, {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body }),
          timeout: { request: timeoutMs },
          retry: { limit: 0 },
          throwHttpErrors: false,
          followRedirect: false,
          responseType: 'text',
          https: ca ? { certificateAuthority: ca } : {},
          signal,
        }),
      { signal: request.signal },
    );
  };
}
