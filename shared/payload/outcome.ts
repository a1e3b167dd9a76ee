/**
 * What each form reader returns, and the validation every form shares. Readers do not know the
 * whole text, so they return an `Outcome` without a preview; parse.ts adds it.
 */
import type { LocalizedText } from '../i18n-text';
import type { Meeting, SiteId, Terminal } from '../schemas';
import {
  findFormatCharacter,
  normalizeMeetingId,
  normalizeNumberType,
  normalizeOrgId,
  normalizePassword,
  normalizeSipNumber,
} from './normalize';
import { codePointName, quote } from './preview';
import * as reasons from './reasons';
import type { ParsedPayload, PayloadSource } from './types';

/** A code that was read: a meeting, a terminal or both. */
export type Recognized = Exclude<ParsedPayload, { kind: 'unknown' }>;

/** `suspicious` marks a look-alike link, so that text around it is refused as well. */
export type Rejected = { kind: 'unknown'; reason: LocalizedText; suspicious?: boolean };

/** What a form reader returns. */
export type Outcome = Recognized | Rejected;

/** A rejection; `suspicious` for look-alike links. */
export function reject(reason: LocalizedText, suspicious = false): Rejected {
  return suspicious ? { kind: 'unknown', reason, suspicious } : { kind: 'unknown', reason };
}

/** Narrows an outcome to a recognised code. */
export function isRecognized(outcome: Outcome): outcome is Recognized {
  return outcome.kind !== 'unknown';
}

/** The meeting of an outcome, if it has one. */
export function meetingOf(outcome: Outcome): Meeting | undefined {
  return outcome.kind === 'meeting' || outcome.kind === 'both' ? outcome.meeting : undefined;
}

/** A meeting as a code spelled it, before validation. */
export interface RawMeeting {
  id: string;
  password?: string | undefined;
  passwordRole?: 'guest' | 'host' | undefined;
  site?: SiteId | undefined;
}

/** A terminal as a code spelled it, before validation. */
export interface RawTerminal {
  callNum: string;
  orgId?: string | undefined;
  numberType?: unknown;
  name?: string | undefined;
}

/** A validated value, or the reason it is invalid. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: LocalizedText };

/** Validates and normalises a meeting; a failure names the field that is wrong. */
export function checkMeeting(raw: RawMeeting): Checked<Meeting> {
  const hidden = invisibleIn([
    ['number', raw.id],
    ['password', raw.password],
  ]);
  if (hidden) return { ok: false, reason: hidden };
  const id = normalizeMeetingId(raw.id);
  if (id === null) return { ok: false, reason: reasons.invalidMeetingId(quote(raw.id, 30)) };
  const meeting: Meeting = { id };
  if (raw.password !== undefined) {
    const password = normalizePassword(raw.password);
    if (password === null) return { ok: false, reason: reasons.invalidPassword };
    meeting.password = password;
    if (raw.passwordRole) meeting.passwordRole = raw.passwordRole;
  }
  if (raw.site) meeting.site = raw.site;
  return { ok: true, value: meeting };
}

/** Validates and normalises a terminal; a failure names the field that is wrong. */
export function checkTerminal(raw: RawTerminal): Checked<Terminal> {
  const hidden = invisibleIn([
    ['number', raw.callNum],
    ['number', raw.orgId],
    ['name', raw.name],
  ]);
  if (hidden) return { ok: false, reason: hidden };
  const callNum = normalizeSipNumber(raw.callNum);
  if (callNum === null) {
    const hasLetters = /[a-z]/iu.test(raw.callNum.replace(/^\s*(?:sips?|tel):/iu, '').split('@')[0] ?? '');
    return { ok: false, reason: reasons.invalidSipNumber(quote(raw.callNum, 40), hasLetters) };
  }
  const terminal: Terminal = { callNum };
  if (raw.orgId !== undefined) {
    const orgId = normalizeOrgId(raw.orgId);
    if (orgId === null) return { ok: false, reason: reasons.invalidOrgId(quote(raw.orgId, 30)) };
    terminal.orgId = orgId;
  }
  if (raw.numberType !== undefined) {
    const numberType = normalizeNumberType(raw.numberType);
    if (numberType === null) {
      const shown = typeof raw.numberType === 'string' ? raw.numberType : (JSON.stringify(raw.numberType) ?? '');
      return { ok: false, reason: reasons.invalidNumberType(quote(shown, 20)) };
    }
    terminal.numberType = numberType;
  }
  if (raw.name !== undefined) {
    const name = normalizeName(raw.name);
    if (name === null) return { ok: false, reason: reasons.invalidName };
    terminal.name = name;
  }
  return { ok: true, value: terminal };
}

/** Why a value with an invisible format character (zero-width, bidi…) is refused, naming the first. */
function invisibleIn(values: readonly (readonly [reasons.InvisibleField, string | undefined])[]): LocalizedText | undefined {
  for (const [field, value] of values) {
    const found = value === undefined ? null : findFormatCharacter(value);
    if (found !== null) return reasons.invisibleCharacter(field, codePointName(found));
  }
  return undefined;
}

// eslint-disable-next-line no-control-regex
const NAME_CONTROL = /[\u0000-\u001f\u007f-\u009f\p{Cf}]/u;

/** A room's display name: trimmed, 1–64 UTF-16 units as TerminalSchema counts, no controls or format characters. */
export function normalizeName(raw: string): string | null {
  const name = raw.trim();
  return name.length >= 1 && name.length <= 64 && !NAME_CONTROL.test(name) ? name : null;
}

/** Combines validated parts into an outcome; `null` when there is neither part. */
export function recognized(source: PayloadSource, meeting: Meeting | undefined, terminal: Terminal | undefined): Recognized | null {
  if (meeting && terminal) return { kind: 'both', source, meeting, terminal };
  if (meeting) return { kind: 'meeting', source, meeting };
  if (terminal) return { kind: 'terminal', source, terminal };
  return null;
}

/** Validates a raw meeting into a meeting outcome. */
export function meetingOutcome(source: PayloadSource, raw: RawMeeting): Outcome {
  const checked = checkMeeting(raw);
  return checked.ok ? { kind: 'meeting', source, meeting: checked.value } : reject(checked.reason);
}

/** Validates a raw terminal into a terminal outcome. */
export function terminalOutcome(source: PayloadSource, raw: RawTerminal): Outcome {
  const checked = checkTerminal(raw);
  return checked.ok ? { kind: 'terminal', source, terminal: checked.value } : reject(checked.reason);
}
