/**
 * The one IPC gate: every channel of the contract is registered here, every call is checked to
 * come from our own page in one of our windows, and every answer is an IpcResult. Handlers
 * (core/app-api.ts) parse their payloads with the contract's schemas (shared/ipc.ts).
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ClientCode } from '../shared/errors';
import { originOf } from './app-protocol';
import { InvokeChannel } from '../shared/ipc-channels';
import type { AppApi } from '../core/app-api';
import { silentLogger, type Logger } from '../core/log';

/** Whether an invoke comes from a frame we trust (our origin, our window, the main frame). */
export type SenderCheck = (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => boolean;

/** Trusts only the top frame of our own windows showing a page of our own origin. */
export function createSenderCheck(appOrigin: string, isOwnWebContents: (id: number) => boolean): SenderCheck {
  return ({ sender, senderFrame }) => {
    if (!senderFrame || !isOwnWebContents(sender.id) || senderFrame.parent !== null) return false;
    return originOf(senderFrame.url) === appOrigin;
  };
}

export function setupIpc(ipcMain: Pick<IpcMain, 'handle'>, api: AppApi, isTrusted: SenderCheck, logger: Logger = silentLogger): void {
  for (const channel of Object.values(InvokeChannel)) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrusted(event)) {
        logger.warn('ipc call refused: foreign sender', { channel, url: event.senderFrame?.url });
        return { ok: false, error: { code: ClientCode.refused, outcome: 'failed', detail: 'caller is not this app' } };
      }
      try {
        return await api.invoke(channel, payload);
      } catch (error) {
        logger.error('ipc handler failed', { channel, error });
        return {
          ok: false,
          error: { code: ClientCode.internal, outcome: 'failed', detail: error instanceof Error ? error.name : 'error' },
        };
      }
    });
  }
}
