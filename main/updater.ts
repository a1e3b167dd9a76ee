/**
 * Updates in the app: electron-updater (generic provider, the feed URL from the settings) behind
 * the logic of core/updates, plus what the person sees: a notification when a version is ready
 * (notify mode) or was refused, and the tray rebuilt for "Restart to update". electron-updater is
 * only created at the first check, so with updates off it is never loaded and nothing is asked.
 */
import { powerMonitor } from 'electron';
import electronUpdater from 'electron-updater';
import type { Logger } from '../core/log';
import { createElectronUpdaterEngine } from '../core/updates/electron-updater-engine';
import {
  createUpdateController,
  updateMustWait,
  type UpdateController,
  type UpdateEngine,
  type UpdateSettings,
} from '../core/updates/update-controller';
import { messages } from '../shared/i18n/messages';
import type { Language } from '../shared/schemas';

export interface Updates {
  controller: UpdateController;
  /** Settings changed: starts again when the update settings did. */
  settingsChanged(): void;
  /** The downloaded version the tray offers to restart for (notify mode). */
  readyToRestart(): string | undefined;
  /** Room mode reports its countdown or invitation (shared/ipc.ts reportRoomActivity). */
  roomActivity(busy: boolean): void;
}

export interface UpdatesOptions {
  settings: () => UpdateSettings;
  /** Rooms invited from here being called or in a meeting (the call status): never install then. */
  activeCalls: () => number;
  language: () => Language;
  notify: (title: string, body: string) => void;
  refreshTray: () => void;
  logger: Logger;
}

function electronUpdaterEngine(logger: Logger): UpdateEngine {
  // CommonJS; `autoUpdater` is created on first access, for this platform and package format.
  const updater = electronUpdater.autoUpdater;
  const line = (m: unknown) => `updater: ${String(m)}`;
  updater.logger = {
    info: (m?: unknown) => logger.info(line(m)),
    warn: (m?: unknown) => logger.warn(line(m)),
    error: (m?: unknown) => logger.error(line(m)),
    debug: () => undefined,
  };
  return createElectronUpdaterEngine(updater);
}

export function setupUpdates(options: UpdatesOptions): Updates {
  const { logger } = options;
  let roomBusySince: number | undefined;
  let engine: UpdateEngine | undefined;
  const real = () => (engine ??= electronUpdaterEngine(logger));
  const controller = createUpdateController({
    settings: options.settings,
    engine: { check: (url) => real().check(url), download: () => real().download(), install: () => real().install() },
    scheduler: {
      after: (ms, run) => {
        const timer = setTimeout(run, ms);
        return () => clearTimeout(timer);
      },
      now: () => Date.now(),
    },
    idleSeconds: () => powerMonitor.getSystemIdleTime(),
    busy: () => updateMustWait({ activeCalls: options.activeCalls(), roomBusySince }, Date.now()),
    onState: (state) => {
      const text = messages[options.language()].update;
      if (state.kind === 'downloaded' && options.settings().mode === 'notify') {
        const note = text.ready(state.version);
        options.notify(note.title, note.body);
      }
      if (state.kind === 'failed' && state.reason === 'checksum') {
        const note = text.refused(state.version ?? '');
        options.notify(note.title, note.body);
      }
      options.refreshTray();
    },
    logger,
  });
  let last = JSON.stringify(options.settings());
  controller.start();
  return {
    controller,
    settingsChanged: () => {
      const current = JSON.stringify(options.settings());
      if (current === last) return;
      last = current;
      controller.restart();
    },
    roomActivity: (busy) => {
      roomBusySince = busy ? Date.now() : undefined;
    },
    readyToRestart: () => {
      const state = controller.state();
      return state.kind === 'downloaded' && options.settings().mode === 'notify' ? state.version : undefined;
    },
  };
}
