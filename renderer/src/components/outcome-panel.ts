/**
 * The outcome of the last invite. Progress and success are announced politely in the one
 * `role="status"` region; a failure is an alert with the catalogue's message, what to do, a
 * "Details" disclosure for support, and "Retry" only where retrying cannot ring the room twice.
 * "Outcome unknown" is said plainly: the invitation left, no answer came back.
 */
import type { CallStatus } from '../../../shared/call-status';
import { lookupError } from '../../../shared/errors';
import { callAdvice, callHeadline, hangUpLabel } from '../../../shared/i18n/call-status-text';
import { localize } from '../../../shared/i18n-text';
import type { InviteError } from '../../../shared/invite-result';
import type { Outcome } from '../app-state';
import type { ViewContext } from '../context';
import { h, icon, replaceChildren } from '../dom';
import { watch } from '../store';
import { ICONS } from './icons';

function details(error: InviteError, context: ViewContext): HTMLElement {
  const { text } = context;
  const rows: [string, string | undefined][] = [
    [text.outcome.status, error.status === undefined ? undefined : String(error.status)],
    [text.outcome.code, error.code],
    [text.outcome.requestId, error.requestId],
    [text.outcome.serverMessage, error.serverMessage],
    [text.outcome.detail, error.detail],
    [text.outcome.outcome, error.outcome === 'unknown' ? text.outcome.outcomeUnknown : text.outcome.outcomeFailed],
  ];
  return h('details', { class: 'details' }, [
    // The code stays visible in the summary: it is what people read out to the help desk.
    h('summary', {}, [text.outcome.details, h('span', { class: 'details-code', text: ` · ${error.code}` })]),
    h(
      'dl',
      { class: 'facts facts-compact' },
      rows
        .filter((row): row is [string, string] => row[1] !== undefined)
        .flatMap(([term, value]) => [h('dt', { text: term }), h('dd', { class: 'mono', text: value })]),
    ),
  ]);
}

function failure(outcome: Extract<Outcome, { kind: 'failure' }>, context: ViewContext): HTMLElement {
  const { text, language } = context;
  const { error } = outcome;
  const entry = lookupError(error.code);
  const unknown = error.outcome === 'unknown';
  const retry =
    entry.retrySafe && outcome.request
      ? h('button', {
          class: 'button',
          attrs: { type: 'button' },
          text: text.outcome.retry,
          on: { click: () => void context.invites.retry() },
        })
      : null;
  return h('div', { class: `callout ${unknown ? 'callout-warning' : 'callout-danger'}`, attrs: { role: 'alert' } }, [
    icon(ICONS.alert, 'icon callout-icon'),
    h('div', { class: 'callout-body' }, [
      unknown ? h('p', { class: 'callout-title', text: text.outcome.unknownTitle }) : null,
      h('p', { class: unknown ? '' : 'callout-title', text: localize(entry.title, language) }),
      h('p', { text: localize(entry.action, language) }),
      details(error, context),
      retry ? h('div', { class: 'callout-actions' }, [retry]) : null,
    ]),
  ]);
}

/** "Hang up" while the room is being called or in the meeting and a door is open. */
function hangUpButton(call: CallStatus, context: ViewContext): HTMLElement | null {
  if (!call.canHangUp || !['calling', 'joining', 'joined'].includes(call.state)) return null;
  const button = h('button', { class: 'button', attrs: { type: 'button' }, text: hangUpLabel(context.language) });
  button.addEventListener('click', () => {
    button.setAttribute('disabled', '');
    void context.api.hangUp({ meetingId: call.meetingId, callNum: call.callNum }).then(() => button.removeAttribute('disabled'));
  });
  return button;
}

/** The call's own sentence once main follows it; a room that did not join is an alert instead. */
function callContent(call: CallStatus, context: ViewContext): Node[] {
  const button = hangUpButton(call, context);
  const live = call.state === 'calling' || call.state === 'joining';
  return [
    live
      ? h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } })
      : icon(call.state === 'joined' ? ICONS.check : ICONS.alert, 'icon status-icon'),
    h('div', {}, [
      h('p', { class: 'status-title', text: callHeadline(call, context.language) }),
      button ? h('div', { class: 'callout-actions' }, [button]) : null,
    ]),
  ];
}

function callFailure(call: CallStatus, context: ViewContext): HTMLElement {
  const advice = callAdvice(call, context.language);
  return h('div', { class: 'callout callout-danger', attrs: { role: 'alert' } }, [
    icon(ICONS.alert, 'icon callout-icon'),
    h('div', { class: 'callout-body' }, [
      h('p', { class: 'callout-title', text: callHeadline(call, context.language) }),
      advice ? h('p', { text: advice }) : null,
      call.resultCode ? h('p', { class: 'muted mono', text: call.resultCode }) : null,
    ]),
  ]);
}

/** What the status region says: progress, success, or nothing. */
function statusContent(outcome: Outcome, context: ViewContext): Node[] {
  const { text } = context;
  if (outcome.kind === 'sending')
    return [h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), h('span', { text: text.outcome.sending(outcome.target) })];
  if (outcome.kind !== 'success') return [];
  const { call } = outcome;
  if (call && call.state !== 'not-joined' && call.state !== 'unconfirmed') return callContent(call, context);
  // No status source: the call was placed, and that is said once, plainly, under it — not as an error.
  const body = call?.state === 'unconfirmed' ? callHeadline(call, context.language) : text.outcome.callingBody;
  return [
    icon(ICONS.check, 'icon status-icon'),
    h('div', {}, [h('p', { class: 'status-title', text: text.outcome.calling(outcome.target) }), h('p', { class: 'muted', text: body })]),
  ];
}

export function createOutcomePanel(context: ViewContext): HTMLElement {
  const { store, signal } = context;
  const status = h('div', { class: 'status', attrs: { role: 'status' } });
  const alerts = h('div', { class: 'alerts' });
  watch(
    store,
    (s) => s.outcome,
    (outcome) => {
      status.className = `status status-${outcome.kind}`;
      replaceChildren(status, statusContent(outcome, context));
      const notJoined = outcome.kind === 'success' && outcome.call?.state === 'not-joined' ? outcome.call : undefined;
      replaceChildren(
        alerts,
        outcome.kind === 'failure' ? [failure(outcome, context)] : notJoined ? [callFailure(notJoined, context)] : [],
      );
      // The outcome is at the bottom of a small window: bring it into view when it arrives.
      if (outcome.kind === 'success') status.scrollIntoView({ block: 'nearest' });
      if (outcome.kind === 'failure') alerts.scrollIntoView({ block: 'nearest' });
    },
    signal,
  );
  return h('div', { class: 'outcome' }, [status, alerts]);
}
