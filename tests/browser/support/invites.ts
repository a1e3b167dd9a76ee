/** What the simulator received, checked the way the tests need it. */
import { expect } from 'vitest';
import { FIXTURE_MEETING_ID, FIXTURE_ORG_ID, FIXTURE_TERMINAL } from '../../../simulator/fixture';
import type { Simulator } from '../../../simulator/server';

/** Exactly one invitation, accepted, with the right fields (the password masked in the record). */
export function expectOneInvite(sim: Simulator, callNum = FIXTURE_TERMINAL, orgId: string | null = FIXTURE_ORG_ID): void {
  const invites = sim.invites();
  expect(invites).toHaveLength(1);
  expect(invites[0]).toMatchObject({
    method: 'POST',
    conferenceID: FIXTURE_MEETING_ID,
    outcome: 200,
    body: { callNum, confID: FIXTURE_MEETING_ID, pwd: '******', ...(orgId ? { orgID: orgId } : {}) },
  });
}
