/**
 * The paste/drop target with its two buttons ("Open image", "Scan screen"). Paste works
 * anywhere in the window (except in text fields), drop anywhere too; images and text are
 * both accepted — people copy the invitation text more often than a picture of the code.
 */
import type { ViewContext } from '../context';
import { h, icon } from '../dom';
import { pasteKey } from '../i18n';
import { watch } from '../store';
import { ICONS } from './icons';
import { transferContent } from '../transfer';

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null);
}

/** Reads what was pasted or dropped. */
function take(context: ViewContext, transfer: DataTransfer | null): boolean {
  const content = transferContent(transfer);
  if (!content) return false;
  if ('files' in content) void context.intake.readFiles(content.files);
  else context.intake.readText(content.text, 'text');
  return true;
}

export function createIntakePanel(context: ViewContext): HTMLElement {
  const { text, store, signal } = context;
  // Hidden: the "Open image" button is the control people use; the input only opens the dialog.
  const fileInput = h('input', {
    attrs: { type: 'file', accept: 'image/png,image/jpeg,image/webp,image/gif,image/bmp', hidden: true },
    on: {
      change: () => {
        const files = [...(fileInput.files ?? [])];
        fileInput.value = '';
        if (files.length > 0) void context.intake.readFiles(files);
      },
    },
  });
  const openButton = h('button', { class: 'button', attrs: { type: 'button' }, on: { click: () => fileInput.click() } }, [
    icon(ICONS.image),
    text.intake.openImage,
  ]);
  const scanButton = h('button', { class: 'button', attrs: { type: 'button' }, on: { click: () => void context.intake.scanScreen() } }, [
    icon(ICONS.screen),
    text.intake.scanScreen,
  ]);
  const title = h('p', { class: 'dropzone-title' });
  const hint = h('p', { class: 'dropzone-hint', text: text.intake.textHint });
  const busy = h('p', { class: 'dropzone-busy', attrs: { 'aria-live': 'polite' } });
  const zone = h('section', { class: 'dropzone', attrs: { 'aria-label': text.intake.dropRegion } }, [
    icon(ICONS.qr, 'icon dropzone-icon'),
    title,
    hint,
    h('div', { class: 'dropzone-actions' }, [openButton, scanButton]),
    busy,
    fileInput,
  ]);

  watch(
    store,
    (s) => [s.settings.platform, s.intake.kind === 'busy' ? s.intake.origin : null, s.intake.kind === 'idle'] as const,
    ([platform, busyOrigin, idle]) => {
      // Once something is read the target shrinks, so the invite and its outcome fit the window.
      zone.classList.toggle('is-compact', !idle);
      title.textContent = text.intake.pasteHint(pasteKey(platform));
      const busyText =
        busyOrigin === 'screen'
          ? text.intake.scanningScreen
          : busyOrigin === 'clipboard'
            ? text.intake.readingClipboard
            : busyOrigin
              ? text.intake.readingImage
              : '';
      busy.textContent = busyText;
      zone.toggleAttribute('aria-busy', busyOrigin !== null);
      zone.classList.toggle('is-busy', busyOrigin !== null);
    },
    signal,
  );

  // Drag feedback: a counter, because dragenter/dragleave fire for every child crossed.
  let depth = 0;
  const setDragging = (on: boolean) => zone.classList.toggle('is-dragging', on);
  document.addEventListener(
    'dragenter',
    (event) => {
      event.preventDefault();
      depth += 1;
      setDragging(true);
    },
    { signal },
  );
  document.addEventListener(
    'dragleave',
    () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    },
    { signal },
  );
  document.addEventListener(
    'dragover',
    (event) => {
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    },
    { signal },
  );
  document.addEventListener(
    'drop',
    (event) => {
      // Never let a dropped file navigate the window away.
      event.preventDefault();
      depth = 0;
      setDragging(false);
      take(context, event.dataTransfer);
    },
    { signal },
  );
  document.addEventListener(
    'paste',
    (event) => {
      if (store.get().view !== 'main' || isEditable(event.target)) return;
      if (take(context, event.clipboardData)) event.preventDefault();
    },
    { signal },
  );

  return zone;
}
