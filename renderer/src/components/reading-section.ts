/**
 * What was read: a problem (as an alert), a choice when several codes were found, and the
 * chosen code's details — meeting ID grouped as `914 083 136`, the password masked with a
 * reveal toggle, the site; or the room terminal.
 */
import { formatMeetingId, formatSipNumber } from '../../../shared/payload/index';
import { isPasswordRemembered, type SettingsView } from '../../../shared/ipc';
import type { Meeting, Terminal } from '../../../shared/schemas';
import type { Candidate, Intake } from '../app-state';
import type { ViewContext } from '../context';
import { h, icon, replaceChildren, uid } from '../dom';
import type { UiMessages } from '../i18n';
import { roomOf } from '../names';
import { watch } from '../store';
import { ICONS } from './icons';
import { problemAlert } from './problem-alert';

const MASK = '\u2022'.repeat(8);

/**
 * Where the invite goes — the site in Settings, which is what the request uses — and, when the
 * code names another site, a line saying so: a meeting of the other site will not be found.
 */
function siteFact(meeting: Meeting, view: SettingsView, text: UiMessages): Node[] {
  const { site, customBaseUrl } = view.settings;
  const target = site === 'custom' ? text.sites.custom(customBaseUrl ?? '') : text.sites[site];
  const elsewhere = meeting.site !== undefined && meeting.site !== site;
  return fact(
    text.reading.site,
    h('span', { class: 'site' }, [
      target,
      elsewhere && meeting.site ? h('span', { class: 'site-note', text: text.reading.siteInCode(text.sites[meeting.site]) }) : null,
    ]),
  );
}

/** "Room A" for a configured room's number, "Unknown terminal +999 0001 2345" for any other. */
function terminalLabel(terminal: Terminal, view: SettingsView, text: UiMessages): string {
  return roomOf(terminal, view)?.name ?? text.reading.unknownTerminal(formatSipNumber(terminal.callNum));
}

function choiceLabel(candidate: Candidate, view: SettingsView, text: UiMessages): string {
  const secret = (meeting: Meeting) => (meeting.password ? text.reading.withPassword : text.reading.withoutPassword);
  if (candidate.kind === 'meeting')
    return `${text.reading.choiceMeeting(formatMeetingId(candidate.meeting.id))} · ${secret(candidate.meeting)}`;
  const room = roomOf(candidate.terminal, view);
  if (candidate.kind === 'terminal') return room ? text.reading.choiceTerminal(room.name) : terminalLabel(candidate.terminal, view, text);
  return text.reading.choiceBoth(formatMeetingId(candidate.meeting.id), terminalLabel(candidate.terminal, view, text));
}

function fact(term: string, value: Node | string, className = ''): Node[] {
  return [h('dt', { text: term }), h('dd', { class: className }, [value])];
}

function passwordFact(meeting: Meeting, view: SettingsView, text: UiMessages): Node[] {
  const password = meeting.password;
  if (password === undefined) {
    const remembered = isPasswordRemembered(view, meeting.id);
    return fact(text.reading.password, remembered ? text.reading.passwordRemembered : text.reading.passwordNotInCode, 'muted');
  }
  const value = h('span', { class: 'secret', text: MASK });
  const toggle = h(
    'button',
    { class: 'icon-button', attrs: { type: 'button', 'aria-pressed': 'false', 'aria-label': text.reading.showPassword } },
    [icon(ICONS.eye)],
  );
  toggle.addEventListener('click', () => {
    const shown = toggle.getAttribute('aria-pressed') !== 'true';
    toggle.setAttribute('aria-pressed', String(shown));
    toggle.setAttribute('aria-label', shown ? text.reading.hidePassword : text.reading.showPassword);
    toggle.replaceChildren(icon(shown ? ICONS.eyeOff : ICONS.eye));
    value.textContent = shown ? password : MASK;
    value.classList.toggle('is-revealed', shown);
  });
  return fact(text.reading.password, h('span', { class: 'secret-row' }, [value, toggle]));
}

/** The warning over a terminal that is not one of the configured rooms, whatever name the code gave it. */
function unknownTerminalWarning(terminal: Terminal, text: UiMessages): HTMLElement {
  return h('div', { class: 'callout callout-warning unknown-terminal' }, [
    icon(ICONS.alert, 'icon callout-icon'),
    h('div', { class: 'callout-body' }, [
      h('p', { class: 'callout-title', text: text.reading.unknownTerminalTitle(formatSipNumber(terminal.callNum)) }),
      h('p', { text: text.reading.unknownTerminalBody }),
    ]),
  ]);
}

