/**
 * Debian's /usr/bin/chromium driven by playwright-core, with the flags of docs/testing.md ("A real
 * browser"): one launcher for the browser suite and `npm run screenshots`, so a picture is taken
 * in the browser the tests check. No vitest here: the screenshot script imports it too.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Chromium. playwright gives every launch a fresh temporary profile (`--user-data-dir`).
 * `extraArgs` adds flags, such as a fake camera for room mode.
 */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...FLAGS, ...extraArgs] });
}
