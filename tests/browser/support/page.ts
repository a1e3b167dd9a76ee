/**
 * Driving the window like a person: paste (a real `paste` event carrying a file or text),
 * drop, open a file through the file chooser, and waiting for the app to be ready.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JSHandle, Page } from 'playwright-core';
import { tempDir } from '../../helpers/qr-images';
import type { InPage } from './in-page';

/** Made on first use: scripts that only paste (screenshots, the Electron smoke) leave no empty directory behind. */
let files: string | undefined;

/** Loads the app and waits until it is interactive and its event stream is open. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('html[data-preview-bridge="open"]').waitFor({ state: 'attached' });
  await page.locator('.dropzone').waitFor();
}

/** Writes `bytes` to a temporary file named `name` and returns its path. */
export function tempFile(name: string, bytes: Buffer | string): string {
  files ??= tempDir('qrri-browser-');
  const file = path.join(files, name);
  writeFileSync(file, bytes);
  return file;
}

type Transfer = { file?: { base64: string; name: string; type: string }; text?: string };

function transfer(content: Buffer | string, name = 'qr.png', type = 'image/png'): Transfer {
  return typeof content === 'string' ? { text: content } : { file: { base64: content.toString('base64'), name, type } };
}

/** A DataTransfer in the page carrying a file or text, as the clipboard or a drag would. */
function dataTransfer(page: Page, content: Buffer | string, name?: string, type?: string): Promise<JSHandle> {
  return page.evaluateHandle(
    (data: Transfer) => {
      const w = globalThis as unknown as InPage;
      const dt = new w.DataTransfer();
      if (data.file) {
        const binary = w.atob(data.file.base64);
        const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
        dt.items.add(new w.File([bytes], data.file.name, { type: data.file.type }));
      }
      if (data.text !== undefined) dt.setData('text/plain', data.text);
      return dt;
    },
    transfer(content, name, type),
  );
}

/** Dispatches `paste` on the focused element, as Ctrl+V does, carrying a file or text. */
export async function paste(page: Page, content: Buffer | string, name?: string, type?: string): Promise<void> {
  const dt = await dataTransfer(page, content, name, type);
  await page.evaluate((clipboardData) => {
    const w = globalThis as unknown as InPage;
    (w.document.activeElement ?? w.document.body).dispatchEvent(
      new w.ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
    );
  }, dt);
  await dt.dispose();
}

/** Drags a file (or text) over the drop target and drops it. */
export async function drop(page: Page, content: Buffer | string, name?: string, type?: string): Promise<void> {
  const dt = await dataTransfer(page, content, name, type);
  await page.evaluate((dataTransfer) => {
    const w = globalThis as unknown as InPage;
    const zone = w.document.querySelector('.dropzone') ?? w.document.body;
    for (const type of ['dragenter', 'dragover', 'drop'])
      zone.dispatchEvent(new w.DragEvent(type, { dataTransfer, bubbles: true, cancelable: true }));
  }, dt);
  await dt.dispose();
}

/** Clicks "Open image" and picks `file` in the file chooser. */
export async function openFile(page: Page, file: string, buttonName = 'Open image'): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: buttonName }).click();
  await (await chooser).setFiles(file);
}
