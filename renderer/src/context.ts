/**
 * What every view and component is given: the store, the API to main, the controllers, the
 * strings of the current language, and a signal that ends when the view is rebuilt (a change
 * of language re-renders everything).
 */
import type { QrRoomInviteApi } from '../../shared/bridge';
import type { InviteError } from '../../shared/invite-result';
import type { Language } from '../../shared/schemas';
import { languageOf, type AppStore } from './app-state';
import type { UiMessages } from './i18n';
import type { IntakeController } from './intake';
import type { InviteController } from './invite-controller';
import type { QrDecoder } from './decoder-client';
import type { RoomController } from './room/room-controller';

export interface ViewContext {
  store: AppStore;
  api: QrRoomInviteApi;
  intake: IntakeController;
  invites: InviteController;
  /** Room mode's controller (one per window) and the decoder its camera feeds. */
  room: RoomController;
  decoder: QrDecoder;
  language: Language;
  text: UiMessages;
  /** Aborted when the view is thrown away; subscriptions end with it. */
  signal: AbortSignal;
}

export type SettingsPatch = Parameters<QrRoomInviteApi['updateSettings']>[0];

/** A settings change from the window: applies main's answer; returns the error when refused. */
export async function saveSettings(context: Pick<ViewContext, 'api' | 'store'>, patch: SettingsPatch): Promise<InviteError | undefined> {
  const result = await context.api.updateSettings(patch);
  if (!result.ok) return result.error;
  context.store.set({ settings: result.value });
  return undefined;
}

export { languageOf };
