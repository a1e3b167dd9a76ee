import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * Options of the main window, as a pure function so a test can check the hardening:
 * context isolation, sandbox, no Node in the renderer, a preload, no webview, no DevTools in
 * packaged builds.
 */
export function mainWindowOptions({
  preloadPath,
  packaged,
  roomMode = false,
}: {
  preloadPath: string;
  packaged: boolean;
  roomMode?: boolean;
}): BrowserWindowConstructorOptions {
  return {
    // Room mode fills a room PC's screen (maximised on show); otherwise a small utility window.
    ...(roomMode
      ? { width: 1280, height: 720, minWidth: 800, minHeight: 600 }
      : { width: 480, height: 640, minWidth: 380, minHeight: 480 }),
    show: false,
    title: 'QR Room Invite',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would open links in new windows; none are allowed anyway.
      disableBlinkFeatures: 'Auxclick',
      devTools: !packaged,
    },
  };
}

/** The only external links the app opens: https, handed to the system browser. */
export function isAllowedExternalUrl(url: string): boolean {
  return URL.canParse(url) && new URL(url).protocol === 'https:';
}
