/**
 * axe-core in the page: the serious and critical violations, as readable lines. It runs on the
 * page it is given, in whatever state the test brought it to (a locked Settings view, an
 * outcome on screen), since a freshly opened page would only ever check the empty main view.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/**
 * Runs axe on the page as it is now. axe is evaluated through the DevTools protocol, which the
 * app's CSP (`script-src 'self'`) does not govern, so the page keeps its real CSP: a test need
 * not open a `bypassCSP` context (and with it a different page) just to be checked.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => {
    const { axe, document } = globalThis as unknown as {
      axe: { run(context: unknown, options: object): Promise<AxeResult> };
      document: unknown;
    };
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact ?? ''} ${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}
