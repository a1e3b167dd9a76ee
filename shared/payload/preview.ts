/**
 * Making a QR code's text safe to show: reasons quote it and `ParsedPayload.preview` carries it,
 * and both end up in the UI and in logs, where raw control characters or bidi overrides could
 * disguise what the code really says.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
// Lone surrogates cannot be displayed or encoded; matched without the `u` flag on purpose.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeControl(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first `max` code points of `text` and whether anything was cut off. */
function head(text: string, max: number): { head: string; cut: boolean } {
  // Slicing first keeps Array.from cheap on 4096-character input; 2 units per code point at most.
  const points = Array.from(text.slice(0, max * 2 + 2));
  return { head: points.slice(0, max).join(''), cut: points.length > max };
}

function makeVisible(text: string): string {
  return text
    .replace(/\r\n|[\r\n\t]/gu, ' ')
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(CONTROL, escapeControl);
}

/** `ParsedPayload.preview`: the first 60 characters, line breaks as spaces, controls escaped. */
export function makePreview(text: string): string {
  return makeVisible(head(text, 60).head);
}

/** A value for quoting in a reason: whitespace collapsed, controls escaped, at most `max` chars. */
export function quote(text: string, max = 40): string {
  const collapsed = text
    .slice(0, max * 4)
    .replace(/\s+/gu, ' ')
    .trim();
  const { head: start, cut } = head(collapsed, max);
  if (!cut && text.length <= max * 4) return makeVisible(start);
  return `${makeVisible(start).trimEnd()}…`;
}

/** Names a control character for people: `U+202E`. */
export function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
