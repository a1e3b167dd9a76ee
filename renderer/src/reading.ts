/**
 * From the texts of the codes found (or the text pasted) to what the window shows: the codes
 * that mean something (meetings, rooms) or, when none does, why not. Pure: no DOM, no API.
 */
import { parsePayload, type ParsedPayload } from '../../shared/payload/index';
import type { Candidate, Problem, ReadOrigin } from './app-state';

export type ReadResult = { kind: 'found'; candidates: Candidate[] } | { kind: 'problem'; problem: Problem };

function key(candidate: Candidate): string {
  const meeting = candidate.kind === 'terminal' ? '' : candidate.meeting.id;
  const terminal = candidate.kind === 'meeting' ? '' : candidate.terminal.callNum;
  return `${candidate.kind}|${meeting}|${terminal}`;
}

function hasPassword(candidate: Candidate): boolean {
  return candidate.kind !== 'terminal' && candidate.meeting.password !== undefined;
}

/**
 * Parses each text; keeps the meaningful codes, one per meeting/room (preferring one that
 * carries the password); reports the first unrelated code's reason when nothing is ours.
 */
export function readTexts(texts: readonly string[], origin: ReadOrigin): ReadResult {
  if (texts.length === 0) return { kind: 'problem', problem: { kind: 'no-code', origin } };
  const parsed: ParsedPayload[] = texts.map((text) => parsePayload(text));
  const byKey = new Map<string, Candidate>();
  for (const payload of parsed) {
    if (payload.kind === 'unknown') continue;
    const previous = byKey.get(key(payload));
    if (!previous || (!hasPassword(previous) && hasPassword(payload))) byKey.set(key(payload), payload);
  }
  if (byKey.size > 0) return { kind: 'found', candidates: [...byKey.values()] };
  const unknown = parsed.find((p): p is Extract<ParsedPayload, { kind: 'unknown' }> => p.kind === 'unknown');
  if (!unknown) return { kind: 'problem', problem: { kind: 'no-code', origin } };
  return { kind: 'problem', problem: { kind: 'not-ours', reason: unknown.reason, origin } };
}
