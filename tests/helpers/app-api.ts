import type { CallStatus } from '../../shared/call-status';
import { createAppApi, type AppApiDeps, type ServerChange } from '../../core/app-api';
import { createCallStatusFeature } from '../../core/call-status/app-feature';
import type { AppKeyStore } from '../../core/store/app-key-store';
import type { SettingsStore } from '../../core/store/settings-store';
import { createLogger } from '../../core/log';
import { createCoreServices } from '../../core/services';
import { createConfBackend } from '../../core/store/conf-backend';
import { createKeyFileSecretBox } from '../../core/store/secret-box';
import type { Simulator } from '../../simulator/server';
import { FIXTURE_ORG_ID, FIXTURE_TERMINAL } from '../../simulator/fixture';
import { tempDir } from './qr-images';
import { join } from 'node:path';

/** The real app API over real services and the simulator, with recorders for Electron-only effects. */
export function testAppApi(sim: Simulator, overrides: Partial<AppApiDeps> = {}) {
  const dir = tempDir('qrri-api-');
  const logs: string[] = [];
  const logger = overrides.logger ?? createLogger((level, message, data) => logs.push(`${level} ${message} ${JSON.stringify(data)}`));
  const { store, service } = createCoreServices({
    backend: createConfBackend(dir),
    secretBox: createKeyFileSecretBox(join(dir, 'secret.key')),
    systemLanguage: () => 'en',
    userAgent: 'test',
    logger,
  });
  store.update({
    site: 'custom',
    customBaseUrl: sim.url,
    extraCaPath: sim.caPath,
    requestTimeoutSeconds: 3,
    rooms: [{ id: 'room-a', name: 'Room A', callNum: FIXTURE_TERMINAL, orgId: FIXTURE_ORG_ID }],
    selectedRoomId: 'room-a',
  });
  const notes: { title: string; body: string }[] = [];
  const events: { channel: string; payload: unknown }[] = [];
  const clipboardWrites: string[] = [];
  const changes: unknown[] = [];
  const serverChanges: ServerChange[] = [];
  const api = createAppApi({
    store,
    confirmServerChange: (change) => {
      serverChanges.push(change);
      return Promise.resolve(true);
    },
    service,
    passwordProtection: () => 'key-file',
    shortcut: () => ({ accelerator: 'CommandOrControl+Shift+Q', registered: true }),
    systemLanguage: () => 'en',
    platform: 'linux',
    appVersion: '0.1.0',
    versions: () => ({ electron: '45.0.0' }),
    captureScreens: () => Promise.resolve([]),
    readClipboard: () => Promise.resolve({ kind: 'empty' }),
    writeClipboardText: (text) => {
      clipboardWrites.push(text);
      return Promise.resolve();
    },
    notify: (title, body) => notes.push({ title, body }),
    showWindow: () => undefined,
    emit: (channel, payload) => events.push({ channel, payload }),
    settingsChanged: (settings) => changes.push(settings),
    logger,
    ...overrides,
  });
  return { api, store, notes, events, clipboardWrites, changes, serverChanges, logs, dir };
}

/** testAppApi with the real call-status feature, reading the harness's own settings and this App Key store. */
export function testAppApiWithCallStatus(sim: Simulator, appKeys: AppKeyStore, overrides: Partial<AppApiDeps> = {}) {
  const statuses: CallStatus[] = [];
  // The feature reads the settings of the store the harness makes next.
  const ref: { store?: SettingsStore } = {};
  const callStatus = createCallStatusFeature({
    settings: () => {
      if (!ref.store) throw new Error('store not ready');
      return ref.store.read();
    },
    appKeys,
    systemLanguage: () => 'en',
    userAgent: 'qrri-test',
    ...(overrides.logger ? { logger: overrides.logger } : {}),
    onStatus: (status) => statuses.push(status),
  });
  const harness = testAppApi(sim, { callStatus, appKeys, ...overrides });
  ref.store = harness.store;
  return { ...harness, statuses, callStatus };
}
