/** Shows the About box (main/about.ts) as a native dialog; its second button opens the licenses. */
import { join } from 'node:path';
import { app, dialog, shell } from 'electron';
import { APP_VERSION } from '../core/app-info';
import type { Logger } from '../core/log';
import type { UpdateState } from '../core/updates/update-controller';
import type { Language } from '../shared/schemas';
import { aboutBox } from './about';
import type { DesktopCore } from './core-setup';

/** THIRD_PARTY_LICENSES.txt: beside app.asar when packaged (electron-builder.yml), in out/licenses when built. */
function licensesPath(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'THIRD_PARTY_LICENSES.txt')
    : join(app.getAppPath(), 'out', 'licenses', 'THIRD_PARTY_LICENSES.txt');
}

export async function showAboutDialog(core: DesktopCore, updateState: UpdateState, language: Language, logger: Logger): Promise<void> {
  const box = aboutBox({
    language,
    version: APP_VERSION,
    versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
    updates: core.store.read().updates,
    updateState,
    managed: { path: core.managed.path, error: core.managed.error, locked: core.locked },
    formatTime: (iso) => new Date(iso).toLocaleString(language),
  });
  const { response } = await dialog.showMessageBox({
    type: 'info',
    title: box.title,
    message: box.message,
    detail: box.detail,
    buttons: box.buttons,
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  if (response !== 1) return;
  const error = await shell.openPath(licensesPath());
  if (error) logger.warn('cannot open the licenses file', { path: licensesPath(), error });
}
