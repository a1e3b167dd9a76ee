/**
 * How IPC values travel between the preview server and the page: JSON, with byte arrays
 * (screen frames, clipboard PNGs) as `{"$bytes": "<base64>"}` — the page's bridge
 * (renderer/preview-bridge.ts) turns them back into Uint8Array.
 */
export const BYTES_TAG = '$bytes';

/** JSON text of `value`, byte arrays tagged. */
export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item instanceof Uint8Array ? { [BYTES_TAG]: Buffer.from(item.buffer, item.byteOffset, item.byteLength).toString('base64') } : item,
  );
}
