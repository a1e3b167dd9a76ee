/**
 * The checks every entry point makes before reading any form (docs/qr-formats.md, "Before any
 * form: checks on the whole text"), and the step that turns a reader's outcome into the public
 * `ParsedPayload`.
 */
import type { LocalizedText } from '../i18n-text';
import { findForbiddenControl, MAX_PAYLOAD_LENGTH } from './normalize';
import type { Outcome } from './outcome';
import { codePointName, makePreview } from './preview';
import * as reasons from './reasons';
import type { ParsedPayload } from './types';

/** The trimmed text, or why it cannot be a code at all. */
export function precheck(text: unknown): { text: string } | { reason: LocalizedText } {
  if (typeof text !== 'string') return { reason: reasons.notText };
  // Before anything else, so that no regular expression ever runs over an oversized input.
  if (text.length > MAX_PAYLOAD_LENGTH) return { reason: reasons.tooLong(text.length) };
  const control = findForbiddenControl(text);
  if (control !== null) return { reason: reasons.controlCharacter(codePointName(control)) };
  const trimmed = text.trim();
  if (!trimmed) return { reason: reasons.empty };
  return { text: trimmed };
}

/** The public result: readers' internal flags dropped, a preview added to rejections. */
export function finish(outcome: Outcome, original: unknown): ParsedPayload {
  if (outcome.kind !== 'unknown') return outcome;
  return { kind: 'unknown', reason: outcome.reason, preview: previewOf(original) };
}

/** A preview of anything: the text's start, or nothing for a value that is not text. */
export function previewOf(original: unknown): string {
  return typeof original === 'string' ? makePreview(original) : '';
}
