/**
 * The one IPC contract (shared/ipc.ts): every channel declared with a schema or a payload type,
 * and the types that derive from it. The `@ts-expect-error` lines are checked by `tsc -b`:
 * should the contract stop tying main's answers to what the renderer reads, they stop being
 * errors and the type-check fails.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AppHandlers } from '../../core/app-api';
import { createBridgeApi, type BridgeTransport } from '../../shared/bridge';
import {
  EventChannel,
  InvokeChannel,
  ipcContract,
  invokeSchemas,
  type InviteSuccess,
  type IpcResult,
  type SettingsView,
} from '../../shared/ipc';

describe('IPC contract', () => {
  it('declares every invoke channel with a request schema, and every event channel', () => {
    expect(Object.keys(ipcContract.invoke).sort()).toEqual(Object.values(InvokeChannel).sort());
    expect(Object.keys(ipcContract.events).sort()).toEqual(Object.values(EventChannel).sort());
    for (const channel of Object.values(InvokeChannel)) expect(typeof invokeSchemas[channel].request.safeParse).toBe('function');
  });

  it('parses requests with the declared schemas (no payload where none is expected)', () => {
    expect(invokeSchemas[InvokeChannel.getSettings].request.safeParse(undefined).success).toBe(true);
    expect(invokeSchemas[InvokeChannel.getSettings].request.safeParse({ sneaky: true }).success).toBe(false);
    expect(invokeSchemas[InvokeChannel.invite].request.safeParse({ meeting: { id: '914083136' } })).toMatchObject({
      success: true,
      data: { origin: 'window' },
    });
    expect(invokeSchemas[InvokeChannel.invite].request.safeParse({ meeting: { id: '914083136' }, extra: 1 }).success).toBe(false);
  });

  it('types the bridge from the same declaration as main’s handlers', async () => {
    const sent: unknown[] = [];
    const transport: BridgeTransport = {
      invoke: (channel, payload) => {
        sent.push([channel, payload]);
        return Promise.resolve({ ok: false, error: { code: 'QRRI.TEST', outcome: 'failed' } });
      },
      on: () => () => undefined,
    };
    const api = createBridgeApi(transport);
    const answer = await api.invite({ meeting: { id: '914083136' } });
    expectTypeOf(answer).toEqualTypeOf<IpcResult<InviteSuccess>>();
    expectTypeOf(await api.getSettings()).toEqualTypeOf<IpcResult<SettingsView>>();
    expect(sent).toEqual([
      [InvokeChannel.invite, { meeting: { id: '914083136' } }],
      [InvokeChannel.getSettings, undefined],
    ]);

    if (answer.ok) {
      // @ts-expect-error the renderer cannot read a field main does not answer with
      void answer.value.settings;
    }
    const inviteHandler = (view: SettingsView): ReturnType<AppHandlers[typeof InvokeChannel.invite]> =>
      // @ts-expect-error main cannot answer an invite with the settings view
      Promise.resolve({ ok: true, value: view });
    expect(typeof inviteHandler).toBe('function');
    // @ts-expect-error the bridge sends only what the request schema accepts
    void api.labelMeeting(914083136, null);
  });
});
