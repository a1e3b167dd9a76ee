/**
 * What a call status says to a person, in English and Simplified Chinese: one headline and,
 * where something can be done, what to do. Written once for the window, room mode, the tray and
 * the CLI (docs/api.md, "After the invite").
 */
import type { CallReason, CallStatus } from '../call-status';
import { lookupError } from '../errors';
import type { Language } from '../schemas';

const reasonsEn: Record<CallReason, string> = {
  busy: 'busy',
  'no-answer': 'no answer within the wait',
  'call-failed': 'the call failed',
  'meeting-ended': 'the meeting ended',
  left: 'the room left',
  'hung-up': 'hung up',
  'not-in-meeting': 'not in the meeting',
  'no-source': 'no host password or App ID',
  'host-password-refused': 'the host password was refused',
  'status-failed': 'the status could not be read',
};

const reasonsZh: Record<CallReason, string> = {
  busy: '忙线',
  'no-answer': '等待时间内无人接听',
  'call-failed': '呼叫失败',
  'meeting-ended': '会议已结束',
  left: '会议室已离开',
  'hung-up': '已挂断',
  'not-in-meeting': '不在会议中',
  'no-source': '没有主持人密码或 App ID',
  'host-password-refused': '主持人密码被拒绝',
  'status-failed': '无法读取状态',
};

/** Groups a meeting ID as people read it: 914083136 → 914 083 136. */
export function groupMeetingId(id: string): string {
  return id.replace(/\B(?=(\d{3})+$)/gu, ' ');
}

export function reasonText(reason: CallReason, language: Language): string {
  return (language === 'zh-CN' ? reasonsZh : reasonsEn)[reason];
}

export function callHeadline(status: CallStatus, language: Language): string {
  const room = status.roomName;
  const zh = language === 'zh-CN';
  const why = status.reason ? reasonText(status.reason, language) : '';
  switch (status.state) {
    case 'calling':
      return zh ? `正在呼叫 ${room}…` : `Calling ${room}…`;
    case 'joining':
      return zh ? `${room} 正在入会…` : `${room} is joining…`;
    case 'joined':
      return zh ? `${room} 已加入会议` : `${room} joined the meeting`;
    case 'not-joined':
      return zh ? `${room} 未入会 — ${why}` : `${room} did not join — ${why}`;
    case 'left':
      return zh ? `${room} 已离开会议 — ${why}` : `${room} left the meeting — ${why}`;
    case 'unconfirmed':
      if (status.reason === 'no-source') {
        return zh
          ? `已发出呼叫。没有主持人密码或企业 App ID，无法确认 ${room} 是否已入会。`
          : `Call placed. Whether ${room} joined cannot be confirmed without the host password or an enterprise App ID.`;
      }
      return zh
        ? `已发出呼叫。无法确认 ${room} 是否已入会（${why}）。`
        : `Call placed. Whether ${room} joined cannot be confirmed (${why}).`;
  }
}

/**
 * The call in a few words, for room mode's status line: the headline, except the long
 * unconfirmed sentence, which there becomes "Room A: not confirmed — <why>".
 */
export function callStatusLine(status: CallStatus, language: Language): string {
  if (status.state !== 'unconfirmed') return callHeadline(status, language);
  const why = status.reason ? reasonText(status.reason, language) : '';
  return language === 'zh-CN' ? `${status.roomName}：无法确认是否入会 — ${why}` : `${status.roomName}: joining not confirmed — ${why}`;
}

/** What to do, when there is something to do (a failure with a catalogued code or reason). */
export function callAdvice(status: CallStatus, language: Language): string | undefined {
  if (status.state !== 'not-joined' && status.state !== 'unconfirmed') return undefined;
  if (status.reason === 'no-source') return undefined;
  if (status.resultCode) return lookupError(status.resultCode).action[language];
  const zh = language === 'zh-CN';
  if (status.reason === 'no-answer')
    return zh ? '请确认会议室终端已开机且无人占用，然后重新邀请。' : 'Check that the room’s terminal is on and free, then invite again.';
  if (status.reason === 'call-failed')
    return zh ? '请确认会议室终端在线后重新邀请。' : 'Check that the room’s terminal is online, then invite again.';
  return undefined;
}

/** The invite form's optional host password field (door A: follow the call, hang up). */
export function hostPasswordLabel(language: Language): string {
  return language === 'zh-CN' ? '主持人密码（可选：确认入会并可挂断）' : 'Host password (optional: confirm and hang up)';
}

/** Under the host password field when main keeps this meeting's host password (never shown). */
export function hostPasswordRememberedHelp(language: Language): string {
  return language === 'zh-CN'
    ? '已记住此会议的主持人密码。留空即使用它。'
    : 'The host password of this meeting is remembered. Leave this empty to use it.';
}

/** The button that hangs the room up (window outcome, room mode). */
export function hangUpLabel(language: Language): string {
  return language === 'zh-CN' ? '挂断' : 'Hang up';
}

/** Room mode's "End call", its confirmation and the way back. */
export function endCallText(room: string, language: Language): { button: string; question: string; confirm: string; keep: string } {
  return language === 'zh-CN'
    ? { button: '结束通话', question: `结束 ${room} 的通话？`, confirm: '是，结束通话', keep: '继续通话' }
    : { button: 'End call', question: `End ${room}’s call?`, confirm: 'Yes, end the call', keep: 'Keep the call' };
}

/** The tray item that hangs up a room invited from this computer. */
export function hangUpRoomLabel(room: string, language: Language): string {
  return language === 'zh-CN' ? `挂断 ${room}` : `Hang up ${room}`;
}

/** The tray tooltip while a room invited from this computer is in a meeting. */
export function inMeetingTooltip(status: CallStatus, language: Language): string {
  return language === 'zh-CN'
    ? `${status.roomName} — 正在会议 ${groupMeetingId(status.meetingId)} 中`
    : `${status.roomName} — in meeting ${groupMeetingId(status.meetingId)}`;
}
