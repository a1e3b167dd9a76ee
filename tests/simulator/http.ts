/**
 * A small HTTPS client for the simulator tests: real requests over TLS that trust the
 * simulator's CA explicitly (or nothing extra, to prove an untrusted client is refused).
 */
import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { FIXTURE_GUEST_PASSWORD, FIXTURE_MEETING_ID, FIXTURE_TERMINAL } from '../../simulator/fixture';
import { INVITE_PATH } from '../../simulator/invite';

export interface SimResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: unknown;
}

export interface RequestOptions {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The CA to trust; `null` trusts only the system store (the simulator's CA is not in it). */
  ca?: string | null;
  servername?: string;
  timeoutMs?: number;
}

export interface Target {
  url: string;
  caPem: string;
}

export function request(target: Target, options: RequestOptions): Promise<SimResponse> {
  const url = new URL(options.path, target.url);
  const body = options.body;
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: {
          ...(body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }),
          ...options.headers,
        },
        ...(options.ca === null ? {} : { ca: options.ca ?? target.caPem }),
        ...(options.servername ? { servername: options.servername } : {}),
        agent: false,
        timeout: options.timeoutMs ?? 5000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text === '' ? undefined : (JSON.parse(text) as unknown);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('client timeout'), { code: 'CLIENT_TIMEOUT' })));
    req.on('error', reject);
    req.end(body);
  });
}

export interface InviteBody {
  callNum?: unknown;
  confID?: unknown;
  pwd?: unknown;
  orgID?: unknown;
  numBelongsType?: unknown;
  isNotOverlayPidName?: unknown;
  [key: string]: unknown;
}

export function validBody(overrides: InviteBody = {}): InviteBody {
  return { callNum: FIXTURE_TERMINAL, confID: FIXTURE_MEETING_ID, pwd: FIXTURE_GUEST_PASSWORD, ...overrides };
}

export interface InviteOptions {
  /** `undefined`: the body's confID; `null`: no query parameter. */
  conferenceID?: string | null;
  headers?: Record<string, string>;
  rawBody?: string;
  method?: string;
  timeoutMs?: number;
  ca?: string | null;
}

/** POSTs an invitation; the conferenceID query follows the body's confID unless overridden. */
export function invite(target: Target, body: InviteBody = validBody(), options: InviteOptions = {}): Promise<SimResponse> {
  const conferenceID = options.conferenceID === undefined ? (typeof body.confID === 'string' ? body.confID : '') : options.conferenceID;
  const query = conferenceID === null ? '' : `?conferenceID=${encodeURIComponent(conferenceID)}`;
  return request(target, {
    method: options.method ?? 'POST',
    path: `${INVITE_PATH}${query}`,
    headers: { 'Content-Type': 'application/json;charset=UTF-8', ...options.headers },
    body: options.rawBody ?? JSON.stringify(body),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.ca === undefined ? {} : { ca: options.ca }),
  });
}

/** The error code of an error thrown by a failed request. */
export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