function terminalFacts(terminal: Terminal, view: SettingsView, text: UiMessages): Node[] {
  // Only a configured room has a name here; the code's own name is never shown.
  const room = roomOf(terminal, view);
  return [
    ...(room ? fact(text.reading.roomName, room.name) : []),
    ...fact(text.reading.sipNumber, formatSipNumber(terminal.callNum), 'mono'),
    ...(terminal.orgId ? fact(text.reading.enterprise, terminal.orgId, 'mono') : []),
    ...(terminal.numberType === undefined ? [] : fact(text.reading.numberType, text.numberTypes[terminal.numberType])),
  ];
}

function readingCard(candidate: Candidate, intake: Extract<Intake, { kind: 'ready' }>, context: ViewContext): HTMLElement {
  const { text, store } = context;
  const view = store.get().settings;
  const headingId = uid('reading');
  const heading = candidate.kind === 'terminal' ? text.reading.terminal : text.reading.meeting;
  const facts: Node[] = [];
  if (candidate.kind !== 'terminal') {
    facts.push(...fact(text.reading.meetingId, formatMeetingId(candidate.meeting.id), 'meeting-id'));
    facts.push(...passwordFact(candidate.meeting, view, text));
    facts.push(...siteFact(candidate.meeting, view, text));
  }
  if (candidate.kind !== 'meeting') {
    if (candidate.kind === 'both')
      facts.push(h('dt', { class: 'facts-divider', text: text.reading.terminal }), h('dd', { class: 'facts-divider' }));
    facts.push(...terminalFacts(candidate.terminal, view, text));
  }
  const note = intake.confirm
    ? h('p', { class: 'note', text: intake.origin === 'link' ? text.reading.fromLink : text.reading.fromTray })
    : null;
  const warning =
    candidate.kind !== 'meeting' && !roomOf(candidate.terminal, view) ? unknownTerminalWarning(candidate.terminal, text) : null;
  return h('section', { class: 'card reading-card', attrs: { 'aria-labelledby': headingId } }, [
    h('div', { class: 'card-header' }, [
      h('h2', { id: headingId, class: 'card-title', text: heading }),
      h('button', {
        class: 'link-button',
        attrs: { type: 'button' },
        text: text.reading.clear,
        on: { click: () => context.intake.clear() },
      }),
    ]),
    note,
    warning,
    h('dl', { class: 'facts' }, facts),
  ]);
}

function choice(intake: Extract<Intake, { kind: 'ready' }>, context: ViewContext): HTMLElement {
  const { text, store } = context;
  const name = uid('candidate');
  const options = intake.candidates.map((candidate, index) => {
    const input = h('input', { attrs: { type: 'radio', name, value: index, checked: intake.chosen === index } });
    input.addEventListener('change', () => {
      const current = store.get().intake;
      if (current.kind === 'ready' && current.seq === intake.seq)
        store.set({ intake: { ...current, chosen: index }, outcome: { kind: 'none' } });
    });
    return h('label', { class: 'choice' }, [input, h('span', { text: choiceLabel(candidate, store.get().settings, text) })]);
  });
  return h('fieldset', { class: 'card choices' }, [
    h('legend', { class: 'card-title', text: text.reading.severalFound(intake.candidates.length) }),
    ...options,
  ]);
}

export function createReadingSection(context: ViewContext): HTMLElement {
  const { store, signal, text, language } = context;
  // Two slots, so re-rendering the details never detaches the radio group (and its focus).
  const choiceSlot = h('div');
  const detailSlot = h('div');
  const root = h('div', { class: 'reading' }, [choiceSlot, detailSlot]);
  let choiceSeq = -1;
  let shownIntake: Intake | undefined;
  watch(
    store,
    (s) => [s.intake, s.settings] as const,
    ([intake]) => {
      if (intake.kind !== 'ready' || intake.candidates.length < 2) {
        choiceSeq = -1;
        replaceChildren(choiceSlot, []);
      } else if (choiceSeq !== intake.seq) {
        choiceSeq = intake.seq;
        replaceChildren(choiceSlot, [choice(intake, context)]);
      }
      const sameIntake = intake === shownIntake;
      shownIntake = intake;
      // A settings change re-renders details (room names, remembered passwords), never an alert.
      if (intake.kind === 'problem') {
        if (!sameIntake) replaceChildren(detailSlot, [problemAlert(intake.problem, text, language)]);
      } else if (intake.kind !== 'ready' || intake.chosen === null) replaceChildren(detailSlot, []);
      else {
        const chosen = intake.candidates[intake.chosen];
        replaceChildren(detailSlot, [chosen ? readingCard(chosen, intake, context) : null]);
      }
    },
    signal,
  );
  return root;
}
