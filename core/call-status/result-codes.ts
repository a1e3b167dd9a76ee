/**
 * What an InviteResultNotify code says about the room (docs/api.md, "Messages the feature cares
 * about"): 0 the call succeeded; 11076010 the participant left; 11076002 the host hung up;
 * 11111001–11111004 network or SIP timeouts. 11076001 "busy" is the simulator's own value
 * (docs/api.md marks it unverified). Any other non-zero code is a failed call, shown with its code;
 * no documented code says "declined", so a refused call is reported as a failed call with its code.
 */
import type { CallReason } from '../../shared/call-status';

export const RESULT_BUSY = 11076001;
export const RESULT_HOST_HUNG_UP = 11076002;
export const RESULT_LEFT = 11076010;

/** The catalogue key of a result code (`CALL.<code>`, see shared/errors.ts). */
export function resultCodeKey(code: number): string {
  return `CALL.${code}`;
}

/** The reason for a room that did not join after this code. */
export function notJoinedReason(code: number): CallReason {
  if (code === RESULT_BUSY) return 'busy';
  return 'call-failed';
}

/** The reason for a room that was in the meeting and is gone after this code. */
export function leftReason(code: number | undefined): CallReason {
  return code === RESULT_HOST_HUNG_UP ? 'hung-up' : 'left';
}
