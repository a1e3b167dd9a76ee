/**
 * One preview server and one Chromium per test file; a fresh preview state (settings with the
 * fixture room, simulator record, fakes) and a fresh browser context for every test.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startPreview, type PreviewHandle, type PreviewOptions } from '../../../scripts/preview/server';
import { launchBrowser } from './browser';
import { openApp } from './page';

export const WINDOW = { width: 480, height: 640 } as const;

/** For `expect.poll` on what main recorded: its 1 s default is short for a busy CI machine. */
export const POLL = { timeout: 10_000, interval: 50 } as const;

export interface BrowserSuite {
  readonly preview: PreviewHandle;
  readonly page: Page;
  /** Another context (dark theme, other locale…) whose page is opened on the app. */
  openPage(options?: BrowserContextOptions): Promise<Page>;
}

export function useBrowserSuite(options: PreviewOptions = {}): BrowserSuite {
  let preview: PreviewHandle | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const contexts: BrowserContext[] = [];

  async function openPage(contextOptions: BrowserContextOptions = {}): Promise<Page> {
    if (!browser || !preview) throw new Error('browser suite not started');
    const context = await browser.newContext({ viewport: WINDOW, locale: 'en-US', ...contextOptions });
    contexts.push(context);
    const opened = await context.newPage();
    opened.setDefaultTimeout(15_000);
    opened.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
    await openApp(opened, preview.url);
    return opened;
  }

  beforeAll(async () => {
    [preview, browser] = await Promise.all([startPreview({ invitesPerMinute: 1000, platform: 'linux', ...options }), launchBrowser()]);
  });
  beforeEach(async () => {
    preview?.reset();
    page = await openPage();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  return {
    get preview() {
      if (!preview) throw new Error('preview not started');
      return preview;
    },
    get page() {
      if (!page) throw new Error('page not opened');
      return page;
    },
    openPage,
  };
}
