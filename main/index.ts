/**
 * Electron main: wiring only. One start function calls one setup per concern; the logic lives
 * in plain modules (app-api, services, store, api client) that tests run under Node.
 */
import { join } from 'node:path';
import {
  BrowserWindow,
  Notification,
  app,
  clipboard,
  desktopCapturer,
  globalShortcut,
  ipcMain,
  protocol,
  safeStorage,
  screen,
  session,
} from 'electron';
import electronLog from 'electron-log/main';
import { EventChannel, InvokeChannel, type AppCommand } from '../shared/ipc';
import type { Language } from '../shared/schemas';
import { createAppApi } from '../core/app-api';
import { APP_NAME, APP_VERSION, userAgent } from '../core/app-info';
import { APP_ORIGIN, APP_SCHEME_PRIVILEGES, setupAppProtocol } from './app-protocol';
import { findAppLink } from './deep-link';
import { createSenderCheck, setupIpc } from './ipc-gate';
import { createMainWindow } from './main-window';
import { setupPermissions } from './permissions';
import { createSafeStorageBox } from './safe-storage-box';
import { readClipboard } from './clipboard';
import { captureScreens } from './screens';
import { registerScanShortcut, type ShortcutState } from './shortcut';
import { setupTray, type TrayHandle } from './tray';
import { electronLogSink } from './electron-log-sink';
import { createLogger } from '../core/log';
import { loadManagedConfig, managedConfigPath } from '../core/managed-config';
import { createCoreServices } from '../core/services';
import { createElectronBackend } from './electron-store-backend';
import type { SettingsReset } from '../core/store/recovery';
import { ClientCode, lookupError } from '../shared/errors';
import { APP_LINK_SCHEME } from '../shared/payload/app-link';

electronLog.initialize();
const logger = createLogger(electronLogSink(electronLog));
let quitting = false;
let mainWindow: BrowserWindow | undefined;
let tray: TrayHandle | undefined;
let shortcut: ShortcutState | undefined;
let pendingLink = findAppLink(process.argv);

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// A separate profile (the demo, several rooms on one test machine); before anything reads it.
if (process.env.QRRI_USER_DATA_DIR) app.setPath('userData', process.env.QRRI_USER_DATA_DIR);

function systemLanguage(): Language {
  return app.getPreferredSystemLanguages().some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

/**
 * What the app is started with at login (Windows; macOS and Linux start it plainly and room
 * mode then comes from the settings): room mode, and the managed configuration if one was given.
 */
function loginArgs(room: boolean): string[] {
  const config = managedConfigPath(process.argv, {});
  return [...(room ? ['--room'] : []), ...(config ? ['--config', config] : [])];
}

/** Room mode (a room PC's full-window camera view) comes from `--room` or the settings. */
let roomMode = process.argv.includes('--room');

function showWindow(): BrowserWindow {
  // Always the built UI over app:// (also for `npm start`): one origin for CSP, IPC and permissions.
  const base = `${APP_ORIGIN}/index.html`;
  mainWindow ??= createMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    packaged: app.isPackaged,
    roomMode,
    url: roomMode ? `${base}?mode=room` : base,
    isQuitting: () => quitting,
  });
  mainWindow.show();
  mainWindow.focus();
  return mainWindow;
}

function send(channel: string, payload: unknown): void {
  mainWindow?.webContents.send(channel, payload);
}

/** Tray and shortcut commands run in the window's script (it owns the decoder). */
function command(cmd: AppCommand): void {
  const win = mainWindow ?? showWindow();
  if (cmd.command === 'open-settings') win.show();
  send(EventChannel.command, cmd);
}

function openLink(link: string): void {
  showWindow();
  send(EventChannel.openPayload, { text: link });
}

