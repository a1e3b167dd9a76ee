/**
 * The sandboxed preload: one small named API on `window.qrRoomInvite`, nothing generic.
 * The invite and settings functions arrive with the desktop app; for now it tells the UI
 * which platform it runs on (for "Ctrl+V" vs "⌘V").
 */
import { contextBridge } from 'electron';

const api = {
  platform: process.platform,
} as const;

export type QrRoomInviteApi = typeof api;

contextBridge.exposeInMainWorld('qrRoomInvite', api);
