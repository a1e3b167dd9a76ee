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
import type { EventPayload, InvokeAnswer, InvokeRequest, IpcResult } from './ipc';

/** How the bridge reaches main: IPC in the preload, HTTP in the browser preview. */
export interface BridgeTransport {
  invoke<C extends InvokeChannel>(channel: C, payload: InvokeRequest<C>): Promise<IpcResult<InvokeAnswer<C>>>;
  /** Listens to a main → renderer event; returns the function that stops listening. */
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
}

export type Unsubscribe = () => void;
type Listener<C extends EventChannel> = (event: EventPayload<C>) => void;

export function createBridgeApi(transport: BridgeTransport) {
  const listen =
    <C extends EventChannel>(channel: C) =>
    (listener: Listener<C>): Unsubscribe =>
      transport.on(channel, listener);
  return {
    invite: (request: InvokeRequest<typeof InvokeChannel.invite>) => transport.invoke(InvokeChannel.invite, request),
    getSettings: () => transport.invoke(InvokeChannel.getSettings, undefined),
    updateSettings: (patch: InvokeRequest<typeof InvokeChannel.updateSettings>) => transport.invoke(InvokeChannel.updateSettings, patch),
    labelMeeting: (id: string, label: string | null) => transport.invoke(InvokeChannel.labelMeeting, { id, label }),
    forgetMeeting: (id: string) => transport.invoke(InvokeChannel.forgetMeeting, { id }),
    forgetAllMeetings: () => transport.invoke(InvokeChannel.forgetAllMeetings, undefined),
    captureScreens: () => transport.invoke(InvokeChannel.captureScreens, undefined),
    readClipboardImage: () => transport.invoke(InvokeChannel.readClipboardImage, undefined),
    copyDiagnostics: () => transport.invoke(InvokeChannel.copyDiagnostics, undefined),
    notifyScanOutcome: (outcome: InvokeRequest<typeof InvokeChannel.notifyScanOutcome>) =>
      transport.invoke(InvokeChannel.notifyScanOutcome, outcome),
    showWindow: () => transport.invoke(InvokeChannel.showWindow, undefined),
    reportRoomActivity: (busy: boolean) => transport.invoke(InvokeChannel.reportRoomActivity, { busy }),
    hangUp: (call: InvokeRequest<typeof InvokeChannel.hangUp>) => transport.invoke(InvokeChannel.hangUp, call),
    testAppId: () => transport.invoke(InvokeChannel.testAppId, undefined),
    saveAppKey: (appKey: string | null) => transport.invoke(InvokeChannel.saveAppKey, { appKey }),
    onInviteStatus: listen(EventChannel.inviteStatus),
    onCallStatus: listen(EventChannel.callStatus),
    onCommand: listen(EventChannel.command),
    onOpenPayload: listen(EventChannel.openPayload),
    onSettingsChanged: listen(EventChannel.settingsChanged),
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
