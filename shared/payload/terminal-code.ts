/**
 * Terminal codes (docs/qr-formats.md, "Terminal codes"): `sip:` and `tel:` URIs and bare SIP
 * numbers, as printed on a meeting room's QR code. None of them ever carries a password.
 */
import { toHalfWidth } from './normalize';
import { reject, terminalOutcome, type Outcome } from './outcome';
import { classifyHost } from './huawei-url';
import * as reasons from './reasons';

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Drops URI parameters and headers: `;transport=tls`, `;phone-context=…`, `?subject=…`. */
function withoutParameters(text: string): string {
  return text.split(/[;?]/u)[0] ?? '';
}

/** Reads `sip:+99111253020382685[@domain][;params]` (also `sips:`). */
export function readSipUri(text: string): Outcome {
  const address = withoutParameters(text.replace(/^sips?:/iu, ''));
  const at = address.indexOf('@');
  const user = at < 0 ? address : address.slice(0, at);
  const domain = at < 0 ? '' : address.slice(at + 1).replace(/:\d*$/u, '');
  // The domain is not used for the call, but a look-alike one shows the code was forged.
  const kind = classifyHost(domain);
  if (kind === 'lookalike' || kind === 'truncated') return reject(reasons.lookalike(domain), true);
  return terminalOutcome('sip-uri', { callNum: decode(user) });
}

/** Reads `tel:+99111253020382685[;params]`; visual separators are allowed by RFC 3966. */
export function readTelUri(text: string): Outcome {
  const number = withoutParameters(text.replace(/^tel:/iu, '')).replace(/[.()]/gu, '');
  return terminalOutcome('tel-uri', { callNum: decode(number) });
}

/**
 * Reads a bare SIP number, `+99111253020382685` or `99111 2530 2038 2685`; `null` when the text
 * does not look like a number at all. A number with letters in it (`+9911125302038268A`) is
 * still read, so that the reason can say what is wrong with it.
 */
export function readBareNumber(original: string): Outcome | null {
  const text = toHalfWidth(original).trim();
  if (/^\+?\d[\d \t-]*$/u.test(text)) return terminalOutcome('bare-number', { callNum: text });
  if (!/^\+?[\da-z][\da-z \t-]*$/iu.test(text)) return null;
  const digits = text.replace(/\D/gu, '').length;
  const letters = text.replace(/[^a-z]/giu, '').length;
  const numberLike = text.startsWith('+') || (/^\d/u.test(text) && digits >= 3 && digits >= letters);
  return numberLike ? terminalOutcome('bare-number', { callNum: text }) : null;
}
