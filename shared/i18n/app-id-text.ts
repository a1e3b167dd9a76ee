/**
 * The Settings "Enterprise App ID" section's words, in English and Simplified Chinese (door B of
 * docs/api.md): an administrator's App ID, its write-only App Key, an optional user ID, the wait
 * for a room to join, and "Test connection".
 */
import type { Language } from '../schemas';

const en = {
  heading: 'Enterprise App ID',
  help: 'With your enterprise’s App ID and App Key the app can confirm that a room joined and hang it up, without the host password.',
  appId: 'App ID',
  appKey: 'App Key',
  appKeyHelp: 'Write-only: once saved it is never shown again.',
  appKeySaved: (protection: string) => `Saved, protected by ${protection}.`,
  appKeyNotSaved: 'No App Key saved.',
  appKeyOtherServer: (server: string) =>
    `Saved for ${server} only, so not used with the server chosen in Settings. Enter the key again to use it with this one.`,
  appKeyManagedOtherServer: (server: string) =>
    `Your administrator’s App Key is for ${server} only, so it is not used with the server chosen in Settings.`,
  saveKey: 'Save App Key',
  forgetKey: 'Forget App Key',
  userId: 'User ID (optional)',
  waitSeconds: 'Wait for the room to join (seconds)',
  test: 'Test connection',
  testing: 'Testing…',
  testOk: 'Connected: the App ID and App Key are accepted.',
  protections: {
    'os-keyring': 'the system keyring',
    'key-file': 'a key file',
    'plain-text-backend': 'nothing (no keyring here)',
    'managed-file': 'your administrator’s file',
  },
};

const zh: typeof en = {
  heading: '企业 App ID',
  help: '使用企业的 App ID 和 App Key，无需主持人密码即可确认会议室已入会并可挂断。',
  appId: 'App ID',
  appKey: 'App Key',
  appKeyHelp: '只写：保存后不再显示。',
  appKeySaved: (protection: string) => `已保存，由${protection}保护。`,
  appKeyNotSaved: '未保存 App Key。',
  appKeyOtherServer: (server: string) =>
    `已保存的 App Key 仅用于 ${server}，不会用于“设置”中所选的服务器。如需在此服务器使用，请重新输入。`,
  appKeyManagedOtherServer: (server: string) => `管理员提供的 App Key 仅用于 ${server}，不会用于“设置”中所选的服务器。`,
  saveKey: '保存 App Key',
  forgetKey: '删除 App Key',
  userId: '用户 ID（可选）',
  waitSeconds: '等待会议室入会（秒）',
  test: '测试连接',
  testing: '正在测试…',
  testOk: '连接成功：App ID 和 App Key 有效。',
  protections: {
    'os-keyring': '系统钥匙串',
    'key-file': '密钥文件',
    'plain-text-backend': '无（此电脑没有钥匙串）',
    'managed-file': '管理员提供的文件',
  },
};

export function appIdText(language: Language): typeof en {
  return language === 'zh-CN' ? zh : en;
}
