/**
 * The intake controller: everything that reads a meeting or room into the window — files
 * (paste, drop, open), text (paste, drop, links), the screen and the clipboard — goes through
 * here, shows "reading…", and ends in a reading (the codes found) or a problem.
 */
import type { DecodedQrCode } from '../../shared/decode/index';
import type { QrRoomInviteApi } from '../../shared/bridge';
import type { AppStore, ReadOrigin } from './app-state';
import { DecodeError, type QrDecoder } from './decoder-client';
import { ImageLoadError, framePicture, loadPicture, loadPngBytes, type Picture } from './image-loader';
import { scanPicture } from './picture-scan';
import { readTexts, type ReadResult } from './reading';

/** At most this many files of one drop or paste are read. */
const MAX_FILES = 4;

export interface ReadOptions {
  /** The reading came from the tray or a link: the window says it awaits confirmation. */
  confirm?: boolean;
}

export interface IntakeController {
  readFiles(files: readonly File[], options?: ReadOptions): Promise<ReadResult>;
  readText(text: string, origin: ReadOrigin, options?: ReadOptions): ReadResult;
  scanScreen(options?: ReadOptions): Promise<ReadResult>;
  readClipboard(options?: ReadOptions): Promise<ReadResult>;
  clear(): void;
}

export function createIntake({ store, api, decoder }: { store: AppStore; api: QrRoomInviteApi; decoder: QrDecoder }): IntakeController {
  let seq = 0;

  /** Shows the result of reading `seq`, unless a newer reading has started since. */
  function show(result: ReadResult, origin: ReadOrigin, readingSeq: number, options: ReadOptions): ReadResult {
    if (readingSeq !== seq) return result;
    if (result.kind === 'problem') {
      store.set({ intake: { kind: 'problem', problem: result.problem }, outcome: { kind: 'none' } });
    } else {
      const chosen = result.candidates.length === 1 ? 0 : null;
      store.set({
        intake: { kind: 'ready', candidates: result.candidates, chosen, origin, confirm: options.confirm ?? false, seq: readingSeq },
        outcome: { kind: 'none' },
      });
    }
    return result;
  }

  function begin(origin: ReadOrigin): number {
    seq += 1;
    store.set({ intake: { kind: 'busy', origin }, outcome: { kind: 'none' } });
    return seq;
  }

  /** Decodes pictures one by one; a refusal or decoder failure becomes the problem shown. */
  async function decodeAll(pictures: AsyncIterable<Picture>, origin: ReadOrigin): Promise<ReadResult> {
    const codes: DecodedQrCode[] = [];
    try {
      for await (const picture of pictures) {
        try {
          codes.push(...(await scanPicture(picture, decoder)));
        } finally {
          picture.close();
        }
      }
    } catch (error) {
      if (error instanceof ImageLoadError) return { kind: 'problem', problem: { kind: 'image', problem: error.problem } };
      if (error instanceof DecodeError)
        return { kind: 'problem', problem: { kind: 'decode', reason: error.reason === 'timeout' ? 'timeout' : 'failed' } };
      throw error;
    }
    return readTexts(
      codes.map((c) => c.text),
      origin,
    );
  }

  async function* filePictures(files: readonly File[]): AsyncGenerator<Picture> {
    for (const file of files.slice(0, MAX_FILES)) yield await loadPicture(file);
  }

  return {
    async readFiles(files, options = {}) {
      const readingSeq = begin('image');
      return show(await decodeAll(filePictures(files), 'image'), 'image', readingSeq, options);
    },

    readText(text, origin, options = {}) {
      const readingSeq = begin(origin);
      return show(readTexts([text], origin), origin, readingSeq, options);
    },

    async scanScreen(options = {}) {
      const readingSeq = begin('screen');
      const captured = await api.captureScreens();
      if (!captured.ok)
        return show(
          { kind: 'problem', problem: { kind: 'capture', error: captured.error, origin: 'screen' } },
          'screen',
          readingSeq,
          options,
        );
      async function* frames(): AsyncGenerator<Picture> {
        for (const frame of captured.ok ? captured.value : []) yield await Promise.resolve(framePicture(frame));
      }
      return show(await decodeAll(frames(), 'screen'), 'screen', readingSeq, options);
    },

    async readClipboard(options = {}) {
      const readingSeq = begin('clipboard');
      const content = await api.readClipboardImage();
      if (!content.ok)
        return show(
          { kind: 'problem', problem: { kind: 'capture', error: content.error, origin: 'clipboard' } },
          'clipboard',
          readingSeq,
          options,
        );
      const value = content.value;
      if (value.kind === 'text') return show(readTexts([value.text], 'clipboard'), 'clipboard', readingSeq, options);
      if (value.kind === 'empty') return show({ kind: 'problem', problem: { kind: 'empty-clipboard' } }, 'clipboard', readingSeq, options);
      async function* clipboardPicture(): AsyncGenerator<Picture> {
        if (value.kind === 'image') yield await loadPngBytes(value.png);
      }
      return show(await decodeAll(clipboardPicture(), 'clipboard'), 'clipboard', readingSeq, options);
    },

    clear() {
      seq += 1;
      store.set({ intake: { kind: 'idle' }, outcome: { kind: 'none' } });
    },
  };
}
