/**
 * The window as the tray, the shortcut and links drive it — confirmation first unless the
 * person turned it off, a notification when nothing is found, links never invited without a
 * click — plus the README's sample images, keyboard-only use and the page's network limits.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { blankScreen, fixtureScreen } from '../../scripts/preview/fixture-screen';
import { SAMPLES, SAMPLES_DIR } from '../../scripts/preview/samples';
import { FIXTURE_MEETING_ID } from '../../simulator/fixture';
import { describeBrowser } from './support/browser';
import { inviteButton, waitForRole, waitForText } from './support/expect-ui';
import { INVITATION_ZH } from './support/images';
import type { InPage } from './support/in-page';
import { expectOneInvite } from './support/invites';
import { paste } from './support/page';
import { POLL, useBrowserSuite } from './support/suite';

const MEETING_SHOWN = '914 083 136';

describeBrowser('tray commands, links, samples and the keyboard', () => {
  const t = useBrowserSuite();

  it('tray "Scan screen" shows the meeting for confirmation (the default) and invites only on a click', async () => {
    const { page, preview } = t;
    preview.command({ command: 'scan-screen' });
    await waitForText(page, 'Found on the screen. Check it, then press Invite.');
    await expect.poll(() => preview.fakes().windowShown, POLL).toBe(1);
    expect(preview.sim.invites()).toHaveLength(0);
    await inviteButton(page).click();
    await waitForRole(page, 'status', 'Calling Room A…');
    expectOneInvite(t.preview.sim);
    expect(preview.notifications()).toEqual([]); // the window's own invites need no notification
  });

  it('tray "Scan screen" with confirmation off invites at once and notifies', async () => {
    const { page, preview } = t;
    preview.store().update({ confirmBeforeInvite: false });
    await page.reload();
    await page.locator('html[data-preview-bridge="open"]').waitFor({ state: 'attached' });
    await page.locator('.dropzone').waitFor();
    preview.command({ command: 'scan-screen' });
    await waitForRole(page, 'status', 'Calling Room A…');
    expectOneInvite(t.preview.sim);
    await expect.poll(() => preview.notifications().map((n) => n.title), POLL).toEqual(['Calling Room A…']);
  });

  it('tray commands: an empty screen and an empty clipboard notify "no QR code"; clipboard text is read; Settings… opens settings', async () => {
    const { page, preview } = t;
    preview.setScreens([blankScreen(), blankScreen()]);
    preview.command({ command: 'scan-screen' });
    await expect.poll(() => preview.notifications().map((n) => n.title), POLL).toEqual(['No QR code found']);
    preview.command({ command: 'clipboard' });
    await expect.poll(() => preview.notifications(), POLL).toHaveLength(2);

    preview.setClipboard({ kind: 'text', text: INVITATION_ZH });
    preview.command({ command: 'clipboard' });
    await waitForText(page, MEETING_SHOWN);
    preview.command({ command: 'open-settings' });
    await waitForRole(page, 'heading', 'Settings');
    expect(preview.sim.invites()).toHaveLength(0);
  });

  it('reads a code on a second screen of several', async () => {
    const { page, preview } = t;
    preview.setScreens([blankScreen(), fixtureScreen({ id: 'screen:1', x: 80, y: 700 })]);
    await page.getByRole('button', { name: 'Scan screen' }).click();
    await waitForText(page, MEETING_SHOWN);
  });

  it('shows a link opened from outside for confirmation and never invites without a click', async () => {
    const { page, preview } = t;
    preview.openPayload(`qr-room-invite://v1?meeting=${FIXTURE_MEETING_ID}&password=123123`);
    await waitForText(page, 'Opened from a link. Check it, then press Invite.');
    await waitForText(page, MEETING_SHOWN);
    expect(preview.sim.invites()).toHaveLength(0);
    await inviteButton(page).click();
    await waitForRole(page, 'status', 'Calling Room A…');
    expectOneInvite(t.preview.sim);
  });

  it('works with the keyboard alone, with a visible focus on every stop', async () => {
    const { page } = t;
    /** Tabs until the focused element's accessible text starts with `name`; checks the focus ring on the way. */
    async function tabTo(name: string): Promise<void> {
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const w = globalThis as unknown as InPage;
          const el = w.document.activeElement;
          const style = el ? w.getComputedStyle(el) : null;
          return {
            text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
            outline: style?.outlineStyle ?? 'none',
            width: style?.outlineWidth ?? '0px',
          };
        });
        expect(focused.outline, `focus ring on "${focused.text}"`).not.toBe('none');
        expect(focused.width).not.toBe('0px');
        if (focused.text.startsWith(name)) return;
      }
      throw new Error(`no focusable element named ${name}`);
    }
    await tabTo('Scan screen');
    await page.keyboard.press('Enter');
    await waitForText(page, MEETING_SHOWN);
    await tabTo('Show password');
    await page.keyboard.press('Space');
    expect(await page.locator('.secret').textContent()).toBe('123123');
    await tabTo('Invite');
    await page.keyboard.press('Enter');
    await waitForRole(page, 'status', 'Calling Room A…');
    expectOneInvite(t.preview.sim);
  });

  it('reads the README’s sample images as the README says', async () => {
    const { page, preview } = t;
    const sample = (file: string) => readFileSync(path.join(SAMPLES_DIR, file));
    expect(SAMPLES.map((s) => s.file).sort()).toEqual(readdirSync(SAMPLES_DIR).sort());
    await paste(page, sample('meeting-invitation.png'));
    await waitForText(page, MEETING_SHOWN);
    await paste(page, sample('meeting-link.png'));
    await page.getByLabel('Meeting password').waitFor();
    await paste(page, sample('room-b.png'));
    await waitForText(page, 'Unknown terminal +991 1125 3020 3826 87 — not one of your rooms');
    await paste(page, sample('not-a-meeting.png'));
    await waitForRole(page, 'alert', 'example.com');
    await paste(page, sample('several-codes.png'));
    await waitForText(page, '2 QR codes found — choose one');
    await paste(page, sample('blocked-room.png'));
    await page.getByLabel('Meeting ID').fill(FIXTURE_MEETING_ID);
    await page.getByLabel('Meeting password').fill('123123');
    await page.getByLabel(/^Yes, invite .* into this meeting$/u).check();
    await inviteButton(page).click();
    await waitForRole(page, 'alert', 'does not allow inviting meeting-room terminals');
    expect(preview.sim.invites().map((i) => i.errorCode)).toEqual(['MMC.111076022']);
  });

  it('lets the page reach nothing but its own preview server (CSP connect-src)', async () => {
    const result = await t.page.evaluate(
      async (url) =>
        fetch(url).then(
          () => 'reached',
          () => 'blocked',
        ),
      t.preview.sim.url,
    );
    expect(result).toBe('blocked');
  });
});
