/**
 * Sends invites and turns their progress into the outcome the window shows: "Inviting…",
 * "Calling Room A…", or the failure with what to do. Invites started elsewhere (the tray menu's
 * recent meetings) are followed through main's invite-status events.
 */
import { subscribe, type QrRoomInviteApi } from '../../shared/bridge';
import type { CallStatus } from '../../shared/call-status';
import type { InviteIpcRequest, InviteStatusEvent, InviteSuccess, IpcResult } from '../../shared/ipc';
import type { AppStore } from './app-state';

export interface InviteController {
  /** Sends `request`; `target` names the room or terminal for "Calling …". */
  invite(request: InviteIpcRequest, target: string): Promise<IpcResult<InviteSuccess>>;
  /** Sends the failed request again (the outcome panel offers it only when safe). */
  retry(): Promise<void>;
}

const OWN_ECHO_MS = 2000;

export function createInviteController({
  store,
  api,
  signal,
}: {
  store: AppStore;
  api: QrRoomInviteApi;
  signal: AbortSignal;
}): InviteController {
  let inFlight = 0;
  /** Main's events about this window's own invite may arrive after its answer: ignore them until then. */
  let ownEchoUntil = 0;

  async function refreshSettings(): Promise<void> {
    // The recent-meetings list changed (main records accepted meetings).
    const view = await api.getSettings();
    if (view.ok) store.set({ settings: view.value });
  }

  /** Main may report the call before the invite's answer arrives here (no status source: at once). */
  let pendingCall: CallStatus | undefined;
  const callOf = (success: InviteSuccess) =>
    pendingCall?.meetingId === success.meetingId && pendingCall.callNum === success.callNum ? { call: pendingCall } : {};

  async function invite(request: InviteIpcRequest, target: string): Promise<IpcResult<InviteSuccess>> {
    inFlight += 1;
    pendingCall = undefined;
    store.set({ outcome: { kind: 'sending', target } });
    let result: IpcResult<InviteSuccess>;
    try {
      result = await api.invite(request);
    } finally {
      inFlight -= 1;
      ownEchoUntil = Date.now() + OWN_ECHO_MS;
    }
    if (result.ok)
      store.set({
        outcome: { kind: 'success', target: result.value.roomName ?? target, requestId: result.value.requestId, ...callOf(result.value) },
      });
    else store.set({ outcome: { kind: 'failure', error: result.error, request, target } });
    await refreshSettings();
    return result;
  }

  // The call follows the accepted invite: the success outcome carries the room's live status.
  subscribe(
    api.onCallStatus,
    (call) => {
      pendingCall = call;
      const outcome = store.get().outcome;
      if (outcome.kind === 'success') store.set({ outcome: { ...outcome, call } });
    },
    { signal },
  );

  // Invites this window did not start: show them too, so the window never contradicts the tray.
  subscribe(
    api.onInviteStatus,
    (event: InviteStatusEvent) => {
      if (inFlight > 0 || Date.now() < ownEchoUntil) return;
      if (event.phase === 'sending') {
        store.set({ outcome: { kind: 'sending', target: event.roomName ?? event.callNum } });
        return;
      }
      const { result } = event;
      if (result.ok)
        store.set({
          outcome: { kind: 'success', target: result.value.roomName ?? result.value.callNum, requestId: result.value.requestId },
        });
      else store.set({ outcome: { kind: 'failure', error: result.error } });
      void refreshSettings();
    },
    { signal },
  );

  return {
    invite,
    async retry() {
      const outcome = store.get().outcome;
      if (outcome.kind !== 'failure' || !outcome.request) return;
      await invite(outcome.request, outcome.target ?? '');
    },
  };
}
