/** What a settings section is given: the view context and the one way to save a change. */
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
