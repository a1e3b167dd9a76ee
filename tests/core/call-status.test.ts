/**
 * The call-status service against the simulator over real HTTPS and WSS (docs/api.md, "After the
 * invite"): door A by push and by polling, the terminals' behaviours, the meeting ending, a
 * refused host password, the guest-only case (no control call at all), door B, a wrong App
 * Key, a clock that is off, token renewal, and hang-up through each door. Every log line is
 * read for the host password and the App Key.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallStatus } from '../../shared/call-status';
import { createMeetingClient } from '../../core/api/meeting-client';
import type { AppCredentials } from '../../core/api/app-id-client';
import { createCallStatusService } from '../../core/call-status/service';
import { createLogger } from '../../core/log';
import { TERMINAL_BUSY, TERMINAL_LEAVES, TERMINAL_NO_ANSWER } from '../../simulator/calls';
import { FIXTURE_GUEST_PASSWORD, FIXTURE_HOST_PASSWORD, FIXTURE_MEETING_ID, FIXTURE_TERMINAL } from '../../simulator/fixture';
import { startSimulator, type Simulator } from '../../simulator/server';

let sim: Simulator;
const logs: string[] = [];
let credentials: AppCredentials | null = null;

beforeAll(async () => {
  sim = await startSimulator({ callTimings: { answerMs: 300, busyMs: 200, stayMs: 1500 } });
});
afterEach(() => {
  service.stopAll();
  sim.control.reset();
  sim.control.conferenceTokenMs = 30 * 60 * 1000;
  credentials = null;
});
afterAll(async () => {
  await sim.close();
  // No secret in any line logged by any test of this file.
  const all = logs.join('\n');
  expect(all).not.toContain(FIXTURE_HOST_PASSWORD);
  expect(all).not.toContain(sim.app.appKey);
  expect(logs.length).toBeGreaterThan(20);
});

const logger = createLogger((level, message, data) => logs.push(`${level} ${message} ${JSON.stringify(data)}`));
const service = createCallStatusService({
  http: () => ({ baseUrl: sim.url, extraCaPem: sim.caPem, timeoutMs: 3000, userAgent: 'qrri-test' }),
  appCredentials: () => Promise.resolve(credentials),
  logger,
});

function target(callNum = FIXTURE_TERMINAL) {
  return { meetingId: FIXTURE_MEETING_ID, callNum, roomName: 'Room A' };
}

async function inviteRoom(callNum = FIXTURE_TERMINAL): Promise<void> {
  const client = createMeetingClient({ baseUrl: sim.url, extraCaPem: sim.caPem, userAgent: 'qrri-test', logger });
  const result = await client.inviteWithPwd({ meetingId: FIXTURE_MEETING_ID, password: FIXTURE_GUEST_PASSWORD, callNum });
  expect(result.ok).toBe(true);
}

async function follow(options: { callNum?: string; hostPassword?: string; waitSeconds?: number; untilLeft?: boolean } = {}) {
  const updates: CallStatus[] = [];
  const handle = await service.follow({
    target: target(options.callNum),
    hostPassword: options.hostPassword,
    waitSeconds: options.waitSeconds ?? 10,
    untilLeft: options.untilLeft ?? false,
    onUpdate: (status) => updates.push(status),
  });
  // Consecutive repeats folded: an update may change only `canHangUp`.
  return { handle, updates, states: () => updates.map((u) => u.state).filter((s, i, all) => s !== all[i - 1]) };
}

const counts = () => Object.fromEntries(sim.control.callCounts);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs = 8000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await sleep(50);
  }
}

describe('door A: conference control with the host password', () => {
  it('follows the room to "joined" through the push socket, without polling', async () => {
    await inviteRoom();
    const { handle, states } = await follow({ hostPassword: FIXTURE_HOST_PASSWORD });
    const final = await handle.done;
    expect(final).toMatchObject({ state: 'joined', via: 'control', canHangUp: true });
    expect(states()).toEqual(['calling', 'joining', 'joined']);
    expect(counts()).toMatchObject({ token: 1, websocket: 1 });
    expect(counts().realTimeInfo).toBeUndefined();
  });

  it('polls realTimeInfo (at most once per 2 s) when the socket is refused', async () => {
    sim.control.pushRefused = true;
    await inviteRoom();
    const started = Date.now();
    const { handle } = await follow({ hostPassword: FIXTURE_HOST_PASSWORD });
    expect(await handle.done).toMatchObject({ state: 'joined', via: 'control' });
    const polls = counts().realTimeInfo ?? 0;
    expect(polls).toBeGreaterThanOrEqual(1);
    expect(polls).toBeLessThanOrEqual(1 + Math.floor((Date.now() - started) / 2000));
  });

  it('reports a busy room as not joined, with the result code', async () => {
    await inviteRoom(TERMINAL_BUSY);
    const { handle } = await follow({ callNum: TERMINAL_BUSY, hostPassword: FIXTURE_HOST_PASSWORD });
    expect(await handle.done).toMatchObject({ state: 'not-joined', reason: 'busy', resultCode: 'CALL.11076001' });
  });

  it('gives up when nobody answers within the wait', async () => {
    await inviteRoom(TERMINAL_NO_ANSWER);
    const { handle, states } = await follow({ callNum: TERMINAL_NO_ANSWER, hostPassword: FIXTURE_HOST_PASSWORD, waitSeconds: 1 });
    expect(await handle.done).toMatchObject({ state: 'not-joined', reason: 'no-answer' });
    expect(states()).toContain('calling');
  });

  it('sees a room that joined leave later', async () => {
    await inviteRoom(TERMINAL_LEAVES);
    const { handle, states } = await follow({ callNum: TERMINAL_LEAVES, hostPassword: FIXTURE_HOST_PASSWORD, untilLeft: true });
    expect(await handle.done).toMatchObject({ state: 'left', reason: 'left', resultCode: 'CALL.11076010' });
    expect(states()).toContain('joined');
  });

  it('stops when the meeting ends', async () => {
    await inviteRoom();
    const { handle, states } = await follow({ hostPassword: FIXTURE_HOST_PASSWORD, untilLeft: true });
    await until(() => states().includes('joined'));
    sim.control.calls.endMeeting(FIXTURE_MEETING_ID);
    expect(await handle.done).toMatchObject({ state: 'left', reason: 'meeting-ended' });
  });

  it('a refused host password gives "unconfirmed" and is never sent again for that meeting', async () => {
    await inviteRoom();
    const first = await follow({ hostPassword: 'not-the-host-password' });
    expect(await first.handle.done).toMatchObject({ state: 'unconfirmed', reason: 'host-password-refused', resultCode: 'MMC.111072065' });
    const second = await follow({ hostPassword: 'not-the-host-password' });
    expect(await second.handle.done).toMatchObject({ state: 'unconfirmed', reason: 'host-password-refused' });
    expect(counts().token).toBe(1);
  });

  it('the guest password alone gives "unconfirmed" without any control call', async () => {
    await inviteRoom();
    const { handle, updates } = await follow({});
    expect(await handle.done).toMatchObject({ state: 'unconfirmed', reason: 'no-source', via: null });
    expect(updates).toHaveLength(1);
    expect(counts()).toEqual({});
  });

  it('renews the token before it ends and hangs the room up through door A', async () => {
    sim.control.conferenceTokenMs = 1500;
    sim.control.pushRefused = true;
    await inviteRoom();
    const { handle, states } = await follow({ hostPassword: FIXTURE_HOST_PASSWORD, untilLeft: true });
    await until(() => states().includes('joined'));
    await sleep(3500);
    expect(counts().token).toBeGreaterThanOrEqual(3);
    expect(handle.current().state).toBe('joined');
    expect(service.active()).toMatchObject([{ state: 'joined', roomName: 'Room A' }]);
    const hungUp = await service.hangUp(target());
    expect(hungUp.ok).toBe(true);
    expect(await handle.done).toMatchObject({ state: 'left', reason: 'hung-up' });
    expect(sim.hangUps()).toMatchObject([{ phone: FIXTURE_TERMINAL, conferenceID: FIXTURE_MEETING_ID }]);
    expect(service.active()).toEqual([]);
  });
});

describe('door B: the enterprise App ID', () => {
  it('follows the room to "joined" with one access token', async () => {
    credentials = { appId: sim.app.appId, appKey: sim.app.appKey };
    await inviteRoom();
    const { handle } = await follow({ waitSeconds: 10 });
    expect(await handle.done).toMatchObject({ state: 'joined', via: 'app-id' });
    const status = await service.check(target());
    expect(status).toMatchObject({ state: 'joined', via: 'app-id' });
    expect(counts().appAuth).toBe(1);
    expect(counts()['checkCallNumber']).toBeGreaterThanOrEqual(2);
  });

  it('hangs the room up with the host password confDetail gives', async () => {
    credentials = { appId: sim.app.appId, appKey: sim.app.appKey };
    await inviteRoom();
    await sleep(400);
    const hungUp = await service.hangUp(target());
    expect(hungUp.ok).toBe(true);
    // The simulator forgot the previous test's access token (reset): the client re-authenticated
    // once and asked again — an expired access token is renewed, not reported.
    expect(counts()).toMatchObject({ appAuth: 1, confDetail: 2, token: 1, hangUp: 1 });
    expect(sim.hangUps()).toHaveLength(1);
    expect(await service.check(target())).toMatchObject({ state: 'not-joined', reason: 'not-in-meeting' });
  });

  it('a wrong App Key: "unconfirmed" with USG.206010025, and Test connection says so', async () => {
    credentials = { appId: sim.app.appId, appKey: 'not-the-key' };
    await inviteRoom();
    const { handle } = await follow({});
    expect(await handle.done).toMatchObject({ state: 'unconfirmed', reason: 'status-failed', resultCode: 'USG.206010025' });
    const test = await service.testAppId();
    expect(test.ok ? null : test.error.code).toBe('USG.206010025');
  });

  it('a clock that is off: USG.206010057', async () => {
    sim.control.clockOffsetMs = 15 * 60 * 1000;
    const test = await service.testAppId({ appId: sim.app.appId, appKey: sim.app.appKey });
    expect(test.ok ? null : test.error.code).toBe('USG.206010057');
    sim.control.clockOffsetMs = 0;
    expect((await service.testAppId({ appId: sim.app.appId, appKey: sim.app.appKey })).ok).toBe(true);
  });
});
