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
/** Blocks whose grey range is at most this are flat (less where the level's noise is lower: flatLimit). */
const MIN_DYNAMIC_RANGE = 24;
/** The least range counted as contrast, however clean the level. */
const MIN_FLAT_RANGE = 16;
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
  private readonly buffers: {
    means: Uint8Array;
    flat: Uint8Array;
    lows: Uint8Array;
    highs: Uint8Array;
    rows: Float32Array;
    thresholds: Int16Array;
  }[] = [];
  private columns = new Float32Array(0);
  private readonly histogram = new Uint32Array(256);

  private column(n: number): Float32Array {
    if (this.columns.length < n) this.columns = new Float32Array(n);
    return this.columns;
  }

  /** Thresholds for `level`; `coarser` (the level halved) when there is one. */
  binarize(index: number, level: GrayImage, coarser: GrayImage | undefined): BinaryLevel {
    const { width, height } = level;
    const bw = (width + BLOCK - 1) >> BLOCK_SHIFT;
    const bh = (height + BLOCK - 1) >> BLOCK_SHIFT;
    let buf = this.buffers[index];
    if (!buf || buf.means.length < bw * bh) {
      const n = bw * bh;
      buf = {
        means: new Uint8Array(n),
        flat: new Uint8Array(n),
        lows: new Uint8Array(n),
        highs: new Uint8Array(n),
        rows: new Float32Array(n),
        thresholds: new Int16Array(n),
      };
      this.buffers[index] = buf;
    }
    const { means, flat, lows, highs, rows, thresholds } = buf;
    if (coarser) blockStats(coarser, BLOCK >> 1, bw, bh, means, lows, highs);
    else blockStats(level, BLOCK, bw, bh, means, lows, highs);
    const limit = flatLimit(lows, highs, bw * bh, this.histogram);
    for (let b = 0; b < bw * bh; b++) flat[b] = (highs[b] as number) - (lows[b] as number) <= limit ? 1 : 0;
    // Mean of the 5×5 blocks around each block, as two sliding 1-D box sums (clamped at the borders).
    for (let by = 0; by < bh; by++) {
      const o = by * bw;
      let s = 0;
      for (let c = 0; c <= Math.min(bw - 1, 2); c++) s += means[o + c] as number;
      for (let bx = 0; bx < bw; bx++) {
        const count = Math.min(bw - 1, bx + 2) - Math.max(0, bx - 2) + 1;
        rows[o + bx] = s / count;
        if (bx + 3 < bw) s += means[o + bx + 3] as number;
        if (bx - 2 >= 0) s -= means[o + bx - 2] as number;
      }
    }
    const column = this.column(bw);
    column.fill(0, 0, bw);
    for (let r = 0; r <= Math.min(bh - 1, 2); r++)
      for (let bx = 0; bx < bw; bx++) column[bx] = (column[bx] as number) + (rows[r * bw + bx] as number);
    for (let by = 0; by < bh; by++) {
      const count = Math.min(bh - 1, by + 2) - Math.max(0, by - 2) + 1;
      const o = by * bw;
      for (let bx = 0; bx < bw; bx++) {
        const local = (column[bx] as number) / count;
        const b = o + bx;
        thresholds[b] = flat[b] ? ((means[b] as number) < local - FLAT_MARGIN ? 256 : 0) : Math.ceil(local);
      }
      if (by + 3 < bh) for (let bx = 0; bx < bw; bx++) column[bx] = (column[bx] as number) + (rows[(by + 3) * bw + bx] as number);
      if (by - 2 >= 0) for (let bx = 0; bx < bw; bx++) column[bx] = (column[bx] as number) - (rows[(by - 2) * bw + bx] as number);
    }
    return { gray: level.data, width, height, thresholds, blocksWide: bw };
  }
}

/**
 * The widest grey range a block may have and still be flat, for this level: what noise alone
 * gives here. Taken as twice the range of the quietest quarter of the blocks (paper, background),
 * between MIN_FLAT_RANGE and MIN_DYNAMIC_RANGE: a clean photo of a faded print, whose ink and
 * paper differ by barely more than 24 levels, keeps the edges of its finder rings, while a noisy
 * camera frame stays at 24 and its noise does not break into specks.
 */
function flatLimit(lows: Uint8Array, highs: Uint8Array, n: number, histogram: Uint32Array): number {
  histogram.fill(0);
  for (let b = 0; b < n; b++) {
    const range = (highs[b] as number) - (lows[b] as number);
    histogram[range] = (histogram[range] as number) + 1;
  }
  let seen = 0;
  let range = 0;
  for (; range < 255; range++) {
    seen += histogram[range] as number;
    if (seen >= n / 4) break;
  }
  return Math.min(MIN_DYNAMIC_RANGE, Math.max(MIN_FLAT_RANGE, 2 * range));
}

/** Mean and grey range (darkest, lightest) of each size×size block of `src` (blocks past its edge repeat their neighbour). */
function blockStats(src: GrayImage, size: number, bw: number, bh: number, means: Uint8Array, lows: Uint8Array, highs: Uint8Array): void {
  const { data, width, height } = src;
  // Whole blocks along a row at a time: the inner loop reads memory in order.
  const full = Math.min(bw, Math.floor(width / size));
  for (let by = 0; by < bh; by++) {
    const y0 = by * size;
    const y1 = Math.min(height, y0 + size);
    const o = by * bw;
    if (y1 <= y0) {
      for (let bx = 0; bx < bw; bx++) {
        means[o + bx] = by > 0 ? (means[o + bx - bw] as number) : 255;
        lows[o + bx] = by > 0 ? (lows[o + bx - bw] as number) : 255;
        highs[o + bx] = by > 0 ? (highs[o + bx - bw] as number) : 255;
      }
      continue;
    }
    const rows = y1 - y0;
    for (let bx = 0; bx < full; bx++) {
      let sum = 0;
      let min = 255;
      let max = 0;
      for (let y = y0; y < y1; y++) {
        for (let i = y * width + bx * size, end = i + size; i < end; i++) {
          const v = data[i] as number;
          sum += v;
          min = v < min ? v : min;
          max = v > max ? v : max;
        }
      }
      means[o + bx] = sum / (rows * size);
      lows[o + bx] = min;
      highs[o + bx] = max;
    }
    // A partial last block, then blocks wholly past the edge (when the coarser level is narrower).
    for (let bx = full; bx < bw; bx++) {
      const x0 = bx * size;
      const x1 = Math.min(width, x0 + size);
      if (x1 <= x0) {
        means[o + bx] = bx > 0 ? (means[o + bx - 1] as number) : 255;
        lows[o + bx] = bx > 0 ? (lows[o + bx - 1] as number) : 255;
        highs[o + bx] = bx > 0 ? (highs[o + bx - 1] as number) : 255;
        continue;
      }
      let sum = 0;
      let min = 255;
      let max = 0;
      for (let y = y0; y < y1; y++) {
        for (let i = y * width + x0, end = y * width + x1; i < end; i++) {
          const v = data[i] as number;
          sum += v;
          min = v < min ? v : min;
          max = v > max ? v : max;
        }
      }
      means[o + bx] = sum / (rows * (x1 - x0));
      lows[o + bx] = min;
      highs[o + bx] = max;
    }
  }
}
