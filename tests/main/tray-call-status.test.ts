/**
 * The tray while a room invited from this computer is in a meeting (docs/api.md, "After the
 * invite"): "Hang up Room A" first, acting on that call; the tooltip names the meeting.
 */
import { describe, expect, it } from 'vitest';
import type { CallStatus } from '../../shared/call-status';
import { inMeetingTooltip } from '../../shared/i18n/call-status-text';
import { trayMenuTemplate, type TrayActions, type TrayState } from '../../main/tray-menu';

const hungUp: CallStatus[] = [];
const noop = () => undefined;
const actions: TrayActions = {
  scanScreen: noop,
  inviteFromClipboard: noop,
  reinvite: noop,
  selectRoom: noop,
  openWindow: noop,
  openSettings: noop,
  about: noop,
  restartToUpdate: noop,
  quit: noop,
  hangUp: (call) => hungUp.push(call),
};
const state: TrayState = { language: 'en', rooms: [], selectedRoomId: undefined, recentMeetings: [], shortcut: undefined };
const joined: CallStatus = {
  meetingId: '914083136',
  callNum: '+99111253020382685',
  roomName: 'Room A',
  state: 'joined',
  via: 'control',
  canHangUp: true,
};

describe('tray during a call', () => {
  it('offers "Hang up Room A" only while the room is in a meeting, and hangs up that call', () => {
    expect(trayMenuTemplate(state, actions).map((item) => item.label)).not.toContain('Hang up Room A');
    const menu = trayMenuTemplate({ ...state, inMeeting: [joined] }, actions);
    expect(menu[0]?.label).toBe('Hang up Room A');
    expect(menu[1]?.type).toBe('separator');
    (menu[0]?.click as () => void)();
    expect(hungUp).toEqual([joined]);
    expect(trayMenuTemplate({ ...state, language: 'zh-CN', inMeeting: [joined] }, actions)[0]?.label).toBe('挂断 Room A');
    // A room whose door cannot hang up gets no item.
    expect(trayMenuTemplate({ ...state, inMeeting: [{ ...joined, canHangUp: false }] }, actions)[0]?.label).not.toBe('Hang up Room A');
  });

  it('names the meeting in the tooltip', () => {
    expect(inMeetingTooltip(joined, 'en')).toBe('Room A — in meeting 914 083 136');
    expect(inMeetingTooltip(joined, 'zh-CN')).toBe('Room A — 正在会议 914 083 136 中');
  });
});
