/**
 * `npm run test:electron`: a smoke test of the real Electron app (out/main/index.js, built
 * first), driven by playwright-core's Electron support against the simulator. It checks what
 * only Electron can show and the browser suite cannot: the window loads over app://, the page
 * sees `window.qrRoomInvite` and nothing of Node, a pasted QR image becomes an invitation that
 * main sends to the (simulated) service, and the tray exists and follows the settings.
 *
 * Not part of `npm test`: it needs Electron's binary (downloaded on first use, from GitHub) and,
 * on Linux, a display (DISPLAY or WAYLAND_DISPLAY; `xvfb-run` works). Where either is missing it
 * prints one line saying so and exits 0 — never reporting a pass — or 1 under CI_ELECTRON=1,
 * where the smoke test must run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { FIXTURE_MEETING_ID, FIXTURE_ORG_ID, FIXTURE_TERMINAL } from '../../simulator/fixture';
import { startSimulator, type Simulator } from '../../simulator/server';
import { qrPng } from '../helpers/qr-images';
import { paste } from '../browser/support/page';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const APP_ORIGIN = 'app://qr-room-invite';
const MEETING_QR = '会议ID：914 083 136 来宾密码：123123';
const ROOM = { id: 'room-a', name: 'Room A', callNum: FIXTURE_TERMINAL, orgId: FIXTURE_ORG_ID, numberType: 0 } as const;
const TIMEOUT_MS = 30_000;

/** What stops the smoke test from running here, in words; `undefined` when it can run. */
function missingPrerequisite(): string | undefined {
  const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const dist = path.join(electronDir, 'dist');
  if (!existsSync(dist) || !existsSync(path.join(electronDir, 'path.txt'))) {
    return `Electron's binary is not installed (${path.relative(REPO_ROOT, dist)} missing; \`node scripts/ensure-electron.cjs\` downloads it from GitHub)`;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display (DISPLAY and WAYLAND_DISPLAY unset; run it in a desktop session or under xvfb-run)';
  }
  return undefined;
}

let passed = 0;
async function check(name: string, run: () => Promise<void>): Promise<void> {
  await run();
  passed += 1;
  console.log(`  ok ${passed} - ${name}`);
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Polls `read` until `accept` takes its value; fails with the last value after TIMEOUT_MS. */
async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** What the tray probe saw: distinct tray objects, live ones, and every tooltip set. */
interface TrayProbe {
  trays: number;
  live: number;
  tooltips: string[];
}

/**
 * Watches the tray from main: `setToolTip` is wrapped so the next refresh (any settings change)
 * reports the Tray it was called on. Electron lists no trays, and the app's was made before
 * playwright could reach main, so the probe has to wait for the app to touch it.
 */
async function installTrayProbe(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ Tray }) => {
    const seen = new Set<Electron.Tray>();
    const tooltips: string[] = [];
    // eslint-disable-next-line @typescript-eslint/unbound-method -- taken unbound on purpose: called below with each tray as `this`
    const original = Tray.prototype.setToolTip;
    Tray.prototype.setToolTip = function setToolTip(this: Electron.Tray, toolTip: string) {
      seen.add(this);
      tooltips.push(toolTip);
      original.call(this, toolTip);
    };
    (globalThis as unknown as { qrriTrayProbe: () => TrayProbe }).qrriTrayProbe = () => ({
      trays: seen.size,
      live: [...seen].filter((tray) => !tray.isDestroyed()).length,
      tooltips: [...tooltips],
    });
  });
}

const trayProbe = (app: ElectronApplication): Promise<TrayProbe> =>
  app.evaluate(() => (globalThis as unknown as { qrriTrayProbe: () => TrayProbe }).qrriTrayProbe());

