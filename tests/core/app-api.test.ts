/** The IPC handlers of main, run for real (store, invite service, simulator) under Node. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClientCode } from '../../shared/errors';
import { EventChannel, InvokeChannel, ipcContract, type SettingsView } from '../../shared/ipc';
import { FIXTURE_GUEST_PASSWORD, FIXTURE_MEETING_ID, FIXTURE_TERMINAL } from '../../simulator/fixture';
import { testAppApi } from '../helpers/app-api';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator();
const meeting = { id: '914 083 136', password: FIXTURE_GUEST_PASSWORD };

describe('app API: invite', () => {
  it('invites the selected room, announces sending and done, and answers with the room name', async () => {
    const { api, events } = testAppApi(sim());
    const result = await api.invoke(InvokeChannel.invite, { meeting });
    expect(result).toMatchObject({ ok: true, value: { meetingId: FIXTURE_MEETING_ID, callNum: FIXTURE_TERMINAL, roomName: 'Room A' } });
    expect(events.map((e) => (e.payload as { phase: string }).phase)).toEqual(['sending', 'done']);
    expect(sim().invites()).toHaveLength(1);
  });

  it('notifies the outcome of tray invites only', async () => {
    const { api, notes } = testAppApi(sim());
    await api.invoke(InvokeChannel.invite, { meeting });
    expect(notes).toEqual([]);
    await api.invoke(InvokeChannel.invite, { meeting: { id: '914083137', password: FIXTURE_GUEST_PASSWORD }, origin: 'tray' });
    expect(notes).toEqual([{ title: 'The meeting has not started yet.', body: expect.stringContaining('MMC.111072005') as unknown }]);
  });

  it.each([
    ['an unknown field', { meeting, admin: true }],
    ['a meeting ID with letters', { meeting: { id: '9140x3136', password: 'x' } }],
    ['an unknown origin', { meeting, origin: 'script' }],
    ['a string', 'invite'],
  ])('refuses %s without calling the service', async (_name, payload) => {
    const { api } = testAppApi(sim());
    expect(await api.invoke(InvokeChannel.invite, payload)).toMatchObject({ ok: false, error: { code: ClientCode.invalidInput } });
    expect(sim().invites()).toHaveLength(0);
  });

  it('invites a room picked by id, and refuses an unknown room id', async () => {
    const { api, store } = testAppApi(sim());
    store.update({ rooms: [...store.read().rooms, { id: 'room-b', name: 'Room B', callNum: '+99111253020300002' }] });
    expect(await api.invoke(InvokeChannel.invite, { meeting, roomId: 'room-b' })).toMatchObject({
      ok: true,
      value: { roomName: 'Room B' },
    });
    expect(await api.invoke(InvokeChannel.invite, { meeting: { ...meeting, password: '654321' }, roomId: 'room-z' })).toMatchObject({
      ok: false,
      error: { code: ClientCode.missingTerminal },
    });
  });

  it('reports bad site settings before sending anything', async () => {
    const { api, store } = testAppApi(sim());
    store.update({ extraCaPath: '/nonexistent/ca.pem' });
    expect(await api.invoke(InvokeChannel.invite, { meeting })).toMatchObject({ ok: false, error: { code: ClientCode.badSettings } });
    expect(sim().invites()).toHaveLength(0);
  });
});

describe('app API: settings and history', () => {
  it('never sends a password or its ciphertext to the renderer', async () => {
    const { api } = testAppApi(sim());
    await api.invoke(InvokeChannel.invite, { meeting, rememberPassword: true });
    const result = await api.invoke(InvokeChannel.getSettings, undefined);
    expect(result.ok).toBe(true);
    const view = (result as { value: SettingsView }).value;
    expect(view.recentMeetings).toEqual([
      { id: FIXTURE_MEETING_ID, lastUsedAt: expect.any(String) as unknown, passwordRemembered: true, hostPasswordRemembered: false },
    ]);
    expect(JSON.stringify(view)).not.toMatch(/passwordCipher|123123/u);
  });

  it('does not remember a password when the person unticks "Remember"', async () => {
    const { api } = testAppApi(sim());
    await api.invoke(InvokeChannel.invite, { meeting, rememberPassword: false });
    const view = ((await api.invoke(InvokeChannel.getSettings, undefined)) as { value: SettingsView }).value;
    expect(view.recentMeetings[0]?.passwordRemembered).toBe(false);
  });

  it('applies a valid patch, tells the Electron side and the windows, and clears with null', async () => {
    const { api, changes, events } = testAppApi(sim());
    const result = await api.invoke(InvokeChannel.updateSettings, { language: 'zh-CN', confirmBeforeInvite: false });
    expect(result).toMatchObject({ ok: true, value: { settings: { language: 'zh-CN', confirmBeforeInvite: false } } });
    expect(changes).toHaveLength(1);
    expect(events.at(-1)?.channel).toBe(EventChannel.settingsChanged);
    const cleared = await api.invoke(InvokeChannel.updateSettings, { language: null });
    expect((cleared as { value: SettingsView }).value.settings).not.toHaveProperty('language');
  });

  it.each([
    ['an unknown setting', { evil: true }],
    ['a SIP number with letters', { rooms: [{ id: 'r', name: 'R', callNum: 'abc' }] }],
    ['http to a remote host', { site: 'custom', customBaseUrl: 'http://example.com' }],
    ['the schema version', { schemaVersion: 0 }],
  ])('refuses %s and changes nothing', async (_name, patch) => {
    const { api, store, changes } = testAppApi(sim());
    const before = store.read();
    expect(await api.invoke(InvokeChannel.updateSettings, patch)).toMatchObject({ ok: false, error: { code: ClientCode.invalidInput } });
    expect(store.read()).toEqual(before);
    expect(changes).toHaveLength(0);
  });

  it('labels, forgets one and forgets all recent meetings (erasing their secrets)', async () => {
    const { api, dir, store } = testAppApi(sim());
    await api.invoke(InvokeChannel.invite, { meeting });
    await store.recordMeeting({ id: '914083139' });
    const labelled = (await api.invoke(InvokeChannel.labelMeeting, { id: FIXTURE_MEETING_ID, label: 'Weekly sync' })) as {
      value: SettingsView;
    };
    expect(labelled.value.recentMeetings.find((m) => m.id === FIXTURE_MEETING_ID)?.label).toBe('Weekly sync');
    const forgotten = (await api.invoke(InvokeChannel.forgetMeeting, { id: FIXTURE_MEETING_ID })) as { value: SettingsView };
    expect(forgotten.value.recentMeetings.map((m) => m.id)).toEqual(['914083139']);
    const none = (await api.invoke(InvokeChannel.forgetAllMeetings, undefined)) as { value: SettingsView };
    expect(none.value.recentMeetings).toEqual([]);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).not.toMatch(/passwordCipher|914083136/u);
  });
});

describe('app API: diagnostics, scan notifications, links', () => {
  it('copies diagnostics with versions, settings and the last errors, without secrets', async () => {
    const { api, clipboardWrites } = testAppApi(sim());
    const failed = await api.invoke(InvokeChannel.invite, { meeting: { id: FIXTURE_MEETING_ID, password: 'Wrong-Pass-9' } });
    await api.invoke(InvokeChannel.copyDiagnostics, undefined);
    const text = clipboardWrites[0] ?? '';
    expect(text).toContain('QR Room Invite 0.1.0');
    expect(text).toContain('electron: 45.0.0');
    expect(text).toContain('MMC.111072065');
    expect(text).toContain((failed as { error: { requestId: string } }).error.requestId);
    expect(text).not.toContain('Wrong-Pass-9');
  });

  it('notifies a scan that found nothing or something else, in the UI language, with its own words', async () => {
    const { api, notes, store } = testAppApi(sim());
    await api.invoke(InvokeChannel.notifyScanOutcome, { outcome: 'no-code' });
    await api.invoke(InvokeChannel.notifyScanOutcome, { outcome: 'empty-clipboard' });
    store.update({ language: 'zh-CN' });
    await api.invoke(InvokeChannel.notifyScanOutcome, { outcome: 'not-ours' });
    expect(notes).toEqual([
      { title: 'No QR code found', body: expect.stringContaining('screen') as unknown },
      { title: 'Nothing to read in the clipboard', body: expect.stringContaining('clipboard') as unknown },
      { title: '不是会议二维码', body: expect.stringContaining('QR Room Invite') as unknown },
    ]);
    expect(await api.invoke(InvokeChannel.notifyScanOutcome, { outcome: 'shout' })).toMatchObject({ ok: false });
  });

  it('never shows renderer-chosen text in a notification (security review, finding 9)', async () => {
    const { api, notes } = testAppApi(sim());
    const forged = { outcome: 'not-ours', reason: 'Invited OK: your password expired, call +1 555 0100' };
    expect(await api.invoke(InvokeChannel.notifyScanOutcome, forged)).toMatchObject({
      ok: false,
      error: { code: ClientCode.invalidInput },
    });
    expect(notes).toEqual([]);
  });

  it('offers the renderer no way to open links outside the app (security review, finding 9)', () => {
    expect(Object.keys(ipcContract.invoke).filter((channel) => /shell|external|open/u.test(channel))).toEqual([]);
  });
});

describe('app API: rate limit', () => {
  it.each([
    [InvokeChannel.captureScreens, 'captureScreens'],
    [InvokeChannel.readClipboardImage, 'readClipboard'],
  ] as const)(
    'accepts 20 calls of %s a minute and refuses more without touching the screen or clipboard (security review, finding 9)',
    async (channel, dep) => {
      const clock = { t: 0 };
      let reads = 0;
      const { api } = testAppApi(sim(), {
        now: () => clock.t,
        [dep]: () => {
          reads += 1;
          return Promise.resolve(dep === 'captureScreens' ? [] : { kind: 'empty' });
        },
      });
      const results = [];
      for (let i = 0; i < 22; i++) results.push(await api.invoke(channel, undefined));
      expect(results.filter((r) => r.ok)).toHaveLength(20);
      expect(results.slice(20).map((r) => !r.ok && r.error.code)).toEqual([ClientCode.captureRateLimited, ClientCode.captureRateLimited]);
      expect(reads).toBe(20);
      // The other kind of read has its own window.
      const other = channel === InvokeChannel.captureScreens ? InvokeChannel.readClipboardImage : InvokeChannel.captureScreens;
      expect(await api.invoke(other, undefined)).toMatchObject({ ok: true });
      clock.t += 60_000;
      expect(await api.invoke(channel, undefined)).toMatchObject({ ok: true });
    },
  );

  it(`accepts ${10} invites a minute through IPC and refuses more, sending nothing`, async () => {
    const clock = { t: 0 };
    const { api } = testAppApi(sim(), { now: () => clock.t });
    const results = [];
    // Different wrong passwords: each one is a distinct invite (no duplicate guard), each refused by the server.
    for (let i = 0; i < 12; i++)
      results.push(await api.invoke(InvokeChannel.invite, { meeting: { id: FIXTURE_MEETING_ID, password: `wrong-${i}` } }));
    expect(results.slice(0, 10).map((r) => !r.ok && r.error.code)).toEqual(Array(10).fill('MMC.111072065'));
    expect(results.slice(10).map((r) => !r.ok && r.error.code)).toEqual([ClientCode.rateLimited, ClientCode.rateLimited]);
    expect(sim().invites()).toHaveLength(10);
    clock.t += 60_000;
    expect(await api.invoke(InvokeChannel.invite, { meeting })).toMatchObject({ ok: true });
  });
});
