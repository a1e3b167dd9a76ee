/**
 * What the app knows about an invited room after `inviteWithPwd` answered 200 (docs/api.md,
 * "After the invite"): calling → joining → joined, or not-joined with a reason, or left after it
 * had joined, or unconfirmed when no status source is open. Pure data: sent to the window as an
 * event, printed by the CLI; never carries a token, key or password.
 */

export type CallState = 'calling' | 'joining' | 'joined' | 'not-joined' | 'left' | 'unconfirmed';

/** Why the room did not join (`not-joined`) or is no longer in the meeting (`left`). */
export type CallReason =
  | 'busy'
  | 'no-answer'
  | 'call-failed'
  | 'meeting-ended'
  | 'left'
  | 'hung-up'
  /** `status` asked: the room is not in the meeting (nothing says why). */
  | 'not-in-meeting'
  /** unconfirmed: neither a host password nor an App ID. */
  | 'no-source'
  /** unconfirmed: the host password was refused (door A stops for this meeting at once). */
  | 'host-password-refused'
  /** unconfirmed: App ID authentication or a status call failed. */
  | 'status-failed';

/** `control`: door A (conference control token); `app-id`: door B. */
export type CallVia = 'control' | 'app-id';

export interface CallStatus {
  meetingId: string;
  callNum: string;
  roomName: string;
  state: CallState;
  via: CallVia | null;
  reason?: CallReason;
  /** Huawei's code when one explains the state (an InviteResultNotify code, an MMC./USG. code). */
  resultCode?: string;
  /** A hang-up is possible now (the room is online and a door is open). */
  canHangUp: boolean;
}

/** Whether the status will change no more. */
export function isFinal(status: Pick<CallStatus, 'state'>): boolean {
  return status.state === 'not-joined' || status.state === 'left' || status.state === 'unconfirmed';
}
