/**
 * Adding or editing a room: name, SIP number, enterprise ID and number type, each validated as
 * it is typed with the same schemas main uses, so what the form accepts main accepts too.
 */
import type { Room } from '../../../shared/settings';
import { RoomSchema } from '../../../shared/settings';
import { OrgIdSchema, SipNumberSchema } from '../../../shared/schemas';
import { h } from '../dom';
import type { UiMessages } from '../i18n';
import { field, refusedValueMessage, setOptions, type Field } from './field';

export interface RoomFormOptions {
  text: UiMessages;
  /** The room being edited; a new room otherwise. */
  room?: Room;
  onSave: (room: Room) => void;
  onCancel: () => void;
}

function newRoomId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `room-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function createRoomForm({ text, room, onSave, onCancel }: RoomFormOptions): HTMLFormElement {
  const input = (value = '', attrs: Record<string, string> = {}) =>
    h('input', { attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false', value, ...attrs } });
  const name = field(text.settings.roomName, input(room?.name));
  const sip = field(text.settings.sipNumber, input(room?.callNum, { inputmode: 'tel' }));
  const org = field(text.settings.orgId, input(room?.orgId));
  const typeSelect = h('select');
  setOptions(
    typeSelect,
    [0, 1].map((t) => ({ value: String(t), label: text.numberTypes[t as 0 | 1] })),
    String(room?.numberType ?? 0),
  );
  const type = field(text.settings.numberType, typeSelect);

  const refused = (value: string, hint: string) =>
    value.trim() ? refusedValueMessage(value, text.validation, hint) : text.validation.required;
  /** Each field's check: an error message, or null when the value is acceptable. */
  const checks: [Field<HTMLInputElement>, () => string | null][] = [
    [name, () => (RoomSchema.shape.name.safeParse(name.control.value).success ? null : refused(name.control.value, text.validation.name))],
    [sip, () => (SipNumberSchema.safeParse(sip.control.value).success ? null : refused(sip.control.value, text.validation.sipNumber))],
    [
      org,
      () =>
        !org.control.value.trim() || OrgIdSchema.safeParse(org.control.value).success
          ? null
          : refusedValueMessage(org.control.value, text.validation, text.validation.orgId),
    ],
  ];
  // Validated as typed: an error shows as soon as a field holds something wrong.
  for (const [f, check] of checks) f.control.addEventListener('input', () => f.setError(check()));

  const form = h('form', { class: 'room-form', attrs: { novalidate: true } }, [
    h('h3', { class: 'subheading', text: room ? text.settings.editRoom : text.settings.newRoom }),
    h('div', { class: 'field-grid' }, [name.element, sip.element, org.element, type.element]),
    h('div', { class: 'form-actions' }, [
      h('button', { class: 'button button-primary', attrs: { type: 'submit' }, text: text.settings.saveRoom }),
      h('button', { class: 'button', attrs: { type: 'button' }, text: text.settings.cancel, on: { click: onCancel } }),
    ]),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    let firstInvalid: HTMLElement | undefined;
    for (const [f, check] of checks) {
      const error = check();
      f.setError(error);
      if (error) firstInvalid ??= f.control;
    }
    if (firstInvalid) {
      firstInvalid.focus();
      return;
    }
    const parsed = RoomSchema.safeParse({
      id: room?.id ?? newRoomId(),
      name: name.control.value,
      callNum: sip.control.value,
      ...(org.control.value.trim() ? { orgId: org.control.value } : {}),
      numberType: Number(typeSelect.value),
    });
    if (parsed.success) onSave(parsed.data);
  });
  return form;
}
