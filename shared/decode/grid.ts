/**
 * Stage 5b, for the crops jsqr could not read: sample the module grid ourselves. From the three
 * finder centres and the alignment pattern (searched for near where they predict it) comes a
 * homography that follows perspective; every module is read as the mean of five samples around
 * its centre and called dark or light against the mean of the 7×7 modules around it. That local
 * comparison is what rescues blurred, glared and unevenly lit codes: a blurred lone module is
 * still darker than its surroundings even when no global (or 8-pixel-block) threshold sees it.
 * render.ts then draws the modules as a perfect symbol for jsqr to decode.
 */
import { homography, project, type Homography } from './perspective';
import type { Point } from './types';

/** Bilinear grey at a source-pixel position. */
export type Sampler = (x: number, y: number) => number;

export interface GridPoints {
  topLeft: Point;
  topRight: Point;
  bottomLeft: Point;
}

/** The nearest valid symbol size (17 + 4·version) for `span` modules between finder centres. */
export function dimensionFor(span: number): number {
  const version = Math.min(40, Math.max(1, Math.round((span + 7 - 17) / 4)));
  return 17 + 4 * version;
}

/**
 * The alignment pattern nearest `predicted`: a dark module ringed by light, ringed by dark
 * (inverted: the opposite), scored on a third-of-a-module lattice up to `reach` modules away.
 */
function findAlignment(sample: Sampler, predicted: Point, mu: Point, mv: Point, inverted: boolean, reach: number): Point | undefined {
  let best: Point | undefined;
  let bestScore = 0;
  const steps = Math.round(reach * 3);
  const ring = (x: number, y: number, r: number): number =>
    (sample(x + r * mu.x, y + r * mu.y) +
      sample(x - r * mu.x, y - r * mu.y) +
      sample(x + r * mv.x, y + r * mv.y) +
      sample(x - r * mv.x, y - r * mv.y) +
      sample(x + r * (mu.x + mv.x), y + r * (mu.y + mv.y)) +
      sample(x - r * (mu.x + mv.x), y - r * (mu.y + mv.y)) +
      sample(x + r * (mu.x - mv.x), y + r * (mu.y - mv.y)) +
      sample(x - r * (mu.x - mv.x), y - r * (mu.y - mv.y))) /
    8;
  for (let j = -steps; j <= steps; j++) {
    for (let i = -steps; i <= steps; i++) {
      const x = predicted.x + (i * mu.x + j * mv.x) / 3;
      const y = predicted.y + (i * mu.y + j * mv.y) / 3;
      const contrast = ring(x, y, 1) - (sample(x, y) + ring(x, y, 2)) / 2;
      // Prefer the pattern nearest the prediction when several score alike.
      const score = (inverted ? -contrast : contrast) * (1 - 0.04 * Math.hypot(i, j) / 3);
      if (score > bestScore) {
        bestScore = score;
        best = { x, y };
      }
    }
  }
  return bestScore >= 12 ? best : undefined;
}

/**
 * Module (u, v) → source pixel homography for a symbol of `dimension` modules whose finder
 * centres are `p` (module centres sit at half-integers: the top-left finder's is (3.5, 3.5)).
 */
export function gridHomography(sample: Sampler, p: GridPoints, dimension: number, inverted: boolean): Homography {
  const span = dimension - 7;
  const mu = { x: (p.topRight.x - p.topLeft.x) / span, y: (p.topRight.y - p.topLeft.y) / span };
  const mv = { x: (p.bottomLeft.x - p.topLeft.x) / span, y: (p.bottomLeft.y - p.topLeft.y) / span };
  const affine = (u: number, v: number): Point => ({ x: p.topLeft.x + (u - 3.5) * mu.x + (v - 3.5) * mv.x, y: p.topLeft.y + (u - 3.5) * mu.y + (v - 3.5) * mv.y });
  const far = dimension - 6.5;
  const alignment = dimension > 21 ? findAlignment(sample, affine(far, far), mu, mv, inverted, Math.min(5, 2 + dimension / 15)) : undefined;
  const fourth = alignment ? { x: far, y: far } : { x: dimension - 3.5, y: dimension - 3.5 };
  const fourthAt = alignment ?? affine(fourth.x, fourth.y);
  return homography(
    [{ x: 3.5, y: 3.5 }, { x: dimension - 3.5, y: 3.5 }, fourth, { x: 3.5, y: dimension - 3.5 }],
    [p.topLeft, p.topRight, fourthAt, p.bottomLeft],
  );
}

/** Reusable module buffers. */
export class GridSampler {
  private values = new Float32Array(0);
  private sums = new Float64Array(0);
  private bits = new Uint8Array(0);

  /**
   * Reads every module through `toImage`: 1 = ink (dark, or light for an inverted code). Each
   * module is compared with the mean of the (2·radius+1)² modules around it.
   */
  sample(sample: Sampler, toImage: Homography, dimension: number, inverted: boolean, radius = 3): Uint8Array {
    const n = dimension * dimension;
    if (this.values.length < n) {
      this.values = new Float32Array(n);
      this.bits = new Uint8Array(n);
      this.sums = new Float64Array((dimension + 1) * (dimension + 1));
    }
    if (this.sums.length < (dimension + 1) * (dimension + 1)) this.sums = new Float64Array((dimension + 1) * (dimension + 1));
    const { values, sums, bits } = this;
    const d = 0.22;
    for (let r = 0; r < dimension; r++) {
      for (let c = 0; c < dimension; c++) {
        const u = c + 0.5;
        const v = r + 0.5;
        let s = 0;
        for (const [du, dv] of OFFSETS) {
          const q = project(toImage, u + du * d, v + dv * d);
          s += sample(q.x, q.y);
        }
        values[r * dimension + c] = s / OFFSETS.length;
      }
    }
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

const OFFSETS: readonly (readonly [number, number])[] = [
  [0, 0],
  [-1, 0],
  [1, 0],
  [0, -1],
  [0, 1],
];
