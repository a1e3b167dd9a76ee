/**
 * What doors A and B of docs/api.md remember in a running simulator: conference tokens, one-use
 * WebSocket tokens, App ID access tokens and used nonces, failed host-password attempts, a count
 * of every control call (tests prove that a guest-only invite makes none) and the switches
 * tests turn (push refused, the server's clock ahead).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { CallWorld, type CallTimings } from './calls';

/** The fixture enterprise App ID; its App Key is made at start (or given) and printed. */
export const FIXTURE_APP_ID = 'qrri-sim-app';

export interface ConferenceToken {
  conferenceID: string;
  expiresAt: number;
}

export interface ControlOptions {
  appKey?: string;
  /** Conference token lifetime (30 min like Huawei's; tests shorten it). */
  conferenceTokenMs?: number;
  /** App ID access token lifetime in seconds (`validPeriod`). */
  accessTokenSeconds?: number;
  callTimings?: Partial<CallTimings>;
}

export class ControlState {
  readonly appId = FIXTURE_APP_ID;
  readonly appKey: string;
  readonly calls: CallWorld;
  readonly conferenceTokens = new Map<string, ConferenceToken>();
  readonly wsTokens = new Map<string, { conferenceID: string; expiresAt: number }>();
  readonly accessTokens = new Map<string, number>();
  readonly usedNonces = new Set<string>();
  readonly failedPasswords = new Map<string, number>();
  /** Calls received per API name (token, realTimeInfo, appauth, …). */
  readonly callCounts = new Map<string, number>();
  conferenceTokenMs: number;
  accessTokenSeconds: number;
  /** WebSocket upgrades are refused (the client must fall back to polling). */
  pushRefused = false;
  /** How far the server's clock runs ahead of the machine's (clock skew for appauth). */
  clockOffsetMs = 0;

  constructor(options: ControlOptions = {}) {
    this.appKey = options.appKey ?? randomBytes(24).toString('base64url');
    this.calls = new CallWorld(options.callTimings);
    this.conferenceTokenMs = options.conferenceTokenMs ?? 30 * 60 * 1000;
    this.accessTokenSeconds = options.accessTokenSeconds ?? 12 * 60 * 60;
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  count(api: string): void {
    this.callCounts.set(api, (this.callCounts.get(api) ?? 0) + 1);
  }

  issueConferenceToken(conferenceID: string): { token: string; expiresAt: number } {
    const token = `ct-${randomUUID()}`;
    const expiresAt = Date.now() + this.conferenceTokenMs;
    this.conferenceTokens.set(token, { conferenceID, expiresAt });
    return { token, expiresAt };
  }

  /** The token's meeting when it is live and for this meeting; accepts the raw and the `Basic` form. */
  checkConferenceToken(header: string | undefined, conferenceID: string): boolean {
    if (!header) return false;
    const basic = /^Basic\s+(\S+)$/iu.exec(header);
    const token = basic?.[1] ? Buffer.from(basic[1], 'base64').toString('utf8') : header.trim();
    const entry = this.conferenceTokens.get(token);
    return entry !== undefined && entry.conferenceID === conferenceID && entry.expiresAt > Date.now();
  }

  issueWsToken(conferenceID: string): string {
    const token = `ws-${randomUUID()}`;
    this.wsTokens.set(token, { conferenceID, expiresAt: Date.now() + 60_000 });
    return token;
  }

  /** One use only: the token is gone after this call, valid or not. */
  takeWsToken(token: string, conferenceID: string): boolean {
    const entry = this.wsTokens.get(token);
    this.wsTokens.delete(token);
    return entry !== undefined && entry.conferenceID === conferenceID && entry.expiresAt > Date.now();
  }

  issueAccessToken(): string {
    const token = `at-${randomUUID()}`;
    this.accessTokens.set(token, Date.now() + this.accessTokenSeconds * 1000);
    return token;
  }

  checkAccessToken(token: string | undefined): boolean {
    const expiresAt = token ? this.accessTokens.get(token) : undefined;
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  /** Tests: everything but the App Key and the lifetimes back to the start. */
  reset(): void {
    this.calls.reset();
    this.conferenceTokens.clear();
    this.wsTokens.clear();
    this.accessTokens.clear();
    this.usedNonces.clear();
    this.failedPasswords.clear();
    this.callCounts.clear();
    this.pushRefused = false;
    this.clockOffsetMs = 0;
  }
}
