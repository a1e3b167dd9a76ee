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
      for (let i = 0; i < n; i++) if ((values[offset + i] as number) < mean === (i % 2 === 0)) same++;
      best = Math.max(best, same, n - same);
    }
    return best >= Math.max(n * 0.75, n - 3);
  }

  /**
   * Reads every module through `toImage`: 1 = ink (dark, or light for an inverted code). Each
   * module is compared with the mean of the (2·radius+1)² modules around it. `warp`, when given,
   * moves module coordinates before the homography (a curved surface, see timingWarp).
   */
  sample(sample: Sampler, toImage: Homography, dimension: number, inverted: boolean, sharpen = 0, radius = 3, warp?: GridWarp): Uint8Array {
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
    const at = warp
      ? (u0: number, v0: number): number => {
          const u = warp.u(u0);
          const v = warp.v(v0);
          const w = h * u + k * v + l;
          return sample((a * u + b * v + c0) / w, (e * u + f * v + g0) / w);
        }
      : (u: number, v: number): number => {
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
        const total =
          (sums[r1 * w + c1] as number) - (sums[r0 * w + c1] as number) - (sums[r1 * w + c0] as number) + (sums[r0 * w + c0] as number);
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

/** Module-coordinate corrections along each axis, applied before a grid's homography. */
export interface GridWarp {
  u(u: number): number;
  v(v: number): number;
}

/** Samples per module when tracing a timing line's edges. */
const TRACE = 8;

/**
 * Where the module edges of one timing line really are, in the homography's module coordinates:
 * the line (row 6 when `row`, else column 6) is traced from module 7 to dimension − 7 and every
 * crossing of its two-module running mean is an edge, expected at 8, 9, … dimension − 8. A code
 * on a curved surface (a bottle, a bent page) squeezes its modules towards the edges, which one
 * homography cannot follow; the measured edges can. Undefined unless the count is exactly right.
 */
function timingEdges(sample: Sampler, toImage: Homography, dimension: number, row: boolean): number[] | undefined {
  const [a, b, c0, e, f, g0, h, k, l] = toImage;
  const from = 7.25;
  const to = dimension - 7.25;
  const n = Math.ceil((to - from) * TRACE);
  const values = new Float32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const t = from + ((to - from) * i) / n;
    const u = row ? t : 6.5;
    const v = row ? 6.5 : t;
    const w = h * u + k * v + l;
    values[i] = sample((a * u + b * v + c0) / w, (e * u + f * v + g0) / w);
  }
  const edges: number[] = [];
  let previous = 0;
  for (let i = 0; i <= n; i++) {
    let sum = 0;
    let count = 0;
    for (let j = Math.max(0, i - TRACE); j <= Math.min(n, i + TRACE); j++, count++) sum += values[j] as number;
    const d = (values[i] as number) - sum / count;
    if (i > 0 && d * previous < 0) edges.push(from + ((to - from) * (i - Math.abs(d) / (Math.abs(d) + Math.abs(previous)))) / n);
    if (d !== 0) previous = d;
  }
  return edges.length === dimension - 15 ? edges : undefined;
}

/** A monotone piecewise-linear map through (at[i], to[i]), extended with slope 1 past its ends. */
function piecewise(at: number[], to: number[]): (x: number) => number {
  return (x) => {
    if (x <= (at[0] as number)) return (to[0] as number) + x - (at[0] as number);
    for (let i = 1; i < at.length; i++) {
      const a1 = at[i] as number;
      if (x <= a1) {
        const a0 = at[i - 1] as number;
        const t0 = to[i - 1] as number;
        return t0 + ((x - a0) * ((to[i] as number) - t0)) / (a1 - a0);
      }
    }
    return (to[to.length - 1] as number) + x - (at[at.length - 1] as number);
  };
}

/**
 * The correction for a curved code from its two timing lines (timingEdges), or undefined when
 * neither could be traced. An axis whose line was lost is left as the homography has it.
 */
export function timingWarp(sample: Sampler, toImage: Homography, dimension: number): GridWarp | undefined {
  const rowEdges = timingEdges(sample, toImage, dimension, true);
  const columnEdges = timingEdges(sample, toImage, dimension, false);
  if (!rowEdges && !columnEdges) return undefined;
  // Nominal positions: finder centres stay put, edge j of the line is at 8 + j.
  const nominal = [3.5, ...Array.from({ length: dimension - 15 }, (_, j) => 8 + j), dimension - 3.5];
  const axis = (edges: number[] | undefined): ((x: number) => number) =>
    edges ? piecewise(nominal, [3.5, ...edges, dimension - 3.5]) : (x) => x;
  return { u: axis(rowEdges), v: axis(columnEdges) };
}
