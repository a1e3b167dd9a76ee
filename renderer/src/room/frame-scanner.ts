/**
 * Continuous scanning of the camera (after nimiq/qr-scanner): one scan per new video frame
 * (`requestVideoFrameCallback`, else `requestAnimationFrame`), at most one in flight and at
 * most 25 a second; each frame downscaled to at most 960 px wide in one `drawImage` with
 * smoothing off, its pixels transferred to the decode worker, the corners mapped back to the
 * video's own pixels. On 720p this reads well over 10 frames a second.
 */
import type { DecodedQrCode } from '../../../shared/decode/index';
import { DecodeError, type QrDecoder } from '../decoder-client';

export const MAX_SCAN_WIDTH = 960;
const MIN_INTERVAL_MS = 40;
/** A frame that takes longer than this has a stuck worker behind it (restarted by the client). */
const FRAME_TIMEOUT_MS = 3000;
/**
 * The decoder's effort per frame (issue 11): the whole chain, rescue included, but never longer
 * than this, so a hard frame cannot hold up the stream; the next frame is a new chance. Without
 * rescue 8 of the bench's 260 camera frames (glare, blur) are lost; with it and this budget all
 * read and the slowest frame drops from 660 ms to under 40.
 */
export const FRAME_BUDGET_MS = 35;

export interface FrameResult {
  /** The codes, corners in the video's pixels. */
  codes: DecodedQrCode[];
  videoWidth: number;
  videoHeight: number;
}

export interface FrameScanner {
  start(): void;
  stop(): void;
  /** Frames decoded during the last second. */
  rate(): number;
}

type Canvas2d = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function makeContext(): Canvas2d | null {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true, alpha: false });
  return document.createElement('canvas').getContext('2d', { willReadFrequently: true, alpha: false });
}

export function createFrameScanner(video: HTMLVideoElement, decoder: QrDecoder, onResult: (result: FrameResult) => void): FrameScanner {
  const context = makeContext();
  let running = false;
  let inFlight = false;
  let lastScan = -Infinity;
  let frameHandle: number | undefined;
  let animationHandle: number | undefined;
  const decodedAt: number[] = [];

  function schedule(): void {
    if (!running) return;
    if (typeof video.requestVideoFrameCallback === 'function') frameHandle = video.requestVideoFrameCallback(onFrame);
    else animationHandle = requestAnimationFrame(onFrame);
  }

  async function scan(): Promise<void> {
    const { videoWidth, videoHeight } = video;
    if (!context || videoWidth === 0 || videoHeight === 0) return;
    const scale = Math.min(1, MAX_SCAN_WIDTH / videoWidth);
    const width = Math.max(1, Math.round(videoWidth * scale));
    const height = Math.max(1, Math.round(videoHeight * scale));
    if (context.canvas.width !== width || context.canvas.height !== height) {
      context.canvas.width = width;
      context.canvas.height = height;
    }
    context.imageSmoothingEnabled = false;
    context.drawImage(video, 0, 0, width, height);
    const { data } = context.getImageData(0, 0, width, height);
    let codes: DecodedQrCode[];
    try {
      codes = await decoder.decode({ data, width, height }, { timeoutMs: FRAME_TIMEOUT_MS, budgetMs: FRAME_BUDGET_MS });
    } catch (error) {
      if (error instanceof DecodeError && error.reason === 'closed') running = false;
      return; // a failed frame is skipped; the next one is read
    }
    const now = performance.now();
    decodedAt.push(now);
    while (decodedAt.length > 0 && now - (decodedAt[0] ?? now) > 1000) decodedAt.shift();
    if (!running) return;
    const back = (p: { x: number; y: number }) => ({ x: p.x / scale, y: p.y / scale });
    onResult({
      codes: codes.map((code) => ({ text: code.text, corners: code.corners.map(back) as DecodedQrCode['corners'] })),
      videoWidth,
      videoHeight,
    });
  }

  function onFrame(): void {
    if (!running) return;
    const now = performance.now();
    if (!inFlight && now - lastScan >= MIN_INTERVAL_MS && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
      inFlight = true;
      lastScan = now;
      void scan().finally(() => {
        inFlight = false;
      });
    }
    schedule();
  }

  return {
    start() {
      if (running) return;
      running = true;
      schedule();
    },
    stop() {
      running = false;
      if (frameHandle !== undefined && typeof video.cancelVideoFrameCallback === 'function') video.cancelVideoFrameCallback(frameHandle);
      if (animationHandle !== undefined) cancelAnimationFrame(animationHandle);
      frameHandle = undefined;
      animationHandle = undefined;
    },
    rate() {
      const now = performance.now();
      return decodedAt.filter((t) => now - t <= 1000).length;
    },
  };
}
