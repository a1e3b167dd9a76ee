/**
 * Chromium for the browser suite (launched by ./chromium.ts). Without Chromium the suite skips
 * with a message — except under CI=true, where a missing browser fails the run.
 */
import { describe, it } from 'vitest';
import { CHROMIUM_PATH, HAS_CHROMIUM, launchBrowser } from './chromium';

export { launchBrowser };
const IN_CI = process.env.CI === 'true';

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
