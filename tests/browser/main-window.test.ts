/**
 * The paste-to-join window end to end in Chromium, through the browser preview: every way in
 * (paste, drop, open, text, screen capture), the invite against the simulator, and every way
 * it can go wrong — each with a clear message and nothing sent.
 */
import { expect, it } from 'vitest';
import { FIXTURE_MEETING_ID } from '../../simulator/fixture';
import { describeBrowser } from './support/browser';
import { inviteButton, visibleText, waitForRole, waitForText } from './support/expect-ui';
import {
  CLOUDLINK,
  INVITATION_ZH,
  WEB_LINK_NO_PASSWORD,
  largeImageWithSmallCode,
  noCodePicture,
  pngClaiming,
  qrImage,
  qrSheet,
} from './support/images';
import type { InPage } from './support/in-page';
import { expectOneInvite } from './support/invites';
import { drop, openFile, paste, tempFile } from './support/page';
import { useBrowserSuite } from './support/suite';

const MEETING_SHOWN = '914 083 136';

describeBrowser('main window: reading codes and inviting', () => {
  const t = useBrowserSuite();

  it('scans the screen, shows the meeting with the password masked, invites the room once and announces it', async () => {
    const { page } = t;
    await waitForText(page, 'Selected room: Room A');
    await page.getByRole('button', { name: 'Scan screen' }).click();
    await waitForText(page, MEETING_SHOWN);
    expect(await visibleText(page)).not.toContain('123123');
    expect(await page.locator('.secret').textContent()).toMatch(/^•+$/u);
    await page.getByRole('button', { name: 'Show password' }).click();
    expect(await page.locator('.secret').textContent()).toBe('123123');
    await page.getByRole('button', { name: 'Hide password' }).click();
    expect(t.preview.sim.invites()).toHaveLength(0);

    await inviteButton(page).click();
    await waitForRole(page, 'status', 'Calling Room A…');
    expectOneInvite(t.preview.sim);
  });

  it('reads a pasted PNG (a paste event carrying a file) and invites', async () => {
    const { page } = t;
    await paste(page, await qrImage(INVITATION_ZH, 'png'));
    await waitForText(page, MEETING_SHOWN);
    expect(await inviteButton(page).textContent()).toBe('Invite Room A');
    await inviteButton(page).click();
    await waitForRole(page, 'status', 'Calling Room A…');
    expectOneInvite(t.preview.sim);
  });

  it('keeps a paste that arrives while the window is still starting (before the settings came back)', async () => {
    const { page } = t;
    // At DOMContentLoaded the app's module has run up to its first await (the settings call): the
    // paste lands while nothing of the UI exists yet.
    await page.addInitScript((text: string) => {
      const w = globalThis as unknown as InPage & { addEventListener(type: string, listener: () => void): void };
      w.addEventListener('DOMContentLoaded', () => {
        const clipboardData = new w.DataTransfer();
        clipboardData.setData('text/plain', text);
        w.document.body.dispatchEvent(new w.ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
      });
    }, INVITATION_ZH);
    await page.reload();
    await waitForText(page, MEETING_SHOWN);
    expect(t.preview.sim.invites()).toHaveLength(0);
  });

  it('reads a dropped file', async () => {
    const { page } = t;
    await drop(page, await qrImage(CLOUDLINK, 'png'), 'meeting.png');
    await waitForText(page, MEETING_SHOWN);
    // The client link names Huawei's mainland site, while the preview calls the simulator: said plainly.
    await waitForText(page, 'The code names the Chinese mainland site.');
  });

  it('opens JPEG, WebP, GIF and BMP files with "Open image"', async () => {
    const { page } = t;
    for (const format of ['jpeg', 'webp', 'gif', 'bmp'] as const) {
      await openFile(page, tempFile(`meeting.${format}`, await qrImage(INVITATION_ZH, format)));
      await waitForText(page, MEETING_SHOWN);
      await page.getByRole('button', { name: 'Clear' }).click();
      await page.getByText(MEETING_SHOWN).waitFor({ state: 'detached' });
    }
    expect(t.preview.sim.invites()).toHaveLength(0);
  });

  it('reads pasted invitation text like a QR code', async () => {
    const { page } = t;
    await paste(page, INVITATION_ZH);
    await waitForText(page, MEETING_SHOWN);
    await inviteButton(page).click();
    await waitForRole(page, 'status', 'Calling Room A…');
    expectOneInvite(t.preview.sim);
  });

  it('finds a small code in a large photo (downscaled, then read tile by tile)', async () => {
    const { page } = t;
    await openFile(page, tempFile('photo.png', await largeImageWithSmallCode(INVITATION_ZH, 6000, 4000)));
    // A 24-megapixel picture read tile by tile: allow for a busy CI machine.
    await page.getByText(MEETING_SHOWN).first().waitFor({ timeout: 45_000 });
  }, 60_000);

  it('asks for a missing password in place; a wrong one gets the catalogue alert with 111072065, a right one is remembered', async () => {
    const { page } = t;
    await paste(page, WEB_LINK_NO_PASSWORD);
    await waitForText(page, 'Not in the code');
    const password = page.getByLabel('Meeting password');
    await inviteButton(page).click();
    await waitForText(page, 'Required.');
    expect(t.preview.sim.invites()).toHaveLength(0);

    await password.fill('000000');
    await inviteButton(page).click();
    const alert = await waitForRole(page, 'alert', '111072065');
    expect(await alert.textContent()).toContain('Meeting not found, or the password is wrong.');
    await alert.getByText('Details').click();
    expect(await alert.innerText()).toMatch(/HTTP status\s+401/u);
    expect(await alert.innerText()).toMatch(/Request ID\s+\S+/u);

    await password.fill('123123');
    expect(await page.getByLabel('Remember for this meeting').isChecked()).toBe(true);
    await inviteButton(page).click();
    await waitForRole(page, 'status', 'Calling Room A…');
    expect(t.preview.sim.invites().map((i) => i.outcome)).toEqual([401, 200]);
    expect(t.preview.store().read().recentMeetings[0]).toMatchObject({
      id: FIXTURE_MEETING_ID,
      passwordCipher: expect.any(String) as string,
    });
  });

  it('explains the admin switch when the enterprise has it off, and Retry works once it is on', async () => {
    const { page, preview } = t;
    preview.sim.setAdminSwitch(false);
    await paste(page, INVITATION_ZH);
    await inviteButton(page).click();
    const alert = await waitForRole(page, 'alert', 'does not allow inviting meeting-room terminals');
    expect(await alert.textContent()).toContain('Scan guest QR code to join meetings using hard terminal');
    preview.sim.setAdminSwitch(true);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await waitForRole(page, 'status', 'Calling Room A…');
    expect(preview.sim.invites().map((i) => i.outcome)).toEqual([403, 200]);
  });

  it('says "outcome unknown" plainly when the server never answers, and offers no Retry', async () => {
    const { page, preview } = t;
    preview.store().update({ requestTimeoutSeconds: 3 });
    preview.sim.setFaults({ queue: [{ kind: 'hang' }] });
    await paste(page, INVITATION_ZH);
    await inviteButton(page).click();
    const alert = await waitForRole(page, 'alert', 'Outcome unknown');
    expect(await alert.textContent()).toContain('the room may already be being called');
    expect(await alert.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    expect(preview.sim.invites()).toHaveLength(1);
  });

  it('refuses an unrelated QR code naming its host, and sends nothing', async () => {
    const { page } = t;
    await paste(page, await qrImage('https://example.com/menu', 'png'));
    const alert = await waitForRole(page, 'alert', 'This QR code is not a meeting');
    expect(await alert.textContent()).toContain('example.com');
    expect(await inviteButton(page).count()).toBe(0);
    expect(t.preview.sim.invites()).toHaveLength(0);
  });

  it('says so when a picture has no QR code, or a file is not an image, and sends nothing', async () => {
    const { page } = t;
    await paste(page, await noCodePicture());
    await waitForRole(page, 'alert', 'No QR code found');
    await drop(page, Buffer.from('Meeting notes, not a picture'), 'notes.png', 'image/png');
    await waitForRole(page, 'alert', 'This file is not an image');
    expect(await inviteButton(page).count()).toBe(0);
    expect(t.preview.sim.invites()).toHaveLength(0);
  });

  it('refuses a 12,000 × 12,000 PNG from its header, and a 31 MB file from its size', async () => {
    const { page } = t;
    await openFile(page, tempFile('giant.png', pngClaiming(12_000, 12_000)));
    await waitForRole(page, 'alert', '12000 × 12000 pixels');
    await page.evaluate(() => {
      const w = globalThis as unknown as InPage;
      const dt = new w.DataTransfer();
      dt.items.add(new w.File([new Uint8Array(31 * 1024 * 1024)], 'huge.png', { type: 'image/png' }));
      w.document.body.dispatchEvent(new w.ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await waitForRole(page, 'alert', 'The file is too large (31.0 MB)');
    expect(t.preview.sim.invites()).toHaveLength(0);
  });

  it('lets the person choose when one picture holds several codes', async () => {
    const { page } = t;
    await paste(page, await qrSheet(['会议ID：914 083 136 来宾密码：123123', 'sip:+99111253020382687', 'https://example.com/']));
    await waitForText(page, '2 QR codes found — choose one');
    expect(await inviteButton(page).count()).toBe(0);
    await page.getByRole('radio', { name: /Meeting 914 083 136/u }).check();
    await inviteButton(page).click();
    await waitForRole(page, 'status', 'Calling Room A…');
    expectOneInvite(t.preview.sim);
  });

  it('invites a terminal that is not one of the rooms from its own code into a meeting typed in, once the number is confirmed', async () => {
    const { page } = t;
    await paste(page, 'qr-room-invite://v1?terminal=%2B99111253020382687&org=115489&name=Room+B');
    await waitForText(page, 'Room terminal');
    await page.getByLabel('Meeting ID').fill('914-083-136');
    await page.getByLabel('Meeting password').fill('123123');
    await page.getByLabel('Yes, invite +991 1125 3020 3826 87 into this meeting').check();
    await inviteButton(page).click();
    await waitForRole(page, 'status', 'Calling +991 1125 3020 3826 87…');
    expectOneInvite(t.preview.sim, '+99111253020382687');
  });

  it('invites a configured room read from its code into the latest meeting, whose password is remembered', async () => {
    const { page, preview } = t;
    preview.store().update({ rooms: [...preview.store().read().rooms, { id: 'room-b', name: 'Room B', callNum: '+99111253020382687' }] });
    await preview.store().recordMeeting({ id: FIXTURE_MEETING_ID, password: '123123', label: 'Weekly sync' });
    await page.reload();
    await page.locator('.dropzone').waitFor();
    await paste(page, 'sip:+99111253020382687');
    const meeting = page.getByLabel('Into meeting');
    await meeting.waitFor();
    expect(await meeting.locator('option:checked').textContent()).toBe('Weekly sync (914 083 136)');
    expect(await page.getByLabel('Meeting password').isVisible()).toBe(false);
    await inviteButton(page).click();
    await waitForRole(page, 'status', 'Calling Room B…');
    expectOneInvite(t.preview.sim, '+99111253020382687', null);
  });
});
