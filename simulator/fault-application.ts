/**
 * Turns a fault drawn by the `FaultInjector` into what the client sees on the wire: no answer,
 * a reset connection, or an error answer shaped like the real service's or gateway's. Kept
 * apart from the invite route so other routes can inject the same faults.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimLanguage } from './errors';
import { serverErrorFor, SIM_ERRORS } from './errors';
import type { AnswerFault } from './faults';
import { RATE_LIMIT_EXHAUSTED, RATE_LIMIT_HEADER, sendError, sendJson } from './http';
import type { RecordedInvite } from './invite-record';
import type { ServerLifecycle } from './lifecycle';

/** Reports the outcome for the record; called before a reset so the record is complete when the client sees it. */
export type OutcomeReporter = (outcome: RecordedInvite['outcome'], errorCode?: string) => void;

function retryAfterHeader(retryAfter: number | undefined): Record<string, string> {
  return retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
}

export function applyFault(
  fault: AnswerFault,
  req: IncomingMessage,
  res: ServerResponse,
  language: SimLanguage,
  lifecycle: ServerLifecycle,
  report: OutcomeReporter,
): void {
  switch (fault.kind) {
    case 'hang':
      // Never answer; close() destroys the socket.
      report('hang');
      return;
    case 'reset':
      report('reset');
      lifecycle.resetConnection(req);
      return;
    case 'status': {
      const error = serverErrorFor(fault.status);
      sendError(res, error, language, retryAfterHeader(fault.retryAfter));
      report(error.status, error.code);
      return;
    }
    case 'rate-limit': {
      const style = fault.style ?? 'mmc';
      const error = style === 'apig' ? SIM_ERRORS.rateLimitedApig : style === 'usg' ? SIM_ERRORS.rateLimitedUsg : SIM_ERRORS.rateLimited;
      // The gateway says the budget is spent in the same header that reports it on every answer.
      sendError(res, error, language, { 'Retry-After': String(fault.retryAfter), [RATE_LIMIT_HEADER]: RATE_LIMIT_EXHAUSTED });
      report(error.status, error.code);
      return;
    }
    case 'error':
      sendJson(res, fault.status, { error_code: fault.code, error_msg: fault.message }, retryAfterHeader(fault.retryAfter));
      report(fault.status, fault.code);
      return;
  }
}
