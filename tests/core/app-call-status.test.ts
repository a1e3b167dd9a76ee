/**
 * The call status through the app API (what main and the browser preview run), against the
 * simulator: an accepted window invite with a host password is followed and the window gets
 * typed callStatus events up to "joined"; the hang-up channel ends the call; the App Key is
 * write-only (saved encrypted, never in a view, an event, config.json or a log line).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientCode } from '../../shared/errors';
import { InvokeChannel } from '../../shared/ipc';
import { createLogger } from '../../core/log';
import { createAppKeyStore } from '../../core/store/app-key-store';
import { createKeyFileSecretBox } from '../../core/store/secret-box';
import { FIXTURE_GUEST_PASSWORD, FIXTURE_HOST_PASSWORD, FIXTURE_MEETING_ID, FIXTURE_TERMINAL } from '../../simulator/fixture';
import { startSimulator, type Simulator } from '../../simulator/server';
import { testAppApiWithCallStatus } from '../helpers/app-api';
import { tempDir } from '../helpers/qr-images';

/** Any other valid number answers like Room A (simulator/calls.ts). */
const ROOM_B = '+99111253020300002';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ callTimings: { answerMs: 300, busyMs: 200, stayMs: 60_000 } });
});
afterAll(() => sim.close());

function setup() {
  const dir = tempDir('qrri-app-call-');
  const logs: string[] = [];
  const logger = createLogger((level, message, data) => logs.push(`${level} ${message} ${JSON.stringify(data)}`));
  const appKeys = createAppKeyStore(join(dir, 'app-key.enc'), createKeyFileSecretBox(join(dir, 'app-key-secret.key')));
  const harness = testAppApiWithCallStatus(sim, appKeys, { logger });
  return { ...harness, logs, appKeys, dir };
}

