/**
 * Room mode's live call (docs/api.md, "After the invite"): once main follows the room it invited,
 * the status in large type ("Room A joined the meeting"), "End call" with a confirmation (a room
 * PC is shared: one stray tap must not hang up a meeting), and, after the room left or did not
 * join, the sentence for a while before the view is back to Ready by itself.
 */
import { subscribe } from '../../../shared/bridge';
import { isFinal, type CallStatus } from '../../../shared/call-status';
import { callHeadline, endCallText } from '../../../shared/i18n/call-status-text';
import type { ViewContext } from '../context';
import { h, replaceChildren } from '../dom';

/** How long the last sentence stays after the call ended. */
export const ENDED_SHOWN_MS = 8000;

export function createRoomCall(context: ViewContext): HTMLElement {
  const { api, language, signal } = context;
  const status = h('div', { class: 'room-call-status', attrs: { role: 'status' } });
  const actions = h('div', { class: 'room-call-actions' });
  const root = h('section', { class: 'room-call' }, [status, actions]);
  root.hidden = true;
  let clearTimer: ReturnType<typeof setTimeout> | undefined;

  function endCallButtons(call: CallStatus): void {
    const t = endCallText(call.roomName, language);
    const ask = (): void => {
      const confirm = h('button', { class: 'button button-danger button-large', attrs: { type: 'button' }, text: t.confirm });
      const keep = h('button', {
        class: 'button button-large',
        attrs: { type: 'button' },
        text: t.keep,
        on: { click: () => endCallButtons(call) },
      });
      confirm.addEventListener('click', () => {
        confirm.setAttribute('disabled', '');
        void api.hangUp({ meetingId: call.meetingId, callNum: call.callNum });
      });
      replaceChildren(actions, [h('p', { class: 'room-call-question', text: t.question }), confirm, keep]);
      keep.focus();
    };
    replaceChildren(
      actions,
      call.canHangUp ? [h('button', { class: 'button button-large', attrs: { type: 'button' }, text: t.button, on: { click: ask } })] : [],
    );
  }

  subscribe(
    api.onCallStatus,
    (call) => {
      clearTimeout(clearTimer);
      root.hidden = false;
      replaceChildren(status, [h('p', { class: 'room-call-title', text: callHeadline(call, language) })]);
      if (isFinal(call)) {
        replaceChildren(actions, []);
        // Back to Ready by itself: nobody at a room PC should have to clear the screen.
        clearTimer = setTimeout(() => {
          root.hidden = true;
          replaceChildren(status, []);
        }, ENDED_SHOWN_MS);
      } else if (!actions.querySelector('.room-call-question')) {
        endCallButtons(call);
      }
    },
    { signal },
  );
  signal.addEventListener('abort', () => clearTimeout(clearTimer), { once: true });
  return root;
}
