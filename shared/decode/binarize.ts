/**
 * Stage 2: local thresholds, in the spirit of zxing's "hybrid" binarizer but symmetric, so one
 * pass serves dark-on-light and light-on-dark codes alike. Each 8×8 block's mean is compared with
 * the mean of the 5×5 blocks around it (a 40-pixel window, which follows uneven light and glare
 * gradients): a pixel of a block with contrast is dark when below that local threshold. A flat
 * block (noise-level contrast) gets one colour as a whole, by its mean, so flat paper or a flat
 * dark background never breaks into specks — and a dark quiet zone next to a light code still
 * comes out dark, which the finder scan of inverted codes needs.
 *
 * Nothing is written per pixel: the result is one threshold per block, and the finder scan
 * compares pixels as it reads them (a flat block's threshold is 0 or 256: all light or all dark).
 * Block statistics are read from the next coarser level when there is one (a 4×4 block there is
 * this level's 8×8 block, averaged), a quarter of the reads.
 */
import type { GrayImage } from './types';

export const BLOCK_SHIFT = 3;
const BLOCK = 1 << BLOCK_SHIFT;
/** Blocks whose grey range is at most this are flat. */
const MIN_DYNAMIC_RANGE = 24;
/** A flat block is dark only when clearly darker than its surroundings. */
const FLAT_MARGIN = 4;

/** A level with its block thresholds: pixel (x, y) is dark when gray[y·width + x] < threshold[(y>>3)·blocksWide + (x>>3)]. */
export interface BinaryLevel {
  gray: Uint8Array;
  width: number;
  height: number;
  thresholds: Int16Array;
  blocksWide: number;
}

export function isDark(b: BinaryLevel, x: number, y: number): boolean {
  return (b.gray[y * b.width + x] as number) < (b.thresholds[(y >> BLOCK_SHIFT) * b.blocksWide + (x >> BLOCK_SHIFT)] as number);
}

/** Buffers reused from frame to frame (one set per pyramid level). */
export class Binarizer {
  private readonly buffers: { means: Uint8Array; flat: Uint8Array; rows: Float32Array; thresholds: Int16Array }[] = [];

  /** Thresholds for `level`; `coarser` (the level halved) when there is one. */
  binarize(index: number, level: GrayImage, coarser: GrayImage | undefined): BinaryLevel {
    const { width, height } = level;
    const bw = (width + BLOCK - 1) >> BLOCK_SHIFT;
    const bh = (height + BLOCK - 1) >> BLOCK_SHIFT;
    let buf = this.buffers[index];
    if (!buf || buf.means.length < bw * bh) {
      const n = bw * bh;
      buf = { means: new Uint8Array(n), flat: new Uint8Array(n), rows: new Float32Array(n), thresholds: new Int16Array(n) };
      this.buffers[index] = buf;
    }
    const { means, flat, rows, thresholds } = buf;
    if (coarser) blockStats(coarser, BLOCK >> 1, bw, bh, means, flat);
    else blockStats(level, BLOCK, bw, bh, means, flat);
    // Mean of the 5×5 blocks around each block, as two 1-D box sums (clamped at the borders).
    for (let by = 0; by < bh; by++) {
      const o = by * bw;
      for (let bx = 0; bx < bw; bx++) {
        const c0 = Math.max(0, bx - 2);
        const c1 = Math.min(bw - 1, bx + 2);
        let s = 0;
        for (let c = c0; c <= c1; c++) s += means[o + c] as number;
        rows[o + bx] = s / (c1 - c0 + 1);
      }
    }
    for (let by = 0; by < bh; by++) {
      const r0 = Math.max(0, by - 2);
      const r1 = Math.min(bh - 1, by + 2);
      for (let bx = 0; bx < bw; bx++) {
        let s = 0;
        for (let r = r0; r <= r1; r++) s += rows[r * bw + bx] as number;
        const local = s / (r1 - r0 + 1);
        const b = by * bw + bx;
        thresholds[b] = flat[b] ? ((means[b] as number) < local - FLAT_MARGIN ? 256 : 0) : Math.ceil(local);
      }
    }
    return { gray: level.data, width, height, thresholds, blocksWide: bw };
  }
}

/** Mean and flatness of each size×size block of `src` (blocks past its edge repeat their neighbour). */
function blockStats(src: GrayImage, size: number, bw: number, bh: number, means: Uint8Array, flat: Uint8Array): void {
  const { data, width, height } = src;
  for (let by = 0; by < bh; by++) {
    const y0 = by * size;
    const y1 = Math.min(height, y0 + size);
    for (let bx = 0; bx < bw; bx++) {
      const b = by * bw + bx;
      const x0 = bx * size;
      const x1 = Math.min(width, x0 + size);
      if (y1 <= y0 || x1 <= x0) {
        const from = y1 <= y0 ? (by > 0 ? b - bw : -1) : bx > 0 ? b - 1 : -1;
        means[b] = from >= 0 ? (means[from] as number) : 255;
        flat[b] = from >= 0 ? (flat[from] as number) : 1;
        continue;
      }
      let sum = 0;
      let min = 255;
      let max = 0;
      for (let y = y0; y < y1; y++) {
        for (let i = y * width + x0, end = y * width + x1; i < end; i++) {
          const v = data[i] as number;
          sum += v;
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      means[b] = sum / ((y1 - y0) * (x1 - x0));
      flat[b] = max - min <= MIN_DYNAMIC_RANGE ? 1 : 0;
    }
  }
}
