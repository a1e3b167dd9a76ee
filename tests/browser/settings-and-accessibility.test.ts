/**
 * The settings view, the Chinese UI, the dark theme and accessibility (axe-core on every view,
 * light and dark, each check on the state the test just built), in Chromium through the browser
 * preview. The README screenshots are `npm run screenshots` (scripts/screenshots.ts), not a test.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { FIXTURE_MEETING_ID } from '../../simulator/fixture';
import { seriousViolations } from './support/axe';
import { describeBrowser } from './support/browser';
import { inviteButton, waitForRole, waitForText } from './support/expect-ui';
import { INVITATION_ZH, qrImage, qrSheet } from './support/images';
import type { InPage } from './support/in-page';
import { paste } from './support/page';
import { POLL, useBrowserSuite } from './support/suite';

describeBrowser('settings, languages, themes and accessibility', () => {
  const t = useBrowserSuite();

  async function openSettings(page: Page): Promise<void> {
    await page.getByRole('button', { name: /^(Settings|设置)$/u }).click();
    await page.getByRole('heading', { level: 2, name: /^(Settings|设置)$/u }).waitFor();
  }

  /** Invites the fixture meeting from a pasted QR image and waits for the "calling" outcome. */
  async function successState(page: Page, invite: 'Invite' | '邀请', calling: string): Promise<void> {
    await paste(page, await qrImage(INVITATION_ZH, 'png'));
    await inviteButton(page, invite).click();
    await waitForRole(page, 'status', calling);
  }

  it('adds a room (validated as typed), selects, edits and removes it', async () => {
    const { page, preview } = t;
    await openSettings(page);
    await page.getByRole('button', { name: 'Add room' }).click();
    const sip = page.getByLabel('SIP number');
    await sip.fill('+99 12ab');
    await waitForText(page, 'An optional + and 3–32 digits');
    expect(await sip.getAttribute('aria-invalid')).toBe('true');
    await sip.fill('+99111253020382687');
    expect(await sip.getAttribute('aria-invalid')).toBeNull();
    await page.getByLabel('Enterprise ID (optional)').fill('115 489');
    await waitForText(page, 'Use 1–64 letters, digits, - or _.');
    await page.getByLabel('Enterprise ID (optional)').fill('115489');
    await page.getByRole('button', { name: 'Save room' }).click();
    await waitForText(page, 'Required.'); // the name is missing: nothing saved
    expect(preview.store().read().rooms).toHaveLength(1);
    await page.getByLabel('Name', { exact: true }).fill('Room B');
    await page.getByRole('button', { name: 'Save room' }).click();
    await page.getByRole('radio', { name: /Room B/u }).waitFor();
    expect(
      preview
        .store()
        .read()
        .rooms.map((r) => [r.name, r.callNum, r.orgId]),
    ).toEqual([
      ['Room A', '+99111253020382685', '115489'],
      ['Room B', '+99111253020382687', '115489'],
    ]);

    await page.getByRole('radio', { name: /Room B/u }).check();
    await expect.poll(() => preview.store().read().selectedRoomId, POLL).toBe(preview.store().read().rooms[1]?.id);
    await page.getByRole('button', { name: 'Edit Room B' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Board room');
    await page.getByRole('button', { name: 'Save room' }).click();
    await page.getByRole('radio', { name: /Board room/u }).waitFor();
    await page.getByRole('button', { name: 'Remove Board room' }).click();
    await page.getByRole('radio', { name: /Board room/u }).waitFor({ state: 'detached' });
    expect(
      preview
        .store()
        .read()
        .rooms.map((r) => r.name),
    ).toEqual(['Room A']);
    expect(preview.store().read().selectedRoomId).toBeUndefined();

    await page.getByRole('button', { name: 'Back' }).click();
    await paste(page, INVITATION_ZH);
    expect(await inviteButton(page).textContent()).toBe('Invite Room A');
  });

  it('says how to add a room when there is none, and invites nothing', async () => {
    const { preview } = t;
    preview.store().update({ rooms: [], selectedRoomId: null });
    const page = await t.openPage();
    await waitForText(page, 'No room yet. Add the meeting room’s terminal in Settings first.');
    await paste(page, INVITATION_ZH);
    await page.getByText('914 083 136').waitFor();
    expect(await inviteButton(page).count()).toBe(0);
    await page.getByRole('button', { name: 'Add a room' }).click();
    await page.getByRole('heading', { level: 2, name: 'Settings' }).waitFor();
    expect(preview.sim.invites()).toHaveLength(0);
  });

  it('saves site, behaviour and shortcut settings through main, and shows a shortcut conflict', async () => {
    const { page, preview } = t;
    await openSettings(page);
    await page.getByRole('radio', { name: 'International' }).check();
    await expect.poll(() => preview.store().read().site, POLL).toBe('intl');
    await page.getByRole('radio', { name: 'Custom server' }).check();
    const url = page.getByLabel('Base URL');
    await url.fill('http://meeting-proxy.example');
    await waitForText(page, 'An https:// address');
    await url.press('Tab');
    expect(preview.store().read().customBaseUrl).toBe(preview.sim.url); // refused: not saved
    await url.fill('https://meeting-proxy.example/');
    await url.press('Tab');
    await expect.poll(() => preview.store().read().customBaseUrl, POLL).toBe('https://meeting-proxy.example');

    await page.getByLabel('Ask before inviting from the tray or shortcut').uncheck();
    await expect.poll(() => preview.store().read().confirmBeforeInvite, POLL).toBe(false);
    await waitForText(page, 'Passwords are encrypted with a key file on this computer.');

    preview.fakes().takenShortcuts.add('CommandOrControl+Shift+K');
    const shortcut = page.getByLabel('Global shortcut for “Scan screen”');
    await shortcut.fill('CommandOrControl+Shift+K');
    await shortcut.press('Tab');
    await waitForText(page, 'CommandOrControl+Shift+K is used by another application. Choose another shortcut.');
    expect(preview.store().read().globalShortcut).toBe('CommandOrControl+Shift+K');
  });

  it('lists recent meetings: label one, forget one, forget all', async () => {
    const { page, preview } = t;
    await preview.store().recordMeeting({ id: '914083137' });
    await preview.store().recordMeeting({ id: FIXTURE_MEETING_ID, password: '123123' });
    await page.reload();
    await openSettings(page);
    await waitForText(page, 'Password remembered');
    const label = page.getByLabel('Label for 914 083 136');
    await label.fill('Weekly sync');
    await label.press('Tab');
    await expect.poll(() => preview.store().read().recentMeetings[0]?.label, POLL).toBe('Weekly sync');
    await page.getByRole('button', { name: 'Forget 914 083 137' }).click();
    await page.getByRole('button', { name: 'Forget 914 083 137' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Forget all' }).click();
    await waitForText(page, 'Forget every recent meeting and its remembered password?');
    await page.getByRole('group').getByRole('button', { name: 'Forget all' }).click();
    await waitForText(page, 'No recent meetings yet.');
    expect(preview.store().read().recentMeetings).toEqual([]);
  });

  it('shows settings fixed by the administrator as locked, and an ignored managed file with its reason', async () => {
    const { preview } = t;
    preview.reset({
      path: '/etc/qr-room-invite/managed.json',
      config: { version: 1, settings: { site: 'intl' }, locked: ['rooms', 'site'] },
    });
    const page = await t.openPage();
    await openSettings(page);
    await waitForText(page, 'Some settings are managed by your administrator (/etc/qr-room-invite/managed.json).');
    expect(await page.getByRole('radio', { name: 'International' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Chinese mainland' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Add room' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Remove Room A' }).isVisible()).toBe(false);
    expect(await page.locator('.lock-note:visible').count()).toBe(2);
    // The locked view itself: disabled radios and lock notes must still be readable and labelled.
    expect(await seriousViolations(page)).toEqual([]);

    preview.reset({ path: '/etc/qr-room-invite/managed.json', error: '/etc/qr-room-invite/managed.json: site: Invalid option' });
    await page.reload();
    await openSettings(page);
    await waitForText(page, 'Your administrator’s configuration was ignored: /etc/qr-room-invite/managed.json: site: Invalid option');
    expect(await page.getByRole('button', { name: 'Add room' }).isVisible()).toBe(true);
  });

  it('copies diagnostics without the password', async () => {
    const { page, preview } = t;
    await paste(page, INVITATION_ZH);
    await inviteButton(page).click();
    await waitForRole(page, 'status', 'Calling Room A…');
    await openSettings(page);
    await page.getByRole('button', { name: 'Copy diagnostics' }).click();
    await waitForRole(page, 'status', 'Diagnostics copied to the clipboard.');
    const copied = preview.fakes().clipboardText ?? '';
    expect(copied).toContain('QR Room Invite 0.1.0');
    expect(copied).toContain('+99111253020382685');
    expect(copied).not.toContain('123123');
  });

  it('switches the whole UI to Chinese', async () => {
    const { page } = t;
    await openSettings(page);
    await page.getByLabel('App language').selectOption('zh-CN');
    await page.getByRole('heading', { level: 2, name: '设置' }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as InPage).document.documentElement.lang)).toBe('zh-CN');
    await page.getByRole('button', { name: '返回' }).click();
    await waitForText(page, '粘贴（Ctrl+V）或拖入二维码图片');
    await paste(page, await qrImage('https://example.com/menu', 'png'));
    const alert = await waitForRole(page, 'alert', '此二维码不是会议');
    expect(await alert.textContent()).toContain('example.com');
    await successState(page, '邀请', '正在呼叫 Room A…');
    expect(await inviteButton(page, '邀请').textContent()).toBe('邀请 Room A');
    // The Chinese outcome as shown (lang="zh-CN", the status announced), not a fresh English page.
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('follows a dark OS theme', async () => {
    const page = await t.openPage({ colorScheme: 'dark' });
    const background = await page.evaluate(() => {
      const w = globalThis as unknown as InPage;
      return w.getComputedStyle(w.document.body).backgroundColor;
    });
    const [r = 255, g = 255, b = 255] = background.match(/\d+/gu)?.map(Number) ?? [];
    expect(r + g + b).toBeLessThan(3 * 60);
    await successState(page, 'Invite', 'Calling Room A…');
    // Contrast of the outcome on the dark background.
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has no serious or critical axe violations on any view, light or dark', async () => {
    const { preview } = t;
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await t.openPage({ colorScheme });
      const check = async (state: string) => expect(await seriousViolations(page), `${colorScheme}: ${state}`).toEqual([]);
      await check('main view, empty');
      await paste(page, await qrSheet(['会议ID：914 083 136 来宾密码：123123', 'sip:+99111253020382687']));
      await page.getByRole('radio').first().waitFor();
      await check('several codes to choose from');
      await page.getByRole('radio', { name: /Meeting/u }).check();
      await page.getByRole('button', { name: 'Show password' }).click();
      await check('meeting read, password shown');
      preview.sim.setAdminSwitch(false);
      await inviteButton(page).click();
      const alert = await waitForRole(page, 'alert', 'does not allow');
      await alert.getByText('Details').click();
      await check('invite failed, details open');
      preview.sim.setAdminSwitch(true);
      await paste(page, 'https://meeting.huaweicloud.com/#/j/914083137');
      await page.getByLabel('Meeting password').waitFor();
      await check('password asked');
      await paste(page, await qrImage('https://example.com', 'png'));
      await waitForRole(page, 'alert', 'example.com');
      await check('not a meeting');
      await openSettings(page);
      await page.getByRole('button', { name: 'Add room' }).click();
      await page.getByLabel('SIP number').fill('abc');
      await check('settings, room form with an error');
      await page.getByRole('radio', { name: 'Custom server' }).check();
      await check('settings, custom site');
    }
  }, 60_000);
});
