/**
 * The renderer's API to main, built from a transport. The preload builds it over
 * `ipcRenderer` and exposes it with `contextBridge`; the browser preview builds the same object
 * over HTTP. Its type is derived from this factory, never written twice.
 *
 * Event subscriptions return an unsubscribe function rather than taking an AbortSignal: an
 * AbortSignal cannot cross the context bridge (objects are copied without their methods), so
 * the renderer ties subscriptions to its signals with `subscribe()` below.
 */
import { EventChannel, InvokeChannel } from './ipc-channels';
import type {
  AppCommand,
  ClipboardContent,
  InviteIpcRequest,
  InviteStatusEvent,
  InviteSuccess,
  IpcResult,
  OpenPayloadEvent,
  ScanOutcome,
  ScreenFrame,
  SettingsView,
} from './ipc';
import type { SettingsPatch } from './settings';

export interface BridgeTransport {
  invoke(channel: string, payload?: unknown): Promise<unknown>;
  /** Listens to a main → renderer event; returns the function that stops listening. */
  on(channel: string, listener: (payload: unknown) => void): () => void;
}

export type Unsubscribe = () => void;

export function createBridgeApi(transport: BridgeTransport) {
  const call = <T>(channel: string, payload?: unknown) => transport.invoke(channel, payload) as Promise<IpcResult<T>>;
  const listen =
    <T>(channel: string) =>
    (listener: (event: T) => void): Unsubscribe =>
      transport.on(channel, (payload) => listener(payload as T));
  return {
    invite: (request: InviteIpcRequest) => call<InviteSuccess>(InvokeChannel.invite, request),
    getSettings: () => call<SettingsView>(InvokeChannel.getSettings),
    updateSettings: (patch: SettingsPatch) => call<SettingsView>(InvokeChannel.updateSettings, patch),
    labelMeeting: (id: string, label: string | null) => call<SettingsView>(InvokeChannel.labelMeeting, { id, label }),
    forgetMeeting: (id: string) => call<SettingsView>(InvokeChannel.forgetMeeting, { id }),
    forgetAllMeetings: () => call<SettingsView>(InvokeChannel.forgetAllMeetings),
    captureScreens: () => call<ScreenFrame[]>(InvokeChannel.captureScreens),
    readClipboardImage: () => call<ClipboardContent>(InvokeChannel.readClipboardImage),
    copyDiagnostics: () => call<{ copied: true }>(InvokeChannel.copyDiagnostics),
    notifyScanOutcome: (outcome: ScanOutcome) => call<null>(InvokeChannel.notifyScanOutcome, outcome),
    openExternal: (url: string) => call<null>(InvokeChannel.openExternal, { url }),
    showWindow: () => call<null>(InvokeChannel.showWindow),
    onInviteStatus: listen<InviteStatusEvent>(EventChannel.inviteStatus),
    onCommand: listen<AppCommand>(EventChannel.command),
    onOpenPayload: listen<OpenPayloadEvent>(EventChannel.openPayload),
    onSettingsChanged: listen<null>(EventChannel.settingsChanged),
  };
}

export type QrRoomInviteApi = ReturnType<typeof createBridgeApi>;

/** Ties an event subscription to an AbortSignal: `subscribe(api.onCommand, fn, { signal })`. */
export function subscribe<T>(
  on: (listener: (event: T) => void) => Unsubscribe,
  listener: (event: T) => void,
  { signal }: { signal?: AbortSignal } = {},
): void {
  if (signal?.aborted) return;
  const off = on(listener);
  signal?.addEventListener('abort', off, { once: true });
}
