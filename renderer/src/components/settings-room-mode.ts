/**
 * Room mode in Settings: the switch (this window turns into the room view when leaving
 * Settings) and the cooldown before the same meeting may be invited again. Both may be fixed
 * by the administrator's managed configuration, and are then shown locked.
 */
import { h } from '../dom';
import { watch } from '../store';
import { checkbox, field } from './field';
import { isLocked, lockNote, section, type SectionContext } from './settings-section';

const MIN_COOLDOWN = 5;
const MAX_COOLDOWN = 3600;

export function createRoomModeSection(context: SectionContext): HTMLElement {
  const { text, store, signal, save } = context;
  const toggle = checkbox(text.settings.roomModeToggle, false, (checked) => {
    void save({ roomMode: checked }).then((saved) => {
      // Also when the setting did not change (room mode opened with --room, switched off here).
      if (saved) store.set({ roomMode: checked });
    });
  });
  const input = h('input', { attrs: { type: 'number', min: MIN_COOLDOWN, max: MAX_COOLDOWN, step: 1, inputmode: 'numeric' } });
  const cooldown = field(text.settings.roomCooldown, input, { help: text.settings.roomCooldownHelp });
  const valid = () => /^\d+$/u.test(input.value.trim()) && Number(input.value) >= MIN_COOLDOWN && Number(input.value) <= MAX_COOLDOWN;
  input.addEventListener('input', () => cooldown.setError(valid() ? null : text.validation.roomCooldown));
  input.addEventListener('change', () => {
    if (valid()) void save({ roomCooldownSeconds: Number(input.value) });
  });
  const note = lockNote(text.settings.locked);

  watch(
    store,
    (s) => [s.roomMode, s.settings] as const,
    ([roomMode, view]) => {
      toggle.input.checked = roomMode;
      toggle.input.disabled = isLocked(view, 'roomMode');
      input.readOnly = isLocked(view, 'roomCooldownSeconds');
      note.hidden = !isLocked(view, 'roomMode') && !isLocked(view, 'roomCooldownSeconds');
      if (document.activeElement !== input) {
        input.value = String(view.settings.roomCooldownSeconds);
        cooldown.setError(null);
      }
    },
    signal,
  );
  return section(text.settings.roomMode, [note, toggle.element, cooldown.element], text.settings.roomModeHelp);
}
