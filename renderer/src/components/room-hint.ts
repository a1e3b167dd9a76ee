/**
 * Under the empty paste target: which room an invite will call — or, with no room yet, the
 * way to add one — so the first thing people see already tells them what will happen.
 */
import { selectedRoom } from '../../../shared/settings';
import type { ViewContext } from '../context';
import { h, icon, replaceChildren } from '../dom';
import { watch } from '../store';
import { ICONS } from './icons';

export function createRoomHint(context: ViewContext): HTMLElement {
  const { store, signal, text } = context;
  const root = h('div', { class: 'room-hint' });
  watch(
    store,
    (s) => [s.intake.kind === 'idle', s.settings.settings.rooms, s.settings.settings.selectedRoomId] as const,
    ([idle, rooms, selectedRoomId]) => {
      const room = selectedRoom({ rooms, selectedRoomId });
      if (!idle) replaceChildren(root, []);
      else if (room)
        replaceChildren(root, [h('p', { class: 'muted room-hint-line' }, [icon(ICONS.room), text.intake.selectedRoom(room.name)])]);
      else
        replaceChildren(root, [
          h('div', { class: 'callout callout-info' }, [
            h('p', { text: text.invite.noRooms }),
            h('button', {
              class: 'button',
              attrs: { type: 'button' },
              text: text.invite.addRoom,
              on: { click: () => store.set({ view: 'settings' }) },
            }),
          ]),
        ]);
    },
    signal,
  );
  return root;
}
