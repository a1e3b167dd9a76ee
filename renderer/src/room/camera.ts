/**
 * The room's camera, for a PC nobody looks after: it starts by itself, says clearly why it
 * cannot (permission denied, no camera, camera busy), and recovers by itself — a camera
 * unplugged and plugged back (the track ends; `devicechange`), a permission granted later —
 * retrying with a growing pause. It is released a few seconds after the window is hidden and
 * taken again when it shows. With several cameras, the chosen one is remembered on this PC.
 */
import { createStore, type Store } from '../store';

export type CameraStatus =
  | { kind: 'starting' }
  | { kind: 'live'; deviceId: string | undefined }
  /** The window is hidden: no scanning; the camera is released after `releaseAfterMs`. */
  | { kind: 'paused' }
  | { kind: 'denied' }
  | { kind: 'no-camera' }
  /** The camera exists but cannot be started (in use by another application, a driver error). */
  | { kind: 'busy'; detail: string }
  /** The camera went away while in use (unplugged): reconnecting. */
  | { kind: 'lost' }
  | { kind: 'unsupported' };

export interface CameraDevice {
  deviceId: string;
  /** Empty until camera permission is granted. */
  label: string;
}

export interface CameraState {
  status: CameraStatus;
  devices: CameraDevice[];
  /** The camera chosen on this PC, when one was. */
  chosen: string | undefined;
}

export interface Camera {
  readonly state: Store<CameraState>;
  /** Uses `deviceId` from now on (remembered on this PC). */
  choose(deviceId: string): void;
  /** Tries again now (the "Try again" button; retries also happen by themselves). */
  retry(): void;
  close(): void;
}

export interface CameraOptions {
  /** The camera is released this long after the window is hidden. */
  releaseAfterMs?: number;
  /** Longest pause between two retries. */
  maxRetryMs?: number;
}

const STORAGE_KEY = 'qrri.room.camera';
const DENIED = new Set(['NotAllowedError', 'SecurityError', 'PermissionDeniedError']);
const MISSING = new Set(['NotFoundError', 'DevicesNotFoundError', 'OverconstrainedError']);

function remembered(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function remember(deviceId: string | undefined): void {
  try {
    if (deviceId) localStorage.setItem(STORAGE_KEY, deviceId);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage unavailable: the choice lasts for this session only.
  }
}

function errorName(error: unknown): string {
  return error instanceof DOMException || error instanceof Error ? error.name : 'Error';
}

/** A function, so TypeScript does not narrow it across an `await`. */
function hidden(): boolean {
  return document.visibilityState === 'hidden';
}

function constraints(deviceId: string | undefined): MediaStreamConstraints {
  // 720p is plenty for a code held up to the camera, and cheap to read 10+ times a second.
  return {
    audio: false,
    video: { width: { ideal: 1280 }, height: { ideal: 720 }, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) },
  };
}