async function smoke(app: ElectronApplication, window: Page, sim: Simulator): Promise<void> {
  await check('the window loads the built UI over app://', async () => {
    await window.waitForLoadState('load');
    assert(window.url().startsWith(`${APP_ORIGIN}/`), `window URL is ${window.url()}`);
    await window.locator('.dropzone').waitFor({ timeout: TIMEOUT_MS });
  });

  await check('the page sees window.qrRoomInvite (named functions only) and nothing of Node', async () => {
    const seen = await window.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>;
      const api = w.qrRoomInvite as Record<string, unknown> | undefined;
      return {
        api: typeof api,
        apiMembers: api ? Object.entries(api).map(([name, value]) => `${name}:${typeof value}`) : [],
        node: ['require', 'process', 'module', 'exports', 'Buffer', 'global', '__dirname', 'ipcRenderer', 'electron'].filter(
          (name) => typeof w[name] !== 'undefined',
        ),
      };
    });
    assert(seen.api === 'object', `window.qrRoomInvite is ${seen.api}`);
    assert(
      seen.apiMembers.length > 0 && seen.apiMembers.every((m) => m.endsWith(':function')),
      `window.qrRoomInvite members: ${seen.apiMembers.join(', ')}`,
    );
    assert(
      !seen.apiMembers.some((m) => /^(invoke|send|on|ipcRenderer):/u.test(m)),
      `a generic IPC door is exposed: ${seen.apiMembers.join(', ')}`,
    );
    assert(seen.node.length === 0, `Node globals in the page: ${seen.node.join(', ')}`);
  });

  await installTrayProbe(app);

  await check('settings changed through the bridge reach main, and the tray follows them', async () => {
    const result = await window.evaluate(
      (room) =>
        (
          globalThis as unknown as { qrRoomInvite: { updateSettings(patch: unknown): Promise<{ ok: boolean }> } }
        ).qrRoomInvite.updateSettings({ rooms: [room], selectedRoomId: room.id }),
      ROOM,
    );
    assert(result.ok, `updateSettings answered ${JSON.stringify(result)}`);
    const probe = await until(
      () => trayProbe(app),
      (p) => p.tooltips.includes(`QR Room Invite — ${ROOM.name}`),
      'tray tooltip',
    );
    assert(probe.trays === 1 && probe.live === 1, `trays seen: ${probe.trays}, live: ${probe.live}`);
  });

  await check('a pasted meeting QR image is read, and Invite makes main call the service', async () => {
    await paste(window, await qrPng(MEETING_QR));
    await window.getByText('914 083 136').first().waitFor({ timeout: TIMEOUT_MS });
    await window.getByRole('button', { name: `Invite ${ROOM.name}` }).click();
    await window
      .getByRole('status')
      .filter({ hasText: `Calling ${ROOM.name}` })
      .first()
      .waitFor({ timeout: TIMEOUT_MS });
    const invites = sim.invites();
    assert(invites.length === 1, `${invites.length} invitations reached the simulator`);
    const [invite] = invites;
    assert(invite?.conferenceID === FIXTURE_MEETING_ID && invite.outcome === 200, `invitation: ${JSON.stringify(invite)}`);
    assert((invite.body as { callNum?: string }).callNum === ROOM.callNum, `called ${JSON.stringify(invite.body)}`);
  });
}

async function main(): Promise<number> {
  const missing = missingPrerequisite();
  if (missing) {
    const strict = process.env.CI_ELECTRON === '1';
    console.log(`electron smoke: NOT RUN — ${missing}${strict ? '; failing because CI_ELECTRON=1' : ''}.`);
    return strict ? 1 : 0;
  }

  console.log('electron smoke: building the app (electron-vite build)');
  execFileSync(
    process.execPath,
    [path.join(REPO_ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'error'],
    { cwd: REPO_ROOT, stdio: 'inherit' },
  );

  const dir = mkdtempSync(path.join(tmpdir(), 'qrri-electron-smoke-'));
  const sim = await startSimulator();
  let app: ElectronApplication | undefined;
  try {
    // The app talks to the simulator (custom site, its CA) from a throw-away profile, as `npm run demo` does.
    const config = path.join(dir, 'managed.json');
    writeFileSync(config, JSON.stringify({ version: 1, settings: { site: 'custom', customBaseUrl: sim.url, extraCaPath: sim.caPath } }));
    // ELECTRON_RUN_AS_NODE (set by some tools) would start a plain Node instead of the app.
    const inherited = Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RUN_AS_NODE',
    );
    const env = { ...Object.fromEntries(inherited), QRRI_USER_DATA_DIR: path.join(dir, 'profile'), QRRI_MANAGED_CONFIG: config };
    // Chromium's sandbox refuses to run as root (containers, CI); elsewhere it stays on.
    const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    // The `electron` package's main export is the path of its binary.
    const executablePath = createRequire(import.meta.url)('electron') as string;
    app = await _electron.launch({ executablePath, args: [REPO_ROOT, ...sandbox], cwd: REPO_ROOT, env, timeout: 60_000 });
    const window = await app.firstWindow({ timeout: TIMEOUT_MS });
    window.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
    await smoke(app, window, sim);
    console.log(`electron smoke: ${passed} checks passed`);
    return 0;
  } catch (error) {
    console.error(`  not ok ${passed + 1} - ${error instanceof Error ? error.message : String(error)}`);
    console.log(`electron smoke: FAILED after ${passed} passed checks`);
    return 1;
  } finally {
    await app?.close().catch(() => undefined);
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
