/**
 * Redaction for anything that may be logged or shown: password fields, `pwd`/`enter_code`-style
 * URL parameters, and known secret values wherever they appear in text.
 */
export const REDACTED = '******';

const SECRET_KEY = /^(?:pwd|password|passwd|passcode|enter_?code|guest_?pwd|host_?pwd|secret|token|x-access-token|authorization)$/iu;
const SECRET_PARAM = /([?&#;](?:pwd|password|passcode|enter_code|guest_?pwd|guestPwd)=)[^&#\s"']*/giu;
const SECRET_LABEL = /((?:password|passcode|密码)\s*[:：=]\s*)\S+/giu;

/** Masks secret URL parameters, labelled passwords and the given secret values in a string. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(SECRET_PARAM, `$1${REDACTED}`).replace(SECRET_LABEL, `$1${REDACTED}`);
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** Deep copy of `value` with secret-named fields and secret values masked. Handles cycles. */
export function redact(value: unknown, secrets: readonly string[] = [], seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets, seen));
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message, secrets) };
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && item !== undefined && item !== null ? REDACTED : redact(item, secrets, seen);
  }
  return out;
}
