/**
 * Chromium for the browser suite: Debian's /usr/bin/chromium driven by playwright-core, with
 * the flags of docs/testing.md ("A real browser"). Without Chromium the suite skips with a
 * message — except under CI=true, where a missing browser fails the run.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe, it } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
const IN_CI = process.env.CI === 'true';

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

/** `describe` for a browser suite: skipped with a reason without Chromium, failing under CI. */
export function describeBrowser(name: string, suite: () => void): void {
  if (HAS_CHROMIUM) {
    describe(name, suite);
    return;
  }
  if (IN_CI) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(
          `CI=true but no Chromium at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) — the browser suite must run in CI.`,
        );
      });
    });
    return;
  }
  console.warn(`[browser suite] skipped "${name}": no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH, or apt-get install -y chromium).`);
  describe.skip(name, suite);
}
