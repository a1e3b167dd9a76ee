/**
 * The invite service end to end: validation, filling the missing half from the store, the
 * duplicate guard, history — over HTTPS against the simulator.
 */
import { describe, expect, it } from 'vitest';
import { createMeetingClient } from '../../core/api/meeting-client';
import { DUPLICATE_WINDOW_MS, createInviteService } from '../../core/invite-service';
import { createLogger } from '../../core/log';
import { ClientCode } from '../../shared/errors';
import { FIXTURE_GUEST_PASSWORD, FIXTURE_MEETING_ID, FIXTURE_ORG_ID, FIXTURE_TERMINAL } from '../../simulator/fixture';
import { closedPort, useSimulator } from '../helpers/simulator';
import { tempStore } from '../helpers/temp-store';

const sim = useSimulator();
const room = { id: 'room-a', name: 'Room A', callNum: FIXTURE_TERMINAL, orgId: FIXTURE_ORG_ID };
const logged: string[] = [];

function setup(options: { baseUrl?: string; rooms?: boolean } = {}) {
  const clock = { t: Date.parse('2026-11-25T09:00:00Z') };
  const { store, rawFile } = tempStore();
  if (options.rooms !== false) store.update({ rooms: [room], selectedRoomId: room.id });
  const logger = createLogger((level, message, data) => logged.push(`${level} ${message} ${JSON.stringify(data)}`));
  const client = createMeetingClient({
    baseUrl: options.baseUrl ?? sim().url,
    extraCaPem: sim().caPem,
    userAgent: 'test',
    timeoutMs: 2000,
    logger,
    sleep: () => Promise.resolve(),
  });
  const service = createInviteService({ client, store, logger, now: () => clock.t });
  return { service, store, clock, rawFile };
}

const meeting = { id: FIXTURE_MEETING_ID, password: FIXTURE_GUEST_PASSWORD };

