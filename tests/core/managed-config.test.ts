/** Managed configuration for fleets: valid files applied and locked, invalid ones refused whole. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppApi } from '../../core/app-api';
import { loadManagedConfig, lockedKeys, managedConfigPath } from '../../core/managed-config';
import { createCoreServices } from '../../core/services';
import { createConfBackend } from '../../core/store/conf-backend';
import { ClientCode } from '../../shared/errors';
import { InvokeChannel, type SettingsView } from '../../shared/ipc';
import { tempDir } from '../helpers/qr-images';

const dir = tempDir('qrri-managed-');
const valid = {
  version: 1,
  settings: {
    site: 'intl',
    rooms: [{ id: 'board-3', name: 'Boardroom 3', callNum: '+99111253020382685', orgId: '115489', numberType: 0 }],
    selectedRoomId: 'board-3',
    roomMode: true,
    roomCooldownSeconds: 90,
    language: 'zh-CN',
  },
  locked: ['rememberPasswords'],
};

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function app(managedPath: string | undefined) {
  const managed = loadManagedConfig(managedPath);
  const { store, service, locked } = createCoreServices({
    backend: createConfBackend(tempDir('qrri-managed-store-')),
    systemLanguage: () => 'en',
    userAgent: 'test',
    managed,
  });
  const api = createAppApi({
    store,
    service,
    managed: { ...managed, locked },
    passwordProtection: () => 'unavailable',
    shortcut: () => ({ accelerator: 'X', registered: true }),
    systemLanguage: () => 'en',
    platform: 'linux',
    appVersion: '0',
    versions: () => ({}),
    captureScreens: () => Promise.resolve([]),
    readClipboard: () => Promise.resolve({ kind: 'empty' }),
    writeClipboardText: () => Promise.resolve(),
    notify: () => undefined,
    showWindow: () => undefined,
    emit: () => undefined,
    settingsChanged: () => undefined,
    confirmServerChange: () => Promise.resolve(true),
  });
  return { store, api, managed };
}

const view = async (api: ReturnType<typeof app>['api']) =>
  ((await api.invoke(InvokeChannel.getSettings, undefined)) as { value: SettingsView }).value;

describe('managed configuration', () => {
  it('is named by --config, --config=, or QRRI_MANAGED_CONFIG', () => {
    expect(managedConfigPath(['app', '--config', '/etc/qrri.json'], {})).toBe('/etc/qrri.json');
    expect(managedConfigPath(['app', '--config=/etc/qrri.json'], {})).toBe('/etc/qrri.json');
    expect(managedConfigPath(['app'], { QRRI_MANAGED_CONFIG: '/opt/qrri.json' })).toBe('/opt/qrri.json');
    expect(managedConfigPath(['app'], {})).toBeUndefined();
  });

  it('applies a valid file, shows its settings as locked, and refuses changing them through IPC', async () => {
    const { api, store } = app(file('valid.json', valid));
    const shown = await view(api);
    expect(shown.settings).toMatchObject({
      site: 'intl',
      selectedRoomId: 'board-3',
      roomMode: true,
      roomCooldownSeconds: 90,
      language: 'zh-CN',
    });
    expect(shown.locked).toEqual(['language', 'rememberPasswords', 'roomCooldownSeconds', 'roomMode', 'rooms', 'selectedRoomId', 'site']);
    expect(shown.managed.error).toBeUndefined();
    for (const patch of [{ site: 'cn' }, { roomMode: false }, { rememberPasswords: false }, { rooms: [] }]) {
      expect(await api.invoke(InvokeChannel.updateSettings, patch)).toMatchObject({ ok: false, error: { code: ClientCode.settingLocked } });
    }
    expect(store.read().site).toBe('intl');
    // Settings the administrator left alone stay the person's.
    expect(await api.invoke(InvokeChannel.updateSettings, { confirmBeforeInvite: false })).toMatchObject({
      ok: true,
      value: { settings: { confirmBeforeInvite: false } },
    });
  });

  it.each([
    [
      'a SIP number with letters',
      { ...valid, settings: { ...valid.settings, rooms: [{ id: 'x', name: 'X', callNum: '+99abc' }], selectedRoomId: 'x' } },
      'settings.rooms.0.callNum',
    ],
    ['an unknown setting', { ...valid, settings: { ...valid.settings, telemetry: true } }, 'telemetry'],
    ['a lock on something unknown', { ...valid, locked: ['everything'] }, 'locked.0'],
    ['a selected room that is not listed', { ...valid, settings: { ...valid.settings, selectedRoomId: 'nowhere' } }, 'selectedRoomId'],
    [
      'plain http to a remote host',
      { ...valid, settings: { ...valid.settings, site: 'custom', customBaseUrl: 'http://proxy.example' } },
      'settings.customBaseUrl',
    ],
    ['a missing version', { settings: {} }, 'version'],
    ['broken JSON', '{"version": 1, "settings": {', 'not valid JSON'],
  ])('refuses %s whole, says which field and why, and runs with safe defaults', async (_name, content, field) => {
    const path = file(`bad-${field.replace(/\W/gu, '')}.json`, content);
    const { api, managed } = app(path);
    expect(managed.error).toContain(path);
    expect(managed.error).toContain(field);
    const shown = await view(api);
    expect(shown.managed.error).toBe(managed.error);
    expect(shown.locked).toEqual([]);
    expect(shown.settings).toMatchObject({ site: 'cn', rooms: [], roomMode: false });
  });

  it('reports a file that cannot be read', () => {
    expect(loadManagedConfig(join(dir, 'missing.json')).error).toMatch(/cannot read .*missing\.json: ENOENT/u);
  });

  it('locks a setting at its current value without managing it', () => {
    const state = loadManagedConfig(file('lock-only.json', { version: 1, locked: ['globalShortcut'] }));
    expect(lockedKeys(state)).toEqual(['globalShortcut']);
  });
});
