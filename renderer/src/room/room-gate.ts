/**
 * Which meeting codes seen by the room's camera may start an invitation. A code held up to
 * the camera is seen in every frame for as long as it stays there, so the same meeting must
 * not be invited again and again: once handled, a meeting waits until its code has left the
 * view and, after an invitation that may have rung the room, until the cooldown has passed.
 * Pure (times are passed in, in milliseconds of a monotonic clock), so it is tested in Node.
 */

/** A code not seen for this long has left the view (detection misses a frame now and then). */
export const GONE_AFTER_MS = 2500;

/**
 * Main refuses the same invitation repeated within 10 s (QRRI.DUPLICATE_INVITE); the room
 * never asks that soon, whatever the configured cooldown.
 */
export const MIN_COOLDOWN_MS = 12_000;

interface Entry {
  lastSeen: number;
  /** Set once the code has been out of view for GONE_AFTER_MS since it was handled. */
  leftView: boolean;
  /** No new invitation of this meeting before this time. */
  until: number;
}

export interface MeetingGate {
  /**
   * The meeting's code is in view at `now`: true when it may start an invitation. A meeting
   * never handled is always allowed; remember to call `handled` when acting on it.
   */
  seen(key: string, now: number): boolean;
  /**
   * The meeting was acted on at `now`. `cooldownMs` > 0 after an invitation that may have
   * reached the room; 0 after a cancel or a failure where nothing was sent (then only
   * "while its code stays in view" holds).
   */
  handled(key: string, now: number, cooldownMs: number): void;
  /** Whether the meeting's code was seen within GONE_AFTER_MS of `now`. */
  inView(key: string, now: number): boolean;
  /** Forgets everything (a new room was selected). */
  clear(): void;
}

export function createMeetingGate(goneAfterMs = GONE_AFTER_MS): MeetingGate {
  const entries = new Map<string, Entry>();
  const sightings = new Map<string, number>();

  function prune(now: number): void {
    for (const [key, entry] of entries) {
      if (now - entry.lastSeen > goneAfterMs && now >= entry.until) entries.delete(key);
    }
    for (const [key, at] of sightings) if (now - at > goneAfterMs && !entries.has(key)) sightings.delete(key);
  }

  return {
    seen(key, now) {
      prune(now);
      sightings.set(key, now);
      const entry = entries.get(key);
      if (!entry) return true;
      if (now - entry.lastSeen > goneAfterMs) entry.leftView = true;
      entry.lastSeen = now;
      if (entry.leftView && now >= entry.until) {
        entries.delete(key);
        return true;
      }
      return false;
    },
    handled(key, now, cooldownMs) {
      const lastSeen = sightings.get(key) ?? now;
      entries.set(key, { lastSeen: Math.max(lastSeen, now - goneAfterMs), leftView: false, until: now + cooldownMs });
    },
    inView(key, now) {
      const at = sightings.get(key);
      return at !== undefined && now - at <= goneAfterMs;
    },
    clear() {
      entries.clear();
      sightings.clear();
    },
  };
}

/** The cooldown after an invitation that may have rung the room: the setting, at least 12 s. */
export function cooldownMs(roomCooldownSeconds: number): number {
  return Math.max(roomCooldownSeconds * 1000, MIN_COOLDOWN_MS);
}
