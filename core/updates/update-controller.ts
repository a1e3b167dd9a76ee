/**
 * When to look for an update and what to do with the answer, without Electron: the feed is read
 * and the installer downloaded and verified by an `UpdateEngine` (electron-updater in the app,
 * see ./electron-updater-engine.ts); the clock, the idle time and "is a call or a countdown
 * going on" are passed in, so tests drive all of it against a local HTTPS feed.
 *
 * - `off`: nothing is scheduled and the engine is never called (no network request at all).
 * - `notify`: a newer version is downloaded in the background, then offered ("Restart to update
 *   to 1.2.3"); the person chooses when.
 * - `install` (room PCs): once downloaded it is installed when the PC has been idle for a while
 *   and nothing is going on (no call, no countdown), checked every minute.
 * - A feed URL that is not https (loopback aside) is refused before any request; the engine
 *   offers only newer versions, so a feed that goes back is never a downgrade.
 * - A feed that cannot be reached is retried quietly with a growing pause; an installer whose
 *   sha512 does not match the feed is refused and reported, and the next check tries again.
 */
import { BaseUrlSchema } from '../../shared/schemas';
import type { UpdateMode } from '../../shared/settings';
import type { Logger } from '../log';

export interface UpdateSettings {
  mode: UpdateMode;
  url?: string | undefined;
}

/** What the controller needs from electron-updater. */
export interface UpdateEngine {
  /** Reads the feed; `newer` says whether it offers a version above the running one. */
  check(feedUrl: string): Promise<{ version: string; newer: boolean }>;
  /** Downloads the installer of the version just checked; rejects when its sha512 does not match. */
  download(): Promise<void>;
  /** Quits, installs the downloaded version and starts it again. */
  install(): void;
}

export type UpdateState =
  | { kind: 'off' }
  /** `notify` or `install` without `updates.url`: nothing to ask. */
  | { kind: 'no-feed' }
  | { kind: 'refused-feed'; reason: string }
  | { kind: 'checking' }
  | { kind: 'up-to-date'; checkedAt: string }
  | { kind: 'downloading'; version: string }
  | { kind: 'downloaded'; version: string }
  | { kind: 'installing'; version: string }
  /** The last attempt failed; another one is scheduled for `retryAt`. */
  | { kind: 'failed'; reason: 'unreachable' | 'checksum' | 'other'; message: string; retryAt: string; version?: string };

export interface Scheduler {
  /** Runs `run` after `ms`; the returned function cancels it. */
  after(ms: number, run: () => void): () => void;
  now(): number;
}

export interface UpdateControllerDeps {
  settings: () => UpdateSettings;
  engine: UpdateEngine;
  scheduler: Scheduler;
  /** Seconds since the last keyboard or mouse input (Electron's powerMonitor). */
  idleSeconds: () => number;
  /** True while a call, a countdown or an invitation is going on: never install then. */
  busy: () => boolean;
  onState: (state: UpdateState) => void;
  logger: Logger;
}

export const FIRST_CHECK_DELAY_MS = 60_000;
export const CHECK_INTERVAL_MS = 6 * 60 * 60_000;
/** Pauses after a failure: 5 min, doubling, at most the regular interval. */
export const RETRY_BASE_MS = 5 * 60_000;
export const INSTALL_POLL_MS = 60_000;
/** `install` mode waits for this much idle time, so nobody is using the PC. */
export const INSTALL_IDLE_SECONDS = 10 * 60;

/** A countdown lasts 3 s and an invitation at most the request timeout: a room-mode report older than this is stale (a crashed page). */
export const ROOM_BUSY_MAX_MS = 5 * 60_000;

/**
 * `busy` for main: a room invited from this computer is being called or is in a meeting (the call
 * status follows it; a restart would lose its status and its hang-up — the terminal's call itself
 * goes on without the app), or room mode reported a countdown or invitation that is still fresh.
 */
export function updateMustWait(
  { activeCalls, roomBusySince }: { activeCalls: number; roomBusySince: number | undefined },
  now: number,
): boolean {
  return activeCalls > 0 || (roomBusySince !== undefined && now - roomBusySince < ROOM_BUSY_MAX_MS);
}

export interface UpdateController {
  state(): UpdateState;
  /** Starts the schedule (or nothing, when off). */
  start(): void;
  /** Settings changed: start again from the new mode and feed. */
  restart(): void;
  /** Looks now (also what the schedule calls). */
  checkNow(): Promise<UpdateState>;
  /** The tray's "Restart to update": installs what was downloaded. */
  installNow(): void;
  stop(): void;
}

const isChecksumError = (error: unknown) => /sha512 checksum mismatch/iu.test(String((error as Error | undefined)?.message ?? error));
/**
 * The server could not be reached or was briefly down (Node's codes, Chromium's net errors in the
 * app). A 404 (a wrong `updates.url`) or a certificate error is a misconfiguration, not this.
 */
