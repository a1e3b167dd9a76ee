/**
 * Stage 6a: where a candidate's modules are. From the three finder centres an affine grid, and
 * the symbol's bottom-right corner where the outer edges of the top-right and bottom-left finder
 * patterns meet, which makes it a homography following a camera's perspective; then the
 * alignment pattern (version 2 and up), searched for coarse to fine near where the affine grid
 * predicts it and, failing that, where the homography does. Also the finder search the
 * two-pattern rescue uses to place a faint third pattern.
 */
import { homography, project, type Homography } from './perspective';
import type { Point, Sampler } from './types';

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
function searchPattern(
  predicted: Point,
  mu: Point,
  mv: Point,
  reach: number,
  minScore: number,
  contrast: (x: number, y: number) => number,
): Point | undefined {
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
  return searchPattern(
    predicted,
    mu,
    mv,
    reach,
    12,
    (x, y) => sign * (ring(sample, x, y, 1, mu, mv) - (sample(x, y) + ring(sample, x, y, 2, mu, mv)) / 2),
  );
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

/** Finder module sizes this far apart (the biggest 1.5× the smallest) mean strong perspective. */
const STRONG_SKEW = 0.5;

/**
 * Module (u, v) → source pixel homography for a symbol of `dimension` modules whose finder
 * centres are `p` (module centres sit at half-integers: the top-left finder's is (3.5, 3.5)).
 */
export function gridHomography(sample: Sampler, p: GridPoints, dimension: number, inverted: boolean): Homography {
  const span = dimension - 7;
  const mu = { x: (p.topRight.x - p.topLeft.x) / span, y: (p.topRight.y - p.topLeft.y) / span };
  const mv = { x: (p.bottomLeft.x - p.topLeft.x) / span, y: (p.bottomLeft.y - p.topLeft.y) / span };
  const affine = (u: number, v: number): Point => ({
    x: p.topLeft.x + (u - 3.5) * mu.x + (v - 3.5) * mv.x,
    y: p.topLeft.y + (u - 3.5) * mu.y + (v - 3.5) * mv.y,
  });
  const far = dimension - 6.5;
  const centres = [
    { x: 3.5, y: 3.5 },
    { x: dimension - 3.5, y: 3.5 },
    { x: 3.5, y: dimension - 3.5 },
  ] as const;
  // Strong perspective makes the finder patterns differ in size (the near one up to twice the
  // far one) and moves the symbol's far corner many modules from the parallelogram's; on a
  // screen the sizes are equal and the corner where the parallelogram puts it.
  const sizes = [p.topLeft.module, p.topRight.module, p.bottomLeft.module];
  const skew = Math.max(...sizes) / Math.min(...sizes) - 1;
  const through = (fourth: Point, at: Point): Homography =>
    homography([centres[0], centres[1], fourth, centres[2]], [p.topLeft, p.topRight, at, p.bottomLeft]);
  // The symbol's bottom-right corner, where the right edge of the top-right finder meets the
  // bottom edge of the bottom-left one: unlike the parallelogram guess, it follows perspective.
  // Computed only when needed (most codes have an alignment pattern where the parallelogram says).
  const cornered = (): Homography => {
    const guess = affine(dimension, dimension);
    const right = outerEdge(sample, p.topRight, mu, mv, inverted);
    const bottom = outerEdge(sample, p.bottomLeft, mv, mu, inverted);
    const corner = right && bottom ? intersect(right, bottom) : undefined;
    const plausible = corner && Math.hypot(corner.x - guess.x, corner.y - guess.y) < 4 * (1 + 4 * skew) * Math.hypot(mu.x, mu.y);
    return through({ x: dimension, y: dimension }, plausible ? corner : guess);
  };
  if (dimension === 21) return cornered();
  // The alignment pattern, looked for where the parallelogram puts it and where the corner's
  // homography does (with the module vectors there) — the latter first under strong perspective.
  const reach = Math.min(5, 2 + dimension / 15) * Math.min(1, 0.3 + skew * 8);
  const affineAt = affine(far, far);
  const strong = skew > STRONG_SKEW;
  const byAffine = strong ? undefined : findAlignment(sample, affineAt, mu, mv, inverted, reach);
  if (byAffine) return through({ x: far, y: far }, byAffine);
  const bent = cornered();
  const predicted = project(bent, far, far);
  const local = (du: number, dv: number): Point => {
    const a = project(bent, far - du / 2, far - dv / 2);
    const b = project(bent, far + du / 2, far + dv / 2);
    return { x: b.x - a.x, y: b.y - a.y };
  };
  const apart = Math.hypot(predicted.x - affineAt.x, predicted.y - affineAt.y) / Math.hypot(mu.x, mu.y);
  const alignment =
    (apart > 1 ? findAlignment(sample, predicted, local(1, 0), local(0, 1), inverted, reach) : undefined) ??
    (strong ? findAlignment(sample, affineAt, mu, mv, inverted, reach) : undefined);
  return alignment ? through({ x: far, y: far }, alignment) : bent;
}

interface Line {
  point: Point;
  direction: Point;
}

/**
 * The outer edge of a finder pattern on its `along` side, on two rows through its centre block
 * (±1 module across). Going outwards from the centre, ink turns to paper first at the centre
 * block's edge (1.5 modules out), then at the dark ring's (3.5 out): the first crossing measures
 * the module along this row, and the edge is the crossing nearest 7/3 of it. The pattern's own
 * module size only sets the steps: under strong perspective it can be a third off along a row.
 */
function outerEdge(sample: Sampler, centre: Point & { module: number }, along: Point, across: Point, inverted: boolean): Line | undefined {
  const scale = centre.module / Math.hypot(along.x, along.y);
  const points: Point[] = [];
  for (const k of [-1, 1]) {
    const at = (t: number): Point => ({
      x: centre.x + scale * (t * along.x + k * across.x),
      y: centre.y + scale * (t * along.y + k * across.y),
    });
    let ink = Infinity;
    let paper = -Infinity;
    for (let i = 0; i < edgeProfile.length; i++) {
      const q = at(i / EDGE_STEPS);
      // Ink low either way (a light-on-dark code's ink is light).
      const v = inverted ? 255 - sample(q.x, q.y) : sample(q.x, q.y);
      edgeProfile[i] = v;
      ink = Math.min(ink, v);
      paper = Math.max(paper, v);
    }
    if (paper - ink < 10) return undefined;
    const mid = (ink + paper) / 2;
    let block: number | undefined;
    let edge: number | undefined;
    for (let i = 1; i < edgeProfile.length; i++) {
      const previous = edgeProfile[i - 1] as number;
      const v = edgeProfile[i] as number;
      if (previous >= mid || v < mid) continue;
      const t = (i - (v - mid) / Math.max(1e-6, v - previous)) / EDGE_STEPS;
      if (block === undefined) {
        block = t;
        if (block < 0.6 || block > 2.7) return undefined;
      } else if (
        Math.abs(t - (block * 7) / 3) < block / 3 &&
        (edge === undefined || Math.abs(t - (block * 7) / 3) < Math.abs(edge - (block * 7) / 3))
      ) {
        edge = t;
      }
    }
    if (edge === undefined) return undefined;
    points.push(at(edge));
  }
  const [a, b] = points as [Point, Point];
  return { point: a, direction: { x: b.x - a.x, y: b.y - a.y } };
}

/** Samples per module along an outer-edge row (over 6.5 modules: the edge of a pattern a third bigger than measured), and their buffer. */
const EDGE_STEPS = 8;
const edgeProfile = new Float32Array(Math.floor(6.5 * EDGE_STEPS) + 1);

function intersect(l: Line, m: Line): Point | undefined {
  const den = l.direction.x * m.direction.y - l.direction.y * m.direction.x;
  if (Math.abs(den) < 1e-9) return undefined;
  const t = ((m.point.x - l.point.x) * m.direction.y - (m.point.y - l.point.y) * m.direction.x) / den;
  return { x: l.point.x + t * l.direction.x, y: l.point.y + t * l.direction.y };
}
