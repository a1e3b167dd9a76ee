/**
 * Stage 5b, for the crops jsqr could not read: sample the module grid ourselves. From the three
 * finder centres and the alignment pattern (searched for near where they predict it) comes a
 * homography that follows perspective; every module is read as the mean of five samples around
 * its centre and called dark or light against the mean of the 7×7 modules around it. That local
 * comparison is what rescues blurred, glared and unevenly lit codes: a blurred lone module is
 * still darker than its surroundings even when no global (or 8-pixel-block) threshold sees it.
 * render.ts then draws the modules as a perfect symbol for jsqr to decode.
 */
import { homography, type Homography } from './perspective';
import type { Point } from './types';

/** Bilinear grey at a source-pixel position. */
export type Sampler = (x: number, y: number) => number;

export interface GridPoints {
  topLeft: Point & { module: number };
  topRight: Point & { module: number };
  bottomLeft: Point & { module: number };
}

/** The nearest valid symbol size (17 + 4·version) for `span` modules between finder centres. */
export function dimensionFor(span: number): number {
  const version = Math.min(40, Math.max(1, Math.round((span + 7 - 17) / 4)));
  return 17 + 4 * version;
}

/** Mean of the eight samples at `r` modules from (x, y) along the module axes and diagonals. */
function ring(sample: Sampler, x: number, y: number, r: number, mu: Point, mv: Point): number {
  return (
    (sample(x + r * mu.x, y + r * mu.y) +
      sample(x - r * mu.x, y - r * mu.y) +
      sample(x + r * mv.x, y + r * mv.y) +
      sample(x - r * mv.x, y - r * mv.y) +
      sample(x + r * (mu.x + mv.x), y + r * (mu.y + mv.y)) +
      sample(x - r * (mu.x + mv.x), y - r * (mu.y + mv.y)) +
      sample(x + r * (mu.x - mv.x), y + r * (mu.y - mv.y)) +
      sample(x - r * (mu.x - mv.x), y - r * (mu.y - mv.y))) /
    8
  );
}

/**
 * The best centre of a ring pattern near `predicted`, on a third-of-a-module lattice up to
 * `reach` modules away: `contrast` scores a position (positive = ink where ink should be).
 */
function searchPattern(predicted: Point, mu: Point, mv: Point, reach: number, minScore: number, contrast: (x: number, y: number) => number): Point | undefined {
  // Coarse (half modules over the reach), then fine (sixths of a module around the best).
  const scan = (centre: Point, steps: number, step: number, floor: number): { at: Point; score: number } | undefined => {
    let best: { at: Point; score: number } | undefined;
    for (let j = -steps; j <= steps; j++) {
      for (let i = -steps; i <= steps; i++) {
        const x = centre.x + (i * mu.x + j * mv.x) * step;
        const y = centre.y + (i * mu.y + j * mv.y) * step;
        // Prefer the position nearest the prediction when several score alike.
        const d = Math.hypot(x - predicted.x, y - predicted.y) / Math.hypot(mu.x, mu.y);
        const score = contrast(x, y) * (1 - 0.04 * d);
        if (score > (best?.score ?? floor)) best = { at: { x, y }, score };
      }
    }
    return best;
  };
  const coarse = scan(predicted, Math.ceil(reach * 2), 1 / 2, minScore / 2);
  if (!coarse) return undefined;
  const fine = scan(coarse.at, 3, 1 / 6, minScore);
  return fine?.at;
}

/** The alignment pattern (dark centre, light ring, dark ring; inverted: the opposite) nearest `predicted`. */
function findAlignment(sample: Sampler, predicted: Point, mu: Point, mv: Point, inverted: boolean, reach: number): Point | undefined {
  const sign = inverted ? -1 : 1;
  return searchPattern(predicted, mu, mv, reach, 12, (x, y) => sign * (ring(sample, x, y, 1, mu, mv) - (sample(x, y) + ring(sample, x, y, 2, mu, mv)) / 2));
}

/**
 * Where a finder pattern predicted at `predicted` (from the other two, assuming a square) really
 * is, when a blurred or glared pattern is still faintly there; the prediction otherwise. The
 * module vectors `mu`, `mv` give the local grid.
 */
