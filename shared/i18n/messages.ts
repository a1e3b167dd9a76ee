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
    about: 'About QR Room Invite…',
    restartToUpdate: (version: string) => `Restart to update to ${version}`,
    quit: 'Quit',
  },
  notification: {
    calling: (room: string): Note => ({ title: `Calling ${room}…`, body: 'The room is being invited into the meeting.' }),
    failed: (error: InviteError): Note => {
      const entry = lookupError(error.code);
      return { title: entry.title.en, body: `${entry.action.en} (${error.code}${error.requestId ? `, ${error.requestId}` : ''})` };
    },
    scan: ({ outcome }: ScanOutcome): Note =>
      ({
        'no-code': {
          title: 'No QR code found',
          body: 'No meeting QR code is visible on the screen. Show the meeting’s QR code and try again.',
        },
        'empty-clipboard': {
          title: 'Nothing to read in the clipboard',
          body: 'The clipboard holds no picture or text. Copy the meeting’s QR code image, then try again.',
        },
        'not-ours': {
          title: 'Not a meeting QR code',
          body: 'A QR code was found, but it is not a meeting or a room. Open QR Room Invite to see what it says.',
        },
      })[outcome],
    shortcutTaken: (accelerator: string): Note => ({
      title: 'Shortcut not available',
      body: `${accelerator} is used by another application. Choose another shortcut in Settings.`,
    }),
  },
  update: {
    ready: (version: string): Note => ({
      title: `QR Room Invite ${version} is ready`,
      body: 'Choose “Restart to update” in the tray menu when it suits you; otherwise it is installed when you quit.',
    }),
    refused: (version: string): Note => ({
      title: 'Update refused',
      body: `The download of ${version} did not match its checksum and was discarded; it is tried again later. If this repeats, tell your IT department: the update server may hold a damaged file (details under About in the tray, and in the log).`,
    }),
  },
  about: {
    title: 'About QR Room Invite',
    version: (version: string) => `QR Room Invite ${version}`,
    runtime: (electron: string, chromium: string, node: string) => `Electron ${electron} · Chromium ${chromium} · Node ${node}`,
    mode: { off: 'Updates: off', notify: 'Updates: notify', install: 'Updates: install when idle' },
    feed: (url: string) => `Update server: ${url}`,
    noFeed: 'Update server: not set (updates.url)',
    state: {
      off: 'No update checks.',
      'no-feed': 'No update checks until an update server is set.',
      'refused-feed': (reason: string) => `Update server refused: ${reason}`,
      checking: 'Checking for updates…',
      'up-to-date': (at: string) => `Up to date (checked ${at}).`,
      downloading: (version: string) => `Downloading ${version}…`,
      downloaded: (version: string) => `${version} is downloaded and installs at restart.`,
      installing: (version: string) => `Installing ${version}…`,
      unreachable: (at: string) => `Update server not reachable; next try ${at}.`,
      checksum: (at: string) => `The last download failed its checksum and was discarded; next try ${at}.`,
      other: (message: string, at: string) => `Update failed (${message}); next try ${at}.`,
    },
    managedNone: 'Managed configuration: none',
    managed: (path: string, keys: readonly string[]) =>
      `Managed configuration: ${path}\nSet by your administrator: ${keys.length ? keys.join(', ') : 'nothing locked'}`,
    managedInvalid: (error: string) => `Managed configuration ignored: ${error}`,
    ok: 'OK',
    licenses: 'Licenses…',
  },
  /** Main's own dialog before invites (and their passwords) go to another server. */
  serverChange: {
    title: 'Change the meeting server?',
    message: 'Invitations, with their meeting passwords, will go to another server.',
    detail: (from: string, to: string) =>
      `Now: ${from}\nAfter the change: ${to}\n\nOnly confirm a change you made yourself in Settings. Remembered passwords are not sent to the new server; it asks for them again.`,
    confirm: 'Change server',
    cancel: 'Cancel',
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
    about: '关于 QR Room Invite…',
    restartToUpdate: (version) => `重新启动以更新到 ${version}`,
    quit: '退出',
  },
  notification: {
    calling: (room) => ({ title: `正在呼叫 ${room}…`, body: '正在邀请会议室加入会议。' }),
    failed: (error) => {
      const entry = lookupError(error.code);
      return {
        title: entry.title['zh-CN'],
        body: `${entry.action['zh-CN']}（${error.code}${error.requestId ? `，${error.requestId}` : ''}）`,
      };
    },
    scan: ({ outcome }) =>
      ({
        'no-code': { title: '未找到二维码', body: '屏幕上没有会议二维码。请显示会议二维码后重试。' },
        'empty-clipboard': { title: '剪贴板中没有可读取的内容', body: '剪贴板中没有图片或文字。请复制会议二维码图片后重试。' },
        'not-ours': { title: '不是会议二维码', body: '找到了二维码，但它不是会议或会议室二维码。请打开 QR Room Invite 查看其内容。' },
      })[outcome],
    shortcutTaken: (accelerator) => ({ title: '快捷键不可用', body: `${accelerator} 已被其他应用占用，请在设置中选择其他快捷键。` }),
  },
  update: {
    ready: (version) => ({
      title: `QR Room Invite ${version} 已就绪`,
      body: '方便时在托盘菜单中选择“重新启动以更新”；否则将在退出时安装。',
    }),
    refused: (version) => ({
      title: '已拒绝更新',
      body: `${version} 的下载内容与校验值不符，已丢弃，稍后会重试。如果反复出现，请告知 IT 部门：更新服务器上的文件可能已损坏（详情见托盘中的“关于”和日志）。`,
    }),
  },
  about: {
    title: '关于 QR Room Invite',
    version: (version) => `QR Room Invite ${version}`,
    runtime: (electron, chromium, node) => `Electron ${electron} · Chromium ${chromium} · Node ${node}`,
    mode: { off: '更新：关闭', notify: '更新：通知', install: '更新：空闲时安装' },
    feed: (url) => `更新服务器：${url}`,
    noFeed: '更新服务器：未设置（updates.url）',
    state: {
      off: '不检查更新。',
      'no-feed': '设置更新服务器之前不检查更新。',
      'refused-feed': (reason) => `已拒绝更新服务器：${reason}`,
      checking: '正在检查更新…',
      'up-to-date': (at) => `已是最新版本（检查于 ${at}）。`,
      downloading: (version) => `正在下载 ${version}…`,
      downloaded: (version) => `${version} 已下载，重新启动时安装。`,
      installing: (version) => `正在安装 ${version}…`,
      unreachable: (at) => `无法连接更新服务器；将于 ${at} 重试。`,
      checksum: (at) => `上次下载未通过校验，已丢弃；将于 ${at} 重试。`,
      other: (message, at) => `更新失败（${message}）；将于 ${at} 重试。`,
    },
    managedNone: '托管配置：无',
    managed: (path, keys) => `托管配置：${path}\n由管理员设置：${keys.length ? keys.join('、') : '未锁定任何设置'}`,
    managedInvalid: (error) => `托管配置已忽略：${error}`,
    ok: '确定',
    licenses: '许可证…',
  },
  serverChange: {
    title: '更改会议服务器？',
    message: '邀请及其会议密码将发送到另一台服务器。',
    detail: (from, to) =>
      `当前：${from}\n更改后：${to}\n\n请只确认您本人在设置中所做的更改。记住的密码不会发送到新服务器，届时会重新询问。`,
    confirm: '更改服务器',
    cancel: '取消',
  },
  ui: uiZh,
};

export const messages: Readonly<Record<Language, Messages>> = { en, 'zh-CN': zhCN };
