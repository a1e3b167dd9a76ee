/**
 * The sandboxed preload: builds the one small named API of shared/bridge.ts over ipcRenderer
 * and exposes it as `window.qrRoomInvite`. Nothing generic (no raw send/invoke) crosses over.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridgeApi } from '../shared/bridge';

const api = createBridgeApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  on: (channel, listener) => {
    // The event object (with its sender) is never handed to the page.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('qrRoomInvite', api);
