import type { Clipboard } from 'electron';
import type { ClipboardContent } from '../shared/ipc';

const MAX_TEXT = 8192;

/** An image (PNG) on the clipboard, else its text, for "Invite from clipboard image". */
export async function readClipboard(clipboard: Pick<Clipboard, 'read' | 'readText'>): Promise<ClipboardContent> {
  for (const item of await clipboard.read()) {
    const type = item.types.find((t) => t.startsWith('image/'));
    if (type) {
      const blob = (await item.getType(type)) as Blob;
      return { kind: 'image', png: new Uint8Array(await blob.arrayBuffer()) };
    }
  }
  const text = await clipboard.readText();
  return text ? { kind: 'text', text: text.slice(0, MAX_TEXT) } : { kind: 'empty' };
}
