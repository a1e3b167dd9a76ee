/**
 * `POST /v1/mmc/control/conferences/inviteWithPwd` over HTTP: records the request (password
 * masked), lets the fault plan delay or replace the answer, then answers with the decision of
 * `invite.ts`, which holds the rules and knows nothing of HTTP.
 */
import { pickLanguage, SIM_ERRORS } from './errors';
import { applyFault } from './fault-application';
import { header, readBody, sendError, sendJson } from './http';
import { decideInvite, INVITE_PATH, maskBody, parseJson } from './invite';
import type { RecordedInvite } from './invite-record';
import type { ServerLifecycle } from './lifecycle';
import type { Exchange, SimulatorRoute } from './router';
import type { SimulatorState } from './state';

const RECORDED_HEADERS = ['x-request-id', 'accept-language', 'user-agent', 'content-type'] as const;

export function inviteRoute(state: SimulatorState, lifecycle: ServerLifecycle): SimulatorRoute {
  function finish(record: RecordedInvite, outcome: RecordedInvite['outcome'], errorCode?: string): void {
    record.outcome = outcome;
    if (errorCode) record.errorCode = errorCode;
    // A copy: the listener must not be able to change the record tests read later.
    state.onInvite?.(structuredClone(record));
  }

  async function handle({ req, res, url, requestId }: Exchange): Promise<void> {
    const language = pickLanguage(header(req, 'accept-language'));
    const rawBody = await readBody(req);
    const conferenceIDs = url.searchParams.getAll('conferenceID');
    const parsed = rawBody === null ? undefined : parseJson(rawBody);
    const headers: RecordedInvite['headers'] = {};
    for (const name of RECORDED_HEADERS) {
      const value = header(req, name);
      if (value !== undefined) headers[name] = value;
    }
    const record: RecordedInvite = {
      method: req.method ?? '',
      conferenceID: conferenceIDs[0] ?? null,
      body: maskBody(parsed),
      headers,
      receivedAt: new Date().toISOString(),
      requestId,
      outcome: 'pending',
    };
    // Recorded before any delay, so a test can see a request that is still waiting.
    state.records.push(record);

    if (req.method !== 'POST') {
      record.detail = 'method not allowed';
      sendError(res, SIM_ERRORS.methodNotAllowed, language, { Allow: 'POST' });
      finish(record, SIM_ERRORS.methodNotAllowed.status, SIM_ERRORS.methodNotAllowed.code);
      return;
    }

    const faultDecision = state.faults.next();
    await lifecycle.wait(faultDecision.delayMs);
    if (lifecycle.closed) return;
    if (faultDecision.fault) {
      applyFault(faultDecision.fault, req, res, language, lifecycle, (outcome, code) => finish(record, outcome, code));
      return;
    }

    const decision =
      rawBody === null
        ? { error: SIM_ERRORS.badRequest, detail: 'body too large' }
        : decideInvite(
            { conferenceIDs, contentType: header(req, 'content-type'), rawBody },
            { fixture: state.fixture, adminSwitch: state.adminSwitch },
          );
    if (decision.detail) record.detail = decision.detail;
    if (decision.error) {
      sendError(res, decision.error, language);
      finish(record, decision.error.status, decision.error.code);
    } else {
      sendJson(res, 200, {});
      finish(record, 200);
      // Accepted: the terminal starts ringing (what doors A and B then report).
      const body = parsed as { callNum: string; confID: string };
      state.control.calls.call(body.confID, body.callNum);
    }
  }

  return { name: 'inviteWithPwd', matches: (url) => url.pathname === INVITE_PATH, handle };
}
