/**
 * Text from a QR code shown on a terminal or in a list: control characters (C0, DEL, C1),
 * Unicode format characters (category Cf: zero-width, bidi overrides and isolates) and line or
 * paragraph separators are replaced by U+FFFD. Escape sequences could retitle or clear a
 * terminal and print a fake "Invited OK"; bidi controls reorder what is read.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const REPLACEMENT = '\uFFFD';

export function printableText(text: string): string {
  return text.replace(UNPRINTABLE, REPLACEMENT);
}
