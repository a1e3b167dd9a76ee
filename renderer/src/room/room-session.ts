/**
 * Room mode for this window: the controller (created once, so what was invited survives a
 * re-render of the view) wired to the settings main sends and to the invite call.
 */
import type { QrRoomInviteApi } from '../../../shared/bridge';
import type { SettingsView } from '../../../shared/ipc';
import { selectedRoom, type Room } from '../../../shared/settings';
import type { AppStore } from '../app-state';
import { createRoomController, type RoomController } from './room-controller';

/** The room this PC invites: the selected one, or the only one. */
export function roomOf(view: SettingsView): Room | undefined {
  return selectedRoom(view.settings);
}

export function createRoomSession(store: AppStore, api: QrRoomInviteApi): RoomController {
  const controller = createRoomController({
    invite: (request) => api.invite(request),
    room: () => roomOf(store.get().settings),
    cooldownSeconds: () => store.get().settings.settings.roomCooldownSeconds,
  });
  // Main never installs an update while a countdown or an invitation is going on.
  const busy = (kind: string) => kind === 'countdown' || kind === 'sending';
  controller.state.subscribe((state, previous) => {
    if (busy(state.activity.kind) !== busy(previous.activity.kind)) void api.reportRoomActivity(busy(state.activity.kind));
  });
  return controller;
}

/**
 * Room mode follows its setting (changed in Settings, or by another window): on, the window
 * shows the room view; off, the main view. Settings stays open while it is being changed there.
 */
export function followRoomModeSetting(store: AppStore, signal: AbortSignal): void {
  const off = store.subscribe((state, previous) => {
    const on = state.settings.settings.roomMode;
    if (on === previous.settings.settings.roomMode) return;
    const view = state.view === 'settings' ? 'settings' : on ? 'room' : 'main';
    store.set({ roomMode: on, view });
  });
  signal.addEventListener('abort', off, { once: true });
}
