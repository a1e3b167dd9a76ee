/**
 * The window's frame: a header (title, Settings / Back) and the current view. A change of view
 * or language rebuilds it from the state — simpler than patching every string — and the
 * previous build's subscriptions end with its AbortSignal.
 */
import type { QrRoomInviteApi } from '../../shared/bridge';
import { messages } from '../../shared/i18n/messages';
import { languageOf, type AppStore } from './app-state';
import { ICONS } from './components/icons';
import type { ViewContext } from './context';
import { h, icon, replaceChildren } from './dom';
import { applyDocumentLanguage, uiText } from './i18n';
import type { IntakeController } from './intake';
import type { InviteController } from './invite-controller';
import { createMainView } from './views/main-view';
import { createSettingsView } from './views/settings-view';

export interface ShellDeps {
  store: AppStore;
  api: QrRoomInviteApi;
  intake: IntakeController;
  invites: InviteController;
  signal: AbortSignal;
}

export function mountShell(root: HTMLElement, deps: ShellDeps): void {
  const { store } = deps;
  let build: AbortController | undefined;

  function render(focusAfter: 'settings-title' | 'settings-button' | null): void {
    build?.abort();
    build = new AbortController();
    const state = store.get();
    const language = languageOf(state);
    applyDocumentLanguage(language);
    const context: ViewContext = { ...deps, language, text: uiText(language), signal: build.signal };
    const { text } = context;
    const inSettings = state.view === 'settings';
    const navButton = inSettings
      ? h('button', { class: 'button button-ghost', attrs: { type: 'button' }, on: { click: () => store.set({ view: 'main' }) } }, [icon(ICONS.back), text.header.back])
      : h('button', { class: 'button button-ghost', attrs: { type: 'button' }, on: { click: () => store.set({ view: 'settings' }) } }, [icon(ICONS.settings), text.header.settings]);
    const view = inSettings ? createSettingsView(context) : createMainView(context);
    replaceChildren(root, [
      h('header', { class: 'app-header' }, [h('h1', { class: 'app-title' }, [icon(ICONS.qr, 'icon app-logo'), messages[language].appName]), navButton]),
      h('main', { class: 'app-main' }, [view]),
    ]);
    // Moving between views moves the keyboard focus with it, so Tab continues from there.
    if (focusAfter === 'settings-button') navButton.focus();
    if (focusAfter === 'settings-title') {
      const title = view.querySelector<HTMLElement>('.view-title');
      title?.setAttribute('tabindex', '-1');
      title?.focus();
    }
  }

  render(null);
  const off = store.subscribe((state, previous) => {
    if (state.view !== previous.view) render(state.view === 'settings' ? 'settings-title' : 'settings-button');
    else if (languageOf(state) !== languageOf(previous)) render(null);
  });
  deps.signal.addEventListener('abort', () => {
    off();
    build?.abort();
  }, { once: true });
}
