/**
 * Which meeting service to call: Huawei's Chinese mainland or international site, or a custom
 * server (a proxy, a private deployment, the simulator) with an optional extra CA to trust.
 */
import { BaseUrlSchema } from '../../../shared/schemas';
import type { Settings } from '../../../shared/settings';
import { h, uid } from '../dom';
import { watch } from '../store';
import { field } from './field';
import { isLocked, lockNote, section, type SectionContext } from './settings-section';

type SiteChoice = Settings['site'];

export function createSiteSection(context: SectionContext): HTMLElement {
  const { text, store, signal, save } = context;
  const name = uid('site');
  const choices: [SiteChoice, string][] = [
    ['cn', text.settings.siteCn],
    ['intl', text.settings.siteIntl],
    ['custom', text.settings.siteCustom],
  ];
  const radios = choices.map(([value, label]) => {
    const input = h('input', { attrs: { type: 'radio', name, value } });
    input.addEventListener('change', () => {
      if (input.checked) void save({ site: value });
    });
    return { value, input, element: h('label', { class: 'check' }, [input, h('span', { text: label })]) };
  });
  const group = h('fieldset', { class: 'radio-group' }, [
    h('legend', { class: 'visually-hidden', text: text.settings.site }),
    ...radios.map((r) => r.element),
  ]);

  const url = field(text.settings.customUrl, h('input', { attrs: { type: 'url', autocomplete: 'off', spellcheck: 'false' } }));
  const ca = field(text.settings.extraCa, h('input', { attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false' } }), {
    help: text.settings.extraCaHelp,
  });
  const checkUrl = () => {
    const value = url.control.value.trim();
    const error = value && !BaseUrlSchema.safeParse(value).success ? text.validation.baseUrl : null;
    url.setError(error);
    return error === null;
  };
  url.control.addEventListener('input', checkUrl);
  url.control.addEventListener('change', () => {
    if (checkUrl()) void save({ customBaseUrl: url.control.value.trim() || null });
  });
  ca.control.addEventListener('change', () => void save({ extraCaPath: ca.control.value.trim() || null }));
  const custom = h('div', { class: 'nested' }, [url.element, ca.element]);
  const note = lockNote(text.settings.locked);

  watch(
    store,
    (s) => [s.settings.settings.site, s.settings.settings.customBaseUrl, s.settings.settings.extraCaPath, s.settings.locked] as const,
    ([site, customBaseUrl, extraCaPath]) => {
      const view = store.get().settings;
      for (const radio of radios) {
        radio.input.checked = radio.value === site;
        radio.input.disabled = isLocked(view, 'site');
      }
      url.control.readOnly = isLocked(view, 'customBaseUrl');
      ca.control.readOnly = isLocked(view, 'extraCaPath');
      note.hidden = !(['site', 'customBaseUrl', 'extraCaPath'] as const).some((key) => isLocked(view, key));
      custom.hidden = site !== 'custom';
      // Never overwrite what the person is typing.
      if (document.activeElement !== url.control) url.control.value = customBaseUrl ?? '';
      if (document.activeElement !== ca.control) ca.control.value = extraCaPath ?? '';
    },
    signal,
  );
  return section(text.settings.site, [note, group, custom]);
}
