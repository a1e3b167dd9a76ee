/**
 * 200 invites against the simulator with faults injected — 30% 503, 10% connection resets
 * after the request, 10% answers slower than the timeout, and 429 bursts — checked invite by
 * invite against the simulator's record: every invite ends as success, failed or
 * outcome-unknown by the rules, and the server acted at most once for each; never for a
 * "failed" one.
 */
import { describe, expect, it } from 'vitest';
import { createMeetingClient } from '../../core/api/meeting-client';
import { ClientCode } from '../../shared/errors';
import type { InviteResult } from '../../shared/invite-result';
import { FIXTURE_GUEST_PASSWORD, FIXTURE_MEETING_ID } from '../../simulator/fixture';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator();
const INVITES = 200;
const ROUNDS = 4;
const CONCURRENCY = 10;

const callNum = (i: number) => `+9911125302${String(i).padStart(7, '0')}`;

describe('fault run', () => {
  it(`classifies ${INVITES} invites under faults and never calls twice`, async () => {
    const client = createMeetingClient({
      baseUrl: sim().url,
      extraCaPem: sim().caPem,
      userAgent: 'fault-run',
      timeoutMs: 700,
      // Retry-After is honoured (up to 10 s) but compressed here so the run takes seconds.
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / 50)),
    });
    const results: InviteResult[] = [];
    const perRound = INVITES / ROUNDS;
    for (let round = 0; round < ROUNDS; round++) {
      sim().setFaults({
        queue: Array.from({ length: 4 }, () => ({ kind: 'rate-limit' as const, retryAfter: 1 })),
        random: { seed: 1000 + round, fault503: 0.3, reset: 0.1, slow: 0.1, slowMs: 1200 },
      });
      for (let start = 0; start < perRound; start += CONCURRENCY) {
        const batch = Array.from({ length: Math.min(CONCURRENCY, perRound - start) }, (_, k) => round * perRound + start + k);
        results.push(
          ...(await Promise.all(
            batch.map((i) =>
              client.inviteWithPwd({ meetingId: FIXTURE_MEETING_ID, password: FIXTURE_GUEST_PASSWORD, callNum: callNum(i) }),
            ),
          )),
        );
      }
    }
    // Let slow answers still in flight on the server finish, so the record is complete.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const records = sim().invites();
    const counts = { success: 0, failed: 0, unknown: 0, serverCalls: records.length, retried: 0 };
    results.forEach((result, i) => {
      const mine = records.filter((r) => (r.body as { callNum?: string } | null)?.callNum === callNum(i));
      const acted = mine.filter((r) => r.outcome === 200).length;
      expect(mine.length, `invite ${i}: attempts`).toBe(result.attempts);
      if (result.attempts > 1) counts.retried++;
      if (result.ok) {
        counts.success++;
        expect(acted, `invite ${i}: success means exactly one accepted call`).toBe(1);
        expect(mine.at(-1)?.outcome).toBe(200);
      } else if (result.error.outcome === 'failed') {
        counts.failed++;
        expect(acted, `invite ${i}: failed means the server never acted`).toBe(0);
        expect([429, 503]).toContain(result.error.status);
        expect(result.attempts).toBe(3);
      } else {
        counts.unknown++;
        expect(result.error.code).toBe(ClientCode.outcomeUnknown);
        expect(acted, `invite ${i}: unknown, acted at most once`).toBeLessThanOrEqual(1);
        expect(['reset', 200]).toContain(mine.at(-1)?.outcome);
      }
    });
    console.log(
      `fault run: ${INVITES} invites → ${counts.success} success, ${counts.failed} failed, ${counts.unknown} outcome unknown; ` +
        `${counts.serverCalls} requests reached the server, ${counts.retried} invites retried after 429/503`,
    );
    expect(counts.success + counts.failed + counts.unknown).toBe(INVITES);
    // The mix must really exercise every path.
    expect(counts.success).toBeGreaterThan(100);
    expect(counts.unknown).toBeGreaterThan(10);
    expect(counts.retried).toBeGreaterThan(30);
  }, 120_000);
});
