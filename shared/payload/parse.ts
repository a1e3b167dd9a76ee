/**
 * `parsePayload`: what a QR code's text means (docs/qr-formats.md). The text is routed by its
 * shape to one form reader; the order matters where shapes overlap (a text starting with
 * `https://` and going on with more lines is an invitation, not a link).
 */
import { isAppLink, readAppLink } from './app-link';
import { readCloudlink, readWebLink } from './huawei-url';
import { finish, precheck } from './input';
import { readInvitationText } from './invitation-text';
import { readJson } from './json-payload';
import { reject, type Outcome } from './outcome';
import { quote } from './preview';
import * as reasons from './reasons';
import { readBareNumber, readSipUri, readTelUri } from './terminal-code';
import type { ParsedPayload } from './types';

/** Schemes that run code or reach local data; such a code is refused by name. */
const DANGEROUS_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'file', 'blob', 'filesystem']);

// Bounded scheme length keeps the match cheap; a scheme is what precedes the first colon.
const SCHEME = /^([a-z][a-z0-9+.-]{0,31}):/iu;

// `meeting.huaweicloud.com/#/j/…` without `https://`, as some QR generators write it. Each
// label must end at a dot, so backtracking stays linear.
const BARE_HOST_LINK = /^(?:[a-z0-9-]{1,63}\.){1,10}[a-z]{2,24}\.?(?::\d{1,5})?(?:[/?#]\S*)?$/iu;

function route(text: string): Outcome {
  if (text.startsWith('{') || text.startsWith('[')) {
    const json = readJson(text);
    if (json) return json;
  }
  const singleToken = !/\s/u.test(text);
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (isAppLink(text)) return readAppLink(text);
  if (scheme !== undefined && DANGEROUS_SCHEMES.has(scheme)) return reject(reasons.dangerousScheme(scheme));
  if (scheme === 'sip' || scheme === 'sips') return readSipUri(text);
  if (scheme === 'tel') return readTelUri(text);
  if (singleToken && scheme === 'cloudlink') return readCloudlink(text);
  if (singleToken && (scheme === 'http' || scheme === 'https')) return readWebLink(text);

  const invitation = readInvitationText(text);
  if (invitation) return invitation;
  const number = readBareNumber(text);
  if (number) return number;

  if (singleToken && scheme !== undefined && text.startsWith('//', scheme.length + 1)) {
    return reject(reasons.otherScheme(scheme));
  }
  if (singleToken && BARE_HOST_LINK.test(text)) return readWebLink(`https://${text}`);
  return reject(reasons.notMeaningful(quote(text)));
}

/**
 * Reads the text of one QR code as a meeting, a terminal, both, or `unknown` with a reason in
 * English and Chinese. Never throws: any input, of any type, gives a result.
 */
export function parsePayload(text: unknown): ParsedPayload {
  try {
    const checked = precheck(text);
    if ('reason' in checked) return finish(reject(checked.reason), text);
    return finish(route(checked.text), text);
  } catch {
    // Defensive: every reader is written not to throw, but a QR code must never crash the app.
    try {
      return finish(reject(reasons.internalError), text);
    } catch {
      return { kind: 'unknown', reason: reasons.internalError, preview: '' };
    }
  }
}
