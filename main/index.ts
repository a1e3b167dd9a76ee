/**
 * Electron main: thin wiring only. It starts, takes the single-instance lock, shows a tray
 * icon and one hardened window. The tray menu, IPC and invite flow come with the desktop app.
 */
import { join } from 'node:path';
import { BrowserWindow, Menu, Tray, app, nativeImage, nativeTheme, shell } from 'electron';
import { APP_NAME } from './app-info';
import { isAllowedExternalUrl, mainWindowOptions } from './window-options';

let tray: Tray | null = null;
let mainWindow: BrowserWindow | null = null;

function trayIconPath(): string {
  const dir = app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'build', 'tray');
  if (process.platform === 'darwin') return join(dir, 'trayTemplate.png');
  return join(dir, nativeTheme.shouldUseDarkColors ? 'tray-light.png' : 'tray-dark.png');
}

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions({ preloadPath: join(import.meta.dirname, '../preload/index.cjs'), packaged: app.isPackaged }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // Closing hides to the tray; Quit in the tray menu really quits.
  win.on('close', (event) => {
    if (!quitting) {
      event.preventDefault();
      win.hide();
    }
  });
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devUrl) void win.loadURL(devUrl);
  else void win.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  return win;
}

function showMainWindow(): void {
  mainWindow ??= createMainWindow();
  mainWindow.show();
  mainWindow.focus();
}

let quitting = false;

function createTray(): Tray {
  const icon = new Tray(nativeImage.createFromPath(trayIconPath()));
  icon.setToolTip(APP_NAME);
  // Linux trays only show a menu set with setContextMenu.
  icon.setContextMenu(
    Menu.buildFromTemplate([
      { label: `Open ${APP_NAME}…`, click: showMainWindow },
      { type: 'separator' },
      { label: 'Quit', click: () => app.quit() },
    ]),
  );
  icon.on('click', showMainWindow);
  return icon;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('before-quit', () => {
    quitting = true;
    tray?.destroy();
  });
  // A tray utility keeps running with no window open.
  app.on('window-all-closed', () => undefined);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  void app.whenReady().then(() => {
    if (process.platform === 'darwin') app.dock?.hide();
    tray = createTray();
    mainWindow = createMainWindow();
  });
}