export function createCamera(video: HTMLVideoElement, options: CameraOptions = {}): Camera {
  const releaseAfterMs = options.releaseAfterMs ?? 5000;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  const state = createStore<CameraState>({ status: { kind: 'starting' }, devices: [], chosen: remembered() });
  let stream: MediaStream | undefined;
  let attempt = 0;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let releaseTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const lifetime = new AbortController();

  const setStatus = (status: CameraStatus) => state.set({ status });

  function stopStream(): void {
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = undefined;
    video.srcObject = null;
  }

  function scheduleRetry(firstMs: number): void {
    clearTimeout(retryTimer);
    const delay = Math.min(maxRetryMs, firstMs * 2 ** Math.min(failures, 6));
    failures += 1;
    retryTimer = setTimeout(() => void acquire(), delay);
  }

  async function refreshDevices(): Promise<void> {
    if (!media) return;
    try {
      const devices = (await media.enumerateDevices())
        .filter((d) => d.kind === 'videoinput')
        .map((d) => ({ deviceId: d.deviceId, label: d.label }));
      if (!closed) state.set({ devices });
    } catch {
      // Listing is a convenience (the chooser); the camera works without it.
    }
  }

  function onEnded(this: MediaStreamTrack): void {
    if (closed || stream?.getVideoTracks()[0] !== this) return;
    stopStream();
    setStatus({ kind: 'lost' });
    scheduleRetry(1000);
  }

  async function open(deviceId: string | undefined): Promise<MediaStream> {
    if (!media) throw new DOMException('no media devices', 'NotSupportedError');
    try {
      return await media.getUserMedia(constraints(deviceId));
    } catch (error) {
      // The chosen camera is gone: any camera is better than none.
      if (deviceId && MISSING.has(errorName(error))) return media.getUserMedia(constraints(undefined));
      throw error;
    }
  }

  async function acquire(): Promise<void> {
    clearTimeout(retryTimer);
    if (closed || hidden()) return;
    if (!media || typeof media.getUserMedia !== 'function') {
      setStatus({ kind: 'unsupported' });
      return;
    }
    const mine = ++attempt;
    // A problem stays on screen while retrying (no flicker); a first start or a resume says "starting".
    if (state.get().status.kind === 'paused') setStatus({ kind: 'starting' });
    try {
      const opened = await open(state.get().chosen);
      if (mine !== attempt || closed || hidden()) {
        for (const track of opened.getTracks()) track.stop();
        return;
      }
      stopStream();
      stream = opened;
      const track = opened.getVideoTracks()[0];
      track?.addEventListener('ended', onEnded, { signal: lifetime.signal });
      video.srcObject = opened;
      await video.play().catch(() => undefined); // muted video: autoplay is allowed
      failures = 0;
      setStatus({ kind: 'live', deviceId: track?.getSettings().deviceId });
      await refreshDevices(); // labels are known once permission is granted
    } catch (error) {
      if (mine !== attempt || closed) return;
      const name = errorName(error);
      if (DENIED.has(name)) setStatus({ kind: 'denied' });
      else if (MISSING.has(name)) setStatus({ kind: 'no-camera' });
      else if (name === 'NotSupportedError') {
        setStatus({ kind: 'unsupported' });
        return;
      } else setStatus({ kind: 'busy', detail: name });
      await refreshDevices();
      scheduleRetry(2000);
    }
  }

  function onVisibility(): void {
    if (hidden()) {
      clearTimeout(retryTimer);
      attempt += 1; // an attempt under way must not restart the camera while hidden
      setStatus({ kind: 'paused' });
      clearTimeout(releaseTimer);
      releaseTimer = setTimeout(stopStream, releaseAfterMs);
      return;
    }
    clearTimeout(releaseTimer);
    failures = 0;
    const track = stream?.getVideoTracks()[0];
    if (track && track.readyState === 'live') setStatus({ kind: 'live', deviceId: track.getSettings().deviceId });
    else void acquire();
  }

  document.addEventListener('visibilitychange', onVisibility, { signal: lifetime.signal });
  media?.addEventListener(
    'devicechange',
    () => {
      void refreshDevices();
      // A camera plugged in (or back): try at once instead of waiting for the next retry.
      const { kind } = state.get().status;
      if (kind !== 'live' && kind !== 'paused' && kind !== 'starting') {
        failures = 0;
        void acquire();
      }
    },
    { signal: lifetime.signal },
  );
  void acquire();

  return {
    state,
    choose(deviceId) {
      if (deviceId === state.get().chosen && state.get().status.kind === 'live') return;
      remember(deviceId);
      state.set({ chosen: deviceId });
      failures = 0;
      setStatus({ kind: 'starting' });
      void acquire();
    },
    retry() {
      failures = 0;
      void acquire();
    },
    close() {
      closed = true;
      attempt += 1;
      lifetime.abort();
      clearTimeout(retryTimer);
      clearTimeout(releaseTimer);
      stopStream();
    },
  };
}
