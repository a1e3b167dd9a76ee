/**
 * The invite form under what was read: the room to invite (for a meeting code) or the meeting
 * to join (for a room's code), the password when the code has none and none is remembered —
 * asked in place, with "Remember for this meeting" — and the Invite button.
 */
import { hostPasswordLabel, hostPasswordRememberedHelp } from '../../../shared/i18n/call-status-text';
import { lookupError } from '../../../shared/errors';
import { isHostPasswordRemembered, isPasswordRemembered, type InviteIpcRequest, type SettingsView } from '../../../shared/ipc';
import { formatMeetingId, formatSipNumber } from '../../../shared/payload/index';
import { MeetingIdSchema, PasswordSchema, type Terminal } from '../../../shared/schemas';
import { chosenCandidate, type Candidate } from '../app-state';
import { saveSettings, type ViewContext } from '../context';
import { h, replaceChildren, uid } from '../dom';
import { roomOf, terminalName } from '../names';
import { watch } from '../store';
import { checkbox, field, refusedValueMessage, setOptions } from './field';

/** `value` of the "another meeting" choice in the recent-meetings select. */
const OTHER_MEETING = '';
/** `value` of "Choose a meeting…": an unknown terminal gets no meeting preselected. */
const NO_MEETING = '-';

interface InviteForm {
  element: HTMLElement;
  update(view: SettingsView): void;
  askPassword(): void;
}

function canRemember(view: SettingsView): boolean {
  return view.settings.rememberPasswords && view.passwordProtection !== 'unavailable';
}

