/** The tray's update item and About box (pure functions of the app's state). */
import { describe, expect, it } from 'vitest';
import { aboutBox, type AboutInfo } from '../../main/about';
import { trayMenuTemplate, type TrayActions, type TrayState } from '../../main/tray-menu';

const calls: string[] = [];
const actions: TrayActions = {
  scanScreen: () => calls.push('scan'),
  inviteFromClipboard: () => calls.push('clipboard'),
  reinvite: () => calls.push('reinvite'),
  selectRoom: () => calls.push('room'),
  openWindow: () => calls.push('open'),
  openSettings: () => calls.push('settings'),
  about: () => calls.push('about'),
  restartToUpdate: () => calls.push('restart to update'),
  quit: () => calls.push('quit'),
};
const state: TrayState = { language: 'en', rooms: [], selectedRoomId: undefined, recentMeetings: [], shortcut: undefined };

describe('tray menu and updates', () => {
  it('offers "Restart to update to 1.3.0" above Quit once an update is downloaded, and About always', () => {
    const labels = (s: TrayState) => trayMenuTemplate(s, actions).map((item) => item.label ?? item.type);
    expect(labels(state).slice(-4)).toEqual(['Settings…', 'About QR Room Invite…', 'separator', 'Quit']);
    const menu = trayMenuTemplate({ ...state, updateReady: '1.3.0' }, actions);
    expect(menu.map((item) => item.label ?? item.type).slice(-3)).toEqual(['separator', 'Restart to update to 1.3.0', 'Quit']);
    calls.length = 0;
    (menu.at(-2)?.click as () => void)();
    expect(calls).toEqual(['restart to update']);
    expect(trayMenuTemplate({ ...state, language: 'zh-CN', updateReady: '1.3.0' }, actions).at(-2)?.label).toBe('重新启动以更新到 1.3.0');
  });
});

describe('About box', () => {
  const info: AboutInfo = {
    language: 'en',
    version: '0.1.0',
    versions: { electron: '45.5.0', chrome: '142.0.7444.52', node: '22.20.0' },
    updates: { mode: 'install', url: 'https://updates.corp.example/qrri/' },
    updateState: { kind: 'up-to-date', checkedAt: '2026-11-29T09:00:00.000Z' },
    managed: { path: 'C:\\ProgramData\\QR Room Invite\\managed.json', locked: ['rooms', 'updates'] },
    formatTime: (iso) => iso.slice(11, 16),
  };

  it('shows the version, Electron and Chromium, the update mode, server and state, and the managed configuration', () => {
    const box = aboutBox(info);
    expect(box.message).toBe('QR Room Invite 0.1.0');
    expect(box.detail.split('\n')).toEqual([
      'Electron 45.5.0 · Chromium 142.0.7444.52 · Node 22.20.0',
      '',
      'Updates: install when idle',
      'Update server: https://updates.corp.example/qrri/',
      'Up to date (checked 09:00).',
      '',
      'Managed configuration: C:\\ProgramData\\QR Room Invite\\managed.json',
      'Set by your administrator: rooms, updates',
    ]);
    expect(box.buttons).toEqual(['OK', 'Licenses…']);
  });

  it('says why updates do not run and when a managed file was ignored, in Chinese too', () => {
    const refused = aboutBox({
      ...info,
      language: 'zh-CN',
      updates: { mode: 'notify' },
      updateState: {
        kind: 'failed',
        reason: 'checksum',
        message: 'sha512 checksum mismatch',
        retryAt: '2026-11-29T09:05:00.000Z',
        version: '1.3.0',
      },
      managed: { path: '/etc/qrri.json', error: '/etc/qrri.json: settings.rooms: Invalid input', locked: [] },
    });
    expect(refused.title).toBe('关于 QR Room Invite');
    expect(refused.detail).toContain('更新服务器：未设置（updates.url）');
    expect(refused.detail).toContain('上次下载未通过校验，已丢弃；将于 09:05 重试。');
    expect(refused.detail).toContain('托管配置已忽略：/etc/qrri.json: settings.rooms: Invalid input');
    expect(aboutBox({ ...info, updates: { mode: 'off' }, updateState: { kind: 'off' }, managed: { locked: [] } }).detail).toMatch(
      /Updates: off\nUpdate server: not set \(updates\.url\)\nNo update checks\.\n\nManaged configuration: none$/u,
    );
  });
});
