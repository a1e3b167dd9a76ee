/**
 * Settings › Enterprise App ID (docs/api.md, door B): App ID and user ID saved like any setting,
 * the App Key write-only (sent once to main, which keeps it encrypted; only "saved, protected by
 * …" comes back), the wait for a room to join, and "Test connection", which says OK or why not
 * (wrong key, clock off, network) in the catalogue's words. Locked when the administrator set it.
 */
import { lookupError } from '../../../shared/errors';
import { appIdText } from '../../../shared/i18n/app-id-text';
import { h, replaceChildren } from '../dom';
import { watch } from '../store';
import { field } from './field';
import { isLocked, lockNote, section, type SectionContext } from './settings-section';

export function createAppIdSection(context: SectionContext): HTMLElement {
  const { store, signal, save, api, language } = context;
  const t = appIdText(language);
  const appIdInput = h('input', { attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false' } });
  const userInput = h('input', { attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false' } });
  const keyInput = h('input', { attrs: { type: 'password', autocomplete: 'new-password', spellcheck: 'false' } });
  const waitInput = h('input', { attrs: { type: 'number', min: 10, max: 600, step: 1, inputmode: 'numeric' } });
  const keyState = h('p', { class: 'note' });
  const result = h('div', { attrs: { 'aria-live': 'polite' } });
  const note = lockNote(context.text.settings.locked);

  appIdInput.addEventListener('change', () => void save({ appId: appIdInput.value.trim() || null }));
  userInput.addEventListener('change', () => void save({ appUserId: userInput.value.trim() || null }));
  waitInput.addEventListener('change', () => {
    const seconds = Number(waitInput.value);
    if (Number.isInteger(seconds) && seconds >= 10 && seconds <= 600) void save({ callStatusWaitSeconds: seconds });
  });

  /** A refusal in the catalogue's words (what happened, what to do, the code). */
  function showProblem(code: string): void {
    const entry = lookupError(code);
    replaceChildren(result, [
      h('div', { class: 'callout callout-danger', attrs: { role: 'alert' } }, [
        h('div', { class: 'callout-body' }, [
          h('p', { class: 'callout-title', text: entry.title[language] }),
          h('p', { text: entry.action[language] }),
          h('p', { class: 'mono small', text: code }),
        ]),
      ]),
    ]);
  }

  async function saveKey(appKey: string | null): Promise<void> {
    const answer = await api.saveAppKey(appKey);
    keyInput.value = '';
    // A key main did not keep (no valid server to bind it to, locked…) is said, never passed over.
    if (answer.ok) {
      replaceChildren(result, []);
      store.set({ settings: answer.value });
    } else showProblem(answer.error.code);
  }
  const saveButton = h('button', {
    class: 'button',
    attrs: { type: 'button' },
    text: t.saveKey,
    on: { click: () => void (keyInput.value ? saveKey(keyInput.value) : undefined) },
  });
  const forgetButton = h('button', {
    class: 'button',
    attrs: { type: 'button' },
    text: t.forgetKey,
    on: { click: () => void saveKey(null) },
  });
  const testButton = h('button', {
    class: 'button',
    attrs: { type: 'button' },
    text: t.test,
    on: {
      click: () => {
        replaceChildren(result, [h('p', { attrs: { role: 'status' }, text: t.testing })]);
        void api.testAppId().then((answer) => {
          if (answer.ok) replaceChildren(result, [h('p', { attrs: { role: 'status' }, text: t.testOk })]);
          else showProblem(answer.error.code);
        });
      },
    },
  });

  watch(
    store,
    (s) => s.settings,
    (view) => {
      const locked = isLocked(view, 'appId');
      note.hidden = !locked && !isLocked(view, 'appUserId');
      appIdInput.readOnly = locked;
      userInput.readOnly = isLocked(view, 'appUserId');
      keyInput.disabled = locked;
      waitInput.readOnly = isLocked(view, 'callStatusWaitSeconds');
      if (document.activeElement !== appIdInput) appIdInput.value = view.settings.appId ?? '';
      if (document.activeElement !== userInput) userInput.value = view.settings.appUserId ?? '';
      if (document.activeElement !== waitInput) waitInput.value = String(view.settings.callStatusWaitSeconds);
      const { saved, otherServer, protection } = view.appKey;
      const managedKey = protection === 'managed-file';
      // A key saved for another server is not used here: say so, rather than "saved".
      keyState.textContent = saved
        ? t.appKeySaved(t.protections[protection])
        : otherServer === undefined
          ? t.appKeyNotSaved
          : managedKey
            ? t.appKeyManagedOtherServer(otherServer)
            : t.appKeyOtherServer(otherServer);
      forgetButton.hidden = (!saved && otherServer === undefined) || locked || managedKey;
    },
    signal,
  );

  return section(
    t.heading,
    [
      note,
      field(t.appId, appIdInput).element,
      field(t.appKey, keyInput, { help: t.appKeyHelp }).element,
      keyState,
      h('div', { class: 'callout-actions' }, [saveButton, forgetButton, testButton]),
      result,
      field(t.userId, userInput).element,
      field(t.waitSeconds, waitInput).element,
    ],
    t.help,
  );
}
