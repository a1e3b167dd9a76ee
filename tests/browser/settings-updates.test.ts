/** Settings → Updates in Chromium through the browser preview: the mode is saved, and locked with its server when managed. */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser } from './support/browser';
import { waitForText } from './support/expect-ui';
import { POLL, useBrowserSuite } from './support/suite';

describeBrowser('settings: updates', () => {
  const t = useBrowserSuite();

  async function openSettings(page: Page): Promise<void> {
    await page.getByRole('button', { name: /^(Settings|设置)$/u }).click();
    await page.getByRole('heading', { level: 2, name: /^(Settings|设置)$/u }).waitFor();
  }

  it('saves the chosen mode and says that nothing is checked without a server', async () => {
    const { page, preview } = t;
    await openSettings(page);
    const select = page.getByLabel('Updates', { exact: true });
    expect(await select.inputValue()).toBe('notify');
    await waitForText(page, 'No update server is set (updates.url, from your administrator), so nothing is checked.');
    await select.selectOption('off');
    await expect.poll(() => preview.store().read().updates, POLL).toEqual({ mode: 'off' });
  });

  it('is locked with the administrator’s server when the managed configuration sets it (in Chinese)', async () => {
    const { preview } = t;
    preview.reset({
      path: '/etc/qr-room-invite/managed.json',
      config: {
        version: 1,
        settings: { language: 'zh-CN', updates: { mode: 'install', url: 'https://updates.corp.example/qrri/' } },
        locked: [],
      },
    });
    const page = await t.openPage();
    await openSettings(page);
    const select = page.getByLabel('更新', { exact: true });
    expect(await select.inputValue()).toBe('install');
    expect(await select.isDisabled()).toBe(true);
    // The URL is kept without its trailing slash (the updater adds it when asking).
    await waitForText(page, '从 https://updates.corp.example/qrri 检查。通话期间不会安装。');
  });
});
