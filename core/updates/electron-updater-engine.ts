/**
 * electron-updater as the controller's engine. The app passes Electron's `autoUpdater`; the
 * tests pass the same classes built with a Node app adapter and HTTP executor, so the feed
 * reading, the version comparison and the sha512 check they exercise are electron-updater's own.
 */
import type { UpdateEngine } from './update-controller';

/** The part of electron-updater's `AppUpdater` used here (core/ does not import electron-updater). */
export interface AppUpdaterLike {
  autoDownload: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  readonly currentVersion: { readonly version: string };
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string } } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export function createElectronUpdaterEngine(updater: AppUpdaterLike): UpdateEngine {
  // The controller decides when to download and install.
  updater.autoDownload = false;
  // A feed that offers an older version is "no update", never a downgrade.
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  return {
    async check(feedUrl) {
      updater.setFeedURL({ provider: 'generic', url: feedUrl });
      const result = await updater.checkForUpdates();
      // null: electron-updater is inactive (an unpackaged development run).
      if (!result) return { version: updater.currentVersion.version, newer: false };
      return { version: result.updateInfo.version, newer: result.isUpdateAvailable };
    },
    async download() {
      await updater.downloadUpdate();
    },
    install() {
      // Silent where the installer allows it (nsis), and the app starts again afterwards.
      updater.quitAndInstall(true, true);
    },
  };
}
