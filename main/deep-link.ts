import { APP_LINK_SCHEME } from '../shared/payload/app-link';

/**
 * The app link in a command line (Windows and Linux hand a `qr-room-invite://` URL to a new
 * instance as an argument). Only our own scheme, only a sane length.
 */
export function findAppLink(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.length <= 4096 && arg.toLowerCase().startsWith(`${APP_LINK_SCHEME}:`));
}
