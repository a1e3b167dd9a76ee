/**
 * QR Room Invite links: the app's own format (docs/qr-formats.md, "6. The app's own link"), for
 * a room's QR code, a shared "invite this room" link and deep links. One link carries a
 * meeting, a room (terminal) or both:
 *
 * ```text
 * qr-room-invite://v1?meeting=914083136&password=123123&terminal=%2B99111253020382685&org=115489&type=0&name=Room+A
 * ```
 *
 * - Scheme `qr-room-invite`; the host is the format version, `v1`. A link with another version
 *   (`v2`, …) is refused with "update the app", never half-read.
 * - The query is `application/x-www-form-urlencoded` UTF-8, as `URLSearchParams` writes it:
 *   `+` or `%20` for a space, `%2B` for `+`, `%26` for `&`, `%3D` for `=`, `%23` for `#`.
 * - Parameters (names case-insensitive, any order; the first of a repeated name counts):
 *
 *   | Name       | Meaning                               | Rule                                   |
 *   | ---------- | ------------------------------------- | -------------------------------------- |
 *   | `meeting`  | meeting ID                            | 6–20 digits (spaces, `-`, `.` ignored) |
 *   | `password` | meeting password                      | 1–64 printable characters, verbatim    |
 *   | `role`     | which password it is                  | `guest` or `host`                      |
 *   | `site`     | Huawei Cloud Meeting site             | `cn` or `intl`                         |
 *   | `terminal` | the room's SIP number (`callNum`)     | optional `+` and 3–32 digits           |
 *   | `org`      | enterprise ID (`orgID`)               | 1–64 of `A–Z a–z 0–9 - _`              |
 *   | `type`     | number type (`numBelongsType`)        | `0` or `1`                             |
 *   | `name`     | the room's display name (never sent)  | 1–64 characters                        |
 *
 * - At least one of `meeting` and `terminal`. `password`, `role` and `site` belong to
 *   `meeting`, `org`, `type` and `name` to `terminal`, and are ignored without it. An empty
 *   value counts as absent; an invalid value makes the whole link invalid, except `role` and
 *   `site`, which are hints and are ignored when unrecognised. Unknown parameters and a
 *   fragment are ignored, so later v1 apps may add optional parameters.
 * - Upper case is accepted throughout (`QR-ROOM-INVITE://V1?MEETING=…`), because QR codes store
 *   upper-case text more compactly.
 */
import type { Meeting, Terminal } from '../schemas';
import { finish, precheck } from './input';
import { checkMeeting, checkTerminal, recognized, reject, type Outcome, type RawMeeting } from './outcome';
import { quote } from './preview';
import * as reasons from './reasons';
import type { ParsedPayload } from './types';

export const APP_LINK_SCHEME = 'qr-room-invite';
export const APP_LINK_VERSION = 'v1';

/** What an app link carries; at least one of the two. */
export interface AppLinkPayload {
  meeting?: Meeting | undefined;
  terminal?: Terminal | undefined;
}

/**
 * Builds a v1 app link. Values are normalised first, so `parsePayload(buildAppLink(x))` gives
 * back the same meeting and terminal. Throws a `RangeError` naming the field when a value is
 * invalid or when there is neither a meeting nor a terminal.
 */
export function buildAppLink(payload: AppLinkPayload): string {
  const params = new URLSearchParams();
  if (payload.meeting) {
    const checked = checkMeeting(payload.meeting);
    if (!checked.ok) throw new RangeError(checked.reason.en);
    const meeting = checked.value;
    params.set('meeting', meeting.id);
    if (meeting.password !== undefined) params.set('password', meeting.password);
    if (meeting.password !== undefined && meeting.passwordRole) params.set('role', meeting.passwordRole);
    if (meeting.site) params.set('site', meeting.site);
  }
  if (payload.terminal) {
    const checked = checkTerminal(payload.terminal);
    if (!checked.ok) throw new RangeError(checked.reason.en);
    const terminal = checked.value;
    params.set('terminal', terminal.callNum);
    if (terminal.orgId !== undefined) params.set('org', terminal.orgId);
    if (terminal.numberType !== undefined) params.set('type', String(terminal.numberType));
    if (terminal.name !== undefined) params.set('name', terminal.name);
  }
  if (!payload.meeting && !payload.terminal) throw new RangeError(reasons.appLinkEmpty.en);
  return `${APP_LINK_SCHEME}://${APP_LINK_VERSION}?${params.toString()}`;
}

/** True when the text starts with the app link scheme (any case). */
export function isAppLink(text: string): boolean {
  return text.slice(0, APP_LINK_SCHEME.length + 1).toLowerCase() === `${APP_LINK_SCHEME}:`;
}

/** Reads an app link (already prechecked and trimmed). */
export function readAppLink(text: string): Outcome {
  if (!URL.canParse(text)) return reject(reasons.appLinkMalformed);
  const url = new URL(text);
  // `qr-room-invite://v1?…` has the version as host; `qr-room-invite:v1?…` as path.
  const version = (url.host || url.pathname.replace(/^\/+/u, '').split('/')[0] || '').toLowerCase();
  if (version !== APP_LINK_VERSION) {
    return reject(/^v\d+$/u.test(version) ? reasons.appLinkVersion(version) : reasons.appLinkMalformed);
  }
  const params = new Map<string, string>();
  url.searchParams.forEach((value, key) => {
    const name = key.toLowerCase();
    if (!params.has(name) && value !== '') params.set(name, value);
  });

  let meeting: Meeting | undefined;
  const id = params.get('meeting');
  if (id !== undefined) {
    const role = params.get('role')?.toLowerCase();
    const site = params.get('site')?.toLowerCase();
    const raw: RawMeeting = {
      id,
      password: params.get('password'),
      passwordRole: role === 'guest' || role === 'host' ? role : undefined,
      site: site === 'cn' || site === 'intl' ? site : undefined,
    };
    const checked = checkMeeting(raw);
    if (!checked.ok) return reject(checked.reason);
    meeting = checked.value;
  }

  let terminal: Terminal | undefined;
  const callNum = params.get('terminal');
  if (callNum !== undefined) {
    const checked = checkTerminal({
      callNum,
      orgId: params.get('org'),
      numberType: params.get('type'),
      name: params.get('name'),
    });
    if (!checked.ok) return reject(checked.reason);
    terminal = checked.value;
  }
  return recognized('app-link', meeting, terminal) ?? reject(reasons.appLinkEmpty);
}

/**
 * Parses text as an app link only (for deep links handed to the app by the OS): the same
 * checks as `parsePayload`, but any other form is reported as not being an app link.
 */
export function parseAppLink(text: unknown): ParsedPayload {
  try {
    const checked = precheck(text);
    if ('reason' in checked) return finish(reject(checked.reason), text);
    if (!isAppLink(checked.text)) return finish(reject(reasons.notMeaningful(quote(checked.text))), text);
    return finish(readAppLink(checked.text), text);
  } catch {
    return finish(reject(reasons.internalError), text);
  }
}
