import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, mainWindowOptions } from '../../main/window-options';

describe('main window options', () => {
  it.each([true, false])('are hardened (packaged: %s)', (packaged) => {
    const { webPreferences } = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs', packaged });
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: !packaged,
    });
  });

  it('makes the room-mode window large and the utility window small', () => {
    expect(mainWindowOptions({ preloadPath: 'p', packaged: true, roomMode: true })).toMatchObject({ width: 1280, height: 720 });
    expect(mainWindowOptions({ preloadPath: 'p', packaged: true })).toMatchObject({ width: 480, height: 640 });
  });

  it.each([
    ['https://support.huaweicloud.com/meeting/', true],
    ['http://example.com', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['qr-room-invite://v1?meeting=914083136', false],
    ['not a url', false],
  ])('opens %s externally: %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});
