/**
 * QR decoding on a plain RGBA buffer, shared by the renderer's worker, the CLI and the
 * benchmark. jsqr finds one code per pass, and mixes up finder patterns of different codes
 * when a picture holds several. So: scan the whole picture, painting over each code found;
 * then scan each dark blob that could be a code (regions.ts) on its own.
 */
import jsQR from 'jsqr';
import { candidateRegions, type Region } from './regions';

export interface Point {
  x: number;
  y: number;
}

/** An RGBA image: 4 bytes per pixel, row by row (ImageData's layout). */
export interface RgbaImage {
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

export interface DecodedQrCode {
  text: string;
  /** Top-left, top-right, bottom-right, bottom-left corners, in image pixels. */
  corners: [Point, Point, Point, Point];
}

/** Most codes looked for in one picture. */
export const MAX_CODES_PER_IMAGE = 8;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes every QR code in an RGBA image. Invalid dimensions give an empty list. */
export function decodeQrCodes(image: RgbaImage): DecodedQrCode[] {
  const { width, height } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) return [];
  if (image.data.length < width * height * 4) return [];
  // jsqr needs a Uint8ClampedArray; copy so painting over found codes never touches the caller's buffer.
  const pixels = new Uint8ClampedArray(image.data.subarray(0, width * height * 4));
  const found: DecodedQrCode[] = [];
  scanRegion(pixels, width, { x: 0, y: 0, w: width, h: height }, found);
  // Regions are found on the painted-over picture: codes already read no longer show up.
  for (const region of candidateRegions({ data: pixels, width, height })) {
    if (found.length >= MAX_CODES_PER_IMAGE) break;
    scanRegion(pixels, width, region, found);
  }
  return found;
}

/** Finds codes in one region of `pixels`, painting each over so the next pass sees the rest. */
function scanRegion(pixels: Uint8ClampedArray, stride: number, region: Region, found: DecodedQrCode[]): void {
  const whole = region.x === 0 && region.y === 0 && region.w === stride;
  for (let i = 0; i < MAX_CODES_PER_IMAGE && found.length < MAX_CODES_PER_IMAGE; i++) {
    const view = whole ? pixels : crop(pixels, stride, region);
    const code = jsQR(view, region.w, region.h, { inversionAttempts: 'attemptBoth' });
    if (!code) return;
    const { topLeftCorner, topRightCorner, bottomRightCorner, bottomLeftCorner } = code.location;
    const corners = [topLeftCorner, topRightCorner, bottomRightCorner, bottomLeftCorner].map(({ x, y }) => ({
      x: x + region.x,
      y: y + region.y,
    })) as DecodedQrCode['corners'];
    const text = decodeText(code.binaryData, code.data);
    if (!found.some((f) => f.text === text && sameRegion(f.corners, corners))) found.push({ text, corners });
    paintOver(pixels, stride, pixels.length / 4 / stride, corners);
  }
}

function crop(pixels: Uint8ClampedArray, stride: number, { x, y, w, h }: Region): Uint8ClampedArray {
  const out = new Uint8ClampedArray(w * h * 4);
  for (let row = 0; row < h; row++) {
    const start = ((y + row) * stride + x) * 4;
    out.set(pixels.subarray(start, start + w * 4), row * w * 4);
  }
  return out;
}

/** UTF-8 when the bytes are valid UTF-8 (most codes), else jsqr's own reading. */
function decodeText(bytes: number[], fallback: string): string {
  try {
    return utf8.decode(Uint8Array.from(bytes));
  } catch {
    return fallback;
  }
}

function sameRegion(a: readonly Point[], b: readonly Point[]): boolean {
  return a.every((p, i) => Math.hypot(p.x - (b[i]?.x ?? 0), p.y - (b[i]?.y ?? 0)) < 4);
}

/** Fills the code's quadrilateral, grown by 15% around its centre, with white. */
function paintOver(pixels: Uint8ClampedArray, width: number, height: number, corners: readonly Point[]): void {
  const cx = corners.reduce((s, p) => s + p.x, 0) / 4;
  const cy = corners.reduce((s, p) => s + p.y, 0) / 4;
  const quad = corners.map((p) => ({ x: cx + (p.x - cx) * 1.15, y: cy + (p.y - cy) * 1.15 }));
  const xs = quad.map((p) => p.x);
  const ys = quad.map((p) => p.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(...ys)));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (insideConvex(quad, x, y)) pixels.fill(255, (y * width + x) * 4, (y * width + x) * 4 + 4);
    }
  }
}

function insideConvex(quad: readonly Point[], x: number, y: number): boolean {
  let sign = 0;
  for (let i = 0; i < quad.length; i++) {
    const a = quad[i] as Point;
    const b = quad[(i + 1) % quad.length] as Point;
    const cross = (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
    if (cross !== 0) {
      if (sign === 0) sign = Math.sign(cross);
      else if (Math.sign(cross) !== sign) return false;
    }
  }
  return true;
}
