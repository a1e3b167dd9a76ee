/**
 * The preview's fake screenshot: a 1920 × 1080 "desktop" with a meeting window showing the
 * fixture meeting's QR code, as BGRA pixels — the layout Electron's desktopCapturer gives —
 * so the renderer's colour conversion is exercised too.
 */
import QRCode from 'qrcode';
import type { ScreenFrame } from '../../shared/ipc';
import { FIXTURE_GUEST_PASSWORD, FIXTURE_MEETING_ID } from '../../simulator/fixture';
import { formatMeetingId } from '../../shared/payload/index';

/** What the fixture QR code says: the invitation text a meeting app shows (ID and guest password). */
export const FIXTURE_SCREEN_TEXT = `Meeting ID: ${formatMeetingId(FIXTURE_MEETING_ID)}\nGuest password: ${FIXTURE_GUEST_PASSWORD}`;

type Rgb = readonly [number, number, number];

class Canvas {
  readonly data: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.data = new Uint8Array(width * height * 4);
    this.fill(0, 0, width, height, background);
  }

  /** Fills a rectangle, stored as BGRA. */
  fill(x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
    for (let row = Math.max(0, y); row < Math.min(this.height, y + h); row++) {
      for (let col = Math.max(0, x); col < Math.min(this.width, x + w); col++) {
        const i = (row * this.width + col) * 4;
        this.data[i] = b;
        this.data[i + 1] = g;
        this.data[i + 2] = r;
        this.data[i + 3] = 255;
      }
    }
  }
}

/** Draws the QR code of `text` with its top-left corner (quiet zone included) at `x`, `y`. */
function drawQr(canvas: Canvas, text: string, x: number, y: number, scale: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  canvas.fill(x, y, (modules.size + quiet * 2) * scale, (modules.size + quiet * 2) * scale, [255, 255, 255]);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) canvas.fill(x + (col + quiet) * scale, y + (row + quiet) * scale, scale, scale, [17, 17, 17]);
    }
  }
}

/** A screenshot with the QR code of `text` (the fixture meeting by default) at `x`, `y`. */
export function fixtureScreen(options: { text?: string; x?: number; y?: number; scale?: number; id?: string } = {}): ScreenFrame {
  const width = 1920;
  const height = 1080;
  const canvas = new Canvas(width, height, [226, 231, 238]);
  canvas.fill(0, height - 48, width, 48, [40, 44, 52]); // task bar
  canvas.fill(220, 120, 1480, 800, [250, 251, 252]); // the meeting app's window
  canvas.fill(220, 120, 1480, 44, [232, 236, 241]); // its title bar
  canvas.fill(280, 220, 760, 36, [205, 212, 222]); // "text" lines
  canvas.fill(280, 290, 620, 24, [220, 225, 232]);
  canvas.fill(280, 334, 680, 24, [220, 225, 232]);
  drawQr(canvas, options.text ?? FIXTURE_SCREEN_TEXT, options.x ?? 1240, options.y ?? 360, options.scale ?? 5);
  return { id: options.id ?? 'screen:0', name: 'Screen 1', width, height, format: 'bgra', data: canvas.data };
}

/** A screenshot with no QR code at all. */
export function blankScreen(): ScreenFrame {
  const canvas = new Canvas(1920, 1080, [226, 231, 238]);
  canvas.fill(220, 120, 1480, 800, [250, 251, 252]);
  return { id: 'screen:0', name: 'Screen 1', width: 1920, height: 1080, format: 'bgra', data: canvas.data };
}
