/**
 * JSON codes (docs/qr-formats.md, "5. JSON" and "Terminal codes"): an object with the Huawei
 * API's field names in any case (`confID`, `pwd`, `callNum`, `orgID`, `numBelongsType`), flat
 * or nested as `{"meeting": {…}, "terminal": {…}}` (then our own names `id`, `orgId`,
 * `numberType`, `name`, `site`, `passwordRole` work too).
 */
import type { LocalizedText } from '../i18n-text';
import type { Meeting, Terminal } from '../schemas';
import { checkMeeting, checkTerminal, recognized, reject, type Outcome, type RawMeeting } from './outcome';
import { quote } from './preview';
import * as reasons from './reasons';

type Fields = ReadonlyMap<string, unknown>;

const MEETING_ID_KEYS = ['confid', 'conferenceid', 'meetingid', 'meeting_id', 'conf_id'];
const PASSWORD_KEYS: readonly (readonly [string, 'guest' | 'host' | undefined])[] = [
  ['guestpwd', 'guest'],
  ['guest_pwd', 'guest'],
  ['pwd', undefined],
  ['password', undefined],
  ['passcode', undefined],
  ['hostpwd', 'host'],
  ['chairmanpwd', 'host'],
];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Field names in lower case; the first spelling wins. A Map, so `__proto__` is just a key. */
function lowerKeys(object: Record<string, unknown>): Fields {
  const fields = new Map<string, unknown>();
  for (const [key, value] of Object.entries(object)) {
    const name = key.toLowerCase();
    // `null` and `""` are how APIs say "not set" (a meeting without a password).
    if (!fields.has(name) && value !== null && value !== '') fields.set(name, value);
  }
  return fields;
}

/** Strings as they are; safe non-negative integers as digits; anything else as JSON text. */
function asText(value: unknown): { ok: boolean; text: string } {
  if (typeof value === 'string') return { ok: true, text: value };
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
    return { ok: true, text: String(value) };
  }
  return { ok: false, text: JSON.stringify(value) ?? String(value) };
}

function first(fields: Fields, keys: readonly string[]): [string, unknown] | undefined {
  const key = keys.find((name) => fields.has(name));
  return key === undefined ? undefined : [key, fields.get(key)];
}

type Part<T> = { value?: T; reason?: LocalizedText };

function readMeeting(fields: Fields, nested: boolean): Part<Meeting> {
  const idField = first(fields, nested ? [...MEETING_ID_KEYS, 'id'] : MEETING_ID_KEYS);
  if (!idField) return {};
  const id = asText(idField[1]);
  if (!id.ok) return { reason: reasons.invalidMeetingId(quote(id.text, 30)) };
  const raw: RawMeeting = { id: id.text };
  const passwordKey = PASSWORD_KEYS.find(([key]) => fields.has(key));
  if (passwordKey) {
    const password = asText(fields.get(passwordKey[0]));
    if (!password.ok) return { reason: reasons.invalidPassword };
    raw.password = password.text;
    const role = fields.get('passwordrole');
    raw.passwordRole = passwordKey[1] ?? (role === 'guest' || role === 'host' ? role : undefined);
  }
  const site = fields.get('site');
  if (nested && (site === 'cn' || site === 'intl')) raw.site = site;
  const checked = checkMeeting(raw);
  return checked.ok ? { value: checked.value } : { reason: checked.reason };
}

function readTerminal(fields: Fields, nested: boolean): Part<Terminal> {
  const callNumField = first(fields, ['callnum', ...(nested ? ['sipnumber', 'number'] : [])]);
  if (!callNumField) return {};
  const callNum = asText(callNumField[1]);
  // 17-digit numbers exceed Number.MAX_SAFE_INTEGER, so a numeric callNum is refused rather
  // than silently rounded.
  if (!callNum.ok) return { reason: reasons.invalidSipNumber(quote(callNum.text, 40), false) };
  const orgId = first(fields, ['orgid']);
  const numberType = first(fields, ['numbelongstype', 'numbertype']);
  const name = fields.get('name');
  const checked = checkTerminal({
    callNum: callNum.text,
    orgId: orgId === undefined ? undefined : asText(orgId[1]).text,
    numberType: numberType?.[1],
    name: typeof name === 'string' ? name : undefined,
  });
  return checked.ok ? { value: checked.value } : { reason: checked.reason };
}

/**
 * Reads a JSON code; `null` when the text is not JSON and does not start with `{` (a line such
 * as `[Meeting] ID: …` is invitation text, not broken JSON).
 */
export function readJson(text: string): Outcome | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text.startsWith('{') ? reject(reasons.invalidJson) : null;
  }
  if (Array.isArray(value)) return reject(reasons.jsonNotObject);
  if (!isObject(value)) return null;
  const top = lowerKeys(value);
  const nestedMeeting = top.get('meeting');
  const nestedTerminal = top.get('terminal');
  const meeting = isObject(nestedMeeting) ? readMeeting(lowerKeys(nestedMeeting), true) : readMeeting(top, false);
  const terminal = isObject(nestedTerminal) ? readTerminal(lowerKeys(nestedTerminal), true) : readTerminal(top, false);
  const failure = meeting.reason ?? terminal.reason;
  if (failure) return reject(failure);
  const result = recognized('json', meeting.value, terminal.value);
  if (result) return result;
  const keys = Object.keys(value).slice(0, 5).join(', ') || '{}';
  return reject(reasons.jsonWithoutFields(quote(keys, 40)));
}
