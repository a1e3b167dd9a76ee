/**
 * The App Key is bound to the server it was saved for (SECURITY.md, finding 2): after a change
 * of server, Settings › Enterprise App ID says for which server the key is kept instead of
 * "Saved", Test connection says why nothing was tried, and the key can still be forgotten (en and
 * zh-CN, axe clean); a key that cannot be bound (no server set) is refused out loud. In Chromium
 * through the browser preview.
 */
import { expect, it } from 'vitest';
import { InvokeChannel } from '../../shared/ipc';
import { seriousViolations } from './support/axe';
import { describeBrowser } from './support/browser';
import { waitForRole, waitForText } from './support/expect-ui';
import { useBrowserSuite } from './support/suite';

/** A server nothing answers for: were the key tried there, Test connection would fail on the network instead. */
const ELSEWHERE = 'https://meeting.example.com';

describeBrowser('the App Key follows its server only', () => {
  const t = useBrowserSuite();

  it('Settings names the server a key is kept for, Test connection says it was not used, Forget still works (en, zh-CN)', async () => {
    const { page, preview } = t;
    preview.store().update({ appId: preview.sim.app.appId });
    expect((await preview.invoke(InvokeChannel.saveAppKey, { appKey: preview.sim.app.appKey })).ok).toBe(true);
    preview.store().update({ customBaseUrl: ELSEWHERE });
    await page.reload();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 2, name: 'Enterprise App ID' }).waitFor();
    await waitForText(page, `Saved for ${preview.sim.url} only, so not used with the server chosen in Settings.`);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await waitForRole(page, 'alert', 'The saved App Key is for another server, so it was not used.');
    expect(await seriousViolations(page)).toEqual([]);

    preview.store().update({ language: 'zh-CN' });
    const zh = await t.openPage();
    await zh.getByRole('button', { name: '设置' }).click();
    await zh.getByRole('heading', { level: 2, name: '企业 App ID' }).waitFor();
    await waitForText(zh, `已保存的 App Key 仅用于 ${preview.sim.url}`);
    await zh.getByRole('button', { name: '删除 App Key' }).click();
    await waitForText(zh, '未保存 App Key。');
    expect(await seriousViolations(zh)).toEqual([]);
  });

  it('says so when a key cannot be saved because no server is set to bind it to', async () => {
    const { page, preview } = t;
    preview.store().update({ appId: preview.sim.app.appId, site: 'custom', customBaseUrl: null });
    await page.reload();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 2, name: 'Enterprise App ID' }).waitFor();
    await page.getByLabel('App Key').fill(preview.sim.app.appKey);
    await page.getByRole('button', { name: 'Save App Key' }).click();
    await waitForRole(page, 'alert', 'The site settings cannot be used.');
    await waitForText(page, 'No App Key saved.');
    expect(await page.content()).not.toContain(preview.sim.app.appKey);
  });
});
