/**
 * What a paste or drop carries, read while the event lasts (a DataTransfer is empty
 * afterwards), and the pastes and drops that arrive before the window is ready: they are kept
 * and handed over once it is, instead of being lost.
 */

export type TransferContent = { files: File[] } | { text: string };

/** What a paste or drop carries that we can read: image files first, else text. */
export function transferContent(transfer: DataTransfer | null): TransferContent | undefined {
  if (!transfer) return undefined;
  const files = [...transfer.files];
  if (files.length > 0) return { files };
  const text = transfer.getData('text/plain') || transfer.getData('text/uri-list');
  return text.trim() ? { text } : undefined;
}

export interface EarlyInput {
  /** Stops holding, and hands the last paste or drop that arrived (if any) to `take`. */
  release(take: (content: TransferContent) => void): void;
}

/** Holds pastes and drops from now until `release()`; call it before anything asynchronous. */
export function holdEarlyInput(target: Document = document): EarlyInput {
  let last: TransferContent | undefined;
  const controller = new AbortController();
  const { signal } = controller;
  target.addEventListener(
    'paste',
    (event) => {
      const content = transferContent(event.clipboardData);
      if (content) {
        last = content;
        event.preventDefault();
      }
    },
    { signal },
  );
  // A file dropped before the page is ready must not navigate the window to it either.
  target.addEventListener('dragover', (event) => event.preventDefault(), { signal });
  target.addEventListener(
    'drop',
    (event) => {
      event.preventDefault();
      last = transferContent(event.dataTransfer) ?? last;
    },
    { signal },
  );
  return {
    release(take) {
      controller.abort();
      const content = last;
      last = undefined;
      if (content) take(content);
    },
  };
}
