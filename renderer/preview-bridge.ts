/**
 * The browser preview's stand-in for the preload (`npm run preview:web` only; never part of
 * the app's build): the same `window.qrRoomInvite` object, made by the same
 * `createBridgeApi`, over HTTP instead of IPC. Calls are POSTed to the preview server, which
 * runs the real main-process handlers; events arrive over Server-Sent Events.
 */
import { createBridgeApi, type BridgeTransport } from '../shared/bridge';
import { ClientCode } from '../shared/errors';
import type { IpcResult } from '../shared/ipc';

const INVOKE_URL = '/__bridge/invoke';
const EVENTS_URL = '/__bridge/events';
/** Byte arrays travel as `{"$bytes": "<base64>"}` (scripts/preview/wire.ts). */
const BYTES_TAG = '$bytes';

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function revive(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const tagged = (value as Record<string, unknown>)[BYTES_TAG];
    if (typeof tagged === 'string' && Object.keys(value).length === 1) return fromBase64(tagged);
  }
  return value;
}

/** A transport failure answers like a failed IPC call: the UI shows it instead of crashing. */
function transportError(detail: string): IpcResult<never> {
  return { ok: false, error: { code: ClientCode.internal, outcome: 'failed', detail } };
}

const events = new EventSource(EVENTS_URL);
// Tests wait for this before sending tray commands, so no event is lost.
events.addEventListener('open', () => document.documentElement.setAttribute('data-preview-bridge', 'open'));

const transport: BridgeTransport = {
  async invoke(channel, payload) {
    try {
      const response = await fetch(INVOKE_URL, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ channel, payload }),
      });
      const text = await response.text();
      // The HTTP boundary: the preview server answers with the handler's IpcResult, typed by the contract (shared/ipc.ts).
      // eslint-disable-next-line @typescript-eslint/no-unsafe-return
      return response.ok ? JSON.parse(text, revive) : transportError(`preview server: HTTP ${response.status} ${text}`);
    } catch (error) {
      return transportError(`preview server unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
  },
  on(channel, listener) {
    // Events arrive as `{channel, payload}`, the payload typed by the contract for its channel.
    const dispatch = (event: MessageEvent<string>) => {
      /* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument -- the HTTP boundary, as above */
      const message = JSON.parse(event.data, revive);
      if (message.channel === channel) listener(message.payload);
      /* eslint-enable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument */
    };
    events.addEventListener('message', dispatch);
    return () => events.removeEventListener('message', dispatch);
  },
};

window.qrRoomInvite = createBridgeApi(transport);
