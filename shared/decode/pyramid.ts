/**
 * Stage 1: grey levels. The frame is read once into a grey base level (full size up to 720p
 * camera frames, half size from 1080p to 4K), then halved a few times by 2×2 means. Finder
 * patterns are looked for on every level: small modules show on the base, big, blurred or noisy
 * ones on the coarser levels, where averaging has taken the noise away. Buffers are kept between
 * frames.
 */
import type { GrayImage, RgbaImage } from './types';

/** Coarser levels stop above this many lines (a code needs a few dozen pixels). */
const MIN_LEVEL_LINES = 100;
const MAX_LEVELS = 4;

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The base level's reduction factor for a frame of this size: 1 for camera frames up to 720p,
 * 2 from 1080p to 4K (small modules of 1080p and 1440p screens are then found by a pass over the
 * frame itself, findSmallFinderPatterns), 4 beyond.
 */
export function baseFactor(width: number, height: number): number {
  const lines = Math.min(width, height);
  return lines < 1000 ? 1 : lines < 3000 ? 2 : 4;
}

export class Pyramid {
  readonly levels: GrayImage[] = [];
  private buffers: Uint8Array[] = [];

  /** Rebuilds the levels for `image`, reusing the buffers of the previous frame when big enough. */
  build(image: RgbaImage): GrayImage[] {
    const k = baseFactor(image.width, image.height);
    this.levels.length = 0;
    let level = this.level(0, Math.floor(image.width / k), Math.floor(image.height / k), k);
    if (k === 1) fullResolution(image, level);
    else reduceRgba(image, k, level);
    this.levels.push(level);
    // Halving reads what was just written; the next levels are a quarter, a sixteenth… of the work.
    while (this.levels.length < MAX_LEVELS && Math.min(level.width, level.height) / 2 >= MIN_LEVEL_LINES) {
      const next = this.level(this.levels.length, level.width >> 1, level.height >> 1, level.scale * 2);
      halve(level, next);
      this.levels.push(next);
      level = next;
    }
    return this.levels;
  }

  private level(index: number, width: number, height: number, scale: number): GrayImage {
    let buffer = this.buffers[index];
    if (!buffer || buffer.length < width * height) {
      buffer = new Uint8Array(width * height);
      this.buffers[index] = buffer;
    }
    return { data: buffer.subarray(0, width * height), width, height, scale };
  }
}

/** 32-bit view of the RGBA bytes when alignment and byte order allow (4× fewer reads). */
function words(data: RgbaImage['data']): Uint32Array | undefined {
  return littleEndian && data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, data.length >> 2) : undefined;
}

/** Rec. 601 luma in fixed point (weights sum to 256). */
function fullResolution(image: RgbaImage, out: GrayImage): void {
  const { width, height } = out;
  const src = image.data;
  const dst = out.data;
  const w32 = words(src);
  if (w32) {
    for (let i = 0, n = width * height; i < n; i++) {
      const p = w32[i] as number;
      dst[i] = ((p & 255) * 77 + ((p >>> 8) & 255) * 150 + ((p >>> 16) & 255) * 29) >> 8;
    }
    return;
  }
  for (let i = 0, j = 0, n = width * height; i < n; i++, j += 4) {
    dst[i] = ((src[j] as number) * 77 + (src[j + 1] as number) * 150 + (src[j + 2] as number) * 29) >> 8;
  }
}

/** Mean luma of each k×k block: one read of every source pixel. */
function reduceRgba(image: RgbaImage, k: number, out: GrayImage): void {
  const w32 = words(image.data);
  if (w32 && k === 2) return reduceWords2(w32, image.width, out);
  const { width, height } = out;
  const stride = image.width;
  const src = image.data;
  const dst = out.data;
  const div = 256 * k * k;
  for (let y = 0; y < height; y++) {
    const o = y * width;
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let dy = 0; dy < k; dy++) {
        for (let dx = 0, j = ((y * k + dy) * stride + x * k) * 4; dx < k; dx++, j += 4) {
          s += (src[j] as number) * 77 + (src[j + 1] as number) * 150 + (src[j + 2] as number) * 29;
        }
      }
      dst[o + x] = (s / div) | 0;
    }
  }
}

/**
 * The 4K case, k = 2, on 32-bit pixels: each output is the mean of a horizontal pair of source
 * pixels on even rows, red and blue of both summed in two 16-bit lanes of one integer. Reading
 * half the rows halves the memory traffic, the dominant cost of a 4K frame (33 MB); modules
 * there are at least 3 pixels, so no code is lost between the rows read, and the coarser levels
 * still average over 2×4, 4×8… pixels.
 */
function reduceWords2(w32: Uint32Array, stride: number, out: GrayImage): void {
  const { width, height, data: dst } = out;
  for (let y = 0; y < height; y++) {
    let a = 2 * y * stride;
    const o = y * width;
    for (let x = 0; x < width; x++, a += 2) {
      const p = w32[a] as number;
      const q = w32[a + 1] as number;
      const rb = (p & 0xff00ff) + (q & 0xff00ff);
      const g = ((p >>> 8) & 0xff) + ((q >>> 8) & 0xff);
      dst[o + x] = ((rb & 0xffff) * 77 + g * 150 + (rb >>> 16) * 29) >> 9;
    }
  }
}

/** 2×2 box reduction of one level into the next. */
function halve(src: GrayImage, dst: GrayImage): void {
  const s = src.data;
  const d = dst.data;
  const sw = src.width;
  if (sw % 4 === 0 && s.byteOffset % 4 === 0) {
    // Four source pixels per 32-bit read; pairs summed in two 16-bit lanes.
    const s32 = new Uint32Array(s.buffer, s.byteOffset, (sw * src.height) >> 2);
    const words = sw >> 2;
    for (let y = 0; y < dst.height; y++) {
      const a = 2 * y * words;
      const b = a + words;
      const o = y * dst.width;
      for (let x = 0; x < words; x++) {
        const p = s32[a + x] as number;
        const q = s32[b + x] as number;
        const lanes = (p & 0xff00ff) + ((p >>> 8) & 0xff00ff) + (q & 0xff00ff) + ((q >>> 8) & 0xff00ff);
        d[o + 2 * x] = ((lanes & 0xffff) + 2) >> 2;
        d[o + 2 * x + 1] = ((lanes >>> 16) + 2) >> 2;
      }
    }
    return;
  }
  for (let y = 0; y < dst.height; y++) {
    let a = 2 * y * sw;
    let b = a + sw;
    const o = y * dst.width;
    for (let x = 0; x < dst.width; x++, a += 2, b += 2) {
      d[o + x] = ((s[a] as number) + (s[a + 1] as number) + (s[b] as number) + (s[b + 1] as number) + 2) >> 2;
    }
  }
}
