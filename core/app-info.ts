import { productName, version } from '../package.json';

export const APP_NAME = productName;
export const APP_VERSION = version;

/** `User-Agent` for the meeting API: the app, its version, and where it runs. */
export function userAgent(flavour: 'desktop' | 'cli'): string {
  return `QR-Room-Invite/${APP_VERSION} (${flavour}; ${process.platform}; node ${process.versions.node})`;
}
