/**
 * What following a room is, whichever door does it (docs/api.md, "After the invite"): the
 * current status and who hears of each change, the wait (a room that has not joined by then is
 * `not-joined`, reason `no-answer`), the polling timer (at most once per `pollIntervalMs`, every
 * `followIntervalMs` once the room joined), and stopping — once, with `done` resolved to the last
 * status. The doors only decide what their answers mean.
 */
import type { CallStatus } from '../../shared/call-status';
import type { FollowControls } from './control-follower';

export interface FollowLoop {
  /** The last status, once following stopped. */
  readonly done: Promise<CallStatus>;
  readonly current: () => CallStatus;
  readonly isStopped: () => boolean;
  /** Applies a change and tells `onUpdate`, unless following stopped or nothing shown changes. */
  readonly update: (change: Partial<CallStatus>) => void;
  /** The last change: applied, then following stops. */
  readonly finish: (change: Partial<CallStatus>) => void;
  readonly stop: () => void;
  /** The room joined: the wait no longer applies. */
  readonly endWait: () => void;
  /** Runs `poll` after the interval for the current state, unless following stopped. */
  readonly pollLater: (poll: () => Promise<void>) => void;
}

export interface FollowLoopOptions {
  pollIntervalMs: number;
  followIntervalMs: number;
  /** Releases what the door holds (its socket, its token renewal) when following stops. */
  onStop?: () => void;
}

export function createFollowLoop(initial: CallStatus, controls: FollowControls, options: FollowLoopOptions): FollowLoop {
  let status = initial;
  let stopped = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let resolveDone: (status: CallStatus) => void = () => undefined;
  const done = new Promise<CallStatus>((resolve) => {
    resolveDone = resolve;
  });
  const deadline = setTimeout(() => {
    if (status.state !== 'joined') finish({ state: 'not-joined', reason: 'no-answer', canHangUp: false });
  }, controls.waitMs);

  function stop(): void {
    if (stopped) return;
    stopped = true;
    clearTimeout(deadline);
    clearTimeout(pollTimer);
    options.onStop?.();
    resolveDone(status);
  }

  function update(change: Partial<CallStatus>): void {
    if (stopped) return;
    const next = { ...status, ...change };
    if (next.state === status.state && next.reason === status.reason && next.canHangUp === status.canHangUp) return;
    status = next;
    controls.onUpdate(status);
  }

  function finish(change: Partial<CallStatus>): void {
    update(change);
    stop();
  }

  controls.onUpdate(status);
  return {
    done,
    current: () => status,
    isStopped: () => stopped,
    update,
    finish,
    stop,
    endWait: () => clearTimeout(deadline),
    pollLater: (poll) => {
      if (stopped) return;
      clearTimeout(pollTimer);
      pollTimer = setTimeout(() => void poll(), status.state === 'joined' ? options.followIntervalMs : options.pollIntervalMs);
    },
  };
}