describe('invite service', () => {
  it.each(['914 083 136', '914-083-136', '914.083.136', '９１４０８３１３６'])(
    'normalises the meeting ID %s to the same digits in query and body',
    async (id) => {
      const { service } = setup();
      expect(await service.invite({ meeting: { id, password: FIXTURE_GUEST_PASSWORD } })).toMatchObject({ ok: true });
      const [record] = sim().invites();
      expect(record?.conferenceID).toBe(FIXTURE_MEETING_ID);
      expect(record?.body).toMatchObject({ confID: FIXTURE_MEETING_ID });
    },
  );

  it('invites the selected room when no terminal is given', async () => {
    const { service } = setup();
    await service.invite({ meeting });
    expect(sim().invites()[0]?.body).toMatchObject({ callNum: FIXTURE_TERMINAL, orgID: FIXTURE_ORG_ID });
  });

  it('prefers the terminal of the request over the selected room', async () => {
    const { service } = setup();
    await service.invite({ meeting, terminal: { callNum: 'sip:+99111253020399999@huaweicloud.com' } });
    expect(sim().invites()[0]?.body).toMatchObject({ callNum: '+99111253020399999' });
  });

  it.each([
    ['letters in the meeting ID', { meeting: { id: '91408313a', password: 'x' } }, ClientCode.invalidInput, 'meeting.id'],
    ['a 5-digit meeting ID', { meeting: { id: '12345', password: 'x' } }, ClientCode.invalidInput, 'meeting.id'],
    ['a SIP number with letters', { meeting, terminal: { callNum: '+9911x25' } }, ClientCode.invalidInput, 'terminal.callNum'],
    ['a number type of 2', { meeting, terminal: { callNum: FIXTURE_TERMINAL, numberType: 2 } }, ClientCode.invalidInput, 'numberType'],
    ['not an object', 'invite me', ClientCode.invalidInput, ''],
  ])('refuses %s and sends nothing', async (_name, request, code, field) => {
    const { service } = setup();
    const result = await service.invite(request);
    expect(result).toMatchObject({ ok: false, error: { code, outcome: 'failed' } });
    if (result.ok === false) expect(result.error.detail ?? '').toContain(field);
    expect(sim().invites()).toHaveLength(0);
  });

  it('asks for a room when none is selected, and for a password when none is known', async () => {
    const noRoom = setup({ rooms: false });
    expect(await noRoom.service.invite({ meeting })).toMatchObject({ ok: false, error: { code: ClientCode.missingTerminal } });
    const { service } = setup();
    expect(await service.invite({ meeting: { id: FIXTURE_MEETING_ID } })).toMatchObject({
      ok: false,
      error: { code: ClientCode.missingPassword },
    });
    expect(sim().invites()).toHaveLength(0);
  });

  it('remembers an accepted password (encrypted) and uses it next time', async () => {
    const { service, store, clock, rawFile } = setup();
    await service.invite({ meeting });
    clock.t += DUPLICATE_WINDOW_MS;
    expect(await service.invite({ meeting: { id: FIXTURE_MEETING_ID } })).toMatchObject({ ok: true });
    expect(sim().invites()).toHaveLength(2);
    expect(store.recentMeetings()[0]?.id).toBe(FIXTURE_MEETING_ID);
    expect(rawFile()).not.toContain(FIXTURE_GUEST_PASSWORD);
  });

  it('does not remember a refused password', async () => {
    const { service, store } = setup();
    const result = await service.invite({ meeting: { id: FIXTURE_MEETING_ID, password: '999999' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'MMC.111072065' } });
    expect(await store.rememberedPassword(FIXTURE_MEETING_ID)).toBeUndefined();
  });

  it('refuses an identical invite within 10 seconds, and allows it afterwards', async () => {
    const { service, clock } = setup();
    const [first, second] = await Promise.all([service.invite({ meeting }), service.invite({ meeting })]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, error: { code: ClientCode.duplicateInvite } });
    clock.t += DUPLICATE_WINDOW_MS - 1;
    expect(await service.invite({ meeting })).toMatchObject({ ok: false, error: { code: ClientCode.duplicateInvite } });
    clock.t += 1;
    expect(await service.invite({ meeting })).toMatchObject({ ok: true });
    expect(sim().invites()).toHaveLength(2);
  });

  it('lets a different password or room through the duplicate guard at once', async () => {
    const { service } = setup();
    await service.invite({ meeting: { id: FIXTURE_MEETING_ID, password: '111111' } });
    expect(await service.invite({ meeting })).toMatchObject({ ok: true });
    expect(await service.invite({ meeting, terminal: { callNum: '+99111253020399999' } })).toMatchObject({ ok: true });
  });

  it('allows retrying at once after a failure where nothing was sent', async () => {
    const port = await closedPort();
    const { service } = setup({ baseUrl: `https://127.0.0.1:${port}` });
    expect(await service.invite({ meeting })).toMatchObject({ ok: false, error: { code: ClientCode.network } });
    expect(await service.invite({ meeting })).toMatchObject({ ok: false, error: { code: ClientCode.network } });
  });

  it('records an outcome-unknown invite in the history (the room may be ringing)', async () => {
    const { service, store } = setup();
    sim().setFaults({ queue: [{ kind: 'reset' }] });
    expect(await service.invite({ meeting })).toMatchObject({ ok: false, error: { outcome: 'unknown' } });
    expect(store.recentMeetings()[0]?.id).toBe(FIXTURE_MEETING_ID);
    expect(await service.invite({ meeting })).toMatchObject({ ok: false, error: { code: ClientCode.duplicateInvite } });
  });

  it('builds a dry run with the password masked and sends nothing', async () => {
    const { service } = setup();
    const result = await service.invite({ meeting }, { dryRun: true });
    expect(result).toEqual({
      ok: 'dry-run',
      call: { meetingId: FIXTURE_MEETING_ID, password: '******', callNum: FIXTURE_TERMINAL, orgId: FIXTURE_ORG_ID },
    });
    expect(sim().invites()).toHaveLength(0);
  });

  it('never logs a password', () => {
    expect(logged.length).toBeGreaterThan(5);
    const all = logged.join('\n');
    for (const secret of [FIXTURE_GUEST_PASSWORD, '999999', '111111']) expect(all).not.toContain(secret);
  });
});
