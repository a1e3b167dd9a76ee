/**
 * IPC channel names, kept apart from the schemas in ./ipc.ts so that the sandboxed preload
 * (which can load no npm module but electron) bundles names only, not zod.
 */
/** Renderer → main calls (ipcRenderer.invoke / ipcMain.handle). */
export const InvokeChannel = {
  invite: 'qrri:invite',
  getSettings: 'qrri:settings:get',
  updateSettings: 'qrri:settings:update',
  labelMeeting: 'qrri:recent:label',
  forgetMeeting: 'qrri:recent:forget',
  forgetAllMeetings: 'qrri:recent:forget-all',
  captureScreens: 'qrri:screens:capture',
  readClipboardImage: 'qrri:clipboard:read-image',
  copyDiagnostics: 'qrri:diagnostics:copy',
  notifyScanOutcome: 'qrri:scan:notify',
  /** Brings the window forward (a tray scan that needs the person to choose or confirm). */
  showWindow: 'qrri:window:show',
  /** Room mode: a countdown or an invitation is going on (or no longer); updates wait for it. */
  reportRoomActivity: 'qrri:room:activity',
  /** Hangs up a room this computer invited (participants/delete, docs/api.md door A). */
  hangUp: 'qrri:call:hang-up',
  /** Settings › Enterprise App ID › Test connection. */
  testAppId: 'qrri:app-id:test',
  /** Saves (or forgets) the App Key: write-only, it never comes back. */
  saveAppKey: 'qrri:app-id:save-key',
} as const;
export type InvokeChannel = (typeof InvokeChannel)[keyof typeof InvokeChannel];

/** Main → renderer events (webContents.send / ipcRenderer.on). */
export const EventChannel = {
  /** Progress of an invite started anywhere (tray, window, camera). */
  inviteStatus: 'qrri:event:invite-status',
  /** A tray or shortcut command the window's script carries out (scan screen, clipboard). */
  command: 'qrri:event:command',
  /** A payload opened from outside (deep link, second launch) to show for confirmation. */
  openPayload: 'qrri:event:open-payload',
  /** Settings changed (tray, another window): re-read them. */
  settingsChanged: 'qrri:event:settings-changed',
  /** The live status of an invited room (calling, joining, joined, did not join, left, unconfirmed). */
  callStatus: 'qrri:event:call-status',
} as const;
export type EventChannel = (typeof EventChannel)[keyof typeof EventChannel];

const invokeChannels: readonly string[] = Object.values(InvokeChannel);
/** Whether a name received from outside is one of the contract's invoke channels. */
export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && invokeChannels.includes(name);
}
