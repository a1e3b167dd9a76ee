/**
 * The tray menu as a pure function of the app's state, so a test can check its items and
 * actions; main/tray.ts rebuilds it whenever the state changes.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { CallStatus } from '../shared/call-status';
import { hangUpRoomLabel } from '../shared/i18n/call-status-text';
import { formatMeetingId } from '../shared/payload/normalize';
import { messages } from '../shared/i18n/messages';
import type { Language } from '../shared/schemas';
import type { Room, RecentMeeting } from '../shared/settings';

export interface TrayState {
  language: Language;
  rooms: readonly Room[];
  selectedRoomId: string | undefined;
  recentMeetings: readonly Pick<RecentMeeting, 'id' | 'label'>[];
  /** The registered global shortcut, shown next to "Scan screen". */
  shortcut: string | undefined;
  /** A downloaded update waiting for a restart (notify mode): its version. */
  updateReady?: string | undefined;
  /** Rooms invited from this computer that are in a meeting now (docs/api.md, "After the invite"). */
  inMeeting?: readonly CallStatus[];
}

export interface TrayActions {
  scanScreen: () => void;
  inviteFromClipboard: () => void;
  reinvite: (meetingId: string) => void;
  selectRoom: (roomId: string) => void;
  openWindow: () => void;
  openSettings: () => void;
  about: () => void;
  restartToUpdate: () => void;
  /** Hangs up a room of `inMeeting` (needed only while one is in a meeting). */
  hangUp?: (call: CallStatus) => void;
  quit: () => void;
}

export function trayMenuTemplate(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const text = messages[state.language].tray;
  const recent: MenuItemConstructorOptions[] = state.recentMeetings.length
    ? state.recentMeetings.map((m) => ({
        label: m.label ? `${m.label} (${formatMeetingId(m.id)})` : formatMeetingId(m.id),
        click: () => actions.reinvite(m.id),
      }))
    : [{ label: text.noRecent, enabled: false }];
  const rooms: MenuItemConstructorOptions[] = state.rooms.length
    ? state.rooms.map((room) => ({
        label: room.name,
        type: 'radio',
        checked: room.id === state.selectedRoomId,
        click: () => actions.selectRoom(room.id),
      }))
    : [{ label: text.noRooms, enabled: false }];
  const hangUps: MenuItemConstructorOptions[] = (state.inMeeting ?? [])
    .filter((call) => call.canHangUp)
    .map((call) => ({ label: hangUpRoomLabel(call.roomName, state.language), click: () => actions.hangUp?.(call) }));
  return [
    ...(hangUps.length ? [...hangUps, { type: 'separator' as const }] : []),
    {
      label: text.scanScreen,
      click: actions.scanScreen,
      ...(state.shortcut ? { accelerator: state.shortcut, registerAccelerator: false } : {}),
    },
    { label: text.clipboard, click: actions.inviteFromClipboard },
    { type: 'separator' },
    { label: text.recent, submenu: recent },
    { label: text.room, submenu: rooms },
    { type: 'separator' },
    { label: text.open, click: actions.openWindow },
    { label: text.settings, click: actions.openSettings },
    { label: text.about, click: actions.about },
    { type: 'separator' },
    ...(state.updateReady ? [{ label: text.restartToUpdate(state.updateReady), click: actions.restartToUpdate }] : []),
    { label: text.quit, click: actions.quit },
  ];
}
