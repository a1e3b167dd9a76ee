/**
 * The call status in the window, through the browser preview and the simulator (docs/api.md,
 * "After the invite"): with the host password typed under the meeting the outcome follows the
 * call to "Room A joined the meeting" and "Hang up" ends it; a busy room is an alert saying so.
 */
import { expect, it } from 'vitest';
import { InvokeChannel } from '../../shared/ipc';
import { TERMINAL_BUSY } from '../../simulator/calls';
import {
  FIXTURE_GUEST_PASSWORD,
  FIXTURE_HOST_PASSWORD,
  FIXTURE_MEETING_ID,
  FIXTURE_ORG_ID,
  FIXTURE_TERMINAL,
} from '../../simulator/fixture';
import type { PreviewHandle } from '../../scripts/preview/server';
import { describeBrowser } from './support/browser';
import { inviteButton, waitForRole, waitForText } from './support/expect-ui';
import { INVITATION_ZH } from './support/images';
import { seriousViolations } from './support/axe';
import { paste } from './support/page';
import { useBrowserSuite } from './support/suite';

/** The fixture meeting read by room mode's camera (main's invite channel, as the renderer sends it): whether main accepted it. */
async function cameraInvite(preview: PreviewHandle, hostPassword?: string): Promise<boolean> {
  const meeting = { id: FIXTURE_MEETING_ID, password: FIXTURE_GUEST_PASSWORD };
  const answer = await preview.invoke(InvokeChannel.invite, { meeting, ...(hostPassword ? { hostPassword } : {}), origin: 'camera' });
  return answer.ok;
}

