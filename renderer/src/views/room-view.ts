/**
 * Room mode's full-window view, for a PC that lives in a meeting room: the room's name and
 * "Hold your meeting QR code up to the camera", the live camera with the code outlined, what
 * the room is doing (countdown, outcome) in large type, the room's own QR code, and a small
 * status line. Nothing needs a mouse: Esc cancels a countdown, everything else clears itself.
 */
import type { ViewContext } from '../context';
import { h, replaceChildren } from '../dom';
import { createRoomActivity } from '../room/room-activity';
import { createRoomCall } from '../room/room-call';
import { createRoomCamera } from '../room/room-camera';
import { qrSvg, roomLink } from '../room/room-qr';
import { roomOf } from '../room/room-session';
import { createRoomStatus } from '../room/room-status';
import { watch } from '../store';

function createOwnCode(context: ViewContext): HTMLElement {
  const { text, store, signal } = context;
  const root = h('section', { class: 'room-own' });
  watch(
    store,
    (s) => roomOf(s.settings),
    (room) => {
      root.hidden = room === undefined;
      if (!room) {
        replaceChildren(root, []);
        return;
      }
      const title = h('h2', { class: 'room-own-title', text: text.room.ownCode(room.name) });
      title.id = 'room-own-title';
      root.setAttribute('aria-labelledby', title.id);
      replaceChildren(root, [
        h('div', { class: 'room-qr' }, [qrSvg(roomLink(room), text.room.ownCodeLabel(room.name))]),
        h('div', { class: 'room-own-text' }, [title, h('p', { class: 'room-help', text: text.room.ownCodeHelp })]),
      ]);
    },
    signal,
  );
  return root;
}

function createHeader(context: ViewContext): HTMLElement {
  const { text, store, signal } = context;
  const name = h('h1', { class: 'room-name' });
  const note = h('p', { class: 'room-no-room' });
  watch(
    store,
    (s) => roomOf(s.settings)?.name,
    (room) => {
      name.textContent = room ?? text.room.noRoomTitle;
      note.textContent = room ? '' : text.room.noRoom;
      note.hidden = room !== undefined;
    },
    signal,
  );
  return h('header', { class: 'room-header' }, [
    name,
    note,
    h('p', { class: 'room-instruction', text: text.room.instruction }),
    h('p', { class: 'room-instruction-help', text: text.room.instructionHelp }),
  ]);
}

export function createRoomView(context: ViewContext): HTMLElement {
  const { signal, room, decoder } = context;
  const camera = createRoomCamera(context, decoder, (texts) => room.frame(texts));
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && room.cancel()) event.preventDefault();
    },
    { signal },
  );
  // Leaving the view (Settings), rebuilding it, or the window hidden: a countdown in
  // progress never fires unseen.
  signal.addEventListener('abort', () => room.suspend(), { once: true });
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.visibilityState === 'hidden') room.suspend();
    },
    { signal },
  );
  return h('div', { class: 'room-view' }, [
    createHeader(context),
    h('main', { class: 'room-body' }, [
      camera.element,
      h('div', { class: 'room-side' }, [createRoomActivity(context, room), createRoomCall(context), createOwnCode(context)]),
    ]),
    createRoomStatus(context, room, camera.chooser),
  ]);
}
