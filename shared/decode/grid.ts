/**
 * Stage 6b, reading the modules. Every module is the mean of five samples around its centre
 * (through the homography of alignment.ts), pushed away from its four neighbours' mean to undo
 * some defocus, and called dark or light against the mean of the 7×7 modules around it. That
 * local comparison is what rescues blurred, glared and unevenly lit codes: a blurred lone module
 * is still darker than its surroundings even when no global (or 8-pixel-block) threshold sees
 * it. render.ts then draws the modules as a perfect symbol for jsqr to decode.
 */
import type { Homography } from './perspective';
import type { Sampler } from './types';

/** Reusable module buffers. */
export class GridSampler {
  private values = new Float32Array(0);
  private sums = new Float64Array(0);
  private bits = new Uint8Array(0);
  private scratch = new Float32Array(0);

  private spare(n: number): Float32Array {
    if (this.scratch.length < n) this.scratch = new Float32Array(n);
    return this.scratch;
  }

  /**
   * A cheap look before reading every module: the timing row and column alone (two lines of
   * modules instead of the whole square), each module called against their mean. True when one
   * of them alternates well enough that the full read is worth it.
   */
  timingPrecheck(sample: Sampler, toImage: Homography, dimension: number): boolean {
    const n = dimension - 16;
    if (n <= 0) return true;
    if (this.values.length < 2 * n) this.values = new Float32Array(Math.max(2 * n, this.values.length));
    const values = this.values;
    const [a, b, c0, e, f, g0, h, k, l] = toImage;
    const at = (u: number, v: number): number => {
      const w = h * u + k * v + l;
      return sample((a * u + b * v + c0) / w, (e * u + f * v + g0) / w);
    };
    for (let i = 0; i < n; i++) {
      values[i] = at(8.5 + i, 6.5);
      values[n + i] = at(6.5, 8.5 + i);
    }
    let best = 0;
    for (const offset of [0, n]) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += values[offset + i] as number;
      mean /= n;
      // Either polarity: light-on-dark codes alternate just the same.
      let same = 0;
      for (let i = 0; i < n; i++) if (((values[offset + i] as number) < mean) === (i % 2 === 0)) same++;
      best = Math.max(best, same, n - same);
    }
    return best >= Math.max(n * 0.75, n - 3);
  }

  /**
   * Reads every module through `toImage`: 1 = ink (dark, or light for an inverted code). Each
   * module is compared with the mean of the (2·radius+1)² modules around it.
   */
  sample(sample: Sampler, toImage: Homography, dimension: number, inverted: boolean, sharpen = 0, radius = 3): Uint8Array {
    const n = dimension * dimension;
    if (this.values.length < n) {
      this.values = new Float32Array(n);
      this.bits = new Uint8Array(n);
      this.sums = new Float64Array((dimension + 1) * (dimension + 1));
    }
    if (this.sums.length < (dimension + 1) * (dimension + 1)) this.sums = new Float64Array((dimension + 1) * (dimension + 1));
    const { values, sums, bits } = this;
    const d = 0.22;
    const [a, b, c0, e, f, g0, h, k, l] = toImage;
    // The centre and four neighbours at ±d along the module axes, projected inline (this loop
    // runs dimension² × 5 times; no objects allocated).
    const at = (u: number, v: number): number => {
      const w = h * u + k * v + l;
      return sample((a * u + b * v + c0) / w, (e * u + f * v + g0) / w);
    };
    for (let r = 0; r < dimension; r++) {
      for (let c = 0; c < dimension; c++) {
        const u = c + 0.5;
        const v = r + 0.5;
        values[r * dimension + c] = (at(u, v) + at(u - d, v) + at(u + d, v) + at(u, v - d) + at(u, v + d)) / 5;
      }
    }
    if (sharpen > 0) sharpenModules(values, this.spare(n), dimension, sharpen);
    // Summed-area table of the module values, for the local means.
    const w = dimension + 1;
    sums.fill(0, 0, w * w);
    for (let r = 0; r < dimension; r++) {
      let row = 0;
      for (let c = 0; c < dimension; c++) {
        row += values[r * dimension + c] as number;
        sums[(r + 1) * w + c + 1] = (sums[r * w + c + 1] as number) + row;
      }
    }
    for (let r = 0; r < dimension; r++) {
      const r0 = Math.max(0, r - radius);
      const r1 = Math.min(dimension, r + radius + 1);
      for (let c = 0; c < dimension; c++) {
        const c0 = Math.max(0, c - radius);
        const c1 = Math.min(dimension, c + radius + 1);
        const total = (sums[r1 * w + c1] as number) - (sums[r0 * w + c1] as number) - (sums[r1 * w + c0] as number) + (sums[r0 * w + c0] as number);
        const mean = total / ((r1 - r0) * (c1 - c0));
        const dark = (values[r * dimension + c] as number) < mean;
        bits[r * dimension + c] = dark !== inverted ? 1 : 0;
      }
    }
    return bits.subarray(0, n);
  }
}

/**
 * Whether sampled bits look like a QR symbol before jsqr spends time on them: its timing row or
 * column (modules 8 to dimension − 9 of row and column 6) should alternate. A true code, even
 * blurred or glared, gets most of one of them right; random texture mistaken for a code gets
 * about half, and big false candidates would cost jsqr tens of milliseconds each.
 */
export function timingLooksRight(bits: Uint8Array, dimension: number): boolean {
  let row = 0;
  let column = 0;
  const n = dimension - 16;
  for (let i = 8; i < dimension - 8; i++) {
    const want = i % 2 === 0 ? 1 : 0;
    if (bits[6 * dimension + i] === want) row++;
    if (bits[i * dimension + 6] === want) column++;
  }
  return Math.max(row, column) >= Math.max(n * 0.75, n - 3);
}

/**
 * Undoes some defocus: a blurred module's value is part its own and part its four neighbours'
 * (with blur of half a module, about 55% and 40%), so pushing each value away from its
 * neighbours' mean restores the contrast of lone modules.
 */
function sharpenModules(values: Float32Array, copy: Float32Array, dimension: number, amount: number): void {
  copy.set(values.subarray(0, dimension * dimension));
  for (let r = 0; r < dimension; r++) {
    for (let c = 0; c < dimension; c++) {
      const i = r * dimension + c;
      const own = copy[i] as number;
      // Edge modules repeat themselves outward (the quiet zone is not sampled).
      const up = r > 0 ? (copy[i - dimension] as number) : own;
      const down = r < dimension - 1 ? (copy[i + dimension] as number) : own;
      const left = c > 0 ? (copy[i - 1] as number) : own;
      const right = c < dimension - 1 ? (copy[i + 1] as number) : own;
      values[i] = own + amount * (own - (up + down + left + right) / 4);
    }
  }
}

