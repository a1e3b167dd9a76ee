/**
 * A code or link naming a stranger's terminal "Room A" (security review, finding 1): the window
 * never shows a code's name as one of your rooms, warns "Unknown terminal … — not one of your
 * rooms", preselects no meeting, and invites only after the meeting is chosen and the number
 * confirmed; a tray scan of such a code never invites by itself. Main refuses it too.
 */
import { expect, it } from 'vitest';
import { InvokeChannel } from '../../shared/ipc';
import { FIXTURE_MEETING_ID, FIXTURE_TERMINAL } from '../../simulator/fixture';
import { seriousViolations } from './support/axe';
import { describeBrowser } from './support/browser';
import { inviteButton, visibleText, waitForRole, waitForText } from './support/expect-ui';
import { paste } from './support/page';
import { POLL, useBrowserSuite } from './support/suite';

const STRANGER = '+99900012345';
const STRANGER_SHOWN = '+999 0001 2345';
const SPOOF_LINK = `qr-room-invite://v1?terminal=%2B99900012345&name=Room+A`;
const WARNING = `Unknown terminal ${STRANGER_SHOWN} — not one of your rooms`;

describeBrowser('a terminal that is not one of your rooms', () => {
  const t = useBrowserSuite();

  async function withRememberedMeeting(): Promise<void> {
    await t.preview.store().recordMeeting({ id: FIXTURE_MEETING_ID, password: '123123', label: 'Weekly sync' });
    await t.page.reload();
    await t.page.locator('.dropzone').waitFor();
  }

  it('a link calling a stranger "Room A" is shown as an unknown terminal, and invites only after choosing the meeting and confirming the number', async () => {
    const { page, preview } = t;
    await withRememberedMeeting();
    preview.openPayload(SPOOF_LINK);
    await waitForText(page, WARNING);
    const shown = await visibleText(page);
    expect(shown).not.toContain('Room A');
    // No meeting preselected, not even the remembered one.
    const meeting = page.getByLabel('Into meeting');
    expect(await meeting.locator('option:checked').textContent()).toBe('Choose a meeting…');
    const button = inviteButton(page);
    expect(await button.textContent()).toBe(`Invite ${STRANGER_SHOWN}`);

    await button.click();
    await waitForText(page, 'Choose the meeting to invite this terminal into.');
    await meeting.selectOption(FIXTURE_MEETING_ID);
    await button.click();
    await waitForText(page, 'Tick the box to confirm that this terminal may join.');
    expect(preview.sim.invites()).toHaveLength(0);

    await page.getByLabel(`Yes, invite ${STRANGER_SHOWN} into this meeting`).check();
    await button.click();
    await expect.poll(() => preview.sim.invites().length, POLL).toBe(1);
    expect(preview.sim.invites()[0]?.body).toMatchObject({ callNum: STRANGER, confID: FIXTURE_MEETING_ID });
  });

  it('a configured room’s number under another name shows the configured name, without a warning', async () => {
    const { page } = t;
    await withRememberedMeeting();
    await paste(page, `qr-room-invite://v1?terminal=${encodeURIComponent(FIXTURE_TERMINAL)}&name=CEO+office`);
    await waitForText(page, 'Room terminal');
    const shown = await visibleText(page);
    expect(shown).toContain('Room A');
    expect(shown).not.toContain('CEO office');
    expect(shown).not.toContain('not one of your rooms');
    expect(await inviteButton(page).textContent()).toBe('Invite Room A');
  });

  it('with "Ask before inviting" off, a tray scan of an unknown terminal waits for a click', async () => {
    const { page, preview } = t;
    preview.store().update({ confirmBeforeInvite: false });
    await withRememberedMeeting();
    preview.setClipboard({ kind: 'text', text: SPOOF_LINK });
    preview.command({ command: 'clipboard' });
    await waitForText(page, WARNING);
    await expect.poll(() => preview.fakes().windowShown, POLL).toBeGreaterThan(0);
    expect(preview.sim.invites()).toHaveLength(0);
    expect(preview.notifications()).toEqual([]);
  });

  it('main refuses an unknown terminal without the window’s confirmation (the renderer alone cannot)', async () => {
    const { preview } = t;
    await preview.store().recordMeeting({ id: FIXTURE_MEETING_ID, password: '123123' });
    for (const request of [
      { meeting: { id: FIXTURE_MEETING_ID }, terminal: { callNum: STRANGER, name: 'Room A' } },
      {
        meeting: { id: FIXTURE_MEETING_ID },
        terminal: { callNum: STRANGER },
        origin: 'tray' as const,
        unknownTerminal: { confirmedCallNum: STRANGER, confirmedMeetingId: FIXTURE_MEETING_ID },
      },
      {
        meeting: { id: FIXTURE_MEETING_ID },
        terminal: { callNum: STRANGER },
        unknownTerminal: { confirmedCallNum: '+99900012346', confirmedMeetingId: FIXTURE_MEETING_ID },
      },
    ]) {
      expect(await preview.invoke(InvokeChannel.invite, request)).toMatchObject({
        ok: false,
        error: { code: 'QRRI.UNKNOWN_TERMINAL_NOT_CONFIRMED' },
      });
    }
    expect(preview.sim.invites()).toHaveLength(0);
  });

  it('has no serious accessibility violation in the warning state (light and dark)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await t.openPage({ colorScheme });
      await paste(page, SPOOF_LINK);
      await waitForText(page, WARNING);
      await inviteButton(page).click();
      await waitForRole(page, 'button', `Invite ${STRANGER_SHOWN}`);
      expect(await seriousViolations(page), colorScheme).toEqual([]);
    }
  });
});
