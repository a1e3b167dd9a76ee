import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfBackend } from '../../core/store/conf-backend';
import type { SettingsReset } from '../../core/store/recovery';
import { createAesSecretBox, type SecretBox } from '../../core/store/secret-box';
import { createSettingsStore, currentBaseUrl } from '../../core/store/settings-store';
import { CURRENT_SCHEMA_VERSION, MAX_RECENT_MEETINGS, MIGRATIONS, migrateSettings } from '../../shared/settings';
import { tempStore } from '../helpers/temp-store';

const room = { id: 'room-a', name: 'Room A', callNum: '+99111253020382685', orgId: '115489', numberType: 0 as const };

describe('settings store (conf backend)', () => {
  it('starts with the schema defaults', () => {
    const settings = tempStore().store.read();
    expect(settings).toMatchObject({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      site: 'cn',
      rooms: [],
      confirmBeforeInvite: true,
      requestTimeoutSeconds: 15,
      recentMeetings: [],
    });
  });

  it('persists a valid update and normalises values through the shared schema', () => {
    const { store, rawFile } = tempStore();
    store.update({ rooms: [{ ...room, callNum: '+991 1125-3020382685' }], selectedRoomId: 'room-a' });
    expect(store.read().rooms[0]?.callNum).toBe('+99111253020382685');
    expect(JSON.parse(rawFile())).toMatchObject({ selectedRoomId: 'room-a' });
  });

  it.each([
    ['a SIP number with letters', { rooms: [{ ...room, callNum: '+9911abc' }] }, 'rooms.0.callNum'],
    ['plain http to a remote host', { site: 'custom' as const, customBaseUrl: 'http://example.com' }, 'customBaseUrl'],
    ['a timeout of 0', { requestTimeoutSeconds: 0 }, 'requestTimeoutSeconds'],
  ])('refuses %s, naming the field, and changes nothing', (_name, patch, field) => {
    const { store } = tempStore();
    const before = store.read();
    expect(() => store.update(patch as never)).toThrow(field);
    expect(store.read()).toEqual(before);
  });

  it('migrates a file of schema version 0 without writing on read', () => {
    const { store, dir, rawFile } = tempStore();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ rooms: [room] }));
    expect(store.read()).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION, rooms: [room] });
    expect(JSON.parse(rawFile())).not.toHaveProperty('schemaVersion');
    expect(migrateSettings({}).applied).toEqual(MIGRATIONS.map((m) => m.name));
    expect(migrateSettings({ schemaVersion: CURRENT_SCHEMA_VERSION }).applied).toEqual([]);
  });

  it('keeps the ten most recent meetings, newest first', async () => {
    let t = Date.parse('2026-11-25T10:00:00Z');
    const { store } = tempStore({ now: () => new Date((t += 1000)) });
    for (let i = 0; i < MAX_RECENT_MEETINGS + 3; i++) await store.recordMeeting({ id: String(914083100 + i) });
    await store.recordMeeting({ id: '914083105' });
    const ids = store.recentMeetings().map((m) => m.id);
    expect(ids).toHaveLength(MAX_RECENT_MEETINGS);
    expect(ids[0]).toBe('914083105');
    expect(ids).not.toContain('914083100');
  });

  it('remembers a password only encrypted, and forgets it with the meeting', async () => {
    const { store, rawFile } = tempStore();
    await store.recordMeeting({ id: '914083136', password: 'Zq-secret-77' });
    expect(await store.rememberedPassword('914083136')).toBe('Zq-secret-77');
    expect(rawFile()).not.toContain('Zq-secret-77');
    expect(store.recentMeetings()[0]?.passwordCipher).toBeTruthy();
    store.forgetMeeting('914083136');
    expect(await store.rememberedPassword('914083136')).toBeUndefined();
    expect(rawFile()).not.toContain('914083136');
  });

  it('does not remember passwords when the person turned it off, or without a secret box', async () => {
    const off = tempStore();
    off.store.update({ rememberPasswords: false });
    await off.store.recordMeeting({ id: '914083136', password: 'Zq-secret-77' });
    expect(await off.store.rememberedPassword('914083136')).toBeUndefined();
    const noBox = tempStore({ secrets: false });
    await noBox.store.recordMeeting({ id: '914083136', password: 'Zq-secret-77' });
    expect(noBox.store.recentMeetings()[0]).not.toHaveProperty('passwordCipher');
    expect(noBox.rawFile()).not.toContain('Zq-secret-77');
  });

  it('keeps a host password like a meeting password: encrypted, bound to its base URL, through later invites', async () => {
    const { store, rawFile } = tempStore();
    const cn = currentBaseUrl(store.read());
    await store.rememberHostPassword('914083136', 'Hx-host-4242');
    expect(await store.rememberedHostPassword('914083136')).toBeUndefined(); // not in the history: nothing kept
    await store.recordMeeting({ id: '914083136', password: 'Zq-secret-77' });
    await store.rememberHostPassword('914083136', 'Hx-host-4242');
    expect(rawFile()).not.toContain('Hx-host-4242');
    expect(store.recentMeetings()[0]).toMatchObject({ hostPasswordCipher: expect.any(String) as unknown, hostPasswordBaseUrl: cn });
    expect(await store.rememberedHostPassword('914083136')).toBe('Hx-host-4242');
    // Another server never receives it; the meeting password is a separate secret.
    expect(await store.rememberedHostPassword('914083136', 'https://other.example.com')).toBeUndefined();
    expect(await store.rememberedPassword('914083136')).toBe('Zq-secret-77');
    await store.recordMeeting({ id: '914083136', password: 'Zq-secret-88' });
    expect(await store.rememberedHostPassword('914083136')).toBe('Hx-host-4242');
    store.update({ site: 'intl' });
    expect(await store.rememberedHostPassword('914083136')).toBeUndefined();
    store.update({ site: 'cn' });
    store.forgetHostPassword('914083136');
    expect(await store.rememberedHostPassword('914083136')).toBeUndefined();
    expect(await store.rememberedPassword('914083136')).toBe('Zq-secret-88');
    expect(store.recentMeetings()[0]).not.toHaveProperty('hostPasswordCipher');
  });

  it('never keeps a host password with "Remember passwords" off, and drops a kept one then', async () => {
    const { store, rawFile } = tempStore();
    await store.recordMeeting({ id: '914083136' });
    await store.rememberHostPassword('914083136', 'Hx-host-4242');
    store.update({ rememberPasswords: false });
    expect(await store.rememberedHostPassword('914083136')).toBeUndefined();
    await store.recordMeeting({ id: '914083136' });
    expect(store.recentMeetings()[0]).not.toHaveProperty('hostPasswordCipher');
    await store.rememberHostPassword('914083136', 'Hx-host-5353');
    expect(store.recentMeetings()[0]).not.toHaveProperty('hostPasswordCipher');
    expect(rawFile()).not.toMatch(/Hx-host|hostPasswordCipher/u);
  });

  it('reports a settings file that breaks the schema, naming the field, when nobody can repair it (CLI)', () => {
    const { dir } = tempStore();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ schemaVersion: 1, site: 'mars' }));
    const store = createSettingsStore(createConfBackend(dir));
    expect(() => store.read()).toThrow(/site/u);
    expect(readdirSync(dir).filter((f) => f.includes('damaged'))).toEqual([]);
  });
});

