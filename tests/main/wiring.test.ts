/** Small Electron-facing pieces checked with fakes: tray menu, permissions, protocol, shortcut, links, screens. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, BAD_REQUEST, CONTENT_SECURITY_POLICY, resolveAppFile, setupAppProtocol } from '../../main/app-protocol';
import { findAppLink } from '../../main/deep-link';
import { isPermissionAllowed } from '../../main/permissions';
import { createSafeStorageBox } from '../../main/safe-storage-box';
import { captureScreens } from '../../main/screens';
import { registerScanShortcut } from '../../main/shortcut';
import { trayIconPath } from '../../main/tray-icon';
import { trayMenuTemplate, type TrayActions } from '../../main/tray-menu';
import { existsSync } from 'node:fs';

function recorder() {
  const calls: string[] = [];
  const actions: TrayActions = {
    scanScreen: () => calls.push('scan'),
    inviteFromClipboard: () => calls.push('clipboard'),
    reinvite: (id) => calls.push(`reinvite ${id}`),
    selectRoom: (id) => calls.push(`room ${id}`),
    openWindow: () => calls.push('open'),
    openSettings: () => calls.push('settings'),
    about: () => calls.push('about'),
    restartToUpdate: () => calls.push('restart to update'),
    quit: () => calls.push('quit'),
  };
  return { calls, actions };
}

const rooms = [
  { id: 'a', name: 'Room A', callNum: '+99111253020382685' },
  { id: 'b', name: 'Room B', callNum: '+99111253020300002' },
];

describe('tray menu', () => {
  it('has the items of the design, the shortcut, recent meetings and rooms', () => {
    const { calls, actions } = recorder();
    const menu = trayMenuTemplate(
      {
        language: 'en',
        rooms,
        selectedRoomId: 'b',
        recentMeetings: [{ id: '914083136', label: 'Weekly sync' }, { id: '914083137' }],
        shortcut: 'CommandOrControl+Shift+Q',
      },
      actions,
    );
    expect(menu.map((item) => item.label ?? item.type)).toEqual([
      'Scan screen for meeting QR',
      'Invite from clipboard image',
      'separator',
      'Recent meetings',
      'Room',
      'separator',
      'Open QR Room Invite…',
      'Settings…',
      'About QR Room Invite…',
      'separator',
      'Quit',
    ]);
    expect(menu[0]?.accelerator).toBe('CommandOrControl+Shift+Q');
    const recent = menu[3]?.submenu as { label: string; click: () => void }[];
    expect(recent.map((item) => item.label)).toEqual(['Weekly sync (914 083 136)', '914 083 137']);
    recent[1]?.click();
    const roomItems = menu[4]?.submenu as { label: string; checked: boolean; click: () => void }[];
    expect(roomItems.map((item) => [item.label, item.checked])).toEqual([
      ['Room A', false],
      ['Room B', true],
    ]);
    roomItems[0]?.click();
    for (const index of [0, 1, 6, 7, 8, 10]) (menu[index]?.click as () => void)();
    expect(calls).toEqual(['reinvite 914083137', 'room a', 'scan', 'clipboard', 'open', 'settings', 'about', 'quit']);
  });

  it('speaks Chinese and says when there is nothing to list', () => {
    const menu = trayMenuTemplate(
      { language: 'zh-CN', rooms: [], selectedRoomId: undefined, recentMeetings: [], shortcut: undefined },
      recorder().actions,
    );
    expect(menu[0]).toMatchObject({ label: '扫描屏幕上的会议二维码' });
    expect(menu[0]).not.toHaveProperty('accelerator');
    expect(menu[3]?.submenu).toEqual([{ label: '暂无最近的会议', enabled: false }]);
    expect(menu[4]?.submenu).toEqual([{ label: '尚无会议室——请在设置中添加', enabled: false }]);
  });
});

describe('tray icons', () => {
  it.each([
    ['darwin', false, 'trayTemplate.png'],
    ['darwin', true, 'trayTemplate.png'],
    ['win32', false, 'tray-dark.ico'],
    ['win32', true, 'tray-light.ico'],
    ['linux', false, 'tray-dark.png'],
    ['linux', true, 'tray-light.png'],
  ])('%s (dark theme: %s) uses build/tray/%s, which exists with its @2x variant', (platform, dark, file) => {
    const path = trayIconPath('build/tray', platform, dark);
    expect(path).toBe(join('build/tray', file));
    expect(existsSync(path)).toBe(true);
    if (path.endsWith('.png')) expect(existsSync(path.replace('.png', '@2x.png'))).toBe(true);
  });
});

describe('permissions', () => {
  it.each([
    ['camera for our page', 'media', `${APP_ORIGIN}/index.html`, ['video'], true],
    ['screen capture for our page', 'display-capture', `${APP_ORIGIN}/`, [], true],
    ['the microphone', 'media', `${APP_ORIGIN}/`, ['audio'], false],
    ['camera and microphone', 'media', `${APP_ORIGIN}/`, ['video', 'audio'], false],
    ['camera for another origin', 'media', 'https://evil.example/', ['video'], false],
    ['notifications', 'notifications', `${APP_ORIGIN}/`, [], false],
    ['geolocation', 'geolocation', `${APP_ORIGIN}/`, [], false],
    ['clipboard reading', 'clipboard-read', `${APP_ORIGIN}/`, [], false],
    ['a broken URL', 'media', 'not a url', ['video'], false],
  ])('%s → %s', (_name, permission, url, media, allowed) => {
    expect(isPermissionAllowed(permission, url, APP_ORIGIN, media)).toBe(allowed);
  });
});

describe('app:// protocol', () => {
  const root = '/opt/app/out/renderer';
  it.each([
    ['app://qr-room-invite/', join(root, 'index.html')],
    ['app://qr-room-invite/assets/index.js', join(root, 'assets/index.js')],
    ['app://qr-room-invite/../../main/index.js', join(root, 'main/index.js')],
    // The URL parser resolves dot segments inside the URL, so these stay under root.
    ['app://qr-room-invite/%2e%2e/%2e%2e/etc/passwd', join(root, 'etc/passwd')],
    ['app://qr-room-invite/..%2f..%2f..%2fetc/passwd', null],
    ['app://other-host/index.html', null],
    ['https://qr-room-invite/index.html', null],
    ['app://qr-room-invite/%E0%A4%A', BAD_REQUEST],
  ])('%s → %s', (url, file) => {
    expect(resolveAppFile(url, root)).toBe(file);
  });

  it.each([
    ['app://qr-room-invite/%E0%A4%A', 400],
    ['app://qr-room-invite/%', 400],
    ['app://qr-room-invite/missing.js', 404],
    ['app://other-host/index.html', 404],
  ])('answers %s with %i (a malformed escape never throws out of the handler: security review, finding 10)', async (url, status) => {
    let handler: ((request: Request) => Promise<Response>) | undefined;
    setupAppProtocol({ handle: (_scheme, h) => void (handler = h as (request: Request) => Promise<Response>) }, root);
    const response = await handler?.(new Request(url));
    expect(response?.status).toBe(status);
  });

  it('serves a CSP that forbids the network and remote scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/u);
  });
});

describe('global shortcut', () => {
  it('reports a combination taken by another app, and frees the old one on change', () => {
    const log: string[] = [];
    const fake = {
      register: (accelerator: string) => (log.push(`register ${accelerator}`), accelerator !== 'Alt+Space'),
      unregister: (accelerator: string) => void log.push(`unregister ${accelerator}`),
    };
    const first = registerScanShortcut(fake, undefined, 'CommandOrControl+Shift+Q', () => undefined);
    expect(first).toEqual({ accelerator: 'CommandOrControl+Shift+Q', registered: true });
    const second = registerScanShortcut(fake, first, 'Alt+Space', () => undefined);
    expect(second).toEqual({ accelerator: 'Alt+Space', registered: false });
    const bad = registerScanShortcut(
      {
        register: () => {
          throw new Error('bad accelerator');
        },
        unregister: () => undefined,
      },
      second,
      '???',
      () => undefined,
    );
    expect(bad.registered).toBe(false);
    expect(log).toEqual(['register CommandOrControl+Shift+Q', 'unregister CommandOrControl+Shift+Q', 'register Alt+Space']);
  });
});

describe('links, screens, safeStorage', () => {
  it('finds our link in a second instance’s command line, and nothing else', () => {
    expect(findAppLink(['/opt/QR Room Invite/qr-room-invite', '--flag', 'qr-room-invite://v1?meeting=914083136'])).toBe(
      'qr-room-invite://v1?meeting=914083136',
    );
    expect(findAppLink(['app', 'https://meeting.huaweicloud.com/#/j/914083136'])).toBeUndefined();
    expect(findAppLink(['app', `qr-room-invite://v1?name=${'x'.repeat(5000)}`])).toBeUndefined();
  });

  it('captures every display at its physical resolution', async () => {
    const requested: unknown[] = [];
    const image = (width: number, height: number) => ({
      isEmpty: () => false,
      getSize: () => ({ width, height }),
      toBitmap: () => Buffer.alloc(width * height * 4, 7),
    });
    const frames = await captureScreens(
      {
        getSources: (options: unknown) => (
          requested.push(options),
          Promise.resolve([
            { id: 'screen:1', name: 'Screen 1', thumbnail: image(3840, 2160) },
            { id: 'screen:2', name: 'Screen 2', thumbnail: image(1920, 1080) },
          ])
        ),
      } as never,
      {
        getAllDisplays: () => [
          { size: { width: 2560, height: 1440 }, scaleFactor: 1.5 },
          { size: { width: 1920, height: 1080 }, scaleFactor: 1 },
        ],
      } as never,
    );
    expect(requested).toEqual([{ types: ['screen'], thumbnailSize: { width: 3840, height: 2160 } }]);
    expect(frames.map((f) => [f.id, f.width, f.height, f.format, f.data.length])).toEqual([
      ['screen:1', 3840, 2160, 'bgra', 3840 * 2160 * 4],
      ['screen:2', 1920, 1080, 'bgra', 1920 * 1080 * 4],
    ]);
  });

  it('uses safeStorage’s async API and says when the Linux backend is plain text', async () => {
    const fake = {
      encryptStringAsync: (text: string) => Promise.resolve(Buffer.from([...Buffer.from(text)].reverse())),
      decryptStringAsync: (data: Buffer) =>
        Promise.resolve({ shouldReEncrypt: false, result: Buffer.from([...data].reverse()).toString() }),
    };
    const box = createSafeStorageBox(fake, 'gnome_libsecret');
    const cipher = await box.encrypt('123123');
    expect(cipher).not.toContain('123123');
    expect(await box.decrypt(cipher)).toEqual({ plainText: '123123', shouldReEncrypt: false });
    expect(box.protection).toBe('os-keyring');
    expect(createSafeStorageBox(fake, 'basic_text').protection).toBe('plain-text-backend');
  });
});
