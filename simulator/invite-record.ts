/**
 * What the simulator remembers of each invite request, so tests and the console can see what
 * the app sent without the password ever being kept.
 */

export interface RecordedInvite {
  method: string;
  /** The `conferenceID` query parameter (the first one), or `null` when absent. */
  conferenceID: string | null;
  /** The parsed JSON body with `pwd` masked as "******"; `null` when the body is not JSON. */
  body: unknown;
  headers: {
    'x-request-id'?: string;
    'accept-language'?: string;
    'user-agent'?: string;
    'content-type'?: string;
  };
  /** ISO time at which the whole body had been received. */
  receivedAt: string;
  /** The `X-Request-Id` of the answer (the request's own when it sent a usable one). */
  requestId: string;
  /** The status sent; `hang`/`reset` for those faults; `pending` while a delay runs. */
  outcome: number | 'hang' | 'reset' | 'pending';
  /** The `error_code` answered, if any. */
  errorCode?: string;
  /** Why the simulator refused the request (validation), never containing the password. */
  detail?: string;
}

/** One line for a console: when, what, the outcome and the request ID (the password is never in a record). */
export function describeInvite(record: RecordedInvite): string {
  const body = record.body as { callNum?: unknown } | null;
  const callNum = typeof body?.callNum === 'string' ? body.callNum : '-';
  const code = record.errorCode ? ` ${record.errorCode}` : '';
  const detail = record.detail ? ` (${record.detail})` : '';
  return (
    `${record.receivedAt} ${record.method} inviteWithPwd conferenceID=${record.conferenceID ?? '-'} ` +
    `callNum=${callNum} -> ${record.outcome}${code}${detail} [${record.requestId}]`
  );
}
