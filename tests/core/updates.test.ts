/**
 * The update logic (core/updates) with electron-updater's own Linux updater against a local
 * HTTPS feed: what is offered, what is refused, when it asks again and when it installs.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createElectronUpdaterEngine } from '../../core/updates/electron-updater-engine';
import {
  CHECK_INTERVAL_MS,
  FIRST_CHECK_DELAY_MS,
  INSTALL_IDLE_SECONDS,
  INSTALL_POLL_MS,
  RETRY_BASE_MS,
  createUpdateController,
  ROOM_BUSY_MAX_MS,
  updateMustWait,
  type UpdateSettings,
  type UpdateState,
} from '../../core/updates/update-controller';
import { createLogger, type LogLevel } from '../../core/log';
import { InvokeChannel } from '../../shared/ipc';
import { SettingsPatchSchema } from '../../shared/settings';
import { testAppApi } from '../helpers/app-api';
import { closedPort, useSimulator } from '../helpers/simulator';
import { nodeUpdater, startUpdateFeed, type NodeUpdater, type UpdateFeed } from '../helpers/update-feed';

const RUNNING = '1.2.0';
const installer = Buffer.from('!<arch>\ndebian-binary   a stand-in installer\n');

/** Timers the test runs by hand, in order. */
function manualScheduler() {
  let now = Date.parse('2026-11-29T09:00:00Z');
  const pending: { at: number; ms: number; run: () => void; cancelled: boolean }[] = [];
  return {
    after(ms: number, run: () => void) {
      const timer = { at: now + ms, ms, run, cancelled: false };
      pending.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    now: () => now,
    /** Delays of the timers still waiting. */
    waiting: () => pending.filter((t) => !t.cancelled).map((t) => t.ms),
    /** Runs the next timer (advancing the clock to it). */
    runNext() {
      const next = pending.filter((t) => !t.cancelled).sort((a, b) => a.at - b.at)[0];
      if (!next) throw new Error('no timer waiting');
      next.cancelled = true;
      now = next.at;
      next.run();
    },
  };
}

let feed: UpdateFeed;
let node: NodeUpdater | undefined;
beforeAll(async () => {
  feed = await startUpdateFeed();
});
afterAll(async () => {
  await feed.close();
});
afterEach(() => {
  node?.dispose();
  node = undefined;
  feed.requests.length = 0;
});

function setup(settings: UpdateSettings, options: { busy?: () => boolean; idleSeconds?: () => number; running?: string } = {}) {
  const updater = nodeUpdater(options.running ?? RUNNING, feed.ca);
  node = updater;
  const engine = createElectronUpdaterEngine(updater.updater);
  const installs: string[] = [];
  const states: UpdateState[] = [];
  const logs: { level: LogLevel; message: string }[] = [];
  const scheduler = manualScheduler();
  const controller = createUpdateController({
    settings: () => settings,
    // The real install would run dpkg: recorded instead.
    engine: { ...engine, install: () => installs.push('install') },
    scheduler,
    idleSeconds: options.idleSeconds ?? (() => 0),
    busy: options.busy ?? (() => false),
    onState: (state) => states.push(state),
    logger: createLogger((level, message) => logs.push({ level, message })),
  });
  return { controller, scheduler, installs, states, logs, cacheDir: updater.cacheDir };
}

describe('update checks against a local HTTPS feed', () => {
  it('offers a newer version: downloads it (sha512 checked by electron-updater) and says "downloaded 1.3.0"', async () => {
    feed.publish({ version: '1.3.0', installer });
    const { controller, scheduler, states, cacheDir } = setup({ mode: 'notify', url: feed.url });
    controller.start();
    expect(scheduler.waiting()).toEqual([FIRST_CHECK_DELAY_MS]);
    expect(feed.requests).toEqual([]);
    scheduler.runNext();
    await expect.poll(() => controller.state().kind).toBe('downloaded');
    expect(controller.state()).toEqual({ kind: 'downloaded', version: '1.3.0' });
    expect(states.map((s) => s.kind)).toEqual(['checking', 'downloading', 'downloaded']);
    expect(feed.requests).toEqual(['/updates/latest-linux.yml', '/updates/qr-room-invite_1.3.0_amd64.deb']);
    expect(readFileSync(path.join(cacheDir, 'pending', 'qr-room-invite_1.3.0_amd64.deb'))).toEqual(installer);
    // Nothing more is asked while the downloaded version waits for "Restart to update".
    expect(scheduler.waiting()).toEqual([]);
    await controller.checkNow();
    expect(feed.requests).toHaveLength(2);
  });

  it.each([
    ['the same version', '1.2.0'],
    ['an older version (a downgrade)', '1.1.0'],
  ])('offers nothing when the feed has %s, and looks again after the regular interval', async (_name, version) => {
    feed.publish({ version, installer });
    const { controller, scheduler, cacheDir } = setup({ mode: 'notify', url: feed.url });
    expect((await controller.checkNow()).kind).toBe('up-to-date');
    expect(feed.requests).toEqual(['/updates/latest-linux.yml']);
    expect(existsSync(path.join(cacheDir, 'pending'))).toBe(false);
    expect(scheduler.waiting()).toEqual([CHECK_INTERVAL_MS]);
  });

  it('refuses and reports an installer whose sha512 does not match the feed, and tries again later', async () => {
    feed.publish({ version: '1.3.0', installer, sha512: Buffer.alloc(64, 7).toString('base64') });
    const { controller, scheduler, logs, cacheDir } = setup({ mode: 'install', url: feed.url });
    const state = await controller.checkNow();
    expect(state).toMatchObject({ kind: 'failed', reason: 'checksum', version: '1.3.0' });
    expect(logs).toContainEqual({ level: 'error', message: 'update refused' });
    expect(feed.requests).toEqual(['/updates/latest-linux.yml', '/updates/qr-room-invite_1.3.0_amd64.deb']);
    expect(scheduler.waiting()).toEqual([RETRY_BASE_MS]);
    // The corrupt file is not kept for installing.
    expect(existsSync(path.join(cacheDir, 'pending', 'qr-room-invite_1.3.0_amd64.deb'))).toBe(false);
  });

  it('stays quiet when the feed cannot be reached and retries with growing pauses', async () => {
    const { controller, scheduler, logs } = setup({ mode: 'notify', url: `https://127.0.0.1:${await closedPort()}/updates` });
    expect(await controller.checkNow()).toMatchObject({ kind: 'failed', reason: 'unreachable' });
    expect(scheduler.waiting()).toEqual([RETRY_BASE_MS]);
    scheduler.runNext();
    // electron-updater itself tries a refused connection for about 3 s before giving up.
    await expect.poll(() => scheduler.waiting(), { timeout: 10_000 }).toEqual([2 * RETRY_BASE_MS]);
    expect(controller.state()).toMatchObject({
      kind: 'failed',
      reason: 'unreachable',
      retryAt: new Date(scheduler.now() + 2 * RETRY_BASE_MS).toISOString(),
    });
    expect(logs.filter((l) => l.level !== 'info')).toEqual([]);
  });

  it('reports a feed URL without update files (404) as an error, not as a quiet outage', async () => {
    const { controller, logs } = setup({ mode: 'notify', url: `${feed.url}/nothing-here` });
    expect(await controller.checkNow()).toMatchObject({
      kind: 'failed',
      reason: 'other',
      message: expect.stringMatching(/404/u) as unknown,
    });
    expect(logs).toContainEqual({ level: 'error', message: 'update refused' });
  });

  it('makes no request at all when off', async () => {
    feed.publish({ version: '1.3.0', installer });
    const { controller, scheduler, states } = setup({ mode: 'off', url: feed.url });
    controller.start();
    expect(scheduler.waiting()).toEqual([]);
    expect(await controller.checkNow()).toEqual({ kind: 'off' });
    expect(states).toEqual([{ kind: 'off' }, { kind: 'off' }]);
    expect(feed.requests).toEqual([]);
  });

  it('refuses a feed over plain http (loopback aside) before any request, as the settings do', async () => {
    feed.publish({ version: '1.3.0', installer });
    const { controller, scheduler } = setup({ mode: 'notify', url: 'http://updates.example.com/qr-room-invite' });
    controller.start();
    expect(controller.state()).toMatchObject({ kind: 'refused-feed', reason: expect.stringMatching(/https/u) as unknown });
    expect(await controller.checkNow()).toMatchObject({ kind: 'refused-feed' });
    expect(scheduler.waiting()).toEqual([]);
    expect(feed.requests).toEqual([]);
    expect(SettingsPatchSchema.safeParse({ updates: { mode: 'notify', url: 'http://updates.example.com/' } }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ updates: { mode: 'install', url: 'https://updates.example.com/qrri' } }).success).toBe(true);
  });

  it('asks nothing without a feed URL', async () => {
    const { controller } = setup({ mode: 'notify' });
    expect(await controller.checkNow()).toEqual({ kind: 'no-feed' });
  });
});

