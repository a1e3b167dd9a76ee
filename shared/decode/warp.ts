/**
 * Stage 6d, the fallback read, and the samplers every stage uses. A candidate's three finder
 * centres define an affine map; the code is resampled through it into a small upright image at a
 * few pixels per module with a margin of quiet zone, dark ink on light paper whatever the
 * original polarity. jsqr then works on ~20–90 thousand pixels instead of millions, sees one
 * code only (no finder patterns of a neighbour to mix in), upright (its locator scans rows), and
 * corrects the remaining perspective itself from the alignment pattern. Samples come from the
 * pyramid level whose resolution is just above what is needed, so big or noisy modules are
 * area-averaged rather than aliased; from the frame itself when no level is fine enough.
 */
import type { GrayImage, Point, RgbaImage } from './types';

/** source = origin + x·u + y·v, for a target pixel coordinate (x, y). */
export interface Affine {
  origin: Point;
  u: Point;
  v: Point;
}

export function mapPoint(map: Affine, x: number, y: number): Point {
  return { x: map.origin.x + x * map.u.x + y * map.v.x, y: map.origin.y + x * map.u.y + y * map.v.y };
}

/**
 * Where target pixels come from: a pyramid level (or a grey patch of the frame whose top-left
 * pixel is at `origin`), or the full-resolution frame itself.
 */
export type Source = { kind: 'level'; level: GrayImage; origin?: Point } | { kind: 'rgba'; image: RgbaImage };

