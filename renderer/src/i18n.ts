/**
 * The renderer's side of the typed dictionary (shared/i18n/messages.ts): the current table,
 * the document's `lang`, and the few platform-dependent key names.
 */
import { messages } from '../../shared/i18n/messages';
import type { UiMessages } from '../../shared/i18n/ui-en';
import type { Language } from '../../shared/schemas';

export type { UiMessages };

/** The window's strings in `language`. */
export function uiText(language: Language): UiMessages {
  return messages[language].ui;
}

/** Sets `<html lang>` and the title, so screen readers and fonts pick the right language. */
export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.title = messages[language].appName;
}

/** The paste shortcut as people know it on their platform. */
export function pasteKey(platform: string): string {
  return platform === 'darwin' ? '\u2318V' : 'Ctrl+V';
}

/** A date and time in the UI language, for "last used". */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