function buildForm(candidate: Candidate, context: ViewContext): InviteForm {
  const { text, store } = context;
  const view = () => store.get().settings;
  let forceAsk = false;
  let sending = false;

  const roomSelect = h('select');
  const roomField = field(text.invite.room, roomSelect);
  roomSelect.addEventListener('change', () => {
    refresh();
    // The choice becomes the selected room (the tray's too), unless the administrator fixed it.
    if (!view().locked.includes('selectedRoomId')) void saveSettings(context, { selectedRoomId: roomSelect.value });
  });
  const noRooms = h('div', { class: 'callout callout-info' }, [
    h('p', { text: text.invite.noRooms }),
    h('button', {
      class: 'button',
      attrs: { type: 'button' },
      text: text.invite.addRoom,
      on: { click: () => store.set({ view: 'settings' }) },
    }),
  ]);

  const meetingSelect = h('select');
  const meetingSelectField = field(text.invite.intoMeeting, meetingSelect);
  meetingSelect.addEventListener('change', () => refresh());
  const meetingInput = h('input', { attrs: { type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false' } });
  const meetingInputField = field(text.invite.meetingId, meetingInput);
  meetingInput.addEventListener('input', () => {
    meetingInputField.setError(null);
    refresh();
  });

  const passwordInput = h('input', { attrs: { type: 'password', autocomplete: 'off', spellcheck: 'false' } });
  const passwordField = field(text.invite.password, passwordInput);
  passwordInput.addEventListener('input', () => passwordField.setError(null));
  const remember = checkbox(text.invite.remember, view().settings.rememberPasswords);
  // Optional: with it main can tell whether the room joined and hang it up. Main keeps it only
  // with "Remember passwords" on; the window then only learns that it is kept.
  const hostPasswordInput = h('input', { attrs: { type: 'password', autocomplete: 'off', spellcheck: 'false' } });
  const hostPasswordField = field(hostPasswordLabel(context.language), hostPasswordInput);
  hostPasswordInput.addEventListener('input', () => hostPasswordField.setError(null));

  const terminal: Terminal | undefined = candidate.kind === 'meeting' ? undefined : candidate.terminal;
  /** A terminal that is not one of the configured rooms: an explicit meeting and a confirmation first. */
  const unknownTerminal = () => terminal !== undefined && !roomOf(terminal, view());

  const confirmUnknown = checkbox(text.invite.confirmUnknown(formatSipNumber(terminal?.callNum ?? '')), false);
  const confirmError = h('p', { class: 'field-error', id: uid('error') });
  confirmUnknown.input.addEventListener('change', () => setConfirmError(null));
  function setConfirmError(message: string | null): void {
    confirmError.textContent = message ?? '';
    confirmError.hidden = !message;
    if (message) {
      confirmUnknown.input.setAttribute('aria-invalid', 'true');
      confirmUnknown.input.setAttribute('aria-describedby', confirmError.id);
    } else {
      confirmUnknown.input.removeAttribute('aria-invalid');
      confirmUnknown.input.removeAttribute('aria-describedby');
    }
  }
  setConfirmError(null);
  const confirmBlock = h('div', { class: 'field confirm-unknown' }, [confirmUnknown.element, confirmError]);

  const button = h('button', { class: 'button button-primary button-large', attrs: { type: 'submit' } });
  const form = h('form', { class: 'invite-form', attrs: { novalidate: true } }, [
    roomField.element,
    noRooms,
    meetingSelectField.element,
    meetingInputField.element,
    passwordField.element,
    remember.element,
    hostPasswordField.element,
    confirmBlock,
    button,
  ]);

  const typedMeeting = () => candidate.kind === 'terminal' && meetingSelect.value === OTHER_MEETING;

  function meetingId(): string | undefined {
    if (candidate.kind !== 'terminal') return candidate.meeting.id;
    if (meetingSelect.value === NO_MEETING) return undefined;
    if (!typedMeeting()) return meetingSelect.value;
    const parsed = MeetingIdSchema.safeParse(meetingInput.value);
    return parsed.success ? parsed.data : undefined;
  }

  function needsPassword(): boolean {
    if (candidate.kind === 'terminal' && meetingSelect.value === NO_MEETING) return false;
    if (forceAsk) return true;
    if (candidate.kind !== 'terminal' && candidate.meeting.password !== undefined) return false;
    const id = meetingId();
    return id === undefined || !isPasswordRemembered(view(), id);
  }

  function target(): string | undefined {
    if (terminal) return terminalName(terminal, view());
    return view().settings.rooms.find((room) => room.id === roomSelect.value)?.name;
  }

  function refresh(): void {
    const settings = view();
    const hasRooms = settings.settings.rooms.length > 0;
    roomField.element.hidden = terminal !== undefined || !hasRooms;
    noRooms.hidden = terminal !== undefined || hasRooms;
    meetingSelectField.element.hidden = candidate.kind !== 'terminal' || settings.recentMeetings.length === 0;
    meetingSelectField.setError(null);
    confirmBlock.hidden = !unknownTerminal();
    meetingInputField.element.hidden = !typedMeeting();
    const ask = needsPassword();
    passwordField.element.hidden = !ask;
    passwordField.setHelp(forceAsk ? text.invite.passwordRetryHelp : text.invite.passwordHelp);
    remember.element.hidden = !ask || !canRemember(settings);
    const id = meetingId();
    hostPasswordField.setHelp(
      id !== undefined && isHostPasswordRemembered(settings, id) ? hostPasswordRememberedHelp(context.language) : null,
    );
    const name = target();
    button.hidden = !name && !terminal;
    button.textContent = name ? text.invite.button(name) : text.invite.buttonPlain;
  }

  function update(settings: SettingsView): void {
    const rooms = settings.settings.rooms.map((room) => ({ value: room.id, label: room.name }));
    setOptions(roomSelect, rooms, roomSelect.value || settings.settings.selectedRoomId);
    const recent = settings.recentMeetings.map((m) => ({
      value: m.id,
      label: text.invite.recentMeeting(m.label ?? '', formatMeetingId(m.id)),
    }));
    // An unknown terminal gets no meeting preselected: "Choose a meeting…" first (or the ID to type).
    const choose = unknownTerminal() && recent.length > 0 ? [{ value: NO_MEETING, label: text.invite.chooseMeeting }] : [];
    const first = choose[0]?.value ?? recent[0]?.value ?? OTHER_MEETING;
    setOptions(
      meetingSelect,
      [...choose, ...recent, { value: OTHER_MEETING, label: text.invite.otherMeeting }],
      meetingSelect.options.length ? meetingSelect.value : first,
    );
    refresh();
  }

  /** The request, or `undefined` after marking the fields to correct. */
  function build(): InviteIpcRequest | undefined {
    if (meetingSelect.value === NO_MEETING && candidate.kind === 'terminal') {
      meetingSelectField.setError(text.validation.chooseMeeting);
      meetingSelect.focus();
      return undefined;
    }
    const id = meetingId();
    if (id === undefined) {
      meetingInputField.setError(refusedValueMessage(meetingInput.value, text.validation, text.validation.meetingId));
      meetingInput.focus();
      return undefined;
    }
    if (unknownTerminal() && !confirmUnknown.input.checked) {
      setConfirmError(text.validation.confirmUnknown);
      confirmUnknown.input.focus();
      return undefined;
    }
    let password = candidate.kind === 'terminal' ? undefined : candidate.meeting.password;
    if (needsPassword()) {
      const parsed = PasswordSchema.safeParse(passwordInput.value);
      if (!parsed.success) {
        passwordField.setError(
          passwordInput.value
            ? refusedValueMessage(passwordInput.value, text.validation, text.validation.password)
            : text.validation.required,
        );
        passwordInput.focus();
        return undefined;
      }
      password = parsed.data;
    }
    const site = candidate.kind === 'terminal' ? undefined : candidate.meeting.site;
    let hostPassword = candidate.kind !== 'terminal' && candidate.meeting.passwordRole === 'host' ? password : undefined;
    if (hostPasswordInput.value !== '') {
      const parsed = PasswordSchema.safeParse(hostPasswordInput.value);
      if (!parsed.success) {
        hostPasswordField.setError(refusedValueMessage(hostPasswordInput.value, text.validation, text.validation.password));
        hostPasswordInput.focus();
        return undefined;
      }
      hostPassword = parsed.data;
    }
    return {
      ...(hostPassword === undefined ? {} : { hostPassword }),
      meeting: { id, ...(password === undefined ? {} : { password }), ...(site ? { site } : {}) },
      ...(terminal ? { terminal } : { roomId: roomSelect.value }),
      ...(terminal && unknownTerminal() ? { unknownTerminal: { confirmedCallNum: terminal.callNum, confirmedMeetingId: id } } : {}),
      ...(remember.element.hidden ? {} : { rememberPassword: remember.input.checked }),
      origin: 'window',
    };
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    const request = build();
    const name = target() ?? terminal?.callNum ?? '';
    if (!request) return;
    // aria-disabled rather than disabled: a disabled button would drop the keyboard focus.
    sending = true;
    button.setAttribute('aria-disabled', 'true');
    void context.invites
      .invite(request, name)
      .then((result) => {
        if (!result.ok) return;
        forceAsk = false;
        passwordInput.value = '';
        refresh();
      })
      .finally(() => {
        sending = false;
        button.removeAttribute('aria-disabled');
      });
  });

  update(view());
  return {
    element: form,
    update,
    askPassword() {
      forceAsk = true;
      passwordInput.value = '';
      refresh();
    },
  };
}

export function createInviteSection(context: ViewContext): HTMLElement {
  const { store, signal } = context;
  const slot = h('div', { class: 'invite' });
  let formKey = '';
  let form: InviteForm | undefined;
  watch(
    store,
    (s) => [s.intake, s.settings] as const,
    ([intake, settings]) => {
      const candidate = chosenCandidate(intake);
      const key = candidate && intake.kind === 'ready' ? `${intake.seq}:${intake.chosen}` : '';
      if (key !== formKey) {
        formKey = key;
        form = candidate ? buildForm(candidate, context) : undefined;
        replaceChildren(slot, [form?.element]);
      } else form?.update(settings);
    },
    signal,
  );
  watch(
    store,
    (s) => s.outcome,
    (outcome) => {
      // Failures after which the password is asked again (missing or wrong): flagged in the catalogue.
      if (outcome.kind === 'failure' && lookupError(outcome.error.code).asksForPassword) form?.askPassword();
    },
    signal,
  );
  return slot;
}