describe('install mode (room PCs)', () => {
  it('installs a downloaded update only when the PC is idle and no call or countdown is going on', async () => {
    feed.publish({ version: '1.3.0', installer });
    let busy = true;
    let idle = INSTALL_IDLE_SECONDS;
    const { controller, scheduler, installs } = setup({ mode: 'install', url: feed.url }, { busy: () => busy, idleSeconds: () => idle });
    expect(await controller.checkNow()).toEqual({ kind: 'downloaded', version: '1.3.0' });
    expect(scheduler.waiting()).toEqual([INSTALL_POLL_MS]);
    scheduler.runNext();
    expect(installs).toEqual([]); // a call is going on
    busy = false;
    idle = INSTALL_IDLE_SECONDS - 1;
    scheduler.runNext();
    expect(installs).toEqual([]); // someone used the PC recently
    idle = INSTALL_IDLE_SECONDS;
    scheduler.runNext();
    expect(installs).toEqual(['install']);
    expect(controller.state()).toEqual({ kind: 'installing', version: '1.3.0' });
  });

  it("waits while a followed call is active or room mode's report is fresh, not for an old invitation", () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    expect(updateMustWait({ activeCalls: 0, roomBusySince: undefined }, now)).toBe(false);
    expect(updateMustWait({ activeCalls: 1, roomBusySince: undefined }, now)).toBe(true);
    expect(updateMustWait({ activeCalls: 0, roomBusySince: now - ROOM_BUSY_MAX_MS + 1 }, now)).toBe(true);
    expect(updateMustWait({ activeCalls: 0, roomBusySince: now - ROOM_BUSY_MAX_MS }, now)).toBe(false); // a crashed page's report
  });

  it('leaves installing to the person in notify mode ("Restart to update")', async () => {
    feed.publish({ version: '1.3.0', installer });
    const { controller, scheduler, installs } = setup({ mode: 'notify', url: feed.url }, { idleSeconds: () => 3600 });
    await controller.checkNow();
    expect(scheduler.waiting()).toEqual([]);
    expect(installs).toEqual([]);
    controller.installNow();
    expect(installs).toEqual(['install']);
  });
});

describe('room activity over IPC (what keeps install mode from restarting during a countdown)', () => {
  const sim = useSimulator();

  it('passes the start and end of a countdown or invitation to main, and refuses anything else', async () => {
    const reports: boolean[] = [];
    const { api } = testAppApi(sim(), { roomActivity: (busy) => reports.push(busy) });
    expect(await api.invoke(InvokeChannel.reportRoomActivity, { busy: true })).toEqual({ ok: true, value: null });
    expect(await api.invoke(InvokeChannel.reportRoomActivity, { busy: false })).toEqual({ ok: true, value: null });
    expect((await api.invoke(InvokeChannel.reportRoomActivity, { busy: 'yes' })).ok).toBe(false);
    expect(reports).toEqual([true, false]);
  });
});
