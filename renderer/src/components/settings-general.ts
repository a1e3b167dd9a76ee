/**
 * Behaviour (confirm before tray invites, remember passwords and how they are protected,
 * launch at login), language, the global shortcut with its state, and support (diagnostics).
 */
import type { Language } from '../../../shared/schemas';
import { UPDATE_MODES, type UpdateMode } from '../../../shared/settings';
import { h } from '../dom';
import { watch } from '../store';
import { checkbox, field, setOptions } from './field';
import { isLocked, lockNote, section, type SectionContext } from './settings-section';

/** `value` of "follow the system" in the language select. */
const FOLLOW_SYSTEM = 'system';
const MAX_SHORTCUT_LENGTH = 100;

export function createBehaviourSection(context: SectionContext): HTMLElement {
  const { text, store, signal, save } = context;
  const confirm = checkbox(text.settings.confirm, true, (checked) => void save({ confirmBeforeInvite: checked }));
  const remember = checkbox(text.settings.remember, true, (checked) => void save({ rememberPasswords: checked }));
  const protection = h('p', { class: 'field-help indent' });
  // Only where the OS offers no real keyring: the person may opt in after reading why not.
  const plainText = checkbox(text.settings.allowPlainText, false, (checked) => void save({ allowPlainTextPasswords: checked }));
  plainText.element.classList.add('indent');
  const note = lockNote(text.settings.locked);
  const login = checkbox(text.settings.launchAtLogin, false, (checked) => void save({ launchAtLogin: checked }));
  const updateSelect = h('select');
  const updates = field(text.settings.updates, updateSelect);
  setOptions(
    updateSelect,
    UPDATE_MODES.map((mode) => ({ value: mode, label: text.settings.updateModes[mode] })),
  );
  // The server comes with the mode (one setting, managed as a whole for a fleet).
  updateSelect.addEventListener(
    'change',
    () => void save({ updates: { ...store.get().settings.settings.updates, mode: updateSelect.value as UpdateMode } }),
  );
  const shortcutInput = h('input', { attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false', maxlength: MAX_SHORTCUT_LENGTH } });
  const shortcut = field(text.settings.shortcut, shortcutInput);
  const validShortcut = () => shortcutInput.value.trim().length > 0 && shortcutInput.value.trim().length <= MAX_SHORTCUT_LENGTH;
  shortcutInput.addEventListener('input', () => shortcut.setError(validShortcut() ? null : text.validation.shortcut));
  shortcutInput.addEventListener('change', () => {
    if (validShortcut()) void save({ globalShortcut: shortcutInput.value.trim() });
  });

  watch(
    store,
    (s) => s.settings,
    (view) => {
      confirm.input.checked = view.settings.confirmBeforeInvite;
      remember.input.checked = view.settings.rememberPasswords;
      login.input.checked = view.settings.launchAtLogin;
      protection.textContent = text.settings.protection[view.passwordProtection];
      remember.input.disabled = view.passwordProtection === 'unavailable' || isLocked(view, 'rememberPasswords');
      plainText.input.checked = view.settings.allowPlainTextPasswords;
      plainText.input.disabled = isLocked(view, 'allowPlainTextPasswords');
      plainText.element.hidden = view.passwordProtection !== 'plain-text-backend' || !view.settings.rememberPasswords;
      confirm.input.disabled = isLocked(view, 'confirmBeforeInvite');
      login.input.disabled = isLocked(view, 'launchAtLogin');
      updateSelect.value = view.settings.updates.mode;
      updateSelect.disabled = isLocked(view, 'updates');
      updates.setHelp(view.settings.updates.url ? text.settings.updateServer(view.settings.updates.url) : text.settings.noUpdateServer);
      shortcutInput.readOnly = isLocked(view, 'globalShortcut');
      note.hidden = !(
        ['rememberPasswords', 'allowPlainTextPasswords', 'confirmBeforeInvite', 'launchAtLogin', 'globalShortcut', 'updates'] as const
      ).some((key) => isLocked(view, key));
      if (document.activeElement !== shortcutInput) shortcutInput.value = view.settings.globalShortcut;
      // A shortcut taken by another application is reported, never silently dropped.
      const { registered, accelerator } = view.shortcut;
      shortcut.setHelp(registered ? text.settings.shortcutActive : null);
      if (validShortcut()) shortcut.setError(registered ? null : text.settings.shortcutTaken(accelerator));
    },
    signal,
  );
  return section(text.settings.behaviour, [
    note,
    confirm.element,
    remember.element,
    protection,
    plainText.element,
    login.element,
    shortcut.element,
    updates.element,
  ]);
}

export function createLanguageSection(context: SectionContext): HTMLElement {
  const { text, store, signal, save } = context;
  const select = h('select');
  const language = field(text.settings.languageSelect, select);
  const note = lockNote(text.settings.locked);
  select.addEventListener('change', () => void save({ language: select.value === FOLLOW_SYSTEM ? null : (select.value as Language) }));

  watch(
    store,
    (s) => s.settings,
    (view) => {
      const names = text.languageNames;
      select.disabled = isLocked(view, 'language');
      note.hidden = !select.disabled;
      setOptions(
        select,
        [
          { value: FOLLOW_SYSTEM, label: text.settings.followSystem(names[view.systemLanguage]) },
          { value: 'en', label: names.en },
          { value: 'zh-CN', label: names['zh-CN'] },
        ],
        view.settings.language ?? FOLLOW_SYSTEM,
      );
    },
    signal,
  );
  return section(text.settings.language, [note, language.element]);
}

export function createSupportSection(context: SectionContext): HTMLElement {
  const { text, api, store } = context;
  const status = h('p', { class: 'field-help', attrs: { role: 'status' } });
  const button = h('button', { class: 'button', attrs: { type: 'button' }, text: text.settings.copyDiagnostics });
  button.addEventListener('click', () => {
    status.textContent = '';
    void api.copyDiagnostics().then((result) => {
      status.textContent = result.ok ? text.settings.copied : text.settings.saveFailed;
    });
  });
  return section(
    text.settings.support,
    [
      h('div', { class: 'form-actions' }, [button]),
      status,
      h('p', { class: 'muted small', text: text.settings.version(store.get().settings.appVersion) }),
    ],
    text.settings.diagnosticsHelp,
  );
}
