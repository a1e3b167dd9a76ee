/**
 * Normalisation and validation of the values a QR code carries (docs/qr-formats.md,
 * "Normalisation and validation"). Plain functions returning `null` for invalid input, so the
 * parser never throws; the zod schemas in ../schemas.ts wrap the same functions for every other
 * boundary.
 */

/** Longest QR text we parse; a QR code holds at most a few kilobytes. */
export const MAX_PAYLOAD_LENGTH = 4096;

const FULL_WIDTH_DIGIT_0 = 0xff10;

/**
 * Turns full-width digits, colon, plus, minus and the ideographic space into their ASCII forms.
 * Chinese input methods produce these in invitation texts ("会议ID：９１４ ０８３ １３６").
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff1a\uff0b\uff0d\u3000\uff0e]/gu, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= FULL_WIDTH_DIGIT_0 && code <= FULL_WIDTH_DIGIT_0 + 9) {
      return String.fromCharCode(0x30 + code - FULL_WIDTH_DIGIT_0);
    }
    switch (ch) {
      case '\uff1a':
        return ':';
      case '\uff0b':
        return '+';
      case '\uff0d':
        return '-';
      case '\uff0e':
        return '.';
      default:
        return ' ';
    }
  });
}

/**
 * Control characters that never belong in a QR payload: C0 (except tab and line breaks), DEL,
 * C1, and the bidirectional overrides/isolates used to disguise text (Trojan Source).
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** The first forbidden control character in `text`, or `null` when there is none. */
export function findForbiddenControl(text: string): string | null {
  return FORBIDDEN_CONTROL.exec(text)?.[0] ?? null;
}

// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/**
 * Unicode format characters (category Cf): zero-width spaces and joiners, bidi marks, overrides
 * and isolates, the BOM, soft hyphens… Invisible, so a password of only U+200B or a name with
 * RTL marks looks like something else (security review, finding 7). Refused in passwords, names
 * and numbers; an invitation text around them may still carry some (chat apps add them).
 */
const FORMAT_CHARACTER = /\p{Cf}/u;

/** The first format (Cf) character in `value`, or `null` when there is none. */
export function findFormatCharacter(value: string): string | null {
  return FORMAT_CHARACTER.exec(value)?.[0] ?? null;
}

/** Meeting ID: digits only after removing spaces, dashes and dots; 6–20 digits. */
export function normalizeMeetingId(raw: string): string | null {
  const id = toHalfWidth(raw)
    .trim()
    .replace(/[\s.-]/gu, '');
  return /^\d{6,20}$/u.test(id) ? id : null;
}

/** Password: trimmed; 1–64 printable characters; never altered otherwise. */
export function normalizePassword(raw: string): string | null {
  const pwd = raw.trim();
  if (pwd.length < 1 || [...pwd].length > 64 || ANY_CONTROL.test(pwd) || FORMAT_CHARACTER.test(pwd)) return null;
  return pwd;
}

/**
 * SIP number: strips `sip:`/`tel:`, a domain part after `@`, spaces and dashes; then an optional
 * leading `+` and 3–32 digits.
 */
export function normalizeSipNumber(raw: string): string | null {
  let num = toHalfWidth(raw).trim();
  num = num.replace(/^(?:sips?|tel):/iu, '');
  const at = num.indexOf('@');
  if (at >= 0) num = num.slice(0, at);
  num = num.replace(/[\s-]/gu, '');
  return /^\+?\d{3,32}$/u.test(num) ? num : null;
}

/** Enterprise ID: 1–64 characters of letters, digits, `-` and `_`. */
export function normalizeOrgId(raw: string): string | null {
  const org = raw.trim();
  return /^[A-Za-z0-9_-]{1,64}$/u.test(org) ? org : null;
}

/** Number type: 0 (Huawei Cloud Meeting number) or 1 (VC number), from a number or a string. */
export function normalizeNumberType(raw: unknown): 0 | 1 | null {
  if (raw === 0 || raw === '0') return 0;
  if (raw === 1 || raw === '1') return 1;
  return null;
}

/**
 * Groups a SIP number for display: `+99900012345` → `+999 0001 2345` (the first three digits,
 * then groups of four), so a number is read, not recognised at a glance.
 */
export function formatSipNumber(callNum: string): string {
  const match = /^(\+?)(\d{1,3})(\d*)$/u.exec(callNum);
  if (!match) return callNum;
  const [, plus = '', head = '', rest = ''] = match;
  return [`${plus}${head}`, ...(rest.match(/\d{1,4}/gu) ?? [])].join(' ');
}

/** Groups a meeting ID for display: `914083136` → `914 083 136`. */
export function formatMeetingId(id: string): string {
  return id.replace(/\B(?=(\d{3})+(?!\d))/gu, ' ');
}
