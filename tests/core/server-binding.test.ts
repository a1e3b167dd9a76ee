/**
 * Remembered passwords follow the server, not the renderer (security review, finding 2),
 * through the app API as the IPC gate calls it: a password is only sent to the base URL that
 * accepted it; a change of site, base URL or CA is confirmed by main (the native dialog, here a
 * recorded fake) and can be locked by the managed configuration; the extra CA's errors do not
 * tell which files exist.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerChange } from '../../core/app-api';
import { EXTRA_CA_UNUSABLE } from '../../core/api/extra-ca';
import { createCoreServices } from '../../core/services';
import { createConfBackend } from '../../core/store/conf-backend';
import { createKeyFileSecretBox } from '../../core/store/secret-box';
import { ClientCode } from '../../shared/errors';
import { InvokeChannel, type SettingsView } from '../../shared/ipc';
import { FIXTURE_GUEST_PASSWORD, FIXTURE_MEETING_ID } from '../../simulator/fixture';
import { startSimulator, type Simulator } from '../../simulator/server';
import { testAppApi } from '../helpers/app-api';
import { tempDir } from '../helpers/qr-images';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator();
/** A server of the tester's: a second simulator with its own CA. */
let other: Simulator;
beforeAll(async () => {
  other = await startSimulator();
});
afterAll(() => other.close());

const remembered = async (api: ReturnType<typeof testAppApi>['api']) =>
  ((await api.invoke(InvokeChannel.getSettings, undefined)) as { value: SettingsView }).value.recentMeetings.find(
    (m) => m.id === FIXTURE_MEETING_ID,
  )?.passwordRemembered;

describe('remembered passwords are bound to the server that accepted them', () => {
  it('never sends a remembered password to another base URL; asks for it instead, and uses it again back home', async () => {
    const { api } = testAppApi(sim());
    expect(
      await api.invoke(InvokeChannel.invite, {
        meeting: { id: FIXTURE_MEETING_ID, password: FIXTURE_GUEST_PASSWORD },
        rememberPassword: true,
      }),
    ).toMatchObject({ ok: true });
    expect(await remembered(api)).toBe(true);

    // The renderer (confirmed here) points the app at the tester's server, then invites by ID only.
    expect(await api.invoke(InvokeChannel.updateSettings, { customBaseUrl: other.url, extraCaPath: other.caPath })).toMatchObject({
      ok: true,
    });
    expect(await remembered(api)).toBe(false);
    const elsewhere = await api.invoke(InvokeChannel.invite, { meeting: { id: FIXTURE_MEETING_ID } });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: ClientCode.missingPassword } });
    expect(other.invites()).toEqual([]);

    // Back at the server that accepted it, the password is used again: the call is the very
    // first one again, so within 10 s the duplicate guard answers (not "missing password").
    expect(await api.invoke(InvokeChannel.updateSettings, { customBaseUrl: sim().url, extraCaPath: sim().caPath })).toMatchObject({
      ok: true,
    });
    expect(await remembered(api)).toBe(true);
    expect(await api.invoke(InvokeChannel.invite, { meeting: { id: FIXTURE_MEETING_ID } })).toMatchObject({
      ok: false,
      error: { code: ClientCode.duplicateInvite },
    });
  });
});

describe('changing the server is confirmed by main', () => {
  it.each([
    ['the base URL', { customBaseUrl: 'https://evil.example' }],
    ['the extra CA', { extraCaPath: '/tmp/other-ca.pem' }],
    ['the site', { site: 'intl' }],
    ['clearing the CA', { extraCaPath: null }],
  ])('asks before changing %s, and changes nothing when refused', async (_name, patch) => {
    const asked: ServerChange[] = [];
    const { api, store } = testAppApi(sim(), {
      confirmServerChange: (change) => {
        asked.push(change);
        return Promise.resolve(false);
      },
    });
    const before = store.read();
    expect(await api.invoke(InvokeChannel.updateSettings, { ...patch, language: 'zh-CN' })).toMatchObject({
      ok: false,
      error: { code: ClientCode.serverChangeNotConfirmed },
    });
    expect(store.read()).toEqual(before);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.from).toMatchObject({ site: 'custom', customBaseUrl: sim().url, extraCaPath: sim().caPath });
  });

  it('does not ask for other settings, nor for the values already set', async () => {
    const { api, serverChanges } = testAppApi(sim());
    expect(
      await api.invoke(InvokeChannel.updateSettings, { language: 'zh-CN', confirmBeforeInvite: false, customBaseUrl: sim().url }),
    ).toMatchObject({ ok: true });
    expect(serverChanges).toEqual([]);
  });

  it('refuses a server setting the managed configuration locks, without asking', async () => {
    const dir = tempDir('qrri-locked-');
    const managed = {
      path: join(dir, 'managed.json'),
      config: { version: 1 as const, settings: { site: 'cn' as const }, locked: ['customBaseUrl' as const, 'extraCaPath' as const] },
    };
    const { store, service, locked } = createCoreServices({
      backend: createConfBackend(dir),
      secretBox: createKeyFileSecretBox(join(dir, 'key')),
      systemLanguage: () => 'en',
      userAgent: 'test',
      managed,
    });
    const asked: ServerChange[] = [];
    const { api } = testAppApi(sim(), {
      store,
      service,
      managed: { locked },
      confirmServerChange: (change) => {
        asked.push(change);
        return Promise.resolve(true);
      },
    });
    for (const patch of [{ site: 'custom' as const }, { customBaseUrl: 'https://evil.example' }, { extraCaPath: '/tmp/ca.pem' }]) {
      expect(await api.invoke(InvokeChannel.updateSettings, patch)).toMatchObject({ ok: false, error: { code: ClientCode.settingLocked } });
    }
    expect(asked).toEqual([]);
  });
});

describe('the extra CA file', () => {
  it('gives one error for a missing file, a directory, a non-certificate and a device: nothing tells which files exist', async () => {
    const dir = tempDir('qrri-ca-');
    writeFileSync(join(dir, 'notes.txt'), 'root:$6$secret:19000:0:99999:7:::\n');
    writeFileSync(join(dir, 'fake.pem'), '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n');
    mkdirSync(join(dir, 'folder'));
    const details: (string | undefined)[] = [];
    for (const path of ['/nonexistent/ca.pem', join(dir, 'notes.txt'), join(dir, 'fake.pem'), join(dir, 'folder'), '/dev/zero']) {
      const { api, store } = testAppApi(sim());
      store.update({ extraCaPath: path });
      const result = await api.invoke(InvokeChannel.invite, { meeting: { id: FIXTURE_MEETING_ID, password: FIXTURE_GUEST_PASSWORD } });
      expect(result).toMatchObject({ ok: false, error: { code: ClientCode.badSettings } });
      details.push(result.ok ? undefined : result.error.detail);
    }
    expect(new Set(details)).toEqual(new Set([EXTRA_CA_UNUSABLE]));
    expect(sim().invites()).toEqual([]);
  });
});
