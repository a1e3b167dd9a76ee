/** The IPC gate's wiring with a fake ipcMain: every channel registered, foreign callers refused. */
import { describe, expect, it } from 'vitest';
import type { AppApi } from '../../core/app-api';
import { createSenderCheck, setupIpc } from '../../main/ipc-gate';
import { ClientCode } from '../../shared/errors';
import { InvokeChannel } from '../../shared/ipc';

type Listener = (event: unknown, payload: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return { handlers, ipcMain: { handle: (channel: string, listener: Listener) => void handlers.set(channel, listener) } };
}

const ORIGIN = 'app://qr-room-invite';
const ownIds = new Set([1]);
const check = createSenderCheck(ORIGIN, (id) => ownIds.has(id));
const event = (id: number, url: string, parent: object | null = null) => ({ sender: { id }, senderFrame: { url, parent } });

/** An app API that records what reaches it; the payload 'explode' makes it throw. */
function api(calls: unknown[]): AppApi {
  return {
    invoke(channel, payload) {
      calls.push({ channel, payload });
      if (payload === 'explode') throw new Error('boom with secret 123123');
      return Promise.resolve({ ok: false, error: { code: 'QRRI.TEST', outcome: 'failed', detail: channel } });
    },
  };
}

describe('IPC gate', () => {
  it('registers a handler for every channel of the contract', () => {
    const { handlers, ipcMain } = fakeIpcMain();
    setupIpc(ipcMain as never, api([]), check);
    expect([...handlers.keys()].sort()).toEqual(Object.values(InvokeChannel).sort());
  });

  it('passes calls from our page through to the handler', async () => {
    const calls: unknown[] = [];
    const { handlers, ipcMain } = fakeIpcMain();
    setupIpc(ipcMain as never, api(calls), check);
    const answer = await handlers.get(InvokeChannel.getSettings)?.(event(1, `${ORIGIN}/index.html`), undefined);
    expect(answer).toEqual({ ok: false, error: { code: 'QRRI.TEST', outcome: 'failed', detail: InvokeChannel.getSettings } });
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['another origin', event(1, 'https://evil.example/')],
    ['a file:// page', event(1, 'file:///tmp/x.html')],
    ['a sub-frame of our page', event(1, `${ORIGIN}/index.html`, {})],
    ['a web contents that is not our window', event(7, `${ORIGIN}/index.html`)],
    ['a frame without a URL', { sender: { id: 1 }, senderFrame: null }],
  ])('refuses a call from %s without running the handler', async (_name, foreign) => {
    const calls: unknown[] = [];
    const { handlers, ipcMain } = fakeIpcMain();
    setupIpc(ipcMain as never, api(calls), check);
    const answer = await handlers.get(InvokeChannel.invite)?.(foreign, { meeting: { id: '914083136' } });
    expect(answer).toMatchObject({ ok: false, error: { code: ClientCode.refused } });
    expect(calls).toHaveLength(0);
  });

  it('turns an unexpected exception into an error result without its message', async () => {
    const { handlers, ipcMain } = fakeIpcMain();
    setupIpc(ipcMain as never, api([]), check);
    const answer = await handlers.get(InvokeChannel.invite)?.(event(1, `${ORIGIN}/`), 'explode');
    expect(answer).toEqual({ ok: false, error: { code: ClientCode.internal, outcome: 'failed', detail: 'Error' } });
  });
});
