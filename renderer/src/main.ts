/**
 * The window's entry point: finds the API the preload (or the browser preview) exposes, loads
 * the settings, starts the decoder worker and the controllers, and mounts the UI.
 */
import type { QrRoomInviteApi } from '../../shared/bridge';
import { createAppStore } from './app-state';
import { mountShell } from './app-shell';
import { createQrDecoder } from './decoder-client';
import { h, replaceChildren } from './dom';
import { applyDocumentLanguage, uiText } from './i18n';
import { createIntake } from './intake';
import { createInviteController } from './invite-controller';
import { createRoomSession, followRoomModeSetting } from './room/room-session';
import { setupTrayCommands } from './tray-commands';
import { holdEarlyInput } from './transfer';

// Before anything asynchronous: a paste or drop while the window starts is kept, not lost.
const earlyInput = holdEarlyInput();

declare global {
  interface Window {
    qrRoomInvite?: QrRoomInviteApi;
  }
}

function fail(root: HTMLElement, message: string): void {
  replaceChildren(root, [
    h('main', { class: 'app-main' }, [
      h('div', { class: 'callout callout-danger', attrs: { role: 'alert' } }, [h('p', { text: message })]),
    ]),
  ]);
}

async function start(): Promise<void> {
  const root = document.getElementById('app') ?? document.body;
  const fallbackLanguage = navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const api = window.qrRoomInvite;
  if (!api) {
    earlyInput.release(() => undefined);
    applyDocumentLanguage(fallbackLanguage);
    fail(root, uiText(fallbackLanguage).noBridge);
    return;
  }
  const settings = await api.getSettings();
  if (!settings.ok) {
    earlyInput.release(() => undefined);
    applyDocumentLanguage(fallbackLanguage);
    fail(root, `${uiText(fallbackLanguage).settings.saveFailed} (${settings.error.code})`);
    return;
  }
  // `?mode=room`: main opened room mode (`--room`, or the setting at start).
  const store = createAppStore(settings.value, { roomMode: new URLSearchParams(location.search).get('mode') === 'room' });
  const lifetime = new AbortController();
  const decoder = createQrDecoder();
  const intake = createIntake({ store, api, decoder });
  const invites = createInviteController({ store, api, signal: lifetime.signal });
  const room = createRoomSession(store, api);
  setupTrayCommands({ store, api, intake, invites, signal: lifetime.signal });
  followRoomModeSetting(store, lifetime.signal);
  mountShell(root, { store, api, intake, invites, room, decoder, signal: lifetime.signal });
  // Room mode reads the camera only; elsewhere what was pasted or dropped while starting is read now.
  earlyInput.release((content) => {
    if (store.get().view !== 'main') return;
    if ('files' in content) void intake.readFiles(content.files);
    else intake.readText(content.text, 'text');
  });
  // A file dropped where no view takes it (Settings) must never navigate the window to it.
  for (const type of ['dragover', 'drop'] as const)
    window.addEventListener(type, (event) => event.preventDefault(), { signal: lifetime.signal });
  window.addEventListener(
    'pagehide',
    () => {
      lifetime.abort();
      room.close();
      decoder.close();
    },
    { once: true },
  );
}

void start();
