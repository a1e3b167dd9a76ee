import { Menu, Tray, nativeImage, nativeTheme } from 'electron';
import { inMeetingTooltip } from '../shared/i18n/call-status-text';
import { messages } from '../shared/i18n/messages';
import { trayIconPath } from './tray-icon';
import { trayMenuTemplate, type TrayActions, type TrayState } from './tray-menu';

export interface TrayHandle {
  /** Rebuilds menu, tooltip and icon from the current state. */
  refresh(): void;
  destroy(): void;
}

export function setupTray(iconDir: string, state: () => TrayState, actions: TrayActions): TrayHandle {
  const tray = new Tray(nativeImage.createFromPath(trayIconPath(iconDir, process.platform, nativeTheme.shouldUseDarkColors)));
  const refresh = () => {
    const current = state();
    const selected = current.rooms.find((room) => room.id === current.selectedRoomId);
    const inMeeting = current.inMeeting?.[0];
    tray.setToolTip(inMeeting ? inMeetingTooltip(inMeeting, current.language) : messages[current.language].tray.tooltip(selected?.name));
    // Linux trays only show a menu given with setContextMenu, so always set it this way.
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(current, actions)));
  };
  nativeTheme.on('updated', () => {
    tray.setImage(nativeImage.createFromPath(trayIconPath(iconDir, process.platform, nativeTheme.shouldUseDarkColors)));
  });
  if (process.platform !== 'darwin') tray.on('click', () => actions.openWindow());
  refresh();
  return { refresh, destroy: () => tray.destroy() };
}
