/**
 * Electron main: wiring only. `start()` calls one setup per concern; the logic lives in core/
 * (services, IPC handlers) and in small modules here that tests check with fakes.
 */
import { join } from 'node:path';
import { BrowserWindow, Notification, app, clipboard, desktopCapturer, globalShortcut, ipcMain, protocol, screen, session } from 'electron';
import electronLog from 'electron-log/main';
import { InvokeChannel } from '../shared/ipc';
import { APP_LINK_SCHEME } from '../shared/payload/app-link';
import type { Language } from '../shared/schemas';
import { createAppApi, type AppApi } from '../core/app-api';
import { APP_NAME, APP_VERSION } from '../core/app-info';
import { createLogger } from '../core/log';
import { APP_ORIGIN, APP_SCHEME_PRIVILEGES, setupAppProtocol } from './app-protocol';
import { readClipboard } from './clipboard';
import { setupCallStatus, type CallStatusSetup } from './call-status-setup';
import { setupCore, type DesktopCore } from './core-setup';
import { findAppLink } from './deep-link';
import { closeElectronLogIpc, electronLogSink } from './electron-log-sink';
import { createSenderCheck, setupIpc } from './ipc-gate';
import { setupPermissions } from './permissions';
import { createServerChangeConfirmation } from './server-change-dialog';
import { captureScreens } from './screens';
import { setupSystemSettings, type SystemSettings } from './system-settings';
import { setupTray, type TrayHandle } from './tray';
import { setupWindows, type Windows } from './windows';
import { showAboutDialog } from './about-dialog';
import { setupUpdates, type Updates } from './updater';

// The log file only: `initialize()` would add electron-log's own preload and IPC channel to
// every page, beside the IPC gate; the channel its import registers anyway is closed (security
// review, finding 3).
closeElectronLogIpc(ipcMain);
const logger = createLogger(electronLogSink(electronLog));
let quitting = false;
let tray: TrayHandle | undefined;
let updates: Updates | undefined;
let pendingLink = findAppLink(process.argv);
/** Room mode (a room PC's full-window camera view) comes from `--room` or the settings. */
let roomMode = process.argv.includes('--room');

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// A separate profile (the demo, several rooms on one test machine); before anything reads it.
if (process.env.QRRI_USER_DATA_DIR) app.setPath('userData', process.env.QRRI_USER_DATA_DIR);

const windows = setupWindows({ packaged: app.isPackaged, roomMode: () => roomMode, isQuitting: () => quitting });
const notify = (title: string, body: string) => new Notification({ title, body }).show();

function systemLanguage(): Language {
  return app.getPreferredSystemLanguages().some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

function setupPlatform(): void {
  if (process.platform === 'win32') app.setAppUserModelId('com.qrroominvite.app');
  if (process.platform === 'darwin') app.dock?.hide();
  app.setAsDefaultProtocolClient(APP_LINK_SCHEME);
  setupAppProtocol(protocol, join(import.meta.dirname, '../renderer'));
  setupPermissions(session.defaultSession, APP_ORIGIN);
}

function setupApi(core: DesktopCore, system: SystemSettings, win: Windows, calls: CallStatusSetup): AppApi {
  const { store } = core;
  return createAppApi({
    store,
    confirmServerChange: createServerChangeConfirmation(() => store.read().language ?? systemLanguage()),
    service: core.service,
    managed: { ...core.managed, locked: core.locked },
    passwordProtection: () => core.secretBox?.protection ?? 'unavailable',
    shortcut: () => system.shortcut() ?? { accelerator: store.read().globalShortcut, registered: false },
    systemLanguage,
    platform: process.platform,
    appVersion: APP_VERSION,
    versions: () => ({
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
      os: `${process.platform} ${process.getSystemVersion()}`,
    }),
    captureScreens: () => captureScreens(desktopCapturer, screen),
    readClipboard: () => readClipboard(clipboard),
    writeClipboardText: (text) => Promise.resolve(clipboard.writeText(text)),
    notify,
    showWindow: () => void win.show(),
    roomActivity: (busy) => updates?.roomActivity(busy),
    emit: win.emit,
    callStatus: calls.feature,
    ...(calls.appKeys ? { appKeys: calls.appKeys } : {}),
    settingsChanged: (settings) => {
      system.apply(settings);
      tray?.refresh();
      updates?.settingsChanged();
    },
    logger,
  });
}

function setupTrayMenu(core: DesktopCore, system: SystemSettings, api: AppApi, win: Windows, calls: CallStatusSetup): TrayHandle {
  const { store } = core;
  return setupTray(
    app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'build', 'tray'),
    () => {
      const settings = store.read();
      const shortcut = system.shortcut();
      return {
        language: settings.language ?? systemLanguage(),
        rooms: settings.rooms,
        selectedRoomId: settings.selectedRoomId,
        recentMeetings: settings.recentMeetings,
        shortcut: shortcut?.registered ? shortcut.accelerator : undefined,
        updateReady: updates?.readyToRestart(),
        inMeeting: calls.feature.active().filter((call) => call.state === 'joined'),
      };
    },
    {
      scanScreen: () => win.command({ command: 'scan-screen' }),
      inviteFromClipboard: () => win.command({ command: 'clipboard' }),
      reinvite: (meetingId) =>
        void api.invoke(InvokeChannel.invite, { meeting: { id: meetingId }, origin: 'tray' }).then(() => tray?.refresh()),
      hangUp: (call) =>
        void api.invoke(InvokeChannel.hangUp, { meetingId: call.meetingId, callNum: call.callNum }).then(() => tray?.refresh()),
      selectRoom: (roomId) => void api.invoke(InvokeChannel.updateSettings, { selectedRoomId: roomId }),
      openWindow: () => void win.show(),
      openSettings: () => win.command({ command: 'open-settings' }),
      about: () =>
        void showAboutDialog(core, updates?.controller.state() ?? { kind: 'off' }, store.read().language ?? systemLanguage(), logger),
      restartToUpdate: () => updates?.controller.installNow(),
      quit: () => app.quit(),
    },
  );
}

async function start(): Promise<void> {
  await app.whenReady();
  setupPlatform();
  const core = await setupCore({ logger, systemLanguage, notify });
  const language = () => core.store.read().language ?? systemLanguage();
  const system = setupSystemSettings({ language, scanScreen: () => windows.command({ command: 'scan-screen' }), notify });
  const calls = setupCallStatus(core, windows, { logger, systemLanguage, refreshTray: () => tray?.refresh() });
  const api = setupApi(core, system, windows, calls);
  const ownWindow = (id: number) => BrowserWindow.getAllWindows().some((w) => w.webContents.id === id);
  setupIpc(ipcMain, api, createSenderCheck(APP_ORIGIN, ownWindow), logger);
  tray = setupTrayMenu(core, system, api, windows, calls);
  updates = setupUpdates({
    settings: () => core.store.read().updates,
    activeCalls: () => calls.feature.active().length,
    language,
    notify,
    refreshTray: () => tray?.refresh(),
    logger,
  });
  system.apply(core.store.read());
  roomMode ||= core.store.read().roomMode;
  windows.show();
  if (pendingLink) windows.openLink(pendingLink);
  pendingLink = undefined;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setName(APP_NAME);
  app.on('second-instance', (_event, argv) => {
    const link = findAppLink(argv);
    if (link) windows.openLink(link);
    else windows.show();
  });
  // macOS hands links over with open-url, possibly before ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (app.isReady()) windows.openLink(url);
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
