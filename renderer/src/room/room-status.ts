/**
 * The small status line for whoever looks after the room: the site invites go to, the last
 * invitation (time, meeting, sent or failed), the live call (joined, did not join and why, not
 * confirmed, hung up — kept after the large type went back to Ready) and the last error's code —
 * plus the camera chooser and the way to Settings, out of the way of people who only hold up a code.
 */
import { subscribe } from '../../../shared/bridge';
import { callStatusLine } from '../../../shared/i18n/call-status-text';
import { formatMeetingId } from '../../../shared/payload/index';
import type { Language } from '../../../shared/schemas';
import { ICONS } from '../components/icons';
import type { ViewContext } from '../context';
import { h, icon, replaceChildren } from '../dom';
import { watch } from '../store';
import type { RoomController } from './room-controller';

function time(at: number, language: Language): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(at));
}

export function createRoomStatus(context: ViewContext, controller: RoomController, chooser: HTMLElement): HTMLElement {
  const { api, text, store, signal, language } = context;
  const site = h('dd');
  const call = h('dd', { text: text.room.none });
  const lastInvite = h('dd');
  const lastError = h('dd');
  const settings = h(
    'button',
    { class: 'button button-ghost button-small', attrs: { type: 'button' }, on: { click: () => store.set({ view: 'settings' }) } },
    [icon(ICONS.settings), text.room.settings],
  );
  const item = (term: string, value: HTMLElement) => h('div', { class: 'room-status-item' }, [h('dt', { text: term }), value]);

  watch(
    store,
    (s) => [s.settings.settings.site, s.settings.settings.customBaseUrl] as const,
    ([value, customBaseUrl]) => {
      site.textContent = value === 'custom' ? text.sites.custom(customBaseUrl ?? '') : text.sites[value];
    },
    signal,
  );
  watch(
    controller.state,
    (s) => [s.lastInvite, s.lastError] as const,
    ([invite, error]) => {
      lastInvite.textContent = invite
        ? `${time(invite.at, language)} · ${formatMeetingId(invite.meetingId)} · ${invite.ok ? text.room.inviteOk : text.room.inviteFailed}`
        : text.room.none;
      replaceChildren(
        lastError,
        error ? [`${time(error.at, language)} · `, h('span', { class: 'mono', text: error.code })] : [text.room.none],
      );
    },
    signal,
  );

  subscribe(
    api.onCallStatus,
    (status) => {
      const code = status.resultCode ? [' · ', h('span', { class: 'mono', text: status.resultCode })] : [];
      replaceChildren(call, [`${time(Date.now(), language)} · ${callStatusLine(status, language)}`, ...code]);
    },
    { signal },
  );

  return h('footer', { class: 'room-footer', attrs: { 'aria-label': text.room.statusLine } }, [
    h('dl', { class: 'room-status' }, [
      item(text.room.site, site),
      item(text.room.lastInvite, lastInvite),
      item(text.room.call, call),
      item(text.room.lastError, lastError),
    ]),
    h('div', { class: 'room-footer-actions' }, [chooser, settings]),
  ]);
}
