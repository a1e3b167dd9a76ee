/**
 * The simulator's doors A and B (docs/api.md, "After the invite") over real HTTPS and WSS:
 * tokens from the host password only, the terminals' behaviours, hang-up, the push socket and
 * App ID authentication with its signature, expiry and nonce checks.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TERMINAL_BUSY, TERMINAL_LEAVES } from '../../simulator/calls';
import { CONTROL_PATHS } from '../../simulator/conference-control';
import { APP_PATHS } from '../../simulator/app-auth';
import { FIXTURE_GUEST_PASSWORD, FIXTURE_HOST_PASSWORD, FIXTURE_MEETING_ID, FIXTURE_TERMINAL } from '../../simulator/fixture';
import { startSimulator, type Simulator } from '../../simulator/server';
import { invite, request, validBody } from './http';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ callTimings: { answerMs: 200, busyMs: 100, stayMs: 300 } });
});
afterEach(() => sim.control.reset());
afterAll(() => sim.close());

const query = `?conferenceID=${FIXTURE_MEETING_ID}`;

async function hostToken(): Promise<{ token: string; wsURL: string }> {
  const res = await request(sim, {
    path: `${CONTROL_PATHS.token}${query}`,
    headers: { 'X-Password': FIXTURE_HOST_PASSWORD, 'X-Login-Type': '1' },
  });
  expect(res.status).toBe(200);
  return (res.json as { data: { token: string; wsURL: string } }).data;
}

async function participants(token: string) {
  const res = await request(sim, { path: `${CONTROL_PATHS.realTimeInfo}${query}`, headers: { 'X-Conference-Authorization': token } });
  return (res.json as { data: { participants: { participantID: string; phone: string; state: number }[] } }).data.participants;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function appAuth(options: { key?: string; expireTime?: number; nonce?: string } = {}) {
  const expireTime = options.expireTime ?? Math.floor(Date.now() / 1000) + 600;
  const nonce = options.nonce ?? randomBytes(24).toString('hex');
  const signature = createHmac('sha256', options.key ?? sim.app.appKey)
    .update(`${sim.app.appId}::${expireTime}:${nonce}`)
    .digest('hex');
  return request(sim, {
    method: 'POST',
    path: APP_PATHS.appAuth,
    headers: {
      Authorization: `HMAC-SHA256 signature=${signature},access=${Buffer.from(sim.app.appId).toString('base64')}`,
      'X-Token-Type': 'LongTicket',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ appId: sim.app.appId, clientType: 72, expireTime, nonce }),
  });
}

describe('door A', () => {
  it('gives a token for the host password only and locks control after five wrong ones', async () => {
    const guest = await request(sim, {
      path: `${CONTROL_PATHS.token}${query}`,
      headers: { 'X-Password': FIXTURE_GUEST_PASSWORD, 'X-Login-Type': '1' },
    });
    expect(guest.status).toBe(401);
    expect(guest.json).toMatchObject({ error_code: 'MMC.111072065' });
    const { token } = await hostToken();
    const renewed = await request(sim, { path: `${CONTROL_PATHS.token}${query}`, headers: { 'X-Conference-Authorization': token } });
    expect((renewed.json as { data: { token: string } }).data.token).not.toBe(token);
    for (let i = 0; i < 5; i++) {
      await request(sim, { path: `${CONTROL_PATHS.token}${query}`, headers: { 'X-Password': 'wrong', 'X-Login-Type': '1' } });
    }
    const locked = await request(sim, {
      path: `${CONTROL_PATHS.token}${query}`,
      headers: { 'X-Password': FIXTURE_HOST_PASSWORD, 'X-Login-Type': '1' },
    });
    expect(locked.json).toMatchObject({ error_code: 'MMC.111072064' });
  });

  it('rings an invited terminal, which joins; hang-up removes it and is listed', async () => {
    expect((await invite(sim)).status).toBe(200);
    const { token } = await hostToken();
    expect((await participants(token))[0]).toMatchObject({ phone: FIXTURE_TERMINAL, state: 1 });
    await sleep(300);
    const [joined] = await participants(token);
    expect(joined).toMatchObject({ phone: FIXTURE_TERMINAL, state: 0 });
    const hangUp = await request(sim, {
      method: 'POST',
      path: `${CONTROL_PATHS.hangUp}${query}`,
      headers: { 'X-Conference-Authorization': `Basic ${Buffer.from(token).toString('base64')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ bulkHangUpParticipants: [joined?.participantID] }),
    });
    expect(hangUp.status).toBe(200);
    expect(await participants(token)).toEqual([]);
    expect(sim.hangUps()).toMatchObject([{ phone: FIXTURE_TERMINAL, conferenceID: FIXTURE_MEETING_ID }]);
  });

  it('the busy terminal never joins; the leaving one leaves', async () => {
    await invite(sim, validBody({ callNum: TERMINAL_BUSY }));
    await invite(sim, validBody({ callNum: TERMINAL_LEAVES }));
    const { token } = await hostToken();
    await sleep(250);
    expect((await participants(token)).map((p) => [p.phone, p.state])).toEqual([[TERMINAL_LEAVES, 0]]);
    await sleep(400);
    expect(await participants(token)).toEqual([]);
  });

  it('pushes participants, invite results and the end of the meeting over WSS', async () => {
    const { token, wsURL } = await hostToken();
    const ws = await request(sim, { path: `${CONTROL_PATHS.wsToken}${query}`, headers: { 'X-Conference-Authorization': token } });
    const tmpToken = (ws.json as { webSocketToken: string }).webSocketToken;
    const socket = new WebSocket(`${wsURL}/cms/open/websocket/confctl/increment/conn?confID=${FIXTURE_MEETING_ID}&tmpToken=${tmpToken}`, {
      ca: sim.caPem,
    });
    const frames: { action: string; data: unknown }[] = [];
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString()) as { action: string; data: unknown }));
    await new Promise((resolve) => socket.on('open', resolve));
    socket.send(
      JSON.stringify({
        action: 'Subscribe',
        sequence: randomBytes(12).toString('hex'),
        data: JSON.stringify({ conferenceID: FIXTURE_MEETING_ID, subscribeType: ['ParticipantsNotify'], confToken: token }),
      }),
    );
    await sleep(50);
    await invite(sim);
    await sleep(300);
    await request(sim, { method: 'POST', path: '/__sim/end-meeting', body: JSON.stringify({ conferenceID: FIXTURE_MEETING_ID }) });
    await closed;
    const actions = frames.map((f) => f.action);
    expect(actions[0]).toBe('ParticipantsNotify');
    expect(frames).toContainEqual({ action: 'InviteResultNotify', data: [{ callNumber: FIXTURE_TERMINAL, errorCode: 0 }] });
    expect(actions.at(-1)).toBe('ConfDynamicInfoNotify');
    // The WebSocket token was used once: a second connection with it is refused.
    const again = new WebSocket(`${wsURL}/cms/open/websocket/confctl/increment/conn?confID=${FIXTURE_MEETING_ID}&tmpToken=${tmpToken}`, {
      ca: sim.caPem,
    });
    await expect(new Promise((resolve, reject) => again.on('open', resolve).on('error', reject))).rejects.toThrow(/403/u);
    expect(sim.control.callCounts.get('websocket')).toBe(2);
    sim.control.calls.reset();
  });
});

describe('door B', () => {
  it('authenticates a correct signature once per nonce and refuses a wrong key or an expired time', async () => {
    const nonce = randomBytes(20).toString('hex');
    const ok = await appAuth({ nonce });
    expect(ok.status).toBe(200);
    expect((await appAuth({ nonce })).json).toMatchObject({ error_code: 'USG.206010025' });
    expect((await appAuth({ key: 'wrong' })).json).toMatchObject({ error_code: 'USG.206010025' });
    sim.control.clockOffsetMs = 15 * 60 * 1000;
    expect((await appAuth()).json).toMatchObject({ error_code: 'USG.206010057' });
  });

  it('check-callnumber-in-conf and confDetail with the access token', async () => {
    const accessToken = (await appAuth()).json as { accessToken: string };
    const check = () =>
      request(sim, {
        path: `${APP_PATHS.checkCallNumber}?call_number=${encodeURIComponent(FIXTURE_TERMINAL)}`,
        headers: { 'X-Access-Token': accessToken.accessToken },
      });
    expect((await check()).json).toEqual({ in_conf: false });
    await invite(sim);
    await sleep(300);
    expect((await check()).json).toEqual({ in_conf: true, conf_id: FIXTURE_MEETING_ID });
    const detail = await request(sim, { path: `${APP_PATHS.confDetail}${query}`, headers: { 'X-Access-Token': accessToken.accessToken } });
    expect((detail.json as { conferenceData: { passwordEntry: unknown[] } }).conferenceData.passwordEntry).toContainEqual({
      conferenceRole: 'chair',
      password: FIXTURE_HOST_PASSWORD,
    });
    const refused = await request(sim, { path: `${APP_PATHS.confDetail}${query}`, headers: { 'X-Access-Token': 'nope' } });
    expect(refused.json).toMatchObject({ error_code: 'USG.206020000' });
  });
});
