import { describe, expect, it } from 'vitest';
import { pickLanguage, serverErrorFor } from '../../simulator/errors';
import { FaultInjector, FaultPlanSchema, seededRandom } from '../../simulator/faults';
import {
  DEFAULT_FIXTURE,
  FIXTURE_GUEST_PASSWORD,
  FIXTURE_MEETING_ID,
  FIXTURE_STATE_MEETINGS,
  FIXTURE_TERMINAL,
} from '../../simulator/fixture';
import { decideInvite, maskBody } from '../../simulator/invite';

describe('simulator fixture', () => {
  it('has the documented meeting, one meeting per state and both enterprises', () => {
    const started = DEFAULT_FIXTURE.meetings.find((m) => m.id === FIXTURE_MEETING_ID);
    expect(started).toMatchObject({ state: 'started', guestPassword: '123123', hostPassword: '654321' });
    for (const [state, id] of Object.entries(FIXTURE_STATE_MEETINGS)) {
      expect(DEFAULT_FIXTURE.meetings.find((m) => m.id === id)?.state).toBe(state);
    }
    expect(DEFAULT_FIXTURE.enterprises).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ orgId: '115489', adminSwitch: true }),
        expect.objectContaining({ orgId: '115490', adminSwitch: false }),
      ]),
    );
  });
});

describe('pickLanguage', () => {
  it.each([
    [undefined, 'en-US'],
    ['', 'en-US'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['ZH-cn;q=0.9', 'zh-CN'],
    ['en-US', 'en-US'],
    ['en-US,zh-CN;q=0.5', 'en-US'],
    ['de-DE,zh-CN;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-CN;q=0, en', 'en-US'],
    ['fr-FR', 'en-US'],
  ] as const)('%s → %s', (header, language) => {
    expect(pickLanguage(header)).toBe(language);
  });
});

describe('serverErrorFor', () => {
  it('uses the meeting service code for 500 and gateway codes for 502–504', () => {
    expect(serverErrorFor(500).code).toBe('MMC.111070003');
    expect(serverErrorFor(502)).toMatchObject({ status: 502, code: 'APIG.0202' });
    expect(serverErrorFor(503)).toMatchObject({ status: 503, code: 'APIG.0202' });
    expect(serverErrorFor(504)).toMatchObject({ status: 504, code: 'APIG.0201' });
  });
});

describe('maskBody', () => {
  it('masks any non-empty pwd, keeps an empty one, and leaves the rest alone', () => {
    expect(maskBody({ pwd: 'secret', callNum: '123' })).toEqual({ pwd: '******', callNum: '123' });
    expect(maskBody({ pwd: 123123 })).toEqual({ pwd: '******' });
    expect(maskBody({ pwd: '' })).toEqual({ pwd: '' });
    expect(maskBody({ callNum: '123' })).toEqual({ callNum: '123' });
    expect(maskBody(undefined)).toBeNull();
    expect(maskBody([1])).toEqual([1]);
  });
});

describe('decideInvite', () => {
  const context = { fixture: DEFAULT_FIXTURE, adminSwitch: true };
  const request = (body: unknown, conferenceIDs: string[] = [FIXTURE_MEETING_ID]) => ({
    conferenceIDs,
    contentType: 'application/json; charset=utf-8',
    rawBody: JSON.stringify(body),
  });
  const valid = { callNum: FIXTURE_TERMINAL, confID: FIXTURE_MEETING_ID, pwd: FIXTURE_GUEST_PASSWORD };

  it('accepts a valid request', () => {
    expect(decideInvite(request(valid), context)).toEqual({ error: null });
  });

  it('refuses a repeated conferenceID and a non-UTF-8 charset', () => {
    expect(decideInvite(request(valid, [FIXTURE_MEETING_ID, FIXTURE_MEETING_ID]), context).error?.code).toBe('MMC.111070001');
    const latin1 = { ...request(valid), contentType: 'application/json; charset=iso-8859-1' };
    expect(decideInvite(latin1, context).error?.code).toBe('MMC.111070001');
  });

  it('never puts the password in the detail', () => {
    const decision = decideInvite(request({ ...valid, pwd: 'hunter2' }), context);
    expect(decision.error?.code).toBe('MMC.111072065');
    expect(decision.detail).not.toContain('hunter2');
  });

  it('honours the global admin switch', () => {
    expect(decideInvite(request(valid), { ...context, adminSwitch: false }).error?.code).toBe('MMC.111076022');
  });
});

describe('faults', () => {
  it('seededRandom is deterministic and in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const values = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(values);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(seededRandom(8)()).not.toBe(values[0]);
  });

  it('consumes queued faults in order, adding the persistent latency', () => {
    const injector = new FaultInjector();
    injector.set({ queue: [{ kind: 'latency', ms: 50 }, { kind: 'hang' }, { kind: 'reset' }], latencyMs: 10 });
    expect(injector.next()).toEqual({ delayMs: 60, fault: null });
    expect(injector.next()).toEqual({ delayMs: 10, fault: { kind: 'hang' } });
    expect(injector.current().queue).toEqual([{ kind: 'reset' }]);
    expect(injector.next()).toEqual({ delayMs: 10, fault: { kind: 'reset' } });
    expect(injector.next()).toEqual({ delayMs: 10, fault: null });
    injector.clear();
    expect(injector.next()).toEqual({ delayMs: 0, fault: null });
  });

  it('draws random faults with roughly the asked probabilities', () => {
    const injector = new FaultInjector();
    injector.set({ random: { seed: 1, fault503: 0.3, reset: 0.1, slow: 0.1, slowMs: 500 } });
    const counts = { status: 0, reset: 0, slow: 0, normal: 0 };
    for (let i = 0; i < 2000; i += 1) {
      const { delayMs, fault } = injector.next();
      if (fault?.kind === 'status') counts.status += 1;
      else if (fault?.kind === 'reset') counts.reset += 1;
      else if (delayMs === 500) counts.slow += 1;
      else counts.normal += 1;
    }
    expect(counts.status / 2000).toBeGreaterThan(0.25);
    expect(counts.status / 2000).toBeLessThan(0.35);
    expect(counts.reset / 2000).toBeGreaterThan(0.07);
    expect(counts.reset / 2000).toBeLessThan(0.13);
    expect(counts.slow / 2000).toBeGreaterThan(0.07);
    expect(counts.slow / 2000).toBeLessThan(0.13);
  });

  it('validates plans', () => {
    expect(FaultPlanSchema.safeParse({ queue: [{ kind: 'status', status: 503, retryAfter: 2 }] }).success).toBe(true);
    expect(FaultPlanSchema.safeParse({ queue: [{ kind: 'status', status: 501 }] }).success).toBe(false);
    expect(FaultPlanSchema.safeParse({ queue: [{ kind: 'rate-limit' }] }).success).toBe(false);
    expect(FaultPlanSchema.safeParse({ queue: [{ kind: 'hang', extra: 1 }] }).success).toBe(false);
    expect(FaultPlanSchema.safeParse({ random: { seed: 1, fault503: 0.6, reset: 0.6 } }).success).toBe(false);
    expect(FaultPlanSchema.safeParse({ latencyMs: 1.5 }).success).toBe(false);
    expect(FaultPlanSchema.safeParse({ typo: true }).success).toBe(false);
  });
});
