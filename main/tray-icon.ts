import { join } from 'node:path';

/**
 * The tray icon file for a platform and theme: a template image on macOS (the system tints it;
 * Electron picks @2x itself), an .ico with several sizes on Windows, and a light glyph on dark
 * panels / a dark glyph on light ones elsewhere.
 */
export function trayIconPath(iconDir: string, platform: string, darkTheme: boolean): string {
  if (platform === 'darwin') return join(iconDir, 'trayTemplate.png');
  const name = darkTheme ? 'tray-light' : 'tray-dark';
  return join(iconDir, platform === 'win32' ? `${name}.ico` : `${name}.png`);
}