describe('damaged settings files', () => {
  it.each([
    ['broken JSON', '{"rooms": [ {"id": "a", '],
    ['a schema violation', JSON.stringify({ schemaVersion: 1, site: 'mars', rooms: 'none' })],
  ])('sets a file with %s aside, starts from defaults, and says so', (_name, content) => {
    const { dir } = tempStore();
    const path = join(dir, 'config.json');
    writeFileSync(path, content);
    const resets: SettingsReset[] = [];
    const store = createSettingsStore(
      createConfBackend(dir, (r) => resets.push(r)),
      undefined,
      { onReset: (r) => resets.push(r) },
    );
    expect(store.read()).toMatchObject({ site: 'cn', rooms: [] });
    expect(resets).toHaveLength(1);
    expect(readFileSync(resets[0]?.backupPath ?? '', 'utf8')).toBe(content);
    expect(resets[0]?.backupPath).toMatch(/config\.json\.damaged-.+\.json$/u);
    store.update({ confirmBeforeInvite: false });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ site: 'cn', confirmBeforeInvite: false });
  });

  it('reads a file written by the first schema version (tests/fixtures/settings-v1.json)', () => {
    const { dir } = tempStore();
    const v1 = readFileSync(join(import.meta.dirname, '../fixtures/settings-v1.json'), 'utf8');
    writeFileSync(join(dir, 'config.json'), v1);
    const store = createSettingsStore(createConfBackend(dir), undefined, {
      onReset: () => {
        throw new Error('must not reset');
      },
    });
    const settings = store.read();
    expect(settings).toMatchObject({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      site: 'intl',
      selectedRoomId: 'room-a',
      allowPlainTextPasswords: false,
    });
    expect(settings.rooms.map((r) => r.callNum)).toEqual(['+99111253020382685']);
    expect(settings.recentMeetings[0]?.label).toBe('Weekly sync');
  });
});

describe('passwords at rest', () => {
  const weakBox = (): SecretBox => ({ ...createAesSecretBox(randomBytes(32)), protection: 'plain-text-backend' });

  it('keeps no password with a plain-text keyring backend unless the person opted in', async () => {
    const { dir } = tempStore({ secrets: false });
    const store = createSettingsStore(createConfBackend(dir), weakBox());
    await store.recordMeeting({ id: '914083136', password: 'Zq-secret-77' });
    expect(store.recentMeetings()[0]).not.toHaveProperty('passwordCipher');
    store.update({ allowPlainTextPasswords: true });
    await store.recordMeeting({ id: '914083136', password: 'Zq-secret-77' });
    expect(await store.rememberedPassword('914083136')).toBe('Zq-secret-77');
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).not.toContain('Zq-secret-77');
  });

  it('re-encrypts a secret when the keyring says so', async () => {
    const { dir } = tempStore({ secrets: false });
    const inner = createAesSecretBox(randomBytes(32));
    let rotate = true;
    const box: SecretBox = {
      protection: 'os-keyring',
      encrypt: (plainText) => inner.encrypt(plainText),
      decrypt: async (c) => ({ ...(await inner.decrypt(c)), shouldReEncrypt: rotate }),
    };
    const store = createSettingsStore(createConfBackend(dir), box);
    await store.recordMeeting({ id: '914083136', password: 'Zq-secret-77' });
    const before = store.recentMeetings()[0]?.passwordCipher;
    expect(await store.rememberedPassword('914083136')).toBe('Zq-secret-77');
    rotate = false;
    const after = store.recentMeetings()[0]?.passwordCipher;
    expect(after).not.toBe(before);
    expect(await store.rememberedPassword('914083136')).toBe('Zq-secret-77');
  });
});
