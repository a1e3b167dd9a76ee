/**
 * What the window does for the tray and the outside world: "Scan screen" and "Invite from
 * clipboard image" (from the tray menu or the global shortcut), "Settings…", and links opened
 * from outside. A single clear meeting is invited straight away only when the person turned
 * confirmation off; everything else is shown in the window for a click. A link never invites.
 */
import { subscribe, type QrRoomInviteApi } from '../../shared/bridge';
import { isPasswordRemembered, type AppCommand, type InviteIpcRequest, type SettingsView } from '../../shared/ipc';
import { selectedRoom } from '../../shared/settings';
import { type AppStore, type Candidate } from './app-state';
import { roomOf, terminalName } from './names';
import type { IntakeController } from './intake';
import type { InviteController } from './invite-controller';
import type { ReadResult } from './reading';

interface Deps {
  store: AppStore;
  api: QrRoomInviteApi;
  intake: IntakeController;
  invites: InviteController;
  signal: AbortSignal;
}

/** A complete tray invite for `candidate`, or `undefined` when something must be asked first. */
export function trayRequest(candidate: Candidate, view: SettingsView): { request: InviteIpcRequest; target: string } | undefined {
  // A terminal that is not one of the rooms is never invited without a click (security review, finding 1).
  if (candidate.kind !== 'meeting' && !roomOf(candidate.terminal, view)) return undefined;
  if (candidate.kind === 'terminal') {
    // "The current meeting": the latest one whose password is remembered.
    const meeting = view.recentMeetings.find((m) => m.passwordRemembered);
    if (!meeting) return undefined;
    return {
      request: { meeting: { id: meeting.id }, terminal: candidate.terminal, origin: 'tray' },
      target: terminalName(candidate.terminal, view),
    };
  }
  const { meeting } = candidate;
  if (meeting.password === undefined && !isPasswordRemembered(view, meeting.id)) return undefined;
  const request = {
    meeting: {
      id: meeting.id,
      ...(meeting.password === undefined ? {} : { password: meeting.password }),
      ...(meeting.site ? { site: meeting.site } : {}),
    },
    origin: 'tray' as const,
  };
  if (candidate.kind === 'both')
    return { request: { ...request, terminal: candidate.terminal }, target: terminalName(candidate.terminal, view) };
  const room = selectedRoom(view.settings);
  return room ? { request: { ...request, roomId: room.id }, target: room.name } : undefined;
}

export function setupTrayCommands({ store, api, intake, invites, signal }: Deps): void {
  /** Marks the reading shown as waiting for the person's confirmation, and shows the window. */
  async function askInWindow(): Promise<void> {
    const current = store.get().intake;
    if (current.kind === 'ready') store.set({ intake: { ...current, confirm: true } });
    await api.showWindow();
  }

  async function act(result: ReadResult): Promise<void> {
    const view = store.get().settings;
    if (result.kind === 'problem') {
      const { problem } = result;
      // Main words the notification; the window keeps the parser's reason for whoever opens it.
      if (problem.kind === 'no-code' || problem.kind === 'empty-clipboard' || problem.kind === 'not-ours')
        await api.notifyScanOutcome({ outcome: problem.kind });
      else await api.showWindow(); // a refused image or failed capture: the window explains
      return;
    }
    const [only] = result.candidates;
    const auto = result.candidates.length === 1 && only && !view.settings.confirmBeforeInvite ? trayRequest(only, view) : undefined;
    if (auto) await invites.invite(auto.request, auto.target);
    else await askInWindow();
  }

  async function run(command: AppCommand): Promise<void> {
    if (command.command === 'open-settings') {
      store.set({ view: 'settings' });
      return;
    }
    store.set({ view: 'main' });
    await act(command.command === 'scan-screen' ? await intake.scanScreen() : await intake.readClipboard());
  }

  subscribe(api.onCommand, (command) => void run(command), { signal });
  subscribe(
    api.onOpenPayload,
    ({ text }) => {
      store.set({ view: 'main' });
      intake.readText(text, 'link', { confirm: true });
      void api.showWindow();
    },
    { signal },
  );
  subscribe(
    api.onSettingsChanged,
    () =>
      void api.getSettings().then((view) => {
        if (view.ok) store.set({ settings: view.value });
      }),
    { signal },
  );
}
