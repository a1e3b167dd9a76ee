/**
 * The simulator's world: meetings (with guest and host passwords and a state), enterprises
 * (with the "Scan guest QR code to join meetings using hard terminal" admin switch) and known
 * terminals. Any valid SIP number is callable; known terminals only tie a number to an
 * enterprise. The constants are exported so other modules' tests can use them.
 */

/** What a meeting is doing; every state but `started` refuses invitations with its own code. */
export type MeetingState = 'started' | 'not-started' | 'ended' | 'locked' | 'corporate-only' | 'invited-only' | 'full';

export interface FixtureMeeting {
  /** Meeting ID, digits only. */
  id: string;
  guestPassword: string;
  hostPassword: string;
  state: MeetingState;
  subject?: string;
}

export interface FixtureEnterprise {
  orgId: string;
  /** "Scan guest QR code to join meetings using hard terminal". */
  adminSwitch: boolean;
  name?: string;
}

export interface FixtureTerminal {
  callNum: string;
  orgId: string;
  name?: string;
}

export interface Fixture {
  meetings: readonly FixtureMeeting[];
  enterprises: readonly FixtureEnterprise[];
  terminals: readonly FixtureTerminal[];
}

/** The documentation's example meeting: started, accepts invitations. */
export const FIXTURE_MEETING_ID = '914083136';
export const FIXTURE_GUEST_PASSWORD = '123123';
export const FIXTURE_HOST_PASSWORD = '654321';
/** The documentation's example terminal, in enterprise {@link FIXTURE_ORG_ID}. */
export const FIXTURE_TERMINAL = '+99111253020382685';
/** Enterprise whose admin switch is on. */
export const FIXTURE_ORG_ID = '115489';
/** Enterprise whose admin switch is off: invitations of its terminals get 403 MMC.111076022. */
export const FIXTURE_BLOCKED_ORG_ID = '115490';
/** A terminal of {@link FIXTURE_BLOCKED_ORG_ID}. */
export const FIXTURE_BLOCKED_TERMINAL = '+99111253020382686';

/** One meeting per refusing state; all use the same guest and host passwords. */
export const FIXTURE_STATE_MEETINGS = {
  'not-started': '914083137',
  ended: '914083138',
  locked: '914083139',
  'corporate-only': '914083140',
  'invited-only': '914083141',
  full: '914083142',
} as const satisfies Record<Exclude<MeetingState, 'started'>, string>;

/** A well-formed meeting ID that is not in the fixture (404 MMC.111070005). */
export const FIXTURE_UNKNOWN_MEETING_ID = '900000001';

function meeting(id: string, state: MeetingState, subject: string): FixtureMeeting {
  return {
    id,
    guestPassword: FIXTURE_GUEST_PASSWORD,
    hostPassword: FIXTURE_HOST_PASSWORD,
    state,
    subject,
  };
}

export const DEFAULT_FIXTURE: Fixture = {
  meetings: [
    meeting(FIXTURE_MEETING_ID, 'started', 'Weekly sync'),
    meeting(FIXTURE_STATE_MEETINGS['not-started'], 'not-started', 'Not started yet'),
    meeting(FIXTURE_STATE_MEETINGS.ended, 'ended', 'Already ended'),
    meeting(FIXTURE_STATE_MEETINGS.locked, 'locked', 'Locked by the host'),
    meeting(FIXTURE_STATE_MEETINGS['corporate-only'], 'corporate-only', 'Corporate users only'),
    meeting(FIXTURE_STATE_MEETINGS['invited-only'], 'invited-only', 'Invited users only'),
    meeting(FIXTURE_STATE_MEETINGS.full, 'full', 'Participant limit reached'),
  ],
  enterprises: [
    { orgId: FIXTURE_ORG_ID, adminSwitch: true, name: 'Example enterprise' },
    { orgId: FIXTURE_BLOCKED_ORG_ID, adminSwitch: false, name: 'Enterprise with the switch off' },
  ],
  terminals: [
    { callNum: FIXTURE_TERMINAL, orgId: FIXTURE_ORG_ID, name: 'Room 1 (IdeaHub)' },
    { callNum: FIXTURE_BLOCKED_TERMINAL, orgId: FIXTURE_BLOCKED_ORG_ID, name: 'Room 2 (switch off)' },
  ],
};
