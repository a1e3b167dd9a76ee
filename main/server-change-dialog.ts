/**
 * The native dialog main shows before the site, base URL or extra CA changes: the renderer
 * alone cannot point invites (and their passwords) at another server (security review,
 * finding 2). Cancel is the default and the answer to Esc.
 */
import { BrowserWindow, dialog } from 'electron';
import type { ServerChange, ServerSettings } from '../core/app-api';
import { SITE_BASE_URLS } from '../core/api/sites';
import { messages } from '../shared/i18n/messages';
import type { Language } from '../shared/schemas';

/** One line per setting: the server and, when set, the extra CA file. */
export function describeServer(settings: ServerSettings): string {
  const url = settings.site === 'custom' ? (settings.customBaseUrl ?? '(no base URL)') : SITE_BASE_URLS[settings.site];
  return settings.extraCaPath ? `${url} (CA ${settings.extraCaPath})` : url;
}

export function createServerChangeConfirmation(language: () => Language): (change: ServerChange) => Promise<boolean> {
  return async (change) => {
    const text = messages[language()].serverChange;
    const options = {
      type: 'warning' as const,
      title: text.title,
      message: text.message,
      detail: text.detail(describeServer(change.from), describeServer(change.to)),
      buttons: [text.confirm, text.cancel],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    };
    const parent = BrowserWindow.getFocusedWindow();
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    return response === 0;
  };
}
