/**
 * The sandboxed preload: builds the one small named API of shared/bridge.ts over ipcRenderer
 * and exposes it as `window.qrRoomInvite`. Nothing generic (no raw send/invoke) crosses over.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridgeApi } from '../shared/bridge';

const api = createBridgeApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  on: (channel, listener) => {
    // The event object (with its sender) is never handed to the page.
    // Main sends each channel's payload as the contract types it (shared/ipc.ts ipcContract).
    // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- the IPC boundary: Electron delivers what main sent as `any`
    const wrapped: Parameters<typeof ipcRenderer.on>[1] = (_event, payload) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('qrRoomInvite', api);
