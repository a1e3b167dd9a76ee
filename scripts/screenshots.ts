/**
 * `npm run screenshots [-- --out <dir>]`: the README pictures (docs/screenshots/*.png), taken in
 * Chromium (playwright-core) from the browser preview — the built renderer over the real core
 * handlers, against the simulator. Run it after a UI change and commit the pictures that
 * changed. `npm test` never writes them: a test run must leave the checkout as it found it.
 *
 * The pages are driven with the browser suite's own helpers (paste, waits), so a picture shows
 * what the tests check. Each picture is taken on Huawei's mainland site: the simulator's random
 * port then stays out of it, and a picture changes only when the UI does. Chinese text needs a
 * CJK font (`apt-get install -y fonts-noto-cjk`). `--out` writes elsewhere (to compare first).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { InvokeChannel } from '../shared/ipc-channels';
import { writeFakeCamera } from '../tests/helpers/fake-camera';
import { qrPng, tempDir } from '../tests/helpers/qr-images';
import { launchBrowser as launch } from '../tests/browser/support/chromium';
import { inviteButton, waitForRole } from '../tests/browser/support/expect-ui';
import { INVITATION_ZH, qrImage } from '../tests/browser/support/images';
import { openApp, paste } from '../tests/browser/support/page';
import { startPreview, type PreviewHandle } from './preview/server';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The main window's size in the app, and room mode's usual full-HD-ish screen. */
const WINDOW = { width: 480, height: 640 } as const;
const ROOM_SCREEN = { width: 1280, height: 720 } as const;
const ROOM_MEETING = '会议ID：914 083 136 来宾密码：123123';

interface Shot {
  file: string;
  context?: BrowserContextOptions;
  /** Shows Chinese text: needs a CJK font. */
  chinese?: boolean;
  /** Brings the page (opened on the main window) to the state pictured. */
  build(page: Page, preview: PreviewHandle): Promise<void>;
}

/** Switches to Huawei's mainland site through main, as Settings would, and waits for the page to show it. */
async function mainlandSite(page: Page, preview: PreviewHandle, where: string): Promise<void> {
  await preview.invoke(InvokeChannel.updateSettings, { site: 'cn' });
  await page.locator(where, { hasText: /Chinese mainland|中国大陆/u }).waitFor();
}

/** The fixture meeting pasted as a QR image and invited: the "calling" outcome. */
async function calling(page: Page, preview: PreviewHandle, invite: 'Invite' | '邀请', status: string): Promise<void> {
  await paste(page, await qrImage(INVITATION_ZH, 'png'));
  await inviteButton(page, invite).click();
  await waitForRole(page, 'status', status);
  await mainlandSite(page, preview, '.site');
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Settings|设置)$/u }).click();
  await page.getByRole('heading', { level: 2, name: /^(Settings|设置)$/u }).waitFor();
}

const WINDOW_SHOTS: Shot[] = [
  { file: 'main-light.png', build: (page, preview) => calling(page, preview, 'Invite', 'Calling Room A…') },
  {
    file: 'main-dark.png',
    context: { colorScheme: 'dark' },
    build: (page, preview) => calling(page, preview, 'Invite', 'Calling Room A…'),
  },
  {
    file: 'main-zh.png',
    chinese: true,
    async build(page, preview) {
      await openSettings(page);
      await page.getByLabel('App language').selectOption('zh-CN');
      await page.getByRole('heading', { level: 2, name: '设置' }).waitFor();
      await page.getByRole('button', { name: '返回' }).click();
      await calling(page, preview, '邀请', '正在呼叫 Room A…');
    },
  },
  {
    file: 'settings.png',
    async build(page, preview) {
      await calling(page, preview, 'Invite', 'Calling Room A…');
      const board = { id: 'board', name: 'Board room', callNum: '+99111253020382687', orgId: '115489', numberType: 0 };
      await preview.invoke(InvokeChannel.updateSettings, { rooms: [...preview.store().read().rooms, board] });
      await openSettings(page);
      await page.getByRole('radio', { name: /Board room/u }).waitFor();
    },
  },
];

async function take(page: Page, file: string): Promise<void> {
  await page.mouse.move(0, 0); // no hover colour in the picture
  await page.screenshot({ path: file });
  console.log(`screenshots: ${file.startsWith(REPO_ROOT + path.sep) ? path.relative(REPO_ROOT, file) : file}`);
}

/**
 * Whether fontconfig knows a Chinese font; `undefined` when it cannot be asked (no fc-list).
 * Without one the Chinese picture would show boxes instead of characters, so it is not taken.
 */
function hasCjkFont(): boolean | undefined {
  const result = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout.trim() !== '';
}

async function windowShots(preview: PreviewHandle, outDir: string): Promise<void> {
  const cjk = hasCjkFont();
  if (cjk === undefined)
    console.warn('screenshots: cannot tell whether a Chinese font is installed (no fc-list); check main-zh.png before committing it.');
  const browser = await launch();
  try {
    for (const shot of WINDOW_SHOTS) {
      if (shot.chinese && cjk === false) {
        console.warn(`screenshots: skipped ${shot.file}: no Chinese font (apt-get install -y fonts-noto-cjk).`);
        continue;
      }
      preview.reset();
      const context = await browser.newContext({ viewport: WINDOW, locale: 'en-US', ...shot.context });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await openApp(page, preview.url);
      await shot.build(page, preview);
      await take(page, path.join(outDir, shot.file));
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

/** Room mode: Chromium's camera is a `.y4m` video of the meeting's QR code (a launch flag). */
async function roomShot(preview: PreviewHandle, outDir: string): Promise<void> {
  const dir = tempDir('qrri-screenshots-');
  const video = await writeFakeCamera(
    path.join(dir, 'meeting.y4m'),
    [{ image: await qrPng(ROOM_MEETING), frames: 10 }],
    ROOM_SCREEN.width,
    ROOM_SCREEN.height,
    30,
  );
  const browser = await launch([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
  try {
    preview.reset();
    const context = await browser.newContext({ viewport: ROOM_SCREEN, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    // A fixed clock: the footer's "Last invite" time is the same in every picture.
    await page.clock.setFixedTime(new Date('2026-03-02T09:30:00+08:00'));
    await page.goto(`${preview.url}?mode=room`);
    await page.locator('.room-view').waitFor();
    await waitForRole(page, 'status', 'Calling Room A…');
    await mainlandSite(page, preview, '.room-footer');
    // The picture shows the code outlined where the camera sees it (drawn once a frame is read).
    await page.locator('.room-overlay polygon').first().waitFor();
    await take(page, path.join(outDir, 'room-mode.png'));
    await context.close();
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true });
  const outDir = path.resolve(values.out ?? path.join(REPO_ROOT, 'docs/screenshots'));
  mkdirSync(outDir, { recursive: true });
  const preview = await startPreview({ invitesPerMinute: 1000, platform: 'linux' });
  try {
    await windowShots(preview, outDir);
    await roomShot(preview, outDir);
  } finally {
    await preview.close();
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