async function start(): Promise<void> {
  await app.whenReady();
  if (process.platform === 'win32') app.setAppUserModelId('com.qrroominvite.app');
  if (process.platform === 'darwin') app.dock?.hide();
  app.setAsDefaultProtocolClient(APP_LINK_SCHEME);

  setupAppProtocol(protocol, join(import.meta.dirname, '../renderer'));
  setupPermissions(session.defaultSession, APP_ORIGIN);

  const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  const secretBox = (await safeStorage.isAsyncEncryptionAvailable()) ? createSafeStorageBox(safeStorage, backend) : undefined;
  // A damaged settings file is set aside and replaced by defaults; the person is told.
  const onSettingsReset = (reset: SettingsReset) => {
    logger.warn('settings file damaged, reset to defaults', reset);
    const entry = lookupError(ClientCode.settingsReset);
    const lang = systemLanguage();
    new Notification({ title: entry.title[lang], body: `${entry.action[lang]} (${reset.backupPath})` }).show();
  };
  const managed = loadManagedConfig(managedConfigPath(process.argv, process.env));
  if (managed.error) {
    logger.error('managed configuration ignored', { error: managed.error });
    const entry = lookupError(ClientCode.managedConfigInvalid);
    new Notification({ title: entry.title[systemLanguage()], body: managed.error }).show();
  }
  const { store, service, locked } = createCoreServices({
    managed,
    backend: createElectronBackend(onSettingsReset),
    ...(secretBox ? { secretBox } : {}),
    systemLanguage,
    userAgent: userAgent('desktop'),
    logger,
    onSettingsReset,
  });
  const language = () => store.read().language ?? systemLanguage();

  const applySystemSettings = () => {
    const settings = store.read();
    const next = registerScanShortcut(globalShortcut, shortcut, settings.globalShortcut, () => command({ command: 'scan-screen' }));
    if (!next.registered && (shortcut?.accelerator !== next.accelerator || shortcut.registered)) {
      // Imported lazily to keep the start path short.
      void import('../shared/i18n/messages').then(({ messages }) => {
        const note = messages[language()].notification.shortcutTaken(next.accelerator);
        new Notification({ title: note.title, body: note.body }).show();
      });
    }
    shortcut = next;
    if (app.isPackaged) app.setLoginItemSettings({ openAtLogin: settings.launchAtLogin, args: loginArgs(settings.roomMode) });
    tray?.refresh();
  };

  const api = createAppApi({
    store,
    service,
    managed: { ...managed, locked },
    passwordProtection: () => secretBox?.protection ?? 'unavailable',
    shortcut: () => shortcut ?? { accelerator: store.read().globalShortcut, registered: false },
    systemLanguage,
    platform: process.platform,
    appVersion: APP_VERSION,
    versions: () => ({ electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node, os: `${process.platform} ${process.getSystemVersion()}` }),
    captureScreens: () => captureScreens(desktopCapturer, screen),
    readClipboard: () => readClipboard(clipboard),
    writeClipboardText: (text) => clipboard.writeText(text),
    notify: (title, body) => new Notification({ title, body }).show(),
    showWindow: () => {
      showWindow();
    },
    emit: send,
    settingsChanged: applySystemSettings,
    logger,
  });
  const ownWindow = (id: number) => BrowserWindow.getAllWindows().some((w) => w.webContents.id === id);
  setupIpc(ipcMain, api, createSenderCheck(APP_ORIGIN, ownWindow), logger);

  tray = setupTray(
    app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'build', 'tray'),
    () => {
      const settings = store.read();
      return { language: language(), rooms: settings.rooms, selectedRoomId: settings.selectedRoomId, recentMeetings: settings.recentMeetings, shortcut: shortcut?.registered ? shortcut.accelerator : undefined };
    },
    {
      scanScreen: () => command({ command: 'scan-screen' }),
      inviteFromClipboard: () => command({ command: 'clipboard' }),
      reinvite: (meetingId) => void api.invoke(InvokeChannel.invite, { meeting: { id: meetingId }, origin: 'tray' }).then(() => tray?.refresh()),
      selectRoom: (roomId) => void api.invoke(InvokeChannel.updateSettings, { selectedRoomId: roomId }),
      openWindow: () => {
        showWindow();
      },
      openSettings: () => command({ command: 'open-settings' }),
      quit: () => app.quit(),
    },
  );
  applySystemSettings();
  roomMode ||= store.read().roomMode;
  mainWindow = showWindow();
  if (pendingLink) {
    const link = pendingLink;
    pendingLink = undefined;
    mainWindow.webContents.once('did-finish-load', () => openLink(link));
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setName(APP_NAME);
  app.on('second-instance', (_event, argv) => {
    const link = findAppLink(argv);
    if (link) openLink(link);
    else showWindow();
  });
  // macOS hands links over with open-url, possibly before ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (app.isReady()) openLink(url);
    else pendingLink = url;
  });
  app.on('before-quit', () => {
    quitting = true;
    globalShortcut.unregisterAll();
    tray?.destroy();
  });
  // A tray utility keeps running with no window open.
  app.on('window-all-closed', () => undefined);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  start().catch((error: unknown) => {
    logger.error('start failed', { error });
    app.quit();
  });
}
