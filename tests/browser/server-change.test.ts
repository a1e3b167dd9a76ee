/**
 * The renderer cannot move invites (and their passwords) to another server by itself (security
 * review, finding 2): a change of the base URL in Settings goes through main's confirmation (the
 * app's native dialog; the preview records it and answers as a test tells it). Cancelled, the
 * settings stay and the window says why.
 */
import { expect, it } from 'vitest';
import { describeBrowser } from './support/browser';
import { waitForRole } from './support/expect-ui';
import { POLL, useBrowserSuite } from './support/suite';

describeBrowser('changing the meeting server', () => {
  const t = useBrowserSuite();

  it('asks main to confirm a new base URL; cancelled, nothing changes and the window says so', async () => {
    const { page, preview } = t;
    preview.fakes().confirmServerChange = false;
    preview.command({ command: 'open-settings' });
    await waitForRole(page, 'heading', 'Settings');
    const url = page.getByLabel('Base URL');
    await url.fill('https://attacker.example');
    await url.press('Tab');
    await waitForRole(page, 'alert', 'The server settings were not changed.');
    expect(preview.store().read().customBaseUrl).toBe(preview.sim.url);
    expect(preview.fakes().serverChanges).toEqual([
      {
        from: expect.objectContaining({ customBaseUrl: preview.sim.url }) as unknown,
        to: expect.objectContaining({ customBaseUrl: 'https://attacker.example' }) as unknown,
      },
    ]);

    preview.fakes().confirmServerChange = true;
    await url.fill('https://meeting-proxy.example');
    await url.press('Tab');
    await expect.poll(() => preview.store().read().customBaseUrl, POLL).toBe('https://meeting-proxy.example');
    expect(preview.fakes().serverChanges).toHaveLength(2);
  });
});
