/**
 * An administrator's App Key file (managed configuration `appKeyPath`, docs/api.md door B): the
 * configuration accepts it, main reads the key's first line, the window cannot replace it and
 * sees only "saved, protected by your administrator's file"; Test connection uses it against the
 * simulator.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientCode } from '../../shared/errors';
import { InvokeChannel } from '../../shared/ipc';
import { lockedKeys, loadManagedConfig } from '../../core/managed-config';
import { SITE_BASE_URLS } from '../../core/api/sites';
import { managedAppKeyStore, managedKeyServer } from '../../core/store/app-key-store';
import { startSimulator, type Simulator } from '../../simulator/server';
import { testAppApiWithCallStatus } from '../helpers/app-api';
import { tempDir } from '../helpers/qr-images';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

describe('managed App Key file', () => {
  it('is accepted by the managed configuration, read by main, and cannot be replaced from the window', async () => {
    const dir = tempDir('qrri-managed-key-');
    const keyPath = join(dir, 'app.key');
    writeFileSync(keyPath, `${sim.app.appKey}\n`);
    const configPath = join(dir, 'managed.json');
    writeFileSync(
      configPath,
      JSON.stringify({
        version: 1,
        settings: { appId: sim.app.appId, site: 'custom', customBaseUrl: sim.url },
        locked: ['appId'],
        appKeyPath: keyPath,
      }),
    );
    const managed = loadManagedConfig(configPath);
    expect(managed.error).toBeUndefined();
    expect(managed.config?.appKeyPath).toBe(keyPath);
    expect(loadManagedConfig(configPath, () => JSON.stringify({ version: 1, appKeyPath: '' })).error).toMatch(/appKeyPath/u);

    // Main's effective settings are the managed ones here: the simulator's server.
    const appKeys = managedAppKeyStore(keyPath, managedKeyServer({ site: 'custom', customBaseUrl: sim.url }, lockedKeys(managed)));
    const harness = testAppApiWithCallStatus(sim, appKeys, { managed: { locked: ['appId'] } });
    harness.store.update({ appId: sim.app.appId });
    const view = await harness.api.invoke(InvokeChannel.getSettings, undefined);
    expect(view.ok && view.value.appKey).toEqual({ saved: true, protection: 'managed-file' });
    const replaced = await harness.api.invoke(InvokeChannel.saveAppKey, { appKey: 'another-key' });
    expect(replaced.ok ? null : replaced.error.code).toBe(ClientCode.settingLocked);
    expect(await harness.api.invoke(InvokeChannel.testAppId, undefined)).toEqual({ ok: true, value: null });
    expect(JSON.stringify(view)).not.toContain(sim.app.appKey);
  });

  it('is used with the server the managed configuration fixes only: one that leaves the server open binds it to the default site', async () => {
    const dir = tempDir('qrri-managed-key-open-');
    const keyPath = join(dir, 'app.key');
    writeFileSync(keyPath, `${sim.app.appKey}\n`);
    const configPath = join(dir, 'managed.json');
    writeFileSync(configPath, JSON.stringify({ version: 1, settings: { appId: sim.app.appId }, appKeyPath: keyPath }));
    const managed = loadManagedConfig(configPath);
    // The person chose the simulator's server; the configuration did not fix one.
    const server = managedKeyServer({ site: 'custom', customBaseUrl: sim.url }, lockedKeys(managed));
    expect(server).toBe(SITE_BASE_URLS.cn);
    const appKeys = managedAppKeyStore(keyPath, server);
    const harness = testAppApiWithCallStatus(sim, appKeys, { managed: { locked: lockedKeys(managed) } });
    harness.store.update({ appId: sim.app.appId });
    sim.control.reset();
    const view = await harness.api.invoke(InvokeChannel.getSettings, undefined);
    expect(view.ok && view.value.appKey).toEqual({ saved: false, otherServer: SITE_BASE_URLS.cn, protection: 'managed-file' });
    const test = await harness.api.invoke(InvokeChannel.testAppId, undefined);
    expect(test.ok ? null : test.error.code).toBe(ClientCode.appKeyOtherServer);
    expect(sim.control.callCounts.get('appAuth')).toBeUndefined();
  });
});
