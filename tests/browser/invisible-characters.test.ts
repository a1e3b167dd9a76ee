/**
 * Invisible characters typed or pasted into the forms (security review, finding 7): the Settings
 * room form and the invite form name the character (its code point) instead of their format
 * hint — the value looks right, so "Use 1–64 characters" would mislead — in English and Chinese,
 * and nothing is saved or sent. In Chromium through the browser preview.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser } from './support/browser';
import { inviteButton, waitForText } from './support/expect-ui';
import { paste } from './support/page';
import { useBrowserSuite } from './support/suite';

describeBrowser('invisible characters in typed values', () => {
  const t = useBrowserSuite();

  async function openRoomForm(page: Page, settings: string, addRoom: string): Promise<void> {
    await page.getByRole('button', { name: settings, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: settings }).waitFor();
    await page.getByRole('button', { name: addRoom, exact: true }).click();
  }

  it('the room form names a bidi mark in the name and a word joiner in the SIP number, and saves nothing', async () => {
    const { page, preview } = t;
    await openRoomForm(page, 'Settings', 'Add room');
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('Room\u200fB');
    await waitForText(page, 'Contains an invisible character (U+200F, zero-width or text-direction)');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('SIP number').fill('+99111253020382687\u2060');
    await waitForText(page, 'Contains an invisible character (U+2060');
    await page.getByRole('button', { name: 'Save room' }).click();
    expect(
      preview
        .store()
        .read()
        .rooms.map((r) => r.name),
    ).toEqual(['Room A']);
    // The format hint is still given for a value that is merely wrong.
    await name.fill('');
    await page.getByLabel('SIP number').fill('+99 12ab');
    await waitForText(page, 'An optional + and 3–32 digits');
  });

  it('says the same in Chinese', async () => {
    const { page, preview } = t;
    preview.store().update({ language: 'zh-CN' });
    await page.reload();
    await openRoomForm(page, '设置', '添加会议室');
    await page.getByLabel('名称', { exact: true }).fill('\u200bRoom B');
    await waitForText(page, '包含不可见字符（U+200B，零宽或文字方向字符）');
    await page.getByRole('button', { name: '保存会议室' }).click();
    expect(preview.store().read().rooms).toHaveLength(1);
  });

  it('the invite form names it in a typed password and meeting ID, and sends nothing', async () => {
    const { page, preview } = t;
    await paste(page, 'https://meeting.huaweicloud.com/#/j/914083136/EWmHgcyGmDYDQEamd0oT9TcSwzMUxZlLA');
    const password = page.getByLabel('Meeting password');
    await password.fill('123\u200b123');
    await inviteButton(page).click();
    await waitForText(page, 'Contains an invisible character (U+200B');
    expect(await password.getAttribute('aria-invalid')).toBe('true');

    await page.reload();
    await page.locator('.dropzone').waitFor();
    await paste(page, 'qr-room-invite://v1?terminal=%2B99111253020382687');
    await page.getByLabel('Meeting ID').fill('914\u200e083136');
    await page.getByLabel('Meeting password').fill('123123');
    await page.getByLabel('Yes, invite +991 1125 3020 3826 87 into this meeting').check();
    await inviteButton(page).click();
    await waitForText(page, 'Contains an invisible character (U+200E');
    expect(preview.sim.invites()).toHaveLength(0);
  });
});
