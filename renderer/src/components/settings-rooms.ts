/**
 * The rooms list: pick the selected room, edit, remove, add. The selected room is what the
 * window and the tray invite by default.
 */
import { selectedRoom, type Room } from '../../../shared/settings';
import { h, keepFocus, replaceChildren, uid } from '../dom';
import { watch } from '../store';
import { createRoomForm } from './settings-room-form';
import { isLocked, lockNote, section, type SectionContext } from './settings-section';

export function createRoomsSection(context: SectionContext): HTMLElement {
  const { text, store, signal, save } = context;
  const list = h('ul', { class: 'list' });
  const empty = h('p', { class: 'muted', text: text.settings.noRooms });
  const formSlot = h('div');
  const addButton = h('button', {
    class: 'button',
    attrs: { type: 'button' },
    text: text.settings.addRoom,
    on: { click: () => openForm() },
  });
  const radioName = uid('room');
  const note = lockNote(text.settings.locked);

  function closeForm(focus?: HTMLElement): void {
    replaceChildren(formSlot, []);
    addButton.hidden = false;
    (focus ?? addButton).focus();
  }

  function openForm(room?: Room): void {
    addButton.hidden = true;
    const form = createRoomForm({
      text,
      ...(room ? { room } : {}),
      onCancel: () => closeForm(),
      onSave: (saved) => {
        const { rooms, selectedRoomId } = store.get().settings.settings;
        const next = room ? rooms.map((r) => (r.id === saved.id ? saved : r)) : [...rooms, saved];
        // The first room becomes the selected one: there is nothing else to invite.
        const select = !selectedRoomId || !rooms.some((r) => r.id === selectedRoomId) ? { selectedRoomId: saved.id } : {};
        void save({ rooms: next, ...select }).then((ok) => {
          if (ok) closeForm();
        });
      },
    });
    replaceChildren(formSlot, [form]);
    form.querySelector('input')?.focus();
  }

  function remove(room: Room): void {
    const { rooms, selectedRoomId } = store.get().settings.settings;
    void save({ rooms: rooms.filter((r) => r.id !== room.id), ...(selectedRoomId === room.id ? { selectedRoomId: null } : {}) }).then(
      () => {
        // The focused "Remove" button is gone with its room: keep the keyboard user in the section.
        if (document.activeElement === document.body) addButton.focus();
      },
    );
  }

  function item(room: Room, selected: boolean, lock: { rooms: boolean; selection: boolean }): HTMLElement {
    const radio = h('input', {
      attrs: { type: 'radio', name: radioName, checked: selected, disabled: lock.selection, 'data-focus-key': `select:${room.id}` },
    });
    radio.addEventListener('change', () => void save({ selectedRoomId: room.id }));
    const sub = [room.callNum, room.orgId].filter(Boolean).join(' · ');
    return h('li', { class: 'list-item' }, [
      h('label', { class: 'list-main' }, [
        radio,
        h('span', { class: 'list-text' }, [
          h('span', { class: 'list-title' }, [room.name, selected ? h('span', { class: 'badge', text: text.settings.selected }) : null]),
          h('span', { class: 'list-sub mono', text: sub }),
        ]),
      ]),
      h('div', { class: 'list-actions', attrs: { hidden: lock.rooms } }, [
        h('button', {
          class: 'button button-small',
          attrs: { type: 'button', 'aria-label': text.settings.edit(room.name), 'data-focus-key': `edit:${room.id}` },
          text: text.settings.editShort,
          on: { click: () => openForm(room) },
        }),
        h('button', {
          class: 'button button-small button-quiet-danger',
          attrs: { type: 'button', 'aria-label': text.settings.remove(room.name), 'data-focus-key': `remove:${room.id}` },
          text: text.settings.removeShort,
          on: { click: () => remove(room) },
        }),
      ]),
    ]);
  }

  watch(
    store,
    (s) => [s.settings.settings.rooms, s.settings.settings.selectedRoomId, s.settings.locked] as const,
    ([rooms, selectedRoomId]) => {
      const view = store.get().settings;
      const lock = { rooms: isLocked(view, 'rooms'), selection: isLocked(view, 'selectedRoomId') };
      const selectedId = selectedRoom({ rooms, selectedRoomId })?.id;
      keepFocus(list, () =>
        replaceChildren(
          list,
          rooms.map((room) => item(room, room.id === selectedId, lock)),
        ),
      );
      note.hidden = !lock.rooms && !lock.selection;
      addButton.hidden = lock.rooms || formSlot.hasChildNodes();
      list.hidden = rooms.length === 0;
      empty.hidden = rooms.length > 0;
    },
    signal,
  );

  return section(
    text.settings.rooms,
    [note, list, empty, formSlot, h('div', { class: 'form-actions' }, [addButton])],
    text.settings.roomsHelp,
  );
}
