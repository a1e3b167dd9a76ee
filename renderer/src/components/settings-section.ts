/** What a settings section is given, and the pieces every section uses. */
import type { SettingsView } from '../../../shared/ipc';
import type { ManageableKey } from '../../../shared/settings';
import type { SettingsPatch, ViewContext } from '../context';
import { h, uid } from '../dom';

export interface SectionContext extends ViewContext {
  /** Saves a patch; a refusal is shown in the settings view's alert. Resolves to success. */
  save: (patch: SettingsPatch) => Promise<boolean>;
}

/** A settings section: a card with a heading (and the region named by it). */
export function section(title: string, children: readonly (Node | null)[], help?: string): HTMLElement {
  const id = uid('section');
  return h('section', { class: 'card settings-section', attrs: { 'aria-labelledby': id } }, [
    h('h2', { id, class: 'card-title', text: title }),
    help ? h('p', { class: 'section-help', text: help }) : null,
    ...children,
  ]);
}

/** Whether the administrator's managed configuration fixes `key` (main refuses changes to it). */
export function isLocked(view: SettingsView, key: ManageableKey): boolean {
  return view.locked.includes(key);
}

/** "Set by your administrator.", shown in a section while any of its settings is locked. */
export function lockNote(text: string): HTMLElement {
  const note = h('p', { class: 'lock-note', text });
  note.hidden = true;
  return note;
}
