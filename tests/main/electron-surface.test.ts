/**
 * What main exposes to pages, checked by loading main/index.ts against a stand-in `electron`
 * module (security review, finding 3): electron-log's import registers an IPC channel and
 * `initialize()` a second preload; neither may survive. The only preload is ours (the main
 * window's options) and every IPC handler is one of the gate's channels.
 */
import { Module, createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { InvokeChannel } from '../../shared/ipc-channels';

const fake = vi.hoisted(() => {
  /** Channel → listeners registered with ipcMain.on and not removed. */
  const listeners = new Map<string, number>();
  const handlers = new Set<string>();
  const sessionPreloads: string[] = [];
  const windows: { options: { webPreferences?: { preload?: string } } }[] = [];
  const noop = () => undefined;
  const emitter = { on: noop, once: noop, removeListener: noop };
  class BrowserWindow {
    static getAllWindows = () => [];
    webContents = { ...emitter, id: 1, send: noop, setWindowOpenHandler: noop, isDestroyed: () => false };
    constructor(public options: { webPreferences?: { preload?: string } }) {
      windows.push(this);
    }
    on = noop;
    show = noop;
    focus = noop;
    maximize = noop;
    loadURL = () => Promise.resolve();
  }
  const session = {
    setPreloads: (paths: string[]) => sessionPreloads.splice(0, sessionPreloads.length, ...paths),
    getPreloads: () => [...sessionPreloads],
    registerPreloadScript: ({ filePath }: { filePath: string }) => sessionPreloads.push(filePath),
    setPermissionRequestHandler: noop,
    setPermissionCheckHandler: noop,
  };
  /** App events main or a library waits for ('ready' fires electron-log's preload set-up). */
  const appEvents = new Map<string, ((...args: unknown[]) => void)[]>();
  const onApp = (name: string, handler: (...args: unknown[]) => void) => appEvents.set(name, [...(appEvents.get(name) ?? []), handler]);
  const electron = {
    app: {
      on: onApp,
      once: onApp,
      removeListener: noop,
      isPackaged: false,
      whenReady: () => new Promise(noop), // start() waits here: the test sees what loading did
      isReady: () => false,
      requestSingleInstanceLock: () => true,
      setName: noop,
      setPath: noop,
      getPath: () => '/tmp',
      getName: () => 'qr-room-invite',
      getVersion: () => '0.0.0',
      getAppPath: () => '/tmp',
      quit: noop,
      getPreferredSystemLanguages: () => ['en-US'],
    },
    ipcMain: {
      on: (channel: string) => listeners.set(channel, (listeners.get(channel) ?? 0) + 1),
      addListener: (channel: string) => listeners.set(channel, (listeners.get(channel) ?? 0) + 1),
      once: (channel: string) => listeners.set(channel, (listeners.get(channel) ?? 0) + 1),
      removeAllListeners: (channel: string) => listeners.delete(channel),
      handle: (channel: string) => handlers.add(channel),
      handleOnce: (channel: string) => handlers.add(channel),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    session: { defaultSession: session },
    protocol: { registerSchemesAsPrivileged: noop, handle: noop },
    BrowserWindow,
    Notification: class {
      show = noop;
    },
    clipboard: {},
    desktopCapturer: {},
    globalShortcut: { unregisterAll: noop },
    screen: {},
    shell: { openExternal: () => Promise.resolve() },
    dialog: {},
    nativeTheme: emitter,
  };
  const fire = (name: string, ...args: unknown[]) => (appEvents.get(name) ?? []).forEach((handler) => handler(...args));
  return { electron, listeners, handlers, sessionPreloads, windows, fire };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

/** electron-log is CommonJS loaded by Node itself: its `require('electron')` gets the stand-in too. */
function standInForCommonJs(): void {
  const require = createRequire(import.meta.url);
  const path = require.resolve('electron');
  const stub = new Module(path);
  stub.exports = fake.electron;
  stub.loaded = true;
  require.cache[path] = stub;
  for (const key of Object.keys(require.cache)) if (key.includes(`${join('node_modules', 'electron-log')}`)) delete require.cache[key];
}

describe('what main exposes to pages (stand-in electron)', () => {
  it('loads with no IPC listener and no preload of electron-log, and registers only the gate’s channels', async () => {
    standInForCommonJs();
    await import('../../main/index');
    // 'ready' without resolving whenReady: what libraries set up then, start() does not run.
    fake.fire('ready');
    fake.fire('session-created', fake.electron.session.defaultSession);
    await new Promise((resolve) => setTimeout(resolve, 10));
    // electron-log's import registered `__ELECTRON_LOG__`; main closes it.
    expect([...fake.listeners.keys()]).toEqual([]);
    expect([...fake.handlers]).toEqual([]);
    expect(fake.sessionPreloads).toEqual([]);

    const { setupIpc } = await import('../../main/ipc-gate');
    setupIpc(fake.electron.ipcMain, { invoke: () => Promise.reject(new Error('unused')) }, () => true);
    expect([...fake.handlers].sort()).toEqual(Object.values(InvokeChannel).sort());
    expect([...fake.listeners.keys()]).toEqual([]);
  });

  it('gives the main window our preload only', async () => {
    const { setupWindows } = await import('../../main/windows');
    setupWindows({ packaged: true, roomMode: () => false, isQuitting: () => false }).show();
    const preloads = fake.windows.map((w) => w.options.webPreferences?.preload);
    expect(preloads).toEqual([join(import.meta.dirname, '../../main', '../preload/index.cjs')]);
    expect(fake.sessionPreloads).toEqual([]);
  });
});
