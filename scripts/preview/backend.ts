/**
 * The preview's "main process": the real services (settings store with a key-file secret box,
 * invite service, meeting client) and the real IPC handlers (`createAppApi`), in this Node
 * process, pointed at the simulator. Only the Electron-only edges are fakes, and they record
 * what they were asked: screen capture (a fixture screenshot), clipboard, notifications, the
 * global shortcut's state, external links and "show window".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppApi, type AppApi, type Emit, type ServerChange } from '../../core/app-api';
import { APP_VERSION, userAgent } from '../../core/app-info';
import { createCallStatusFeature, type CallStatusFeature } from '../../core/call-status/app-feature';
import { createLogger, type LogSink } from '../../core/log';
import type { ManagedState } from '../../core/managed-config';
import { createCoreServices } from '../../core/services';
import { createAppKeyStore } from '../../core/store/app-key-store';
import { createConfBackend } from '../../core/store/conf-backend';
import { createKeyFileSecretBox } from '../../core/store/secret-box';
import { createSettingsStore, type SettingsStore } from '../../core/store/settings-store';
import { EventChannel, type ClipboardContent, type ScreenFrame } from '../../shared/ipc';
import type { Language } from '../../shared/schemas';
import type { Room } from '../../shared/settings';
import { FIXTURE_ORG_ID, FIXTURE_TERMINAL } from '../../simulator/fixture';
import type { Simulator } from '../../simulator/server';
import { fixtureScreen } from './fixture-screen';

/** The fixture's room, configured and selected in every fresh preview. */
export const PREVIEW_ROOM: Room = { id: 'room-a', name: 'Room A', callNum: FIXTURE_TERMINAL, orgId: FIXTURE_ORG_ID, numberType: 0 };

/** What the fake Electron edges hold and record; tests read and change it through the handle. */
export interface PreviewFakes {
  screens: ScreenFrame[];
  clipboard: ClipboardContent;
  /** The last text written to the clipboard ("Copy diagnostics"). */
  clipboardText: string | undefined;
  notifications: { title: string; body: string }[];
  windowShown: number;
  /** Accelerators "taken by another application": their registration fails. */
  takenShortcuts: Set<string>;
  /** Changes of site, base URL or CA that main asked to confirm (the app's native dialog). */
  serverChanges: ServerChange[];
  /** The person's answer in that dialog (true: confirmed). */
  confirmServerChange: boolean;
}

export function freshFakes(): PreviewFakes {
  return {
    screens: [fixtureScreen()],
    clipboard: { kind: 'empty' },
    clipboardText: undefined,
    notifications: [],
    windowShown: 0,
    takenShortcuts: new Set(),
    serverChanges: [],
    confirmServerChange: true,
  };
}

export interface PreviewBackendOptions {
  sim: Simulator;
  emit: Emit;
  fakes: () => PreviewFakes;
  systemLanguage: Language;
  platform: string;
  /** Passed to createAppApi: tests send more invites a minute than people do. */
  invitesPerMinute?: number;
  log?: LogSink;
}

export interface PreviewBackend {
  /** The IPC handlers of the current services. */
  api(): AppApi;
  store(): SettingsStore;
  /**
   * Starts over: a new settings folder with the fixture room, new services (no duplicate-invite
   * memory), and optionally an administrator's managed configuration.
   */
  reset(managed?: ManagedState): void;
  close(): void;
}

export function createPreviewBackend(options: PreviewBackendOptions): PreviewBackend {
  const { sim } = options;
  let dir: string | undefined;
  let current: { api: AppApi; store: SettingsStore; callStatus: CallStatusFeature } | undefined;

  function start(managed: ManagedState = {}): { api: AppApi; store: SettingsStore; callStatus: CallStatusFeature } {
    dir = mkdtempSync(path.join(tmpdir(), 'qrri-preview-'));
    const secretBox = createKeyFileSecretBox(path.join(dir, 'secret.key'));
    const logger = options.log ? createLogger(options.log) : undefined;
    // The person's own settings (under any managed configuration): the fixture room, the simulator as a custom site.
    createSettingsStore(createConfBackend(dir)).update({
      site: 'custom',
      customBaseUrl: sim.url,
      extraCaPath: sim.caPath,
      rooms: [PREVIEW_ROOM],
      selectedRoomId: PREVIEW_ROOM.id,
    });
    const { store, service, locked } = createCoreServices({
      managed,
      backend: createConfBackend(dir),
      secretBox,
      systemLanguage: () => options.systemLanguage,
      userAgent: userAgent('desktop').replace('(desktop;', '(preview;'),
      ...(logger ? { logger } : {}),
    });
    // The call status follows the simulator's terminals like main does (docs/api.md, "After the invite").
    const appKeys = createAppKeyStore(path.join(dir, 'app-key.enc'), secretBox);
    const callStatus = createCallStatusFeature({
      settings: () => store.read(),
      appKeys,
      systemLanguage: () => options.systemLanguage,
      userAgent: userAgent('desktop').replace('(desktop;', '(preview;'),
      ...(logger ? { logger } : {}),
      onStatus: (status) => options.emit(EventChannel.callStatus, status),
    });
    const fakes = options.fakes;
    const api = createAppApi({
      callStatus,
      appKeys,
      store,
      confirmServerChange: (change) => {
        fakes().serverChanges.push(change);
        return Promise.resolve(fakes().confirmServerChange);
      },
      service,
      passwordProtection: () => secretBox.protection,
      shortcut: () => {
        const accelerator = store.read().globalShortcut;
        return { accelerator, registered: !fakes().takenShortcuts.has(accelerator) };
      },
      systemLanguage: () => options.systemLanguage,
      platform: options.platform,
      appVersion: APP_VERSION,
      versions: () => ({ node: process.versions.node, runtime: 'browser preview (no Electron)' }),
      captureScreens: () => Promise.resolve(fakes().screens),
      readClipboard: () => Promise.resolve(fakes().clipboard),
      writeClipboardText: (text) => {
        fakes().clipboardText = text;
        return Promise.resolve();
      },
      notify: (title, body) => fakes().notifications.push({ title, body }),
      showWindow: () => {
        fakes().windowShown += 1;
      },
      emit: options.emit,
      settingsChanged: () => undefined,
      managed: { ...(managed.path ? { path: managed.path } : {}), ...(managed.error ? { error: managed.error } : {}), locked },
      ...(logger ? { logger } : {}),
      ...(options.invitesPerMinute ? { invitesPerMinute: options.invitesPerMinute } : {}),
    });
    return { api, store, callStatus };
  }

  function stop(): void {
    current?.callStatus.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  }

  current = start();
  return {
    api: () => (current ??= start()).api,
    store: () => (current ??= start()).store,
    reset(managed) {
      stop();
      current = start(managed);
    },
    close() {
      stop();
      current = undefined;
    },
  };
}
