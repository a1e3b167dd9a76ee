/**
 * The `inviteWithPwd` decision, free of HTTP: validates a request the way the real service
 * does (docs/api.md) and answers from the fixture. Also masks the password for the record.
 */
import type { SimError } from './errors';
import { SIM_ERRORS } from './errors';
import type { Fixture, MeetingState } from './fixture';

export const INVITE_PATH = '/v1/mmc/control/conferences/inviteWithPwd';
export const MASKED_PASSWORD = '******';

export interface InviteRequest {
  /** Every `conferenceID` value of the query string. */
  conferenceIDs: readonly string[];
  contentType: string | undefined;
  rawBody: string;
}

export interface InviteContext {
  fixture: Fixture;
  /** The global admin switch; `false` refuses every invitation with MMC.111076022. */
  adminSwitch: boolean;
}

export interface InviteDecision {
  /** `null`: success (200 `{}`). */
  error: SimError | null;
  /** Why a request was refused, for the record and the console; never contains the password. */
  detail?: string;
}

const SIP_NUMBER = /^\+?\d{3,32}$/u;
const MEETING_ID = /^\d{1,32}$/u;
const ORG_ID = /^[A-Za-z0-9_-]{1,64}$/u;
const MAX_PASSWORD_LENGTH = 64;

const STATE_ERRORS: Record<Exclude<MeetingState, 'started'>, SimError> = {
  'not-started': SIM_ERRORS.notStarted,
  ended: SIM_ERRORS.ended,
  locked: SIM_ERRORS.locked,
  'corporate-only': SIM_ERRORS.corporateOnly,
  'invited-only': SIM_ERRORS.invitedOnly,
  full: SIM_ERRORS.full,
};

function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [mediaType = '', ...params] = contentType.split(';');
  if (mediaType.trim().toLowerCase() !== 'application/json') return false;
  return params.every((param) => {
    const [name = '', value = ''] = param.split('=');
    if (name.trim().toLowerCase() !== 'charset') return true;
    return /^"?utf-8"?$/iu.test(value.trim());
  });
}

/** Parses a JSON body; `undefined` when it is not JSON. */
export function parseJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The body as it may be recorded: a non-empty `pwd` (of any type) becomes "******"; an empty
 * string stays empty, since it reveals nothing and explains MMC.111070009. Non-JSON is `null`.
 */
export function maskBody(parsed: unknown): unknown {
  if (parsed === undefined) return null;
  if (!isPlainObject(parsed) || !('pwd' in parsed)) return parsed;
  const { pwd } = parsed;
  return { ...parsed, pwd: pwd === '' ? '' : MASKED_PASSWORD };
}

function bad(detail: string): InviteDecision {
  return { error: SIM_ERRORS.badRequest, detail };
}

/** Validates and answers one invite request (the body already received). */
export function decideInvite(request: InviteRequest, context: InviteContext): InviteDecision {
  if (!isJsonContentType(request.contentType)) return bad('Content-Type must be application/json');
  const body = parseJson(request.rawBody);
  if (!isPlainObject(body)) return bad('body must be a JSON object');

  const { callNum, confID, pwd, orgID, numBelongsType, isNotOverlayPidName } = body;
  if (typeof callNum !== 'string') return bad('callNum is required and must be a string');
  if (!SIP_NUMBER.test(callNum)) return bad('callNum must be an optional + and 3-32 digits');
  if (typeof confID !== 'string') return bad('confID is required and must be a string');
  if (!MEETING_ID.test(confID)) return bad('confID must be digits');
  if (typeof pwd !== 'string') return bad('pwd is required and must be a string');
  if (pwd.length > MAX_PASSWORD_LENGTH) return bad('pwd is too long');
  if (orgID !== undefined && (typeof orgID !== 'string' || !ORG_ID.test(orgID))) {
    return bad('orgID must be a string of 1-64 letters, digits, - or _');
  }
  if (numBelongsType !== undefined && numBelongsType !== 0 && numBelongsType !== 1) {
    return bad('numBelongsType must be the integer 0 or 1');
  }
  if (isNotOverlayPidName !== undefined && typeof isNotOverlayPidName !== 'boolean') {
    return bad('isNotOverlayPidName must be a boolean');
  }
  if (request.conferenceIDs.length !== 1) return bad('conferenceID query parameter is required once');
  if (request.conferenceIDs[0] !== confID) return bad('conferenceID (query) and confID (body) differ');
  if (pwd.trim() === '') return { error: SIM_ERRORS.pwdEmpty, detail: 'pwd is empty' };

  const meeting = context.fixture.meetings.find((m) => m.id === confID);
  if (!meeting) return { error: SIM_ERRORS.confNotExist, detail: 'meeting not in fixture' };
  if (pwd !== meeting.guestPassword && pwd !== meeting.hostPassword) {
    return { error: SIM_ERRORS.authFailed, detail: 'wrong password' };
  }

  const terminal = context.fixture.terminals.find((t) => t.callNum === callNum);
  const orgIds = [orgID, terminal?.orgId].filter((id): id is string => typeof id === 'string');
  const switchedOff = context.fixture.enterprises.some((e) => !e.adminSwitch && orgIds.includes(e.orgId));
  if (!context.adminSwitch || switchedOff) {
    return { error: SIM_ERRORS.adminSwitchOff, detail: 'admin switch off' };
  }

  if (meeting.state !== 'started') {
    return { error: STATE_ERRORS[meeting.state], detail: `meeting ${meeting.state}` };
  }
  return { error: null };
}