const isNetworkError = (error: unknown) =>
  /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|net::ERR_(CONNECTION_[A-Z_]+|NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|NETWORK_CHANGED|ADDRESS_UNREACHABLE|TIMED_OUT|PROXY_CONNECTION_FAILED)|HttpError: 5\d\d)\b/u.test(
    `${String((error as { code?: string } | undefined)?.code ?? '')} ${String((error as Error | undefined)?.message ?? error)}`,
  );

export function createUpdateController(deps: UpdateControllerDeps): UpdateController {
  const { engine, scheduler, logger } = deps;
  let state: UpdateState = { kind: 'off' };
  let cancel: (() => void) | undefined;
  let failures = 0;
  let running: Promise<UpdateState> | undefined;

  const set = (next: UpdateState): UpdateState => {
    state = next;
    deps.onState(next);
    return next;
  };
  const schedule = (ms: number, run: () => void) => {
    cancel?.();
    cancel = scheduler.after(ms, run);
  };
  const scheduleCheck = (ms: number) => schedule(ms, () => void checkNow());

  /** The feed URL, or the state that says why there is none to ask. */
  function feed(settings: UpdateSettings): { url: string } | UpdateState {
    if (settings.mode === 'off') return { kind: 'off' };
    if (!settings.url) return { kind: 'no-feed' };
    const parsed = BaseUrlSchema.safeParse(settings.url);
    if (!parsed.success) return { kind: 'refused-feed', reason: parsed.error.issues[0]?.message ?? 'invalid URL' };
    // electron-updater's generic provider reads `<url>/latest*.yml` relative to a folder.
    return { url: parsed.data.endsWith('/') ? parsed.data : `${parsed.data}/` };
  }

  function failed(error: unknown, version: string | undefined): UpdateState {
    failures += 1;
    const pause = Math.min(RETRY_BASE_MS * 2 ** (failures - 1), CHECK_INTERVAL_MS);
    const reason = isChecksumError(error) ? 'checksum' : isNetworkError(error) ? 'unreachable' : 'other';
    const message = String((error as Error | undefined)?.message ?? error).split('\n')[0] ?? '';
    // An unreachable feed is normal (a laptop off the corporate network): logged quietly.
    if (reason === 'unreachable') logger.info('update feed unreachable, trying again later', { message, retryInMs: pause });
    else logger.error('update refused', { reason, message, retryInMs: pause });
    scheduleCheck(pause);
    return set({
      kind: 'failed',
      reason,
      message,
      retryAt: new Date(scheduler.now() + pause).toISOString(),
      ...(version ? { version } : {}),
    });
  }

  function installWhenIdle(version: string): void {
    schedule(INSTALL_POLL_MS, () => {
      if (deps.settings().mode !== 'install') return;
      if (deps.busy() || deps.idleSeconds() < INSTALL_IDLE_SECONDS) return installWhenIdle(version);
      logger.info('installing update while idle', { version });
      set({ kind: 'installing', version });
      engine.install();
    });
  }

  async function run(): Promise<UpdateState> {
    const settings = deps.settings();
    const target = feed(settings);
    if (!('url' in target)) {
      cancel?.();
      if (target.kind === 'refused-feed') logger.warn('update feed refused', { reason: target.reason });
      return set(target);
    }
    // Already downloaded: nothing to ask until it is installed.
    if (state.kind === 'downloaded' || state.kind === 'installing') return state;
    set({ kind: 'checking' });
    let offered: string | undefined;
    try {
      const offer = await engine.check(target.url);
      if (!offer.newer) {
        failures = 0;
        scheduleCheck(CHECK_INTERVAL_MS);
        return set({ kind: 'up-to-date', checkedAt: new Date(scheduler.now()).toISOString() });
      }
      offered = offer.version;
      set({ kind: 'downloading', version: offer.version });
      await engine.download();
      failures = 0;
      logger.info('update downloaded', { version: offer.version, mode: settings.mode });
      const downloaded = set({ kind: 'downloaded', version: offer.version });
      if (deps.settings().mode === 'install') installWhenIdle(offer.version);
      else cancel?.();
      return downloaded;
    } catch (error) {
      return failed(error, offered);
    }
  }

  function checkNow(): Promise<UpdateState> {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  }

  function start(): void {
    const target = feed(deps.settings());
    if (!('url' in target)) {
      set(target);
      return;
    }
    scheduleCheck(FIRST_CHECK_DELAY_MS);
  }

  return {
    state: () => state,
    start,
    restart: () => {
      cancel?.();
      cancel = undefined;
      failures = 0;
      if (state.kind === 'downloaded' && deps.settings().mode === 'install') return installWhenIdle(state.version);
      if (state.kind === 'downloaded' && deps.settings().mode === 'notify') return;
      start();
    },
    checkNow,
    installNow: () => {
      if (state.kind !== 'downloaded') return;
      set({ kind: 'installing', version: state.version });
      engine.install();
    },
    stop: () => {
      cancel?.();
      cancel = undefined;
    },
  };
}
