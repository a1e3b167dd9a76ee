/**
 * Room mode's behaviour, without any DOM: the camera view hands it the texts decoded from each
 * frame; it decides what the room shows and when it invites.
 *
 * - A meeting code with a password starts a visible 3-second countdown (cancel: one click or
 *   Esc), then the room's terminal is invited (`origin: 'camera'`, the selected room, the
 *   password never remembered on this shared PC).
 * - The same meeting is not invited again while its code stays in view, nor within the
 *   cooldown (`roomCooldownSeconds`) after an invitation that may have rung the room
 *   (./room-gate.ts). A different meeting is handled at once.
 * - A meeting code without a password, a room's own code, or an unrelated code gets a short
 *   notice and no invitation. Nothing ever waits for a mouse: notices and outcomes clear
 *   themselves.
 */
import { ClientCode } from '../../../shared/errors';
import type { LocalizedText } from '../../../shared/i18n-text';
import type { InviteError } from '../../../shared/invite-result';
import type { InviteIpcRequest, InviteSuccess, IpcResult } from '../../../shared/ipc';
import { parsePayload, type ParsedPayload } from '../../../shared/payload/index';
import type { Meeting } from '../../../shared/schemas';
import type { Room } from '../../../shared/settings';
import { createStore, type Store } from '../store';
import { cooldownMs, createMeetingGate } from './room-gate';

export const COUNTDOWN_SECONDS = 3;
/** How long an outcome stays on screen when no other code comes. */
export const SUCCESS_SHOWN_MS = 20_000;
export const FAILURE_SHOWN_MS = 30_000;
export const CANCELLED_SHOWN_MS = 5_000;
/** A notice stays this long after its code was last seen. */
export const NOTICE_SHOWN_MS = 6_000;
const TICK_MS = 100;

export type RoomNotice =
  { kind: 'no-password'; meetingId: string } | { kind: 'not-meeting'; reason: LocalizedText } | { kind: 'terminal' } | { kind: 'no-room' };

export type RoomActivity =
  | { kind: 'idle' }
  | { kind: 'notice'; notice: RoomNotice; key: string }
  | { kind: 'countdown'; meeting: Meeting; room: Room; remaining: number }
  | { kind: 'sending'; meeting: Meeting; room: Room }
  | { kind: 'success'; meeting: Meeting; roomName: string; requestId: string }
  | { kind: 'failure'; meeting: Meeting; roomName: string; error: InviteError }
  | { kind: 'cancelled'; meeting: Meeting };

export interface RoomState {
  activity: RoomActivity;
  /** For whoever looks after the room: wall-clock times (ms since the epoch). */
  lastInvite?: { at: number; meetingId: string; ok: boolean };
  lastError?: { at: number; code: string };
}

