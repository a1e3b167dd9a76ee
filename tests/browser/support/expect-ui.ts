/**
 * Waiting on the UI the way a person would read it — by role and text — since playwright-core
 * has no auto-waiting assertions. Every wait is bounded by the page's default timeout.
 */
import type { Locator, Page } from 'playwright-core';

/** The element with `role` containing `text`, once it is visible. */
export async function waitForRole(
  page: Page,
  role: 'status' | 'alert' | 'heading' | 'button' | 'radiogroup' | 'group',
  text: string | RegExp,
): Promise<Locator> {
  const locator = page.getByRole(role).filter({ hasText: text }).first();
  await locator.waitFor();
  return locator;
}

/** Waits for visible text anywhere on the page. */
export async function waitForText(page: Page, text: string | RegExp): Promise<Locator> {
  const locator = page.getByText(text).first();
  await locator.waitFor();
  return locator;
}

/** The Invite button (its accessible name starts with "Invite" / "邀请"). */
export function inviteButton(page: Page, prefix: 'Invite' | '邀请' = 'Invite'): Locator {
  return page.getByRole('button', { name: new RegExp(`^${prefix}`, 'u') });
}

/** The text a person sees (not hidden elements, not attribute values). */
export function visibleText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}