/** The source to sample for `pixelsPerModule` target pixels per module of `module` source pixels. */
export function pickSource(levels: readonly GrayImage[], image: RgbaImage, module: number, pixelsPerModule: number): Source {
  let chosen: GrayImage | undefined;
  for (const level of levels) if (module / level.scale >= pixelsPerModule * 0.9) chosen = level;
  if (chosen) return { kind: 'level', level: chosen };
  const base = levels[0];
  return base && base.scale === 1 ? { kind: 'level', level: base } : { kind: 'rgba', image };
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reusable output buffer for warps. */
export class Warper {
  private buffer = new Uint8ClampedArray(0);

  /**
   * Samples `width`×`height` target pixels through `map` (bilinear) into RGBA grey, inverted when
   * asked; the returned view is valid until the next call.
   */
  warp(source: Source, map: Affine, width: number, height: number, invert: boolean): Uint8ClampedArray {
    const n = width * height * 4;
    if (this.buffer.length < n) this.buffer = new Uint8ClampedArray(n);
    const out = this.buffer.subarray(0, n);
    const words = littleEndian ? new Uint32Array(out.buffer, out.byteOffset, width * height) : undefined;
    const sample = samplerFor(source);
    const flip = invert ? 255 : 0;
    for (let y = 0; y < height; y++) {
      // Pixel centres: (x + 0.5, y + 0.5).
      let sx = map.origin.x + 0.5 * map.u.x + (y + 0.5) * map.v.x;
      let sy = map.origin.y + 0.5 * map.u.y + (y + 0.5) * map.v.y;
      for (let x = 0, i = y * width; x < width; x++, i++) {
        const g = Math.abs(flip - sample(sx, sy));
        if (words) {
          words[i] = (0xff000000 | (g << 16) | (g << 8) | g) >>> 0;
        } else {
          out.fill(g, i * 4, i * 4 + 3);
          out[i * 4 + 3] = 255;
        }
        sx += map.u.x;
        sy += map.u.y;
      }
    }
    return out;
  }
}

/** Bilinear grey at source-pixel positions. */
export function samplerFor(source: Source): (x: number, y: number) => number {
  return source.kind === 'level' ? levelSampler(source.level, source.origin) : rgbaSampler(source.image);
}

/**
 * Full-resolution grey of one box of the frame, for reading a code whose modules are too small
 * for any level: converting the box once costs less than converting four RGBA pixels for each
 * of the thousands of samples a grid read takes.
 */
export class FramePatch {
  private buffer = new Uint8Array(0);

  /** A level-like source with the luma of the frame inside the box (clamped to the frame). */
  cut(image: RgbaImage, left: number, top: number, right: number, bottom: number): Source {
    const x0 = Math.max(0, Math.floor(left));
    const y0 = Math.max(0, Math.floor(top));
    const width = Math.max(2, Math.min(image.width, Math.ceil(right)) - x0);
    const height = Math.max(2, Math.min(image.height, Math.ceil(bottom)) - y0);
    if (this.buffer.length < width * height) this.buffer = new Uint8Array(width * height);
    const data = this.buffer.subarray(0, width * height);
    const src = image.data;
    const w32 =
      littleEndian && src.byteOffset % 4 === 0 ? new Uint32Array(src.buffer, src.byteOffset, image.width * image.height) : undefined;
    for (let y = 0; y < height; y++) {
      const row = Math.min(image.height - 1, y0 + y) * image.width + x0;
      const o = y * width;
      for (let x = 0; x < width; x++) {
        const i = Math.min(image.width * image.height - 1, row + x);
        if (w32) {
          const p = w32[i] as number;
          data[o + x] = ((p & 255) * 77 + ((p >>> 8) & 255) * 150 + ((p >>> 16) & 255) * 29) >> 8;
        } else {
          data[o + x] = ((src[i * 4] as number) * 77 + (src[i * 4 + 1] as number) * 150 + (src[i * 4 + 2] as number) * 29) >> 8;
        }
      }
    }
    return { kind: 'level', level: { data, width, height, scale: 1 }, origin: { x: x0, y: y0 } };
  }
}

/** Bilinear grey at a source-pixel position, from a level (clamped at the borders). */
function levelSampler(level: GrayImage, origin: Point = { x: 0, y: 0 }): (x: number, y: number) => number {
  const { data, width, height, scale } = level;
  const inv = 1 / scale;
  const ox = origin.x;
  const oy = origin.y;
  return (x, y) => {
    const fx = Math.min(width - 1.001, Math.max(0, (x - ox) * inv - 0.5));
    const fy = Math.min(height - 1.001, Math.max(0, (y - oy) * inv - 0.5));
    const ix = fx | 0;
    const iy = fy | 0;
    const ax = fx - ix;
    const ay = fy - iy;
    const i = iy * width + ix;
    const top = (data[i] as number) + ((data[i + 1] as number) - (data[i] as number)) * ax;
    const bottom = (data[i + width] as number) + ((data[i + width + 1] as number) - (data[i + width] as number)) * ax;
    return (top + (bottom - top) * ay + 0.5) | 0;
  };
}

/** Bilinear luma at a source-pixel position, straight from the RGBA frame. */
function rgbaSampler(image: RgbaImage): (x: number, y: number) => number {
  const { data, width, height } = image;
  const w32 = littleEndian && data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, width * height) : undefined;
  if (!w32) {
    const luma = (i: number): number =>
      ((data[i * 4] as number) * 77 + (data[i * 4 + 1] as number) * 150 + (data[i * 4 + 2] as number) * 29) >> 8;
    return (x, y) => {
      const fx = Math.min(width - 1.001, Math.max(0, x - 0.5));
      const fy = Math.min(height - 1.001, Math.max(0, y - 0.5));
      const i = (fy | 0) * width + (fx | 0);
      const ax = fx - (fx | 0);
      const top = luma(i) + (luma(i + 1) - luma(i)) * ax;
      const bottom = luma(i + width) + (luma(i + width + 1) - luma(i + width)) * ax;
      return (top + (bottom - top) * (fy - (fy | 0)) + 0.5) | 0;
    };
  }
  // The common case, written out: four 32-bit reads, four weighted sums, no calls.
  return (x, y) => {
    const fx = Math.min(width - 1.001, Math.max(0, x - 0.5));
    const fy = Math.min(height - 1.001, Math.max(0, y - 0.5));
    const ix = fx | 0;
    const iy = fy | 0;
    const ax = fx - ix;
    const ay = fy - iy;
    const i = iy * width + ix;
    const p = w32[i] as number;
    const q = w32[i + 1] as number;
    const r = w32[i + width] as number;
    const t = w32[i + width + 1] as number;
    const a = ((p & 255) * 77 + ((p >>> 8) & 255) * 150 + ((p >>> 16) & 255) * 29) >> 8;
    const b = ((q & 255) * 77 + ((q >>> 8) & 255) * 150 + ((q >>> 16) & 255) * 29) >> 8;
    const c = ((r & 255) * 77 + ((r >>> 8) & 255) * 150 + ((r >>> 16) & 255) * 29) >> 8;
    const d = ((t & 255) * 77 + ((t >>> 8) & 255) * 150 + ((t >>> 16) & 255) * 29) >> 8;
    const top = a + (b - a) * ax;
    const bottom = c + (d - c) * ax;
    return (top + (bottom - top) * ay + 0.5) | 0;
  };
}
