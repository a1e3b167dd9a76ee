import { join } from 'node:path';
import { Menu, Tray, nativeImage, nativeTheme } from 'electron';
import { messages } from '../../shared/i18n/messages';
import { trayMenuTemplate, type TrayActions, type TrayState } from './tray-menu';

/** The icon file for this platform and theme (template image on macOS, @2x picked by Electron). */
export function trayIconPath(iconDir: string, platform: string, darkTheme: boolean): string {
  if (platform === 'darwin') return join(iconDir, 'trayTemplate.png');
  return join(iconDir, darkTheme ? 'tray-light.png' : 'tray-dark.png');
}

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
    tray.setToolTip(messages[current.language].tray.tooltip(selected?.name));
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
