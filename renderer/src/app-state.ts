/**
 * The window's state: which view shows, the settings as main sent them, what was read from
 * the last image / text / screen, and the outcome of the last invite. Components render from
 * it; controllers (intake, invite, tray commands) change it.
 */
import type { CallStatus } from '../../shared/call-status';
import type { LocalizedText } from '../../shared/i18n-text';
import type { InviteError } from '../../shared/invite-result';
import type { InviteIpcRequest, SettingsView } from '../../shared/ipc';
import type { ParsedPayload } from '../../shared/payload/index';
import type { Language } from '../../shared/schemas';
import type { ImageProblem } from './image-loader';
import { createStore, type Store } from './store';

/** A code that means something to us: a meeting, a room terminal, or both. */
export type Candidate = Exclude<ParsedPayload, { kind: 'unknown' }>;

/** Where the thing being read came from; it changes the wording of problems. */
export type ReadOrigin = 'image' | 'text' | 'screen' | 'clipboard' | 'link';

export type Problem =
  | { kind: 'no-code'; origin: ReadOrigin }
  | { kind: 'empty-clipboard' }
  | { kind: 'not-ours'; reason: LocalizedText; origin: ReadOrigin }
  | { kind: 'image'; problem: ImageProblem }
  | { kind: 'decode'; reason: 'timeout' | 'failed' }
  | { kind: 'capture'; error: InviteError; origin: ReadOrigin };

export type Intake =
  | { kind: 'idle' }
  | { kind: 'busy'; origin: ReadOrigin }
  | { kind: 'problem'; problem: Problem }
  | {
      kind: 'ready';
      candidates: Candidate[];
      /** Index of the candidate to invite with; `null` until the person picks one of several. */
      chosen: number | null;
      origin: ReadOrigin;
      /** Arrived from the tray or a link: say why it is shown and that nothing was sent yet. */
      confirm: boolean;
      /** Increases with every reading, so the invite form starts afresh for a new code. */
      seq: number;
    };

export type Outcome =
  | { kind: 'none' }
  | { kind: 'sending'; target: string }
  /** `call`: the live status of the invited room, once main follows it (docs/api.md, "After the invite"). */
  | { kind: 'success'; target: string; requestId: string; call?: CallStatus }
  /** `request` is absent for invites started elsewhere (the tray menu): those offer no Retry here. */
  | { kind: 'failure'; error: InviteError; request?: InviteIpcRequest; target?: string };

export interface AppState {
  /** `room`: room mode's full-window camera view (renderer/src/views/room-view.ts). */
  view: 'main' | 'settings' | 'room';
  /**
   * Room mode is on for this window: opened with `?mode=room` (`--room`), or the setting.
   * Settings' Back button and the header's "Room view" return to it.
   */
  roomMode: boolean;
  settings: SettingsView;
  intake: Intake;
  outcome: Outcome;
}

export type AppStore = Store<AppState>;

export function createAppStore(settings: SettingsView, options: { roomMode?: boolean } = {}): AppStore {
  const roomMode = options.roomMode === true || settings.settings.roomMode;
  return createStore<AppState>({
    view: roomMode ? 'room' : 'main',
    roomMode,
    settings,
    intake: { kind: 'idle' },
    outcome: { kind: 'none' },
  });
}

/** The UI language: the setting, else the system's. */
export function languageOf(state: AppState): Language {
  return state.settings.settings.language ?? state.settings.systemLanguage;
}

/** The chosen candidate of a ready reading, if any. */
export function chosenCandidate(intake: Intake): Candidate | undefined {
  return intake.kind === 'ready' && intake.chosen !== null ? intake.candidates[intake.chosen] : undefined;
}
