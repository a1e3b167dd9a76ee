/**
 * Recent meetings: each with its label (editable), when it was last used and whether its
 * password is remembered; forget one, or all after a confirmation in place.
 */
import type { RecentMeetingView } from '../../../shared/ipc';
import { formatMeetingId } from '../../../shared/payload/index';
import { h, keepFocus, replaceChildren } from '../dom';
import { formatDateTime } from '../i18n';
import { watch } from '../store';
import { section, type SectionContext } from './settings-section';

const MAX_LABEL_LENGTH = 100;

export function createRecentSection(context: SectionContext): HTMLElement {
  const { text, store, signal, api, language } = context;
  const list = h('ul', { class: 'list' });
  const empty = h('p', { class: 'muted', text: text.settings.recentEmpty });
  const forgetAll = h('button', { class: 'button button-quiet-danger', attrs: { type: 'button' }, text: text.settings.forgetAll });
  const confirmYes = h('button', { class: 'button button-danger', attrs: { type: 'button' }, text: text.settings.forgetAll });
  const confirmNo = h('button', { class: 'button', attrs: { type: 'button' }, text: text.settings.cancel });
  const confirmRow = h('div', { class: 'confirm-row', attrs: { role: 'group', 'aria-label': text.settings.forgetAllConfirm } }, [
    h('p', { text: text.settings.forgetAllConfirm }),
    h('div', { class: 'form-actions' }, [confirmYes, confirmNo]),
  ]);
  confirmRow.hidden = true;

  const apply = (result: Awaited<ReturnType<typeof api.forgetMeeting>>) => {
    if (result.ok) store.set({ settings: result.value });
  };
  forgetAll.addEventListener('click', () => {
    confirmRow.hidden = false;
    forgetAll.hidden = true;
    confirmNo.focus();
  });
  confirmNo.addEventListener('click', () => {
    confirmRow.hidden = true;
    forgetAll.hidden = false;
    forgetAll.focus();
  });
  confirmYes.addEventListener('click', () => {
    confirmRow.hidden = true;
    void api.forgetAllMeetings().then(apply);
  });

  function item(meeting: RecentMeetingView): HTMLElement {
    const id = formatMeetingId(meeting.id);
    const labelInput = h('input', {
      class: 'inline-input',
      attrs: {
        type: 'text',
        value: meeting.label ?? '',
        placeholder: text.settings.labelPlaceholder,
        maxlength: MAX_LABEL_LENGTH,
        'aria-label': text.settings.label(id),
        'data-focus-key': `label:${meeting.id}`,
      },
    });
    labelInput.addEventListener('change', () => void api.labelMeeting(meeting.id, labelInput.value.trim() || null).then(apply));
    const facts = [
      id,
      text.settings.lastUsed(formatDateTime(meeting.lastUsedAt, language)),
      meeting.passwordRemembered ? text.settings.passwordKept : '',
    ];
    return h('li', { class: 'list-item list-item-stacked' }, [
      h('div', { class: 'list-text' }, [labelInput, h('span', { class: 'list-sub', text: facts.filter(Boolean).join(' · ') })]),
      h('div', { class: 'list-actions' }, [
        h('button', {
          class: 'button button-small button-quiet-danger',
          attrs: { type: 'button', 'aria-label': text.settings.forget(id), 'data-focus-key': `forget:${meeting.id}` },
          text: text.settings.forgetShort,
          on: {
            click: () =>
              void api.forgetMeeting(meeting.id).then((result) => {
                apply(result);
                if (document.activeElement === document.body) (list.querySelector('button') ?? forgetAll).focus();
              }),
          },
        }),
      ]),
    ]);
  }

  watch(
    store,
    (s) => s.settings.recentMeetings,
    (meetings) => {
      keepFocus(list, () => replaceChildren(list, meetings.map(item)));
      list.hidden = meetings.length === 0;
      empty.hidden = meetings.length > 0;
      forgetAll.hidden = meetings.length === 0 || !confirmRow.hidden;
      if (meetings.length === 0) confirmRow.hidden = true;
    },
    signal,
  );
  return section(text.settings.recent, [list, empty, h('div', { class: 'form-actions' }, [forgetAll]), confirmRow]);
}
