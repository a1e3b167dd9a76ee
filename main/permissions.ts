/**
 * Permissions: the page may use the camera (room mode) and screen capture, nothing else, and
 * only our own page. Everything else (notifications from the page, geolocation, MIDI, USB,
 * clipboard-read…) is denied; main does those itself.
 */
import type { Session } from 'electron';
import { originOf } from './app-protocol';

/** The decision, as a pure function that a test checks. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  appOrigin: string,
  mediaTypes: readonly string[] = [],
): boolean {
  if (originOf(requestingUrl) !== appOrigin) return false;
  if (permission === 'media') return mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
  return permission === 'display-capture';
}

export function setupPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  appOrigin: string,
): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(isPermissionAllowed(permission, details.requestingUrl || webContents.getURL(), appOrigin, mediaTypes));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) => {
    const mediaType = 'mediaType' in details && details.mediaType ? [details.mediaType] : ['video'];
    return isPermissionAllowed(permission, requestingOrigin, appOrigin, permission === 'media' ? mediaType : []);
  });
}