export interface RoomClock {
  /** A monotonic clock in ms (performance.now). */
  now(): number;
  /** Wall-clock time in ms (Date.now), for the status line. */
  wall(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RoomDeps {
  invite(request: InviteIpcRequest): Promise<IpcResult<InviteSuccess>>;
  /** The room this PC invites (the selected one), and the configured cooldown. */
  room(): Room | undefined;
  cooldownSeconds(): number;
  clock?: RoomClock;
}

export interface RoomController {
  readonly state: Store<RoomState>;
  /** The texts of the QR codes decoded from one camera frame (none: an empty frame). */
  frame(texts: readonly string[]): void;
  /** Cancels the countdown (a click or Esc); true when there was one. */
  cancel(): boolean;
  /** The view is going away (Settings, window hidden): a countdown in progress is cancelled. */
  suspend(): void;
  close(): void;
}

const systemClock: RoomClock = {
  now: () => performance.now(),
  wall: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

type MeetingCode = Extract<ParsedPayload, { kind: 'meeting' | 'both' }>;

export function createRoomController(deps: RoomDeps): RoomController {
  const clock = deps.clock ?? systemClock;
  const state = createStore<RoomState>({ activity: { kind: 'idle' } });
  const gate = createMeetingGate();
  /** The same few texts come in every frame: parse each once. */
  const parsed = new Map<string, ParsedPayload>();
  let timer: unknown;
  let deadline = 0;
  /** Identifies the current activity, so a late timer or answer never changes a newer one. */
  let generation = 0;
  let closed = false;

  const set = (activity: RoomActivity) => {
    generation += 1;
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    state.set({ activity });
  };

  /** Back to idle after `ms`, unless something else happened meanwhile. */
  function expireAfter(ms: number): void {
    const mine = generation;
    timer = clock.setTimeout(() => {
      if (mine === generation) set({ kind: 'idle' });
    }, ms);
  }

  function parse(text: string): ParsedPayload {
    let result = parsed.get(text);
    if (!result) {
      if (parsed.size >= 32) parsed.clear();
      result = parsePayload(text);
      parsed.set(text, result);
    }
    return result;
  }

  function notice(notice: RoomNotice, key: string): void {
    const current = state.get().activity;
    if (current.kind === 'notice' && current.key === key) {
      // Still in view: keep it up (a fresh expiry, same activity).
      if (timer !== undefined) clock.clearTimeout(timer);
      expireAfter(NOTICE_SHOWN_MS);
      return;
    }
    set({ kind: 'notice', notice, key });
    expireAfter(NOTICE_SHOWN_MS);
  }

  function startCountdown(meeting: Meeting, room: Room): void {
    deadline = clock.now() + COUNTDOWN_SECONDS * 1000;
    set({ kind: 'countdown', meeting, room, remaining: COUNTDOWN_SECONDS });
    const mine = generation;
    const tick = () => {
      if (mine !== generation) return;
      const left = deadline - clock.now();
      if (left <= 0) {
        void send(meeting, room);
        return;
      }
      const remaining = Math.ceil(left / 1000);
      const current = state.get().activity;
      if (current.kind === 'countdown' && current.remaining !== remaining) state.set({ activity: { ...current, remaining } });
      timer = clock.setTimeout(tick, Math.min(TICK_MS, left));
    };
    timer = clock.setTimeout(tick, TICK_MS);
  }

  async function send(meeting: Meeting, room: Room): Promise<void> {
    set({ kind: 'sending', meeting, room });
    const mine = generation;
    const sentAt = clock.now();
    // Blocked from now on: frames during the call must not start another countdown.
    gate.handled(meeting.id, sentAt, cooldownMs(deps.cooldownSeconds()));
    const request: InviteIpcRequest = {
      meeting: {
        id: meeting.id,
        ...(meeting.password === undefined ? {} : { password: meeting.password }),
        ...(meeting.site ? { site: meeting.site } : {}),
      },
      roomId: room.id,
      // A shared room PC keeps nobody's meeting password.
      rememberPassword: false,
      origin: 'camera',
    };
    let result: IpcResult<InviteSuccess>;
    try {
      result = await deps.invite(request);
    } catch (error) {
      result = {
        ok: false,
        error: { code: ClientCode.internal, outcome: 'failed', detail: error instanceof Error ? error.message : String(error) },
      };
    }
    if (closed) return;
    const at = clock.wall();
    if (result.ok) {
      state.set({ lastInvite: { at, meetingId: meeting.id, ok: true } });
    } else {
      state.set({ lastInvite: { at, meetingId: meeting.id, ok: false }, lastError: { at, code: result.error.code } });
      // Nothing reached the room: only "while its code stays in view" holds, so the same
      // code shown again (the meeting has started now, say) is handled.
      if (result.error.outcome === 'failed') gate.handled(meeting.id, clock.now(), 0);
    }
    if (mine !== generation) return;
    if (result.ok) {
      set({ kind: 'success', meeting, roomName: result.value.roomName ?? room.name, requestId: result.value.requestId });
      expireAfter(SUCCESS_SHOWN_MS);
    } else {
      set({ kind: 'failure', meeting, roomName: room.name, error: result.error });
      expireAfter(FAILURE_SHOWN_MS);
    }
  }

  function frame(texts: readonly string[]): void {
    if (closed) return;
    const now = clock.now();
    const codes = texts.map(parse);
    const meetings = codes.filter((c): c is MeetingCode => c.kind === 'meeting' || c.kind === 'both').map((c) => c.meeting);
    // Every meeting in view is recorded as seen, allowed or not.
    const allowed = meetings.filter((m) => gate.seen(m.id, now));
    const current = state.get().activity;
    if (current.kind === 'sending') return;
    if (current.kind === 'countdown') {
      // Two codes at once: the one counting down wins while it stays in view.
      if (gate.inView(current.meeting.id, now)) return;
      const other = allowed.find((m) => m.password !== undefined && m.id !== current.meeting.id);
      if (other) startCountdown(other, current.room);
      return;
    }
    const withPassword = allowed.find((m) => m.password !== undefined);
    if (withPassword) {
      const room = deps.room();
      if (room) startCountdown(withPassword, room);
      else notice({ kind: 'no-room' }, 'no-room');
      return;
    }
    const withoutPassword = allowed.find((m) => m.password === undefined);
    if (withoutPassword) return notice({ kind: 'no-password', meetingId: withoutPassword.id }, `no-password:${withoutPassword.id}`);
    if (meetings.length > 0) return; // handled meetings still in view: their outcome stays
    if (codes.some((c) => c.kind === 'terminal')) return notice({ kind: 'terminal' }, 'terminal');
    const unknown = codes.find((c): c is Extract<ParsedPayload, { kind: 'unknown' }> => c.kind === 'unknown');
    if (unknown) notice({ kind: 'not-meeting', reason: unknown.reason }, `unknown:${unknown.reason.en}`);
  }

  function cancel(): boolean {
    const current = state.get().activity;
    if (current.kind !== 'countdown') return false;
    // Not offered again while the code stays in view; shown again later, it is.
    gate.handled(current.meeting.id, clock.now(), 0);
    set({ kind: 'cancelled', meeting: current.meeting });
    expireAfter(CANCELLED_SHOWN_MS);
    return true;
  }

  return {
    state,
    frame,
    cancel,
    suspend() {
      cancel();
    },
    close() {
      closed = true;
      set({ kind: 'idle' });
    },
  };
}
