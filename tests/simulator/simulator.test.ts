import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  FIXTURE_BLOCKED_ORG_ID,
  FIXTURE_BLOCKED_TERMINAL,
  FIXTURE_GUEST_PASSWORD,
  FIXTURE_HOST_PASSWORD,
  FIXTURE_MEETING_ID,
  FIXTURE_ORG_ID,
  FIXTURE_STATE_MEETINGS,
  FIXTURE_TERMINAL,
  FIXTURE_UNKNOWN_MEETING_ID,
} from '../../simulator/fixture';
import { INVITE_PATH } from '../../simulator/invite';
import type { RecordedInvite, Simulator } from '../../simulator/server';
import { startSimulator } from '../../simulator/server';
import type { SimResponse } from './http';
import { errorCode, invite, request, validBody } from './http';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;

let sim: Simulator;
let caDir: string;

beforeAll(async () => {
  caDir = await mkdtemp(path.join(tmpdir(), 'qrri-sim-test-'));
  sim = await startSimulator({ caDir });
});

afterAll(async () => {
  await sim.close();
  await rm(caDir, { recursive: true, force: true });
});

beforeEach(() => {
  sim.clearInvites();
  sim.clearFaults();
  sim.setAdminSwitch(true);
});

function expectError(res: SimResponse, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/u);
  expect(res.json).toMatchObject({ error_code: code, error_msg: expect.any(String) as unknown });
}

function onlyRecord(): RecordedInvite {
  const records = sim.invites();
  expect(records).toHaveLength(1);
  return records[0] as RecordedInvite;
}

