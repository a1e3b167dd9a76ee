/**
 * Every visible string, in English and Simplified Chinese, as a typed dictionary: the Chinese
 * table must have exactly the shape of the English one, so a missing string is a type error.
 * Main (tray, notifications) and the renderer both speak from it; the window's own strings
 * (`ui`) live in ./ui-en.ts and ./ui-zh.ts to keep each file readable.
 */
import { lookupError } from '../errors';
import type { InviteError } from '../invite-result';
import type { ScanOutcome } from '../ipc';
import type { Language } from '../schemas';
import { uiEn } from './ui-en';
import { uiZh } from './ui-zh';

interface Note {
  title: string;
  body: string;
}

const en = {
  appName: 'QR Room Invite',
  tray: {
    tooltip: (room: string | undefined) => (room ? `QR Room Invite — ${room}` : 'QR Room Invite — no room selected'),
    scanScreen: 'Scan screen for meeting QR',
    clipboard: 'Invite from clipboard image',
    recent: 'Recent meetings',
    noRecent: 'No recent meetings',
    room: 'Room',
    noRooms: 'No rooms yet — add one in Settings',
    open: 'Open QR Room Invite…',
    settings: 'Settings…',
    quit: 'Quit',
  },
  notification: {
    calling: (room: string): Note => ({ title: `Calling ${room}…`, body: 'The room is being invited into the meeting.' }),
    failed: (error: InviteError): Note => {
      const entry = lookupError(error.code);
      return { title: entry.title.en, body: `${entry.action.en} (${error.code}${error.requestId ? `, ${error.requestId}` : ''})` };
    },
    scan: (outcome: ScanOutcome): Note =>
      outcome.outcome === 'no-code'
        ? { title: 'No QR code found', body: 'No meeting QR code is visible on the screen. Show the meeting’s QR code and try again.' }
        : { title: 'Not a meeting QR code', body: outcome.reason },
    shortcutTaken: (accelerator: string): Note => ({
      title: 'Shortcut not available',
      body: `${accelerator} is used by another application. Choose another shortcut in Settings.`,
    }),
  },
  ui: uiEn,
};

export type Messages = typeof en;

const zhCN: Messages = {
  appName: 'QR Room Invite',
  tray: {
    tooltip: (room) => (room ? `QR Room Invite — ${room}` : 'QR Room Invite — 未选择会议室'),
    scanScreen: '扫描屏幕上的会议二维码',
    clipboard: '从剪贴板图片邀请',
    recent: '最近的会议',
    noRecent: '暂无最近的会议',
    room: '会议室',
    noRooms: '尚无会议室——请在设置中添加',
    open: '打开 QR Room Invite…',
    settings: '设置…',
    quit: '退出',
  },
  notification: {
    calling: (room) => ({ title: `正在呼叫 ${room}…`, body: '正在邀请会议室加入会议。' }),
    failed: (error) => {
      const entry = lookupError(error.code);
      return { title: entry.title['zh-CN'], body: `${entry.action['zh-CN']}（${error.code}${error.requestId ? `，${error.requestId}` : ''}）` };
    },
    scan: (outcome) =>
      outcome.outcome === 'no-code'
        ? { title: '未找到二维码', body: '屏幕上没有会议二维码。请显示会议二维码后重试。' }
        : { title: '不是会议二维码', body: outcome.reason },
    shortcutTaken: (accelerator) => ({ title: '快捷键不可用', body: `${accelerator} 已被其他应用占用，请在设置中选择其他快捷键。` }),
  },
  ui: uiZh,
};

export const messages: Readonly<Record<Language, Messages>> = { en, 'zh-CN': zhCN };
