/**
 * What the room is doing, in large type readable from across the room: ready; a meeting found
 * (ID grouped, password masked) with the countdown and Cancel; inviting; the outcome — success,
 * or the catalogue's message and what to do, with the code for the help desk; and the short
 * notices for codes that are not meetings with a password.
 *
 * Progress goes to one persistent `role="status"` region; failures and notices are alerts.
 * The countdown's number changes in place (hidden from screen readers, which hear one
 * sentence instead of a tick a second).
 */
import { lookupError } from '../../../shared/errors';
import { localize } from '../../../shared/i18n-text';
import { formatMeetingId } from '../../../shared/payload/index';
import { ICONS } from '../components/icons';
import type { ViewContext } from '../context';
import { h, icon, replaceChildren } from '../dom';
import { watch } from '../store';
import { roomOf } from './room-session';
import { COUNTDOWN_SECONDS, type RoomActivity, type RoomController, type RoomNotice } from './room-controller';

const MASK = '\u2022'.repeat(8);

function meetingFacts(meetingId: string, context: ViewContext, withPassword: boolean): HTMLElement {
  const { text } = context;
  return h('dl', { class: 'room-meeting' }, [
    h('dt', { text: text.room.meeting }),
    h('dd', { class: 'room-meeting-id', text: formatMeetingId(meetingId) }),
    withPassword ? h('dt', { text: text.room.password }) : null,
    withPassword ? h('dd', { class: 'room-secret', text: MASK }) : null,
  ]);
}

function noticeContent(notice: RoomNotice, context: ViewContext): { title: string; body: string } {
  const { text, language } = context;
  switch (notice.kind) {
    case 'no-password':
      return { title: text.room.noPasswordTitle, body: text.room.noPassword };
    case 'terminal':
      return { title: text.room.terminalTitle, body: text.room.terminal };
    case 'not-meeting':
      return { title: text.room.notMeetingTitle, body: localize(notice.reason, language) };
    case 'no-room':
      return { title: text.room.noRoomTitle, body: text.room.noRoom };
  }
}

function alertBox(kind: 'danger' | 'warning', title: string, children: readonly (Node | null)[]): HTMLElement {
  return h('div', { class: `room-alert room-alert-${kind}`, attrs: { role: 'alert' } }, [
    icon(ICONS.alert, 'icon room-big-icon'),
    h('div', { class: 'room-alert-body' }, [h('p', { class: 'room-alert-title', text: title }), ...children]),
  ]);
}

export function createRoomActivity(context: ViewContext, controller: RoomController): HTMLElement {
  const { text, signal, store } = context;
  const status = h('div', { class: 'room-status-region', attrs: { role: 'status' } });
  const alerts = h('div', { class: 'room-alerts' });
  const root = h('div', { class: 'room-activity' }, [status, alerts]);
  let number: HTMLElement | undefined;
  let shown: RoomActivity | undefined;

  const roomName = () => roomOf(store.get().settings)?.name ?? '';

  function render(activity: RoomActivity): void {
    const previous = shown;
    shown = activity;
    root.dataset.activity = activity.kind;
    // The same countdown, one second less: only the number changes.
    if (activity.kind === 'countdown' && previous?.kind === 'countdown' && previous.meeting.id === activity.meeting.id && number) {
      number.textContent = String(activity.remaining);
      return;
    }
    number = undefined;
    let statusContent: Node[] = [];
    let alertContent: Node[] = [];
    switch (activity.kind) {
      case 'idle': {
        const name = roomName();
        statusContent = [
          h('div', { class: 'room-ready' }, [
            icon(ICONS.qr, 'icon room-big-icon room-ready-icon'),
            h('p', { class: 'room-line', text: name ? text.room.ready : text.room.noRoomTitle }),
            h('p', { class: 'room-help', text: name ? text.room.readyHelp(name) : text.room.noRoom }),
          ]),
        ];
        break;
      }
      case 'countdown': {
        number = h('span', { class: 'room-countdown-number', attrs: { 'aria-hidden': 'true' }, text: String(activity.remaining) });
        const cancel = h('button', {
          class: 'button button-large room-cancel',
          attrs: { type: 'button' },
          text: text.room.cancel,
          on: { click: () => controller.cancel() },
        });
        statusContent = [
          meetingFacts(activity.meeting.id, context, true),
          h('p', {
            class: 'visually-hidden',
            text: text.room.countdownSr(activity.room.name, formatMeetingId(activity.meeting.id), COUNTDOWN_SECONDS),
          }),
          h('div', { class: 'room-countdown', attrs: { 'aria-hidden': 'true' } }, [
            h('span', { class: 'room-line', text: text.room.countdown(activity.room.name) }),
            number,
          ]),
          h('div', { class: 'room-cancel-row' }, [cancel, h('span', { class: 'room-help', text: text.room.cancelHint })]),
        ];
        break;
      }
      case 'sending':
        statusContent = [
          meetingFacts(activity.meeting.id, context, true),
          h('p', { class: 'room-line room-sending' }, [
            h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }),
            text.room.sending(activity.room.name),
          ]),
        ];
        break;
      case 'success':
        statusContent = [
          h('div', { class: 'room-success' }, [
            icon(ICONS.check, 'icon room-big-icon room-success-icon'),
            h('p', { class: 'room-line room-success-title', text: text.room.success(activity.roomName) }),
            h('p', { class: 'room-help', text: text.room.successHelp }),
          ]),
          meetingFacts(activity.meeting.id, context, false),
        ];
        break;
      case 'cancelled':
        statusContent = [
          h('p', { class: 'room-line', text: text.room.cancelled }),
          h('p', { class: 'room-help', text: text.room.cancelledHelp }),
        ];
        break;
      case 'failure': {
        const entry = lookupError(activity.error.code);
        const unknown = activity.error.outcome === 'unknown';
        alertContent = [
          alertBox(unknown ? 'warning' : 'danger', localize(entry.title, context.language), [
            h('p', { class: 'room-alert-action', text: localize(entry.action, context.language) }),
            h('p', { class: 'room-alert-code mono', text: text.room.failureCode(activity.error.code) }),
          ]),
          meetingFacts(activity.meeting.id, context, false),
        ];
        break;
      }
      case 'notice': {
        const { title, body } = noticeContent(activity.notice, context);
        alertContent = [alertBox('warning', title, [h('p', { class: 'room-alert-action', text: body })])];
        break;
      }
    }
    replaceChildren(status, statusContent);
    replaceChildren(alerts, alertContent);
  }

  watch(controller.state, (s) => s.activity, render, signal);
  // "Ready" names the room: follow the settings.
  watch(
    store,
    (s) => roomOf(s.settings),
    () => {
      if (shown?.kind === 'idle') render(shown);
    },
    signal,
  );
  return root;
}