async function until(check: () => boolean, timeoutMs = 8000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('call status through the app API', () => {
  it('follows an accepted invite with the host password, then hangs the room up', async () => {
    const { api, statuses, logs, events, callStatus } = setup();
    const invited = await api.invoke(InvokeChannel.invite, {
      meeting: { id: FIXTURE_MEETING_ID, password: FIXTURE_GUEST_PASSWORD },
      hostPassword: FIXTURE_HOST_PASSWORD,
    });
    expect(invited.ok).toBe(true);
    await until(() => statuses.some((s) => s.state === 'joined'));
    expect(statuses.map((s) => s.state)).toContain('calling');
    expect(statuses.at(-1)).toMatchObject({ state: 'joined', roomName: 'Room A', via: 'control', canHangUp: true });
    expect(callStatus.active()).toMatchObject([{ roomName: 'Room A', state: 'joined' }]);
    const hangUp = await api.invoke(InvokeChannel.hangUp, { meetingId: FIXTURE_MEETING_ID, callNum: FIXTURE_TERMINAL });
    expect(hangUp).toEqual({ ok: true, value: null });
    await until(() => statuses.at(-1)?.state === 'left');
    expect(statuses.at(-1)).toMatchObject({ reason: 'hung-up' });
    expect(sim.hangUps()).toMatchObject([{ phone: FIXTURE_TERMINAL }]);
    expect(JSON.stringify(events)).not.toContain(FIXTURE_HOST_PASSWORD);
    expect(logs.join('\n')).not.toContain(FIXTURE_HOST_PASSWORD);
    callStatus.stop();
    sim.control.reset();
  });

  it('without host password or App ID: one "unconfirmed" status and no control call', async () => {
    const { api, statuses, callStatus } = setup();
    expect((await api.invoke(InvokeChannel.invite, { meeting: { id: FIXTURE_MEETING_ID, password: FIXTURE_GUEST_PASSWORD } })).ok).toBe(
      true,
    );
    await until(() => statuses.length > 0);
    expect(statuses).toEqual([expect.objectContaining({ state: 'unconfirmed', reason: 'no-source', via: null })]);
    expect(Object.fromEntries(sim.control.callCounts)).toEqual({});
    const hangUp = await api.invoke(InvokeChannel.hangUp, { meetingId: FIXTURE_MEETING_ID, callNum: FIXTURE_TERMINAL });
    expect(hangUp.ok).toBe(false);
    callStatus.stop();
    sim.control.reset();
  });

  it('remembers an accepted host password (Remember on) for the next invite of the meeting; the window only learns "remembered"', async () => {
    const { api, statuses, events, logs, dir, store, callStatus } = setup();
    store.update({ rooms: [...store.read().rooms, { id: 'room-b', name: 'Room B', callNum: ROOM_B }] });
    await api.invoke(InvokeChannel.invite, {
      meeting: { id: FIXTURE_MEETING_ID, password: FIXTURE_GUEST_PASSWORD },
      hostPassword: FIXTURE_HOST_PASSWORD,
    });
    await until(() => statuses.some((s) => s.roomName === 'Room A' && s.state === 'joined'));
    await until(() => store.recentMeetings()[0]?.hostPasswordCipher !== undefined);
    const view = await api.invoke(InvokeChannel.getSettings, undefined);
    expect(view.ok && view.value.recentMeetings).toEqual([
      expect.objectContaining({ id: FIXTURE_MEETING_ID, hostPasswordRemembered: true }),
    ]);
    // No host password typed: door A follows Room B with the one kept for this meeting.
    await api.invoke(InvokeChannel.invite, { meeting: { id: FIXTURE_MEETING_ID }, roomId: 'room-b' });
    await until(() => statuses.some((s) => s.roomName === 'Room B' && s.state === 'joined'));
    expect(statuses.find((s) => s.roomName === 'Room B' && s.state === 'joined')).toMatchObject({ via: 'control' });
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    for (const file of files) expect(readFileSync(join(file.parentPath, file.name), 'utf8')).not.toContain(FIXTURE_HOST_PASSWORD);
    for (const payload of [JSON.stringify(events), JSON.stringify(view), logs.join('\n')])
      expect(payload).not.toMatch(new RegExp(`${FIXTURE_HOST_PASSWORD}|hostPasswordCipher|hostPasswordBaseUrl`, 'u'));
    callStatus.stop();
    sim.control.reset();
  });

  it('never stores a host password with "Remember passwords" off, nor one the server refused', async () => {
    const { api, statuses, store, callStatus } = setup();
    store.update({ rememberPasswords: false });
    await api.invoke(InvokeChannel.invite, {
      meeting: { id: FIXTURE_MEETING_ID, password: FIXTURE_GUEST_PASSWORD },
      hostPassword: FIXTURE_HOST_PASSWORD,
    });
    await until(() => statuses.some((s) => s.state === 'joined'));
    expect(store.recentMeetings()[0]).not.toHaveProperty('hostPasswordCipher');
    const view = await api.invoke(InvokeChannel.getSettings, undefined);
    expect(view.ok && view.value.recentMeetings[0]?.hostPasswordRemembered).toBe(false);
    callStatus.stop();
    sim.control.reset();

    const refused = setup();
    await refused.api.invoke(InvokeChannel.invite, {
      meeting: { id: FIXTURE_MEETING_ID, password: FIXTURE_GUEST_PASSWORD },
      hostPassword: 'wrong-host-1',
    });
    await until(() => refused.statuses.some((s) => s.state === 'unconfirmed'));
    expect(refused.statuses.at(-1)).toMatchObject({ reason: 'host-password-refused' });
    expect(refused.store.recentMeetings()[0]).not.toHaveProperty('hostPasswordCipher');
    refused.callStatus.stop();
    sim.control.reset();
  });

  it('keeps the App Key write-only: saved encrypted, tested, never shown, logged or stored in clear', async () => {
    const { api, logs, events, dir, store, callStatus, statuses } = setup();
    store.update({ appId: sim.app.appId });
    const saved = await api.invoke(InvokeChannel.saveAppKey, { appKey: sim.app.appKey });
    expect(saved.ok && saved.value.appKey).toEqual({ saved: true, protection: 'key-file' });
    expect(JSON.stringify(saved)).not.toContain(sim.app.appKey);
    expect(await api.invoke(InvokeChannel.testAppId, undefined)).toEqual({ ok: true, value: null });
    await api.invoke(InvokeChannel.saveAppKey, { appKey: 'wrong-key' });
    const wrong = await api.invoke(InvokeChannel.testAppId, undefined);
    expect(wrong.ok ? null : wrong.error.code).toBe('USG.206010025');
    await api.invoke(InvokeChannel.saveAppKey, { appKey: sim.app.appKey });
    // App ID follows an invite without the host password.
    await api.invoke(InvokeChannel.invite, { meeting: { id: FIXTURE_MEETING_ID, password: FIXTURE_GUEST_PASSWORD } });
    await until(() => statuses.some((s) => s.state === 'joined' && s.via === 'app-id'));
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect(readFileSync(join(file.parentPath, file.name), 'utf8')).not.toContain(sim.app.appKey);
    expect(logs.join('\n')).not.toContain(sim.app.appKey);
    expect(JSON.stringify(events)).not.toContain(sim.app.appKey);
    const forgotten = await api.invoke(InvokeChannel.saveAppKey, { appKey: null });
    expect(forgotten.ok && forgotten.value.appKey.saved).toBe(false);
    callStatus.stop();
    sim.control.reset();
  });

  it('uses the App Key with the server it was saved for only: after a switch no App ID call reaches the other one, and Settings says whose key it is', async () => {
    const other = await startSimulator();
    const { api, store, callStatus, statuses } = setup();
    try {
      store.update({ appId: sim.app.appId });
      expect((await api.invoke(InvokeChannel.saveAppKey, { appKey: sim.app.appKey })).ok).toBe(true);
      expect(await api.invoke(InvokeChannel.updateSettings, { customBaseUrl: other.url, extraCaPath: other.caPath })).toMatchObject({
        ok: true,
      });
      const view = await api.invoke(InvokeChannel.getSettings, undefined);
      expect(view.ok && view.value.appKey).toEqual({ saved: false, otherServer: sim.url, protection: 'key-file' });
      expect(await api.invoke(InvokeChannel.testAppId, undefined)).toMatchObject({
        ok: false,
        error: { code: ClientCode.appKeyOtherServer },
      });
      // An invite there without a host password: the call status has no source, the key stays home.
      expect((await api.invoke(InvokeChannel.invite, { meeting: { id: FIXTURE_MEETING_ID, password: FIXTURE_GUEST_PASSWORD } })).ok).toBe(
        true,
      );
      expect(other.invites()).toHaveLength(1);
      await until(() => statuses.length > 0);
      expect(statuses).toEqual([expect.objectContaining({ state: 'unconfirmed', reason: 'no-source', via: null })]);
      expect(Object.fromEntries(other.control.callCounts)).toEqual({});

      // Back on its server the key is used again.
      expect(await api.invoke(InvokeChannel.updateSettings, { customBaseUrl: sim.url, extraCaPath: sim.caPath })).toMatchObject({
        ok: true,
      });
      const home = await api.invoke(InvokeChannel.getSettings, undefined);
      expect(home.ok && home.value.appKey).toEqual({ saved: true, protection: 'key-file' });
      expect(await api.invoke(InvokeChannel.testAppId, undefined)).toEqual({ ok: true, value: null });
    } finally {
      callStatus.stop();
      sim.control.reset();
      await other.close();
    }
  });
});
