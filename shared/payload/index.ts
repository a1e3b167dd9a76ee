/**
 * The payload package (`qr-room-invite/payload`): reads the text of a QR code as a Huawei Cloud
 * Meeting meeting and/or a meeting-room terminal (docs/qr-formats.md), and writes the app's own
 * link.
 */
export { parsePayload } from './parse';
export { APP_LINK_SCHEME, APP_LINK_VERSION, buildAppLink, parseAppLink, type AppLinkPayload } from './app-link';
export type { ParsedPayload, PayloadKind, PayloadSource } from './types';
export type { Meeting, SiteId, Terminal } from '../schemas';
export {
  findForbiddenControl,
  formatMeetingId,
  formatSipNumber,
  MAX_PAYLOAD_LENGTH,
  normalizeMeetingId,
  normalizeNumberType,
  normalizeOrgId,
  normalizePassword,
  normalizeSipNumber,
  toHalfWidth,
} from './normalize';
export { classifyHost, siteOfHost, type HostKind } from './huawei-url';
