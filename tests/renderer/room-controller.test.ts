/**
 * Room mode's decisions with a fake clock: countdown, one invitation while a code stays in
 * view, the cooldown, a second meeting at once, cancel, and the notices that never invite.
 * (The same behaviour runs against a fake camera in tests/browser/room-mode.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { InviteIpcRequest, InviteSuccess, IpcResult } from '../../shared/ipc';
import type { Room } from '../../shared/settings';
import { createRoomController, type RoomClock } from '../../renderer/src/room/room-controller';
import { createMeetingGate, GONE_AFTER_MS, MIN_COOLDOWN_MS } from '../../renderer/src/room/room-gate';

const ROOM: Room = { id: 'room-a', name: 'Room A', callNum: '+99111253020382685', orgId: '115489', numberType: 0 };
const MEETING_A = '会议ID：914 083 136 来宾密码：123123';
const MEETING_B = 'Meeting ID: 914 083 137 Guest password: 123123';
const LINK_NO_PASSWORD = 'https://meeting.huaweicloud.com/#/j/914083136/EWmHgcyGmDYDQEamd0oT9TcSwzMUxZlLA';

function fakeClock() {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: RoomClock = {
    now: () => now,
    wall: () => 1_700_000_000_000 + now,
    setTimeout: (run, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((t) => t.id !== handle);
    },
  };
  /** Advances time by `ms`, running due timers in order. */
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.run();
    }
    now = end;
  };
  return { clock, advance };
}

function setup(
  answer: (request: InviteIpcRequest) => IpcResult<InviteSuccess> = (r) => ({
    ok: true,
    value: { requestId: 'req-1', meetingId: r.meeting.id, callNum: ROOM.callNum, roomName: ROOM.name },
  }),
) {
  const { clock, advance } = fakeClock();
  const sent: InviteIpcRequest[] = [];
  const room = createRoomController({
    invite: (request) => {
      sent.push(request);
      return Promise.resolve(answer(request));
    },
    room: () => ROOM,
    cooldownSeconds: () => 5,
    clock,
  });
  /** `texts` in view for `ms`, one frame every 100 ms. */
  const show = async (texts: string[], ms: number) => {
    for (let t = 0; t < ms; t += 100) {
      room.frame(texts);
      advance(100);
      await Promise.resolve();
    }
  };
  return { room, sent, show, advance, kind: () => room.state.get().activity.kind };
}

describe('room mode controller', () => {
  it('counts down 3 s, invites the selected room once, and never again while the code stays in view', async () => {
    const t = setup();
    await t.show([MEETING_A], 1000);
    expect(t.room.state.get().activity).toMatchObject({ kind: 'countdown', remaining: 2 });
    expect(t.sent).toHaveLength(0);
    await t.show([MEETING_A], 2500);
    expect(t.sent).toEqual([
      { meeting: { id: '914083136', password: '123123' }, roomId: 'room-a', rememberPassword: false, origin: 'camera' },
    ]);
    expect(t.kind()).toBe('success');
    await t.show([MEETING_A], 60_000); // far beyond the cooldown, still in view
    expect(t.sent).toHaveLength(1);
    expect(t.room.state.get().lastInvite).toMatchObject({ meetingId: '914083136', ok: true });
  });

  it('invites the same meeting again only after its code left the view and the cooldown passed', async () => {
    const t = setup();
    await t.show([MEETING_A], 3500);
    expect(t.sent).toHaveLength(1);
    await t.show([], GONE_AFTER_MS + 500);
    await t.show([MEETING_A], 3500); // back within the cooldown (at least 12 s: main refuses repeats within 10 s)
    expect(t.sent).toHaveLength(1);
    await t.show([], MIN_COOLDOWN_MS);
    await t.show([MEETING_A], 3500);
    expect(t.sent).toHaveLength(2);
  });

  it('handles a different meeting at once', async () => {
    const t = setup();
    await t.show([MEETING_A], 3500);
    await t.show([MEETING_B], 3500);
    expect(t.sent.map((r) => r.meeting.id)).toEqual(['914083136', '914083137']);
  });

  it('cancel sends nothing; the code is offered again once shown anew', async () => {
    const t = setup();
    await t.show([MEETING_A], 1000);
    expect(t.room.cancel()).toBe(true);
    expect(t.kind()).toBe('cancelled');
    await t.show([MEETING_A], 10_000);
    expect(t.sent).toHaveLength(0);
    await t.show([], GONE_AFTER_MS + 500);
    await t.show([MEETING_A], 500);
    expect(t.kind()).toBe('countdown');
  });

  it('after a failure where nothing was sent, the same code shown again is tried again (no cooldown)', async () => {
    const t = setup(() => ({ ok: false, error: { code: 'MMC.111072005', outcome: 'failed', status: 400 } }));
    await t.show([MEETING_A], 3500);
    expect(t.room.state.get().activity).toMatchObject({ kind: 'failure', error: { code: 'MMC.111072005' } });
    expect(t.room.state.get().lastError).toMatchObject({ code: 'MMC.111072005' });
    await t.show([MEETING_A], 10_000);
    expect(t.sent).toHaveLength(1);
    await t.show([], GONE_AFTER_MS + 500);
    await t.show([MEETING_A], 3500);
    expect(t.sent).toHaveLength(2);
  });

  it('a code without a password, a room code and an unrelated code give a notice and invite nothing', async () => {
    const t = setup();
    await t.show([LINK_NO_PASSWORD], 4000);
    expect(t.room.state.get().activity).toMatchObject({ kind: 'notice', notice: { kind: 'no-password', meetingId: '914083136' } });
    await t.show(['qr-room-invite://v1?terminal=%2B99111253020382687&org=115489'], 4000);
    expect(t.room.state.get().activity).toMatchObject({ kind: 'notice', notice: { kind: 'terminal' } });
    await t.show(['https://example.com/'], 4000);
    expect(t.room.state.get().activity).toMatchObject({ kind: 'notice', notice: { kind: 'not-meeting' } });
    t.advance(10_000);
    expect(t.kind()).toBe('idle');
    expect(t.sent).toHaveLength(0);
  });

  it('the gate forgets a meeting once it left the view and its cooldown is over', () => {
    const gate = createMeetingGate(1000);
    expect(gate.seen('m', 0)).toBe(true);
    gate.handled('m', 0, 5000);
    expect(gate.seen('m', 500)).toBe(false);
    expect(gate.seen('m', 4000)).toBe(false); // left and came back, cooldown not over
    expect(gate.seen('m', 4500)).toBe(false);
    expect(gate.seen('m', 9000)).toBe(true);
  });
});