describe('simulator: TLS and start-up', () => {
  it('listens on 127.0.0.1 and writes the CA it was started with to caDir', () => {
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/u);
    expect(path.isAbsolute(sim.caPath)).toBe(true);
    expect(sim.caPath).toBe(path.join(caDir, 'ca.pem'));
    expect(readFileSync(sim.caPath, 'utf8')).toBe(sim.caPem);
    const ca = new X509Certificate(sim.caPem);
    expect(ca.ca).toBe(true);
    const validDays = (Date.parse(ca.validTo) - Date.now()) / 86_400_000;
    expect(validDays).toBeGreaterThan(1);
    expect(validDays).toBeLessThan(8);
  });

  it('serves a certificate for 127.0.0.1, ::1 and localhost, RSA 2048, signed by the CA', async () => {
    const res = await request(sim, { path: '/__sim/health', servername: 'localhost' });
    expect(res.status).toBe(200);
    const { default: tls } = await import('node:tls');
    const url = new URL(sim.url);
    const peer = await new Promise<X509Certificate>((resolve, reject) => {
      const socket = tls.connect({ host: url.hostname, port: Number(url.port), ca: sim.caPem }, () => {
        const cert = socket.getPeerX509Certificate();
        socket.destroy();
        if (cert) resolve(cert);
        else reject(new Error('no peer certificate'));
      });
      socket.on('error', reject);
    });
    expect(peer.subjectAltName).toContain('DNS:localhost');
    expect(peer.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(peer.subjectAltName).toContain('IP Address:0:0:0:0:0:0:0:1');
    expect(peer.ca).toBe(false);
    expect(peer.checkIssued(new X509Certificate(sim.caPem))).toBe(true);
    expect(peer.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it('refuses a client that does not trust its CA, and records nothing', async () => {
    const failure = await invite(sim, validBody(), { ca: null }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    expect(errorCode(failure)).toMatch(/CERT|SIGNATURE|SELF_SIGNED|ISSUER/u);
    expect(sim.invites()).toEqual([]);
  });

  it('rejects a non-loopback host', async () => {
    await expect(startSimulator({ host: '0.0.0.0' })).rejects.toThrow(/loopback/u);
  });
});

describe('simulator: inviteWithPwd', () => {
  it('accepts a valid invitation with 200 {} and records it with the password masked', async () => {
    const body = validBody({ orgID: FIXTURE_ORG_ID, numBelongsType: 0, isNotOverlayPidName: false });
    const res = await invite(sim, body, { headers: { 'User-Agent': 'qrri-test/1.0', 'X-Access-Token': 'ignored' } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({});
    expect(res.headers['x-request-id']).toMatch(UUID);
    expect(res.headers['x-apig-ratelimit-api']).toBe('remain:99,limit:100,time:1 minute');

    const record = onlyRecord();
    expect(record).toMatchObject({
      method: 'POST',
      conferenceID: FIXTURE_MEETING_ID,
      outcome: 200,
      requestId: res.headers['x-request-id'],
      body: { ...body, pwd: '******' },
      headers: { 'user-agent': 'qrri-test/1.0', 'content-type': 'application/json;charset=UTF-8' },
    });
    expect(new Date(record.receivedAt).toISOString()).toBe(record.receivedAt);
    expect(JSON.stringify(sim.invites())).not.toContain(FIXTURE_GUEST_PASSWORD);
  });

  it('accepts the host password and any valid SIP number without orgID', async () => {
    const res = await invite(sim, validBody({ pwd: FIXTURE_HOST_PASSWORD, callNum: '6001' }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(sim.invites())).not.toContain(FIXTURE_HOST_PASSWORD);
  });

  it('answers 401 MMC.111072065 to a wrong password', async () => {
    const res = await invite(sim, validBody({ pwd: '000000' }));
    expectError(res, 401, 'MMC.111072065');
    expect(res.json).toEqual({ error_code: 'MMC.111072065', error_msg: 'CONF_NOT_FOUND_OR_AUTH_FAILED' });
    expect(onlyRecord()).toMatchObject({ outcome: 401, errorCode: 'MMC.111072065', body: { pwd: '******' } });
    expect(JSON.stringify(sim.invites())).not.toContain('000000');
  });

  it.each([
    ['not-started', 400, 'MMC.111072005'],
    ['ended', 400, 'MMC.111072006'],
    ['locked', 403, 'MMC.111072050'],
    ['corporate-only', 403, 'MMC.111071074'],
    ['invited-only', 403, 'MMC.111071075'],
    ['full', 403, 'MMC.111076003'],
  ] as const)('answers a %s meeting with %i %s', async (state, status, code) => {
    const res = await invite(sim, validBody({ confID: FIXTURE_STATE_MEETINGS[state] }));
    expectError(res, status, code);
  });

  it('checks the password before the meeting state', async () => {
    const res = await invite(sim, validBody({ confID: FIXTURE_STATE_MEETINGS.ended, pwd: 'nope' }));
    expectError(res, 401, 'MMC.111072065');
  });

  it('answers 404 MMC.111070005 to a meeting that does not exist', async () => {
    expectError(await invite(sim, validBody({ confID: FIXTURE_UNKNOWN_MEETING_ID })), 404, 'MMC.111070005');
  });

  it('answers 400 MMC.111070009 to an empty password', async () => {
    expectError(await invite(sim, validBody({ pwd: '' })), 400, 'MMC.111070009');
    expectError(await invite(sim, validBody({ pwd: '   ' })), 400, 'MMC.111070009');
    expect(sim.invites().map((r) => r.body)).toEqual([expect.objectContaining({ pwd: '' }), expect.objectContaining({ pwd: '******' })]);
  });

  describe('400 MMC.111070001 for malformed requests', () => {
    it.each([
      ['conferenceID differs from confID', validBody(), { conferenceID: '914083137' }],
      ['conferenceID missing', validBody(), { conferenceID: null }],
      ['conferenceID with spaces', validBody({ confID: '914 083 136' }), {}],
      ['callNum missing', validBody({ callNum: undefined }), {}],
      ['callNum a number', validBody({ callNum: 99111253 }), {}],
      ['callNum with letters', validBody({ callNum: '+9911abc' }), {}],
      ['callNum too short', validBody({ callNum: '12' }), {}],
      ['confID missing', validBody({ confID: undefined }), { conferenceID: FIXTURE_MEETING_ID }],
      ['confID a number', validBody({ confID: 914083136 }), { conferenceID: FIXTURE_MEETING_ID }],
      ['pwd missing', validBody({ pwd: undefined }), {}],
      ['pwd a number', validBody({ pwd: 123123 }), {}],
      ['orgID a number', validBody({ orgID: 115489 }), {}],
      ['numBelongsType 2', validBody({ numBelongsType: 2 }), {}],
      ['numBelongsType a string', validBody({ numBelongsType: '0' }), {}],
      ['isNotOverlayPidName a string', validBody({ isNotOverlayPidName: 'false' }), {}],
    ] as const)('%s', async (_name, body, options) => {
      expectError(await invite(sim, body, options), 400, 'MMC.111070001');
      expect(onlyRecord()).toMatchObject({ outcome: 400, errorCode: 'MMC.111070001', detail: expect.any(String) as unknown });
    });

    it('a body that is not JSON, or not an object', async () => {
      expectError(await invite(sim, validBody(), { rawBody: 'callNum=1&pwd=2' }), 400, 'MMC.111070001');
      expectError(await invite(sim, validBody(), { rawBody: '["914083136"]' }), 400, 'MMC.111070001');
      expectError(await invite(sim, validBody(), { rawBody: '' }), 400, 'MMC.111070001');
      expect(sim.invites().map((r) => r.body)).toEqual([null, ['914083136'], null]);
    });

    it('a Content-Type that is not JSON', async () => {
      const res = await invite(sim, validBody(), { headers: { 'Content-Type': 'text/plain' } });
      expectError(res, 400, 'MMC.111070001');
      expect(onlyRecord().body).toMatchObject({ pwd: '******' });
    });

    it('accepts application/json without charset', async () => {
      const res = await invite(sim, validBody(), { headers: { 'Content-Type': 'application/json' } });
      expect(res.status).toBe(200);
    });
  });

  it('answers 403 MMC.111076022 when the admin switch is off', async () => {
    expectError(await invite(sim, validBody({ callNum: FIXTURE_BLOCKED_TERMINAL })), 403, 'MMC.111076022');
    expectError(await invite(sim, validBody({ callNum: '+8612345', orgID: FIXTURE_BLOCKED_ORG_ID })), 403, 'MMC.111076022');
    sim.setAdminSwitch(false);
    expectError(await invite(sim, validBody({ orgID: FIXTURE_ORG_ID })), 403, 'MMC.111076022');
    sim.setAdminSwitch(true);
    expect((await invite(sim, validBody({ orgID: FIXTURE_ORG_ID }))).status).toBe(200);
  });

  it('answers in Chinese to Accept-Language: zh-CN, in English otherwise', async () => {
    const zh = await invite(sim, validBody({ pwd: 'bad' }), { headers: { 'Accept-Language': 'zh-CN' } });
    expect(zh.json).toEqual({ error_code: 'MMC.111072065', error_msg: '会议不存在或鉴权失败' });
    const weighted = await invite(sim, validBody({ pwd: 'bad' }), {
      headers: { 'Accept-Language': 'fr-FR, en-US;q=0.5, zh-CN;q=0.8' },
    });
    expect((weighted.json as { error_msg: string }).error_msg).toBe('会议不存在或鉴权失败');
    const en = await invite(sim, validBody({ pwd: 'bad' }), { headers: { 'Accept-Language': 'en-US' } });
    expect((en.json as { error_msg: string }).error_msg).toBe('CONF_NOT_FOUND_OR_AUTH_FAILED');
    expect(sim.invites()[0]?.headers['accept-language']).toBe('zh-CN');
  });

  it('echoes the X-Request-ID it was sent', async () => {
    const id = '6f1c2b1e-2d7a-4a43-9d0e-1f7b1c9e8a55';
    const res = await invite(sim, validBody(), { headers: { 'X-Request-ID': id } });
    expect(res.headers['x-request-id']).toBe(id);
    expect(onlyRecord()).toMatchObject({ requestId: id, headers: { 'x-request-id': id } });
  });

  it('answers 405 to another method on the invite path, 404 APIG.0101 to an unknown path', async () => {
    const put = await invite(sim, validBody(), { method: 'PUT' });
    expectError(put, 405, 'MMC.111070001');
    expect(put.headers.allow).toBe('POST');
    const unknown = await request(sim, { method: 'POST', path: '/v1/mmc/control/conferences/nope' });
    expectError(unknown, 404, 'APIG.0101');
    expect(unknown.headers['x-request-id']).toMatch(UUID);
    expect(sim.invites().map((r) => r.outcome)).toEqual([405]);
  });
});

describe('simulator: faults', () => {
  it('answers 429 with Retry-After once, then normally', async () => {
    sim.setFaults({ queue: [{ kind: 'rate-limit', retryAfter: 7 }] });
    const limited = await invite(sim);
    expectError(limited, 429, 'MMC.100000429');
    expect(limited.headers['retry-after']).toBe('7');
    expect(limited.headers['x-apig-ratelimit-api']).toBe('remain:0,limit:100,time:1 minute');
    expect((await invite(sim)).status).toBe(200);
    expect(sim.invites().map((r) => r.outcome)).toEqual([429, 200]);
  });

  it('offers USG and APIG styles of flow control', async () => {
    sim.setFaults({
      queue: [
        { kind: 'rate-limit', retryAfter: 1, style: 'usg' },
        { kind: 'rate-limit', retryAfter: 1, style: 'apig' },
      ],
    });
    expectError(await invite(sim), 429, 'USG.100000429');
    expectError(await invite(sim), 429, 'APIG.0308');
  });

  it('answers 5xx status faults, with Retry-After when asked', async () => {
    sim.setFaults({
      queue: [
        { kind: 'status', status: 500 },
        { kind: 'status', status: 503, retryAfter: 3 },
        { kind: 'error', status: 418, code: 'USG.000000001', message: 'TEAPOT' },
      ],
    });
    const five = await invite(sim);
    expectError(five, 500, 'MMC.111070003');
    expect(five.headers['retry-after']).toBeUndefined();
    const unavailable = await invite(sim);
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers['retry-after']).toBe('3');
    expect((await invite(sim)).json).toEqual({ error_code: 'USG.000000001', error_msg: 'TEAPOT' });
  });

  it('applies faults to invite requests only', async () => {
    sim.setFaults({ queue: [{ kind: 'status', status: 502 }] });
    expect((await request(sim, { path: '/__sim/health' })).status).toBe(200);
    expectError(await invite(sim), 502, 'APIG.0202');
  });

  it('delays an answer by a latency fault and by the persistent latency', async () => {
    sim.setFaults({ queue: [{ kind: 'latency', ms: 250 }], latencyMs: 100 });
    let started = Date.now();
    expect((await invite(sim)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(340);
    started = Date.now();
    expect((await invite(sim)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('reset: records the invitation, then drops the connection', async () => {
    sim.setFaults({ queue: [{ kind: 'reset' }] });
    const failure = await invite(sim).then(
      () => null,
      (error: unknown) => error,
    );
    expect(errorCode(failure)).toBe('ECONNRESET');
    expect(onlyRecord()).toMatchObject({ outcome: 'reset', body: { pwd: '******', callNum: FIXTURE_TERMINAL } });
  });

  it('hang: records the invitation and never answers', async () => {
    sim.setFaults({ queue: [{ kind: 'hang' }] });
    const failure = await invite(sim, validBody(), { timeoutMs: 300 }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(errorCode(failure)).toBe('CLIENT_TIMEOUT');
    expect(onlyRecord()).toMatchObject({ outcome: 'hang', conferenceID: FIXTURE_MEETING_ID });
  });

  it('rejects an invalid plan', () => {
    expect(() => sim.setFaults({ queue: [{ kind: 'status', status: 418 as 500 }] })).toThrow();
  });

  it('draws seeded random faults reproducibly', async () => {
    const plan = { random: { seed: 42, fault503: 0.5, reset: 0.25 } };
    const run = async () => {
      sim.setFaults(plan);
      const outcomes: (number | string)[] = [];
      for (let i = 0; i < 8; i += 1) {
        outcomes.push(
          await invite(sim).then(
            (r) => r.status,
            (error: unknown) => errorCode(error) ?? 'error',
          ),
        );
      }
      return outcomes;
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
  });
});

describe('simulator: control endpoints', () => {
  it('health', async () => {
    const res = await request(sim, { path: '/__sim/health' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toMatch(UUID);
  });

  it('GET and DELETE /__sim/invites', async () => {
    await invite(sim);
    const list = await request(sim, { path: '/__sim/invites' });
    expect(list.status).toBe(200);
    expect(list.json).toEqual(sim.invites());
    expect(list.text).not.toContain(FIXTURE_GUEST_PASSWORD);
    expect((await request(sim, { method: 'DELETE', path: '/__sim/invites' })).status).toBe(204);
    expect(sim.invites()).toEqual([]);
  });

  it('PUT, GET and DELETE /__sim/faults', async () => {
    const plan = { queue: [{ kind: 'rate-limit', retryAfter: 2 }], latencyMs: 0 };
    const put = await request(sim, { method: 'PUT', path: '/__sim/faults', body: JSON.stringify(plan) });
    expect(put.status).toBe(204);
    expect((await request(sim, { path: '/__sim/faults' })).json).toEqual(plan);
    expect((await invite(sim)).status).toBe(429);

    await request(sim, { method: 'PUT', path: '/__sim/faults', body: JSON.stringify(plan) });
    expect((await request(sim, { method: 'DELETE', path: '/__sim/faults' })).status).toBe(204);
    expect((await invite(sim)).status).toBe(200);
  });

  it('PUT /__sim/faults rejects an invalid plan with 400 and a message', async () => {
    for (const body of ['{"queue":[{"kind":"explode"}]}', '{"latencyMs":-1}', '{"random":{"seed":1,"reset":2}}', 'nope']) {
      const res = await request(sim, { method: 'PUT', path: '/__sim/faults', body });
      expect(res.status).toBe(400);
      expect((res.json as { error_msg: string }).error_msg.length).toBeGreaterThan(0);
    }
    expect((await invite(sim)).status).toBe(200);
  });

  it('PUT /__sim/admin-switch', async () => {
    expect((await request(sim, { method: 'PUT', path: '/__sim/admin-switch', body: '{"on":false}' })).status).toBe(204);
    expectError(await invite(sim), 403, 'MMC.111076022');
    expect((await request(sim, { path: '/__sim/admin-switch' })).json).toEqual({ on: false });
    expect((await request(sim, { method: 'PUT', path: '/__sim/admin-switch', body: '{"on":"yes"}' })).status).toBe(400);
    expect((await request(sim, { method: 'PUT', path: '/__sim/admin-switch', body: '{"on":true}' })).status).toBe(204);
    expect((await invite(sim)).status).toBe(200);
  });

  it('404 for an unknown control endpoint, 405 for a wrong method', async () => {
    expect((await request(sim, { path: '/__sim/nope' })).status).toBe(404);
    expect((await request(sim, { method: 'POST', path: '/__sim/health' })).status).toBe(405);
  });
});

describe('simulator: lifecycle', () => {
  it('close() ends hung requests at once and removes its own temporary CA', async () => {
    const own = await startSimulator({ faults: { queue: [{ kind: 'hang' }] } });
    expect(existsSync(own.caPath)).toBe(true);
    const pending = invite(own, validBody(), { timeoutMs: 10_000 }).then(
      () => null,
      (error: unknown) => error,
    );
    await expect.poll(() => own.invites().map((r) => r.outcome)).toEqual(['hang']);
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(errorCode(await pending)).toBe('ECONNRESET');
    expect(existsSync(own.caPath)).toBe(false);
  });

  it('falls back to a free port when asked, fails otherwise', async () => {
    const port = new URL(sim.url).port;
    await expect(startSimulator({ port: Number(port) })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    const other = await startSimulator({ port: Number(port), portFallback: true });
    try {
      expect(other.port).not.toBe(Number(port));
      expect((await request(other, { path: `${INVITE_PATH}?conferenceID=1`, method: 'GET' })).status).toBe(405);
    } finally {
      await other.close();
    }
  });
});
