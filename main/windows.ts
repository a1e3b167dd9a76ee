/**
 * The app's one window and what reaches it: shown on demand (tray, second launch, a link), typed
 * events sent to its page, tray and shortcut commands run by its script (it owns the decoder).
 */
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { EventChannel, type AppCommand, type EventPayload } from '../shared/ipc';
import type { Emit } from '../core/app-api';
import { APP_ORIGIN } from './app-protocol';
import { createMainWindow } from './main-window';

export interface Windows {
  /** Shows (creating it if needed) and focuses the window. */
  show(): BrowserWindow;
  emit: Emit;
  command(cmd: AppCommand): void;
  /** A qr-room-invite:// link from outside: shown for confirmation, never acted on directly. */
  openLink(link: string): void;
}

export function setupWindows(options: { packaged: boolean; roomMode: () => boolean; isQuitting: () => boolean }): Windows {
  let window: BrowserWindow | undefined;
  // Events sent before the page has loaded would be lost: they wait for did-finish-load.
  let loaded = false;
  const waiting: (() => void)[] = [];

  function show(): BrowserWindow {
    if (!window) {
      // Always the built UI over app:// (also for `npm start`): one origin for CSP, IPC and permissions.
      const base = `${APP_ORIGIN}/index.html`;
      const created = createMainWindow({
        preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
        packaged: options.packaged,
        roomMode: options.roomMode(),
        url: options.roomMode() ? `${base}?mode=room` : base,
        isQuitting: options.isQuitting,
      });
      created.webContents.on('did-finish-load', () => {
        loaded = true;
        for (const send of waiting.splice(0)) send();
      });
      window = created;
    }
    window.show();
    window.focus();
    return window;
  }

  const emit: Emit = (channel, payload) => {
    const send = () => window?.webContents.send(channel, payload);
    if (window && loaded) send();
    else if (window) waiting.push(send);
  };

  return {
    show,
    emit,
    command(cmd) {
      show();
      emit(EventChannel.command, cmd);
    },
    openLink(link) {
      show();
      emit(EventChannel.openPayload, { text: link } satisfies EventPayload<typeof EventChannel.openPayload>);
    },
  };
}
