/**
 * Links: Huawei Cloud Meeting join links, the Huawei client's `cloudlink://` links and any web
 * link with meeting parameters (docs/qr-formats.md, meeting codes 1–3). A host that merely
 * imitates a Huawei host is refused outright: nothing is extracted from it. What that guarantees
 * is narrow: the invite always goes to the site configured in Settings, never to a server the
 * code names. It does not make the meeting in a code trustworthy — a genuine Huawei link to a
 * stranger's meeting reads like any other, which is why the window shows what was read and
 * asks before inviting.
 */
import type { SiteId } from '../schemas';
import { meetingOutcome, reject, type Outcome, type RawMeeting } from './outcome';
import * as reasons from './reasons';

/**
 * - `huawei-meeting`: huaweicloud.com or a subdomain (the meeting sites);
 * - `huawei`: huawei.com or a subdomain (Huawei, but not a meeting site);
 * - `lookalike`: mentions "huawei" without being either;
 * - `truncated`: a Huawei host cut off by a damaged or partly scanned code;
 * - `other`: anything else.
 */
export type HostKind = 'huawei-meeting' | 'huawei' | 'lookalike' | 'truncated' | 'other';

/** Classifies a host name (lower case, as `URL.hostname` gives it; a final dot is ignored). */
export function classifyHost(hostname: string): HostKind {
  const host = hostname.toLowerCase().replace(/\.$/u, '');
  if (host === 'huaweicloud.com' || host.endsWith('.huaweicloud.com')) return 'huawei-meeting';
  if (host === 'huawei.com' || host.endsWith('.huawei.com')) return 'huawei';
  if (!host.includes('huawei')) return 'other';
  const last = host.slice(host.lastIndexOf('.') + 1);
  // `meeting.huaweicl`, `meeting.huaweicloud`, `meeting.huaweicloud.c`: the end of the text is
  // missing. `huaweicloud.co` is a real, registrable domain, hence a look-alike.
  if ((last.startsWith('huawei') && 'huaweicloud'.startsWith(last)) || host.endsWith('.huaweicloud.c')) {
    return 'truncated';
  }
  return 'lookalike';
}

/** `intl` when a label of the host is `intl` or ends/starts with `-intl`/`intl-`, else `cn`. */
export function siteOfHost(hostname: string): SiteId {
  return /(?:^|[.-])intl(?:[.-]|$)/u.test(hostname.toLowerCase()) ? 'intl' : 'cn';
}

const ID_KEYS = ['conferenceid', 'confid', 'conf_id', 'meetingid', 'meeting_id'];
// Guest passwords first: with both, the room should join as a guest
// (docs/qr-formats.md, "4. Invitation text").
const PASSWORD_KEYS: readonly (readonly [string, 'guest' | undefined])[] = [
  ['guestpwd', 'guest'],
  ['guest_pwd', 'guest'],
  ['pwd', undefined],
  ['password', undefined],
  ['passcode', undefined],
  ['enter_code', undefined],
];

/** Query and fragment parameters, names in lower case; the first occurrence wins. */
export function urlParameters(url: URL): Map<string, string> {
  const params = new Map<string, string>();
  const add = (search: URLSearchParams) => {
    search.forEach((value, key) => {
      const name = key.toLowerCase();
      if (!params.has(name)) params.set(name, value);
    });
  };
  add(url.searchParams);
  // Single-page apps carry parameters in the fragment: `#/join?confID=…` or `#confID=…`.
  const hash = url.hash.slice(1);
  const question = hash.indexOf('?');
  if (question >= 0) add(new URLSearchParams(hash.slice(question + 1)));
  else if (hash.includes('=')) add(new URLSearchParams(hash.replace(/^\/+/u, '')));
  return params;
}