describeBrowser('main window: the call after the invite', () => {
  const t = useBrowserSuite();

  it('follows the call to "joined" with the host password, and hangs the room up from the window', async () => {
    const { page } = t;
    await paste(page, INVITATION_ZH);
    await waitForText(page, '914 083 136');
    await page.getByLabel('Host password (optional: confirm and hang up)').fill(FIXTURE_HOST_PASSWORD);
    await inviteButton(page).click();
    await waitForRole(page, 'status', 'Room A joined the meeting');
    expect(await page.content()).not.toContain(FIXTURE_HOST_PASSWORD);
    await page.getByRole('button', { name: 'Hang up' }).click();
    await waitForRole(page, 'status', 'Room A left the meeting — hung up');
    expect(t.preview.sim.hangUps()).toMatchObject([{ phone: FIXTURE_TERMINAL }]);
    // "Remember passwords" is on: main kept the accepted host password; the window only learns that.
    await page.reload();
    await paste(page, INVITATION_ZH);
    await waitForText(page, 'The host password of this meeting is remembered. Leave this empty to use it.');
    expect(await page.getByLabel('Host password (optional: confirm and hang up)').inputValue()).toBe('');
    expect(await page.content()).not.toContain(FIXTURE_HOST_PASSWORD);
    t.preview.sim.control.reset();
  });

  it('without a status source says once, plainly, that the join cannot be confirmed', async () => {
    const { page } = t;
    await paste(page, INVITATION_ZH);
    await waitForText(page, '914 083 136');
    await inviteButton(page).click();
    await waitForRole(
      page,
      'status',
      'Call placed. Whether Room A joined cannot be confirmed without the host password or an enterprise App ID.',
    );
    await waitForRole(page, 'status', 'Calling Room A…');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(Object.fromEntries(t.preview.sim.control.callCounts)).toEqual({});
  });

  it('says "Room B did not join — busy" as an alert with what to do', async () => {
    const { page } = t;
    t.preview
      .store()
      .update({ rooms: [{ id: 'room-b', name: 'Room B', callNum: TERMINAL_BUSY, orgId: FIXTURE_ORG_ID }], selectedRoomId: 'room-b' });
    await page.reload();
    await paste(page, INVITATION_ZH);
    await waitForText(page, '914 083 136');
    await page.getByLabel('Host password (optional: confirm and hang up)').fill(FIXTURE_HOST_PASSWORD);
    await inviteButton(page).click();
    await waitForRole(page, 'alert', 'Room B did not join — busy');
    await waitForText(page, 'The room is in another call');
    t.preview.sim.control.reset();
  });

  it('Settings › Enterprise App ID: the key is write-only, Test connection says OK or why not (axe clean, en and zh-CN)', async () => {
    const { page, preview } = t;
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 2, name: 'Enterprise App ID' }).waitFor();
    await page.getByLabel('App ID', { exact: true }).fill(preview.sim.app.appId);
    await page.getByLabel('App ID', { exact: true }).press('Tab');
    await page.getByLabel('App Key').fill('not-the-key');
    await page.getByRole('button', { name: 'Save App Key' }).click();
    await waitForText(page, 'Saved, protected by a key file.');
    expect(await page.getByLabel('App Key').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await waitForRole(page, 'alert', 'App ID authentication failed: the App ID or App Key is wrong.');
    await page.getByLabel('App Key').fill(preview.sim.app.appKey);
    await page.getByRole('button', { name: 'Save App Key' }).click();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await waitForRole(page, 'status', 'Connected: the App ID and App Key are accepted.');
    expect(await page.content()).not.toContain(preview.sim.app.appKey);
    expect(await seriousViolations(page)).toEqual([]);

    preview.store().update({ language: 'zh-CN' });
    const zh = await t.openPage();
    await zh.getByRole('button', { name: '设置' }).click();
    await zh.getByRole('heading', { level: 2, name: '企业 App ID' }).waitFor();
    await waitForText(zh, '已保存，由密钥文件保护。');
    expect(await seriousViolations(zh)).toEqual([]);
  });

  it('room mode: the call in large type, "End call" after a confirmation, then back to the room view', async () => {
    const { page, preview } = t;
    // An App ID follows a camera invite (a guest code carries no host password).
    preview.store().update({ appId: preview.sim.app.appId });
    expect((await preview.invoke(InvokeChannel.saveAppKey, { appKey: preview.sim.app.appKey })).ok).toBe(true);
    await page.goto(`${preview.url}?mode=room`);
    await page.getByRole('heading', { level: 1, name: 'Room A' }).waitFor();
    expect(await cameraInvite(preview)).toBe(true);
    await waitForRole(page, 'status', 'Room A joined the meeting');
    // The small status line for whoever looks after the room says it too, and keeps it.
    const statusLine = page.locator('footer.room-footer');
    await statusLine.getByText('Room A joined the meeting').waitFor();
    await page.getByRole('button', { name: 'End call' }).click();
    await waitForText(page, 'End Room A’s call?');
    expect(preview.sim.hangUps()).toHaveLength(0);
    await page.getByRole('button', { name: 'Yes, end the call' }).click();
    await waitForRole(page, 'status', 'Room A left the meeting — hung up');
    expect(preview.sim.hangUps()).toMatchObject([{ phone: FIXTURE_TERMINAL }]);
    expect(await seriousViolations(page)).toEqual([]);
    // Nobody has to clear a room PC's screen: the sentence goes by itself.
    await page.getByRole('status').getByText('Room A left the meeting — hung up').waitFor({ state: 'hidden', timeout: 15_000 });
    expect(await statusLine.getByText('Room A left the meeting — hung up').isVisible()).toBe(true);
    preview.sim.control.reset();
  });

  it('room mode\'s status line: not confirmed without a source, then "did not join — busy" with its code (en, zh-CN; axe clean)', async () => {
    const { page, preview } = t;
    await page.goto(`${preview.url}?mode=room`);
    await page.getByRole('heading', { level: 1, name: 'Room A' }).waitFor();
    const statusLine = page.locator('footer.room-footer');
    expect(await statusLine.innerText()).toContain('Call:\nnone');
    expect(await cameraInvite(preview)).toBe(true);
    await statusLine.getByText('Room A: joining not confirmed — no host password or App ID').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // On a 1280×720 room screen nothing in the side column runs over the status line (the room's own code once did).
    await page.setViewportSize({ width: 1280, height: 720 });
    const lineTop = (await statusLine.boundingBox())?.y ?? 0;
    const bottoms: number[] = [];
    for (const card of await page.locator('.room-side > *:visible').all()) {
      const box = await card.boundingBox();
      bottoms.push(box ? box.y + box.height : Infinity);
    }
    expect(bottoms.length).toBeGreaterThan(1);
    expect(Math.max(...bottoms)).toBeLessThanOrEqual(lineTop);

    preview.store().update({
      language: 'zh-CN',
      rooms: [{ id: 'room-b', name: 'Room B', callNum: TERMINAL_BUSY, orgId: FIXTURE_ORG_ID }],
      selectedRoomId: 'room-b',
    });
    await page.goto(`${preview.url}?mode=room`);
    await page.getByRole('heading', { level: 1, name: 'Room B' }).waitFor();
    const zhLine = page.locator('footer.room-footer');
    expect(await cameraInvite(preview, FIXTURE_HOST_PASSWORD)).toBe(true);
    await zhLine.getByText('Room B 未入会 — 忙线').waitFor();
    expect(await zhLine.innerText()).toContain('CALL.11076001');
    expect(await page.content()).not.toContain(FIXTURE_HOST_PASSWORD);
    expect(await seriousViolations(page)).toEqual([]);
    preview.sim.control.reset();
  });
});
