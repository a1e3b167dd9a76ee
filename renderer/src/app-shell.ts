/**
 * The window's frame: a header (title, Settings / Back) and the current view. A change of view
 * or language rebuilds it from the state — simpler than patching every string — and the
 * previous build's subscriptions end with its AbortSignal.
 */
import { messages } from '../../shared/i18n/messages';
import { languageOf } from './app-state';
import { ICONS } from './components/icons';
import type { ViewContext } from './context';
import { h, icon, replaceChildren } from './dom';
import { applyDocumentLanguage, uiText } from './i18n';
import { createMainView } from './views/main-view';
import { createRoomView } from './views/room-view';
import { createSettingsView } from './views/settings-view';

/** What the shell is given: the view context without what it derives per build (language, strings). */
export type ShellDeps = Omit<ViewContext, 'language' | 'text'>;

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
    if (state.view === 'room') {
      // Room mode fills the window with its own layout (no header).
      replaceChildren(root, [createRoomView(context)]);
      return;
    }
    const inSettings = state.view === 'settings';
    const navButton = inSettings
      ? h(
          'button',
          {
            class: 'button button-ghost',
            attrs: { type: 'button' },
            on: { click: () => store.set({ view: store.get().roomMode ? 'room' : 'main' }) },
          },
          [icon(ICONS.back), text.header.back],
        )
      : h('button', { class: 'button button-ghost', attrs: { type: 'button' }, on: { click: () => store.set({ view: 'settings' }) } }, [
          icon(ICONS.settings),
          text.header.settings,
        ]);
    // In room mode, the main window (reached from the tray or a link) leads back to the room view.
    const roomButton =
      !inSettings && state.roomMode
        ? h('button', { class: 'button button-ghost', attrs: { type: 'button' }, on: { click: () => store.set({ view: 'room' }) } }, [
            icon(ICONS.room),
            text.header.roomView,
          ])
        : null;
    const view = inSettings ? createSettingsView(context) : createMainView(context);
    replaceChildren(root, [
      h('header', { class: 'app-header' }, [
        h('h1', { class: 'app-title' }, [icon(ICONS.qr, 'icon app-logo'), messages[language].appName]),
        h('div', { class: 'app-header-actions' }, [roomButton, navButton]),
      ]),
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
    if (state.view !== previous.view)
      render(state.view === 'settings' ? 'settings-title' : state.view === 'main' ? 'settings-button' : null);
    else if (languageOf(state) !== languageOf(previous) || (state.view === 'main' && state.roomMode !== previous.roomMode)) render(null);
  });
  deps.signal.addEventListener(
    'abort',
    () => {
      off();
      build?.abort();
    },
    { once: true },
  );
}
