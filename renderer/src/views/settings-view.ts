/**
 * The settings view: rooms, meeting service, behaviour, language, recent meetings and support.
 * Every change is saved at once through main (which validates it again); a refusal is shown
 * in one alert at the top.
 */
import { ClientCode, lookupError } from '../../../shared/errors';
import { createAppIdSection } from '../components/settings-app-id';
import { createBehaviourSection, createLanguageSection, createSupportSection } from '../components/settings-general';
import { createRecentSection } from '../components/settings-recent';
import { createRoomModeSection } from '../components/settings-room-mode';
import { createRoomsSection } from '../components/settings-rooms';
import type { SectionContext } from '../components/settings-section';
import { createSiteSection } from '../components/settings-site';
import { saveSettings, type ViewContext } from '../context';
import { h, replaceChildren } from '../dom';

export function createSettingsView(context: ViewContext): HTMLElement {
  const { text } = context;
  const alert = h('div', { class: 'alerts' });
  const sectionContext: SectionContext = {
    ...context,
    async save(patch) {
      const error = await saveSettings(context, patch);
      // A server change main was not allowed to make (dialog cancelled) says so in the catalogue's words.
      const notConfirmed = error?.code === ClientCode.serverChangeNotConfirmed ? lookupError(error.code) : undefined;
      replaceChildren(
        alert,
        error
          ? [
              h('div', { class: 'callout callout-danger', attrs: { role: 'alert' } }, [
                h('div', { class: 'callout-body' }, [
                  h('p', { class: 'callout-title', text: notConfirmed ? notConfirmed.title[context.language] : text.settings.saveFailed }),
                  notConfirmed ? h('p', { text: notConfirmed.action[context.language] }) : null,
                  error.detail ? h('p', { class: 'mono small', text: error.detail }) : null,
                ]),
              ]),
            ]
          : [],
      );
      return error === undefined;
    },
  };
  const { managed } = context.store.get().settings;
  // The administrator's file: said once at the top; an ignored (invalid) one with the reason.
  const managedNote = managed.error
    ? h('div', { class: 'callout callout-warning' }, [
        h('div', { class: 'callout-body' }, [h('p', { text: text.settings.managedInvalid(managed.error) })]),
      ])
    : managed.path
      ? h('p', { class: 'note', text: text.settings.managedBy(managed.path) })
      : null;
  return h('div', { class: 'view settings-view' }, [
    h('h2', { class: 'view-title', text: text.settings.heading }),
    managedNote,
    alert,
    createRoomsSection(sectionContext),
    createSiteSection(sectionContext),
    createBehaviourSection(sectionContext),
    createRoomModeSection(sectionContext),
    createAppIdSection(sectionContext),
    createLanguageSection(sectionContext),
    createRecentSection(sectionContext),
    createSupportSection(sectionContext),
  ]);
}
