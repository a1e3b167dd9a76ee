/**
 * Why nothing could be read — no code, a code that is not a meeting, a file refused — as an
 * alert (`role="alert"`), in the person's language, saying what to do next.
 */
import { lookupError } from '../../../shared/errors';
import { localize } from '../../../shared/i18n-text';
import type { Language } from '../../../shared/schemas';
import type { Problem } from '../app-state';
import { h, icon } from '../dom';
import type { UiMessages } from '../i18n';
import { MAX_FILE_BYTES, MAX_MEGAPIXELS, type ImageProblem } from '../image-loader';
import { ICONS } from './icons';

function imageMessage(problem: ImageProblem, text: UiMessages): string {
  switch (problem.kind) {
    case 'not-image':
      return text.problems.notImage;
    case 'file-too-large':
      return text.problems.fileTooLarge((problem.bytes / 1024 / 1024).toFixed(1), MAX_FILE_BYTES / 1024 / 1024);
    case 'too-many-pixels':
      return text.problems.tooManyPixels(problem.width, problem.height, MAX_MEGAPIXELS);
    case 'unreadable':
      return text.problems.unreadable;
  }
}

/** Title and sentence for a problem. */
export function describeProblem(problem: Problem, text: UiMessages, language: Language): { title: string; body: string } {
  switch (problem.kind) {
    case 'no-code':
      return {
        title: text.problems.noCodeTitle,
        body: problem.origin === 'screen' ? text.problems.noCodeScreen : text.problems.noCodeImage,
      };
    case 'empty-clipboard':
      return { title: text.problems.noCodeTitle, body: text.problems.emptyClipboard };
    case 'not-ours': {
      const title = problem.origin === 'text' || problem.origin === 'link' ? text.problems.notMeetingText : text.problems.notMeetingTitle;
      return { title, body: localize(problem.reason, language) };
    }
    case 'image':
      return { title: text.problems.imageTitle, body: imageMessage(problem.problem, text) };
    case 'decode':
      return {
        title: text.problems.noCodeTitle,
        body: problem.reason === 'timeout' ? text.problems.decodeTimeout : text.problems.decodeFailed,
      };
    case 'capture': {
      const entry = lookupError(problem.error.code);
      const title = problem.origin === 'screen' ? text.problems.captureTitle : localize(entry.title, language);
      return { title, body: localize(entry.action, language) };
    }
  }
}

export function problemAlert(problem: Problem, text: UiMessages, language: Language): HTMLElement {
  const { title, body } = describeProblem(problem, text, language);
  return h('div', { class: 'callout callout-danger', attrs: { role: 'alert' } }, [
    icon(ICONS.alert, 'icon callout-icon'),
    h('div', { class: 'callout-body' }, [h('p', { class: 'callout-title', text: title }), h('p', { text: body })]),
  ]);
}
