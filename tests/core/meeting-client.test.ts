/**
 * The meeting API client over real HTTPS against the simulator: the request on the wire, every
 * error code of docs/api.md, retries, and what "outcome unknown" means.
 */
import { describe, expect, it } from 'vitest';
import { createMeetingClient, type InviteCall, type MeetingClientOptions } from '../../core/api/meeting-client';
import { createLogger, type LogSink } from '../../core/log';
import { ClientCode, isCatalogued } from '../../shared/errors';
import type { InviteResult } from '../../shared/invite-result';
import {
  FIXTURE_BLOCKED_TERMINAL,
  FIXTURE_GUEST_PASSWORD,
  FIXTURE_MEETING_ID,
  FIXTURE_ORG_ID,
  FIXTURE_STATE_MEETINGS,
  FIXTURE_TERMINAL,
  FIXTURE_UNKNOWN_MEETING_ID,
} from '../../simulator/fixture';
import type { Fault } from '../../simulator/faults';
import { closedPort, useSimulator } from '../helpers/simulator';

const sim = useSimulator();
const logLines: string[] = [];
const sink: LogSink = (level, message, data) => logLines.push(`${level} ${message} ${JSON.stringify(data)}`);

function client(overrides: Partial<MeetingClientOptions> = {}) {
  return createMeetingClient({
    baseUrl: sim().url,
    extraCaPem: sim().caPem,
    userAgent: 'QR-Room-Invite/test',
    timeoutMs: 3000,
    logger: createLogger(sink),
    sleep: () => Promise.resolve(),
    ...overrides,
  });
}

const call: InviteCall = {
  meetingId: FIXTURE_MEETING_ID,
  password: FIXTURE_GUEST_PASSWORD,
  callNum: FIXTURE_TERMINAL,
  orgId: FIXTURE_ORG_ID,
  numberType: 0,
};

function failure(result: InviteResult) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result.error;
}