export function refineFinder(sample: Sampler, predicted: Point, mu: Point, mv: Point, inverted: boolean): Point {
  const sign = inverted ? -1 : 1;
  const found = searchPattern(predicted, mu, mv, 2.5, 12, (x, y) => {
    const ink = (sample(x, y) + ring(sample, x, y, 1, mu, mv) + ring(sample, x, y, 3, mu, mv)) / 3;
    return sign * ((ring(sample, x, y, 2, mu, mv) + ring(sample, x, y, 4, mu, mv)) / 2 - ink);
  });
  return found ?? predicted;
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
  // How far the alignment pattern may be from the affine prediction: up to several modules under
  // strong perspective (which also makes the finder patterns differ in size), about none on a screen.
  const sizes = [p.topLeft.module, p.topRight.module, p.bottomLeft.module];
  const skew = Math.max(...sizes) / Math.min(...sizes) - 1;
  const reach = Math.min(5, 2 + dimension / 15) * Math.min(1, 0.3 + skew * 8);
  const alignment = dimension > 21 ? findAlignment(sample, affine(far, far), mu, mv, inverted, reach) : undefined;
  let fourth = { x: far, y: far };
  let fourthAt = alignment;
  if (!fourthAt) {
    // No alignment pattern (version 1, or lost): the symbol's bottom-right corner, where the
    // right edge of the top-right finder meets the bottom edge of the bottom-left one. Unlike
    // the parallelogram guess, this follows the perspective.
    fourth = { x: dimension, y: dimension };
    const guess = affine(dimension, dimension);
    const right = outerEdge(sample, p.topRight, mu, mv);
    const bottom = outerEdge(sample, p.bottomLeft, mv, mu);
    const corner = right && bottom ? intersect(right, bottom) : undefined;
    fourthAt = corner && Math.hypot(corner.x - guess.x, corner.y - guess.y) < 4 * Math.hypot(mu.x, mu.y) ? corner : guess;
  }
  return homography(
    [{ x: 3.5, y: 3.5 }, { x: dimension - 3.5, y: 3.5 }, fourth, { x: 3.5, y: dimension - 3.5 }],
    [p.topLeft, p.topRight, fourthAt, p.bottomLeft],
  );
}

interface Line {
  point: Point;
  direction: Point;
}

/**
 * The outer edge of a finder pattern on its `along` side: on three rows across it, the point
 * where grey crosses midway from the outer ring (3 modules out) to the separator (4.2 out).
 */
function outerEdge(sample: Sampler, centre: Point, along: Point, across: Point): Line | undefined {
  const points: Point[] = [];
  for (const k of [-3, 3]) {
    const at = (t: number): Point => ({ x: centre.x + t * along.x + k * across.x, y: centre.y + t * along.y + k * across.y });
    const ink = sample(at(3).x, at(3).y);
    const paper = sample(at(4.2).x, at(4.2).y);
    if (Math.abs(ink - paper) < 10) return undefined;
    const mid = (ink + paper) / 2;
    let previous = ink;
    let edge: number | undefined;
    for (let t = 3 + 1 / 8; t <= 4.2; t += 1 / 8) {
      const q = at(t);
      const v = sample(q.x, q.y);
      if ((previous - mid) * (v - mid) <= 0) {
        edge = t - (1 / 8) * (Math.abs(v - mid) / Math.max(1e-6, Math.abs(v - previous)));
        break;
      }
      previous = v;
    }
    if (edge === undefined) return undefined;
    points.push(at(edge));
  }
  const [a, b] = points as [Point, Point];
  return { point: a, direction: { x: b.x - a.x, y: b.y - a.y } };
}

function intersect(l: Line, m: Line): Point | undefined {
  const den = l.direction.x * m.direction.y - l.direction.y * m.direction.x;
  if (Math.abs(den) < 1e-9) return undefined;
  const t = ((m.point.x - l.point.x) * m.direction.y - (m.point.y - l.point.y) * m.direction.x) / den;
  return { x: l.point.x + t * l.direction.x, y: l.point.y + t * l.direction.y };
}

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

