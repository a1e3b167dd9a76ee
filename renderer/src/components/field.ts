/**
 * A labelled form control with an optional help line and an error line, wired for assistive
 * technology: `<label for>`, `aria-describedby` to help and error, `aria-invalid` on error.
 */
import { invisibleCharacterIn } from '../../../shared/schemas';
import { h, uid } from '../dom';
import type { UiMessages } from '../i18n';

export type Control = HTMLInputElement | HTMLSelectElement;

export interface Field<C extends Control> {
  element: HTMLElement;
  control: C;
  /** Shows (or, with `null`, clears) an error under the control. */
  setError(message: string | null): void;
  setHelp(message: string | null): void;
}

export function field<C extends Control>(label: string, control: C, options: { help?: string; className?: string } = {}): Field<C> {
  control.id ||= uid('field');
  const help = h('p', { class: 'field-help', id: uid('help') });
  const error = h('p', { class: 'field-error', id: uid('error') });
  const describe = () => {
    const ids = [help.textContent ? help.id : '', error.textContent ? error.id : ''].filter(Boolean).join(' ');
    if (ids) control.setAttribute('aria-describedby', ids);
    else control.removeAttribute('aria-describedby');
  };
  const element = h('div', { class: `field ${options.className ?? ''}`.trim() }, [
    h('label', { attrs: { for: control.id }, text: label }),
    control,
    help,
    error,
  ]);
  const result: Field<C> = {
    element,
    control,
    setError(message) {
      error.textContent = message ?? '';
      error.hidden = !message;
      control.toggleAttribute('aria-invalid', Boolean(message));
      if (message) control.setAttribute('aria-invalid', 'true');
      describe();
    },
    setHelp(message) {
      help.textContent = message ?? '';
      help.hidden = !message;
      describe();
    },
  };
  result.setHelp(options.help ?? null);
  result.setError(null);
  return result;
}

/** A checkbox with its label on the right. */
/**
 * The error for a typed value the schema refused: an invisible character (zero-width, bidi…) is
 * named first — the value looks right, so the format hint alone would mislead — else `hint`.
 */
export function refusedValueMessage(value: string, validation: UiMessages['validation'], hint: string): string {
  const invisible = invisibleCharacterIn(value);
  return invisible === null ? hint : validation.invisible(invisible);
}

export function checkbox(
  label: string,
  checked: boolean,
  onChange?: (checked: boolean) => void,
): { element: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { attrs: { type: 'checkbox', checked } });
  if (onChange) input.addEventListener('change', () => onChange(input.checked));
  return { element: h('label', { class: 'check' }, [input, h('span', { text: label })]), input };
}

/** Replaces a select's options, keeping the selection when it still exists. */
export function setOptions(select: HTMLSelectElement, options: readonly { value: string; label: string }[], selected?: string): void {
  const keep = selected ?? select.value;
  select.replaceChildren(...options.map((o) => h('option', { attrs: { value: o.value }, text: o.label })));
  if (options.some((o) => o.value === keep)) select.value = keep;
}
