/**
 * The one main window: hardened options (window-options.ts), no navigation, no new windows,
 * external https links through the system browser only, and closing hides it to the tray.
 */
import { BrowserWindow, shell } from 'electron';
import { isAllowedExternalUrl, mainWindowOptions } from './window-options';

export function createMainWindow(options: {
  preloadPath: string;
  packaged: boolean;
  roomMode: boolean;
  url: string;
  isQuitting: () => boolean;
}): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(options));
  if (options.roomMode) win.maximize();
  const { webContents } = win;
  webContents.on('will-navigate', (event) => event.preventDefault());
  webContents.on('will-redirect', (event) => event.preventDefault());
  webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.on('close', (event) => {
    if (!options.isQuitting()) {
      event.preventDefault();
      win.hide();
    }
  });
  void win.loadURL(options.url);
  return win;
}
