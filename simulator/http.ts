/**
 * The small HTTP vocabulary every simulator route shares: reading a bounded body, answering JSON
 * in Huawei's content type, and the headers the gateway adds to every answer. Kept apart from
 * the routes so a new route module answers exactly like the existing ones.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimError, SimLanguage } from './errors';
import { errorBody } from './errors';

/** Huawei's API gateway reports the rate-limit budget on every answer, not only on 429s. */
export const RATE_LIMIT_HEADER = 'X-APIG-Ratelimit-Api';
export const RATE_LIMIT_OK = 'remain:99,limit:100,time:1 minute';
export const RATE_LIMIT_EXHAUSTED = 'remain:0,limit:100,time:1 minute';

const MAX_BODY_BYTES = 64 * 1024;
const JSON_TYPE = 'application/json;charset=UTF-8';

/** The request's own ID when it is a sane token, so support can trace it; otherwise a UUID. */
export function requestIdFor(req: IncomingMessage): string {
  const sent = req.headers['x-request-id'];
  return typeof sent === 'string' && /^[\x21-\x7e]{1,128}$/u.test(sent) ? sent : randomUUID();
}

/** One header as a string: Node gives repeated headers as arrays, the record wants one line. */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Reads the whole body (at most 64 KiB are kept); `null` when it was too large. */
export function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Does nothing once the answer started or the socket is gone (a fault may have reset it). */
export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { ...extra, 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status);
  res.end();
}

export function sendError(res: ServerResponse, error: SimError, language: SimLanguage, extra: Record<string, string> = {}): void {
  sendJson(res, error.status, errorBody(error, language), extra);
}
