/**
 * The call-status sentences (window, room mode, tray, CLI) never claim the room *declined*:
 * Huawei documents no result code that means it (docs/api.md, "Codes of the call-status doors"),
 * so a call that fails without a code the catalogue knows is "the call failed", with its code.
 */
import { describe, expect, it } from 'vitest';
import type { CallReason, CallState, CallStatus } from '../../shared/call-status';
import { ERROR_CATALOGUE } from '../../shared/errors';
import { callAdvice, callHeadline, callStatusLine } from '../../shared/i18n/call-status-text';

const STATES: CallState[] = ['calling', 'joining', 'joined', 'not-joined', 'left', 'unconfirmed'];
const REASONS: (CallReason | undefined)[] = [
  undefined,
  'busy',
  'no-answer',
  'call-failed',
  'meeting-ended',
  'left',
  'hung-up',
  'not-in-meeting',
  'no-source',
  'host-password-refused',
  'status-failed',
];
const DECLINED = /declin|reject|refused the call|拒接|拒绝接听|拒绝了呼叫/iu;

describe('call-status sentences', () => {
  it('never say "declined", in any state, reason or language, with or without a code', () => {
    const sentences: string[] = [];
    for (const state of STATES)
      for (const reason of REASONS)
        for (const resultCode of [undefined, 'CALL.11076999', 'CALL.11111001'])
          for (const language of ['en', 'zh-CN'] as const) {
            const status: CallStatus = {
              meetingId: '914083136',
              callNum: '+99111253020382685',
              roomName: 'Room A',
              state,
              via: 'control',
              canHangUp: false,
              ...(reason ? { reason } : {}),
              ...(resultCode ? { resultCode } : {}),
            };
            sentences.push(callHeadline(status, language), callStatusLine(status, language), callAdvice(status, language) ?? '');
          }
    expect(sentences.length).toBe(STATES.length * REASONS.length * 3 * 2 * 3);
    expect(sentences.filter((s) => DECLINED.test(s))).toEqual([]);
    const resultCodes = Object.entries(ERROR_CATALOGUE).filter(([code]) => code.startsWith('CALL.'));
    expect(resultCodes.length).toBeGreaterThan(0);
    for (const [code, entry] of resultCodes)
      expect(`${code} ${entry.title.en} ${entry.title['zh-CN']} ${entry.action.en} ${entry.action['zh-CN']}`).not.toMatch(DECLINED);
  });

  it("explains MMC.111100012 (the control token refused: the meeting is on another site) with the catalogue's advice, en and zh-CN", () => {
    // Door A's token call can answer it (docs/api.md); the room is then followed no further.
    const status: CallStatus = {
      meetingId: '914083136',
      callNum: '+99111253020382685',
      roomName: 'Room A',
      state: 'unconfirmed',
      via: null,
      reason: 'status-failed',
      resultCode: 'MMC.111100012',
      canHangUp: false,
    };
    expect(callHeadline(status, 'en')).toBe('Call placed. Whether Room A joined cannot be confirmed (the status could not be read).');
    expect(callAdvice(status, 'en')).toBe('Choose the meeting’s site (Chinese mainland or international) in Settings.');
    expect(callAdvice(status, 'zh-CN')).toBe('请在设置中选择会议所在的站点（中国大陆或国际）。');
    expect(callStatusLine(status, 'zh-CN')).toBe('Room A：无法确认是否入会 — 无法读取状态');
    expect(ERROR_CATALOGUE['MMC.111100012']?.title['zh-CN']).toBe('该会议不在此站点，由区域站点承载。');
  });

  it('says a call that failed without a known code failed, with what to do', () => {
    const status: CallStatus = {
      meetingId: '914083136',
      callNum: '+99111253020382685',
      roomName: 'Room A',
      state: 'not-joined',
      via: 'control',
      reason: 'call-failed',
      canHangUp: false,
    };
    expect(callHeadline(status, 'en')).toBe('Room A did not join — the call failed');
    expect(callHeadline(status, 'zh-CN')).toBe('Room A 未入会 — 呼叫失败');
    expect(callAdvice(status, 'en')).toBe('Check that the room’s terminal is online, then invite again.');
  });
});
