import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

  it('reports a settings file that breaks the schema, naming the field', () => {
    const { store, dir } = tempStore();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ schemaVersion: 1, site: 'mars' }));
    expect(() => store.read()).toThrow(/site/u);
  });
});
