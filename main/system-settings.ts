/**
 * Settings that act on the operating system: the global "scan screen" shortcut (with a
 * notification when another app holds it) and launch at login. Applied at start and after
 * every change.
 */
import { app, globalShortcut } from 'electron';
import { messages } from '../shared/i18n/messages';
import type { Language } from '../shared/schemas';
import type { Settings } from '../shared/settings';
import { managedConfigPath } from '../core/managed-config';
import { registerScanShortcut, type ShortcutState } from './shortcut';

/**
 * What the app is started with at login (Windows; macOS and Linux start it plainly and room
 * mode then comes from the settings): room mode, and the managed configuration if one was given.
 */
export function loginArgs(argv: readonly string[], room: boolean): string[] {
  const config = managedConfigPath(argv, {});
  return [...(room ? ['--room'] : []), ...(config ? ['--config', config] : [])];
}

export interface SystemSettings {
  apply(settings: Settings): void;
  shortcut(): ShortcutState | undefined;
}

export function setupSystemSettings(deps: {
  language: () => Language;
  scanScreen: () => void;
  notify: (title: string, body: string) => void;
}): SystemSettings {
  let shortcut: ShortcutState | undefined;
  return {
    apply(settings) {
      const next = registerScanShortcut(globalShortcut, shortcut, settings.globalShortcut, deps.scanScreen);
      if (!next.registered && (shortcut?.accelerator !== next.accelerator || shortcut.registered)) {
        const note = messages[deps.language()].notification.shortcutTaken(next.accelerator);
        deps.notify(note.title, note.body);
      }
      shortcut = next;
      if (app.isPackaged)
        app.setLoginItemSettings({ openAtLogin: settings.launchAtLogin, args: loginArgs(process.argv, settings.roomMode) });
    },
    shortcut: () => shortcut,
  };
}
