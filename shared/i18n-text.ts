import type { Language } from './schemas';

/** A sentence in every language the UI speaks. */
export type LocalizedText = Readonly<Record<Language, string>>;

/** Picks the text for a language (falls back to English). */
export function localize(text: LocalizedText, language: Language): string {
  return text[language] || text.en;
}
