import { lookupError } from './errors';
import type { Language } from './schemas';

/** `failed`: the server did not call the terminal. `unknown`: it may have (sent, no answer). */
export type InviteOutcome = 'failed' | 'unknown';

/** Everything a person or support needs about a failed invite. Never contains the password. */
export interface InviteError {
  /** Catalogue code: the server's `MMC.`/`USG.` code, or the client's `QRRI.` one. */
  code: string;
  outcome: InviteOutcome;
  /** HTTP status, when a response came back. */
  status?: number;
  /** The server's `error_msg`, verbatim. */
  serverMessage?: string;
  /** `X-Request-Id` of the (last) call, for Huawei support. */
  requestId?: string;
  /** A technical detail (a field name, a socket error code), for the "Details" disclosure. */
  detail?: string;
  /** Seconds the server asked us to wait (429/503 Retry-After). */
  retryAfterSeconds?: number;
}

export type InviteResult =
  { ok: true; requestId: string; status: number; attempts: number } | { ok: false; error: InviteError; attempts: number };

/** One line for people: the catalogue's title, then the server's own message when it has one. */
export function describeInviteError(error: InviteError, language: Language = 'en'): string {
  const entry = lookupError(error.code);
  const title = entry.title[language];
  return error.serverMessage ? `${title} (${error.serverMessage})` : title;
}
