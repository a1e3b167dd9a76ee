/**
 * The tray's About box as a pure function of what the app knows, so a test can read it: version,
 * Electron / Chromium / Node, how updates are set up and where they stand, and the managed
 * configuration — what IT checks on one PC of a fleet.
 */
import type { UpdateSettings, UpdateState } from '../core/updates/update-controller';
import { messages } from '../shared/i18n/messages';
import type { Language } from '../shared/schemas';

export interface AboutInfo {
  language: Language;
  version: string;
  versions: { electron: string; chrome: string; node: string };
  updates: UpdateSettings;
  updateState: UpdateState;
  managed: { path?: string | undefined; error?: string | undefined; locked: readonly string[] };
  /** Formats a time for the reader (the OS locale in the app). */
  formatTime: (iso: string) => string;
}

export interface AboutBox {
  title: string;
  message: string;
  detail: string;
  /** Button labels: OK, then Licenses. */
  buttons: [string, string];
}

function describeState(info: AboutInfo): string {
  const text = messages[info.language].about.state;
  const state = info.updateState;
  switch (state.kind) {
    case 'off':
    case 'no-feed':
    case 'checking':
      return text[state.kind];
    case 'refused-feed':
      return text['refused-feed'](state.reason);
    case 'up-to-date':
      return text['up-to-date'](info.formatTime(state.checkedAt));
    case 'downloading':
    case 'downloaded':
    case 'installing':
      return text[state.kind](state.version);
    case 'failed':
      return state.reason === 'other'
        ? text.other(state.message, info.formatTime(state.retryAt))
        : text[state.reason](info.formatTime(state.retryAt));
  }
}

export function aboutBox(info: AboutInfo): AboutBox {
  const text = messages[info.language].about;
  const { managed } = info;
  const managedLine = managed.error
    ? text.managedInvalid(managed.error)
    : managed.path
      ? text.managed(managed.path, managed.locked)
      : text.managedNone;
  return {
    title: text.title,
    message: text.version(info.version),
    detail: [
      text.runtime(info.versions.electron, info.versions.chrome, info.versions.node),
      '',
      text.mode[info.updates.mode],
      info.updates.url ? text.feed(info.updates.url) : text.noFeed,
      describeState(info),
      '',
      managedLine,
    ].join('\n'),
    buttons: [text.ok, text.licenses],
  };
}