describe('inviteWithPwd request', () => {
  it('sends POST with the query, body and headers of docs/api.md and returns the request ID', async () => {
    const result = await client({ language: 'zh-CN' }).inviteWithPwd({ ...call, isNotOverlayPidName: false });
    expect(result).toMatchObject({ ok: true, status: 200, attempts: 1 });
    const [record] = sim().invites();
    expect(record?.method).toBe('POST');
    expect(record?.conferenceID).toBe(FIXTURE_MEETING_ID);
    expect(record?.body).toEqual({
      callNum: FIXTURE_TERMINAL,
      confID: FIXTURE_MEETING_ID,
      pwd: '******',
      orgID: FIXTURE_ORG_ID,
      numBelongsType: 0,
      isNotOverlayPidName: false,
    });
    expect(record?.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(record?.headers['accept-language']).toBe('zh-CN');
    expect(record?.headers['user-agent']).toBe('QR-Room-Invite/test');
    expect(record?.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    expect(result.ok && result.requestId).toBe(record?.requestId);
  });

  it('describes exactly the request it sends (what the CLI prints for --dry-run)', async () => {
    const meetingClient = client({ language: 'zh-CN' });
    const result = await meetingClient.inviteWithPwd(call);
    const [record] = sim().invites();
    const described = meetingClient.describeInvite({ ...call, password: '******' }, record?.headers['x-request-id'] ?? '');
    expect(described.method).toBe(record?.method);
    expect(new URL(described.url).searchParams.get('conferenceID')).toBe(record?.conferenceID);
    expect(described.body).toEqual(record?.body);
    expect(described.headers).toEqual(record?.headers);
    expect(result.ok && result.requestId).toBe(described.headers['x-request-id']);
  });

  it('leaves optional fields out when not given and uses a fresh request ID each time', async () => {
    await client().inviteWithPwd({ meetingId: FIXTURE_MEETING_ID, password: FIXTURE_GUEST_PASSWORD, callNum: FIXTURE_TERMINAL });
    await client().inviteWithPwd({ meetingId: FIXTURE_MEETING_ID, password: FIXTURE_GUEST_PASSWORD, callNum: FIXTURE_TERMINAL });
    const [first, second] = sim().invites();
    expect(first?.body).toEqual({ callNum: FIXTURE_TERMINAL, confID: FIXTURE_MEETING_ID, pwd: '******' });
    expect(first?.headers['accept-language']).toBe('en-US');
    expect(first?.headers['x-request-id']).not.toBe(second?.headers['x-request-id']);
  });
});

describe('server errors (each code of docs/api.md)', () => {
  const natural: [string, Partial<InviteCall>, number, string][] = [
    ['wrong password', { password: '000000' }, 401, 'MMC.111072065'],
    ['unknown meeting', { meetingId: FIXTURE_UNKNOWN_MEETING_ID }, 404, 'MMC.111070005'],
    ['empty password', { password: '' }, 400, 'MMC.111070009'],
    ['not started', { meetingId: FIXTURE_STATE_MEETINGS['not-started'] }, 400, 'MMC.111072005'],
    ['ended', { meetingId: FIXTURE_STATE_MEETINGS.ended }, 400, 'MMC.111072006'],
    ['locked', { meetingId: FIXTURE_STATE_MEETINGS.locked }, 403, 'MMC.111072050'],
    ['corporate users only', { meetingId: FIXTURE_STATE_MEETINGS['corporate-only'] }, 403, 'MMC.111071074'],
    ['invited users only', { meetingId: FIXTURE_STATE_MEETINGS['invited-only'] }, 403, 'MMC.111071075'],
    ['participant limit', { meetingId: FIXTURE_STATE_MEETINGS.full }, 403, 'MMC.111076003'],
    ['admin switch off', { callNum: FIXTURE_BLOCKED_TERMINAL, orgId: '115490' }, 403, 'MMC.111076022'],
  ];
  it.each(natural)('%s → %i %s, failed, not retried', async (_name, change, status, code) => {
    const error = failure(await client().inviteWithPwd({ ...call, ...change }));
    expect(error).toMatchObject({ status, code, outcome: 'failed' });
    expect(error.serverMessage).toBeTruthy();
    expect(error.requestId).toBe(sim().invites()[0]?.requestId);
    expect(isCatalogued(error.code)).toBe(true);
    expect(sim().invites()).toHaveLength(1);
  });

  const injected: [string, Fault, number, string][] = [
    ['bad request', { kind: 'error', status: 400, code: 'MMC.111070001', message: 'BAD_REQUEST' }, 400, 'MMC.111070001'],
    ['insufficient permissions', { kind: 'error', status: 403, code: 'MMC.111070002', message: 'NO_PERMISSION' }, 403, 'MMC.111070002'],
    ['server failure', { kind: 'status', status: 500 }, 500, 'MMC.111070003'],
    ['authentication failed', { kind: 'error', status: 401, code: 'MMC.111070004', message: 'AUTH_FAILED' }, 401, 'MMC.111070004'],
    ['flow control beyond 10 s', { kind: 'rate-limit', retryAfter: 60 }, 429, 'MMC.100000429'],
  ];
  it.each(injected)('%s → %i %s, failed, not retried', async (_name, fault, status, code) => {
    sim().setFaults({ queue: [fault] });
    const error = failure(await client().inviteWithPwd(call));
    expect(error).toMatchObject({ status, code, outcome: 'failed' });
    expect(isCatalogued(error.code)).toBe(true);
    expect(sim().invites()).toHaveLength(1);
  });

  it('keeps an uncatalogued code with the server message and request ID', async () => {
    sim().setFaults({ queue: [{ kind: 'error', status: 403, code: 'MMC.111099999', message: 'SOMETHING_NEW' }] });
    const error = failure(await client().inviteWithPwd(call));
    expect(error).toMatchObject({ status: 403, code: 'MMC.111099999', serverMessage: 'SOMETHING_NEW', outcome: 'failed' });
    expect(error.requestId).toBeTruthy();
  });

  it('returns Chinese server messages when the UI is Chinese', async () => {
    const error = failure(await client({ language: 'zh-CN' }).inviteWithPwd({ ...call, password: '000000' }));
    expect(error.serverMessage).toMatch(/[\u4e00-\u9fff]/u);
  });
});

describe('retries', () => {
  it('honours 429 Retry-After and succeeds on the next attempt', async () => {
    const waits: number[] = [];
    sim().setFaults({ queue: [{ kind: 'rate-limit', retryAfter: 2 }] });
    const result = await client({ sleep: (ms) => (waits.push(ms), Promise.resolve()) }).inviteWithPwd(call);
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(waits).toEqual([2000]);
    expect(sim().invites()).toHaveLength(2);
  });

  it('really waits for Retry-After (1 s) when not told otherwise', async () => {
    sim().setFaults({ queue: [{ kind: 'status', status: 503, retryAfter: 1 }] });
    const started = Date.now();
    const result = await client({ sleep: undefined }).inviteWithPwd(call);
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries 503 at most twice, then reports the failure', async () => {
    sim().setFaults({ queue: Array.from({ length: 5 }, () => ({ kind: 'status', status: 503, retryAfter: 0 }) as const) });
    const result = await client().inviteWithPwd(call);
    expect(result.attempts).toBe(3);
    expect(failure(result)).toMatchObject({ status: 503, outcome: 'failed' });
    expect(sim().invites()).toHaveLength(3);
  });

  it.each([400, 401, 403, 500] as const)('does not retry %i', async (status) => {
    sim().setFaults({ queue: [{ kind: 'error', status, code: 'MMC.111070003', message: 'X' }] });
    const result = await client().inviteWithPwd(call);
    expect(result.attempts).toBe(1);
    expect(sim().invites()).toHaveLength(1);
  });

  it('retries a refused connection (nothing sent) twice, then fails with a network error', async () => {
    const port = await closedPort();
    const result = await client({ baseUrl: `https://127.0.0.1:${port}` }).inviteWithPwd(call);
    expect(result.attempts).toBe(3);
    expect(failure(result)).toMatchObject({ code: ClientCode.network, outcome: 'failed', detail: 'ECONNREFUSED' });
  });
});

describe('outcome unknown and TLS', () => {
  it('reports a hang after sending as outcome unknown, with exactly one request received', async () => {
    sim().setFaults({ queue: [{ kind: 'hang' }] });
    const result = await client({ timeoutMs: 800 }).inviteWithPwd(call);
    expect(result.attempts).toBe(1);
    expect(failure(result)).toMatchObject({ code: ClientCode.outcomeUnknown, outcome: 'unknown' });
    expect(failure(result).requestId).toBe(sim().invites()[0]?.headers['x-request-id']);
    expect(sim().invites()).toHaveLength(1);
  });

  it('reports a reset after sending as outcome unknown and does not retry', async () => {
    sim().setFaults({ queue: [{ kind: 'reset' }] });
    const result = await client().inviteWithPwd(call);
    expect(failure(result)).toMatchObject({ code: ClientCode.outcomeUnknown, outcome: 'unknown' });
    expect(sim().invites()).toHaveLength(1);
  });

  it.each([502, 504] as const)('treats a gateway %i as outcome unknown', async (status) => {
    sim().setFaults({ queue: [{ kind: 'status', status }] });
    expect(failure(await client().inviteWithPwd(call))).toMatchObject({ status, outcome: 'unknown' });
  });

  it('refuses an untrusted certificate and sends nothing', async () => {
    const result = await client({ extraCaPem: undefined }).inviteWithPwd(call);
    expect(result.attempts).toBe(1);
    expect(failure(result)).toMatchObject({ code: ClientCode.tls, outcome: 'failed' });
    expect(sim().invites()).toHaveLength(0);
  });

  it('never writes the password to the log', () => {
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.join('\n')).not.toContain(FIXTURE_GUEST_PASSWORD);
  });
});