/** The meeting named by URL parameters: `id` (any spelling above) and a password, raw. */
export function meetingParameters(
  params: ReadonlyMap<string, string>,
  allowBareId: boolean,
): { id?: string; password?: string; role?: 'guest' } {
  const result: { id?: string; password?: string; role?: 'guest' } = {};
  const idKey = [...ID_KEYS, ...(allowBareId ? ['id'] : [])].find((key) => params.get(key)?.trim());
  if (idKey !== undefined) result.id = params.get(idKey) ?? '';
  const passwordKey = PASSWORD_KEYS.find(([key]) => params.get(key)?.trim());
  if (passwordKey) {
    result.password = params.get(passwordKey[0]) ?? '';
    if (passwordKey[1]) result.role = passwordKey[1];
  }
  return result;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The ID segment of a join route, `#/j/<id>[/<token>]` or `/j/<id>[/<token>]`: `undefined`
 * without such a route, `''` when the route is there but the ID is missing (a cut-off link).
 * The token after the ID is deliberately ignored: it is not the password.
 */
function joinRouteId(url: URL): string | undefined {
  const hashRoute = url.hash.slice(1).split('?')[0] ?? '';
  const match = /^\/?j(?:\/([^/]*)|$)/u.exec(hashRoute) ?? /^\/j(?:\/([^/]*)|\/?$)/u.exec(url.pathname);
  return match ? decodeSegment(match[1] ?? '') : undefined;
}

/** Reads an `http(s)://` link. The text must already be a single token. */
export function readWebLink(text: string): Outcome {
  if (!URL.canParse(text)) {
    return reject(reasons.truncatedLink(text.replace(/^[a-z]+:\/*/iu, '').slice(0, 40) || text));
  }
  const url = new URL(text);
  const host = url.hostname;
  const kind = classifyHost(host);
  if (kind === 'lookalike') return reject(reasons.lookalike(host), true);
  if (kind === 'truncated') return reject(reasons.truncatedLink(host));
  // `https://huaweicloud.com@evil.example/…` shows a Huawei name but goes to evil.example.
  const userinfo = decodeSegment(`${url.username}:${url.password}`).toLowerCase();
  const isHuawei = kind === 'huawei-meeting' || kind === 'huawei';
  if (!isHuawei && userinfo.includes('huawei')) return reject(reasons.lookalike(host), true);
  const routeId = joinRouteId(url);
  // A punycode host with a Huawei join route is a homograph (`huaweiсloud` with a Cyrillic с).
  if (!isHuawei && routeId && /(?:^|\.)xn--/u.test(host)) return reject(reasons.lookalike(host), true);

  const params = meetingParameters(urlParameters(url), kind === 'huawei-meeting');
  const site = kind === 'huawei-meeting' ? siteOfHost(host) : undefined;
  const raw: RawMeeting = { id: '', site };
  if (params.password !== undefined) {
    raw.password = params.password;
    raw.passwordRole = params.role;
  }
  if (kind === 'huawei-meeting' && routeId !== undefined) {
    if (routeId === '' && params.id === undefined) return reject(reasons.huaweiLinkWithoutId(host));
    raw.id = routeId || (params.id ?? '');
    return meetingOutcome('huawei-link', raw);
  }
  if (params.id === undefined) {
    return reject(kind === 'huawei-meeting' ? reasons.huaweiLinkWithoutId(host) : reasons.linkNotMeeting(host));
  }
  raw.id = params.id;
  return meetingOutcome('url-parameters', raw);
}

/** The host of `server_url`, which may come with or without a scheme and port. */
function serverHost(serverUrl: string): string | undefined {
  const value = serverUrl.trim();
  if (!value) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//iu.test(value) ? value : `https://${value}`;
  return URL.canParse(withScheme) ? new URL(withScheme).hostname : undefined;
}

/**
 * Reads a Huawei client link,
 * `cloudlink://welinksoftclient/h5page?page=joinConfByLink&server_url=…&conf_id=…&enter_code=…`.
 */
export function readCloudlink(text: string): Outcome {
  if (!URL.canParse(text)) return reject(reasons.cloudlinkWithoutId);
  const params = urlParameters(new URL(text));
  const host = serverHost(params.get('server_url') ?? '');
  const kind = host === undefined ? 'other' : classifyHost(host);
  if (host !== undefined && (kind === 'lookalike' || kind === 'truncated')) {
    return reject(reasons.lookalike(host), true);
  }
  const meeting = meetingParameters(params, false);
  if (meeting.id === undefined) return reject(reasons.cloudlinkWithoutId);
  return meetingOutcome('cloudlink', {
    id: meeting.id,
    password: meeting.password,
    passwordRole: meeting.role,
    site: host !== undefined && kind === 'huawei-meeting' ? siteOfHost(host) : undefined,
  });
}
