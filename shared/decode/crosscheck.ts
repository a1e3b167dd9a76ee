/**
 * Finder-pattern confirmation, shared by the level scan and the small-module pass (finder.ts):
 * a row's 1:1:3:1:1 run is checked across vertically, again horizontally through the vertical
 * centre (re-centring it), for real contrast between its ink and paper runs, and on both
 * diagonals, which a square has and text strokes lack. Also the merging of detections.
 */
import { BLOCK_SHIFT, type BinaryLevel } from './binarize';

export interface FinderPattern {
  /** Centre, in source (full-resolution) pixels. */
  x: number;
  y: number;
  /** Module size, in source pixels. */
  module: number;
  /** Light ink on a dark background. */
  inverted: boolean;
  /** Confirmed detections merged into this one. */
  hits: number;
}

/** Run-length tolerance, as a fraction of the module (blur and perspective stretch runs). */
const TOLERANCE = 0.6;
const SCRATCH = new Int32Array(5);

/** What the cross-checks read: a level, or (for the small-module pass) the frame itself. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  /** 1 when (x, y) is dark. */
  dark(x: number, y: number): number;
  grey(x: number, y: number): number;
}

/** A binarized level as Pixels. */
export class LevelPixels implements Pixels {
  readonly width: number;
  readonly height: number;

  constructor(private readonly level: BinaryLevel) {
    this.width = level.width;
    this.height = level.height;
  }

  dark(x: number, y: number): number {
    const l = this.level;
    return (l.gray[y * l.width + x] as number) < (l.thresholds[(y >> BLOCK_SHIFT) * l.blocksWide + (x >> BLOCK_SHIFT)] as number) ? 1 : 0;
  }

  grey(x: number, y: number): number {
    return this.level.gray[y * this.level.width + x] as number;
  }
}

/** Whether five runs look like 1:1:3:1:1; `fine` adds half a pixel of slack (see RowRuns). */
function ratioOk(a: number, b: number, c: number, d: number, e: number, tolerance: number, fine: boolean): boolean {
  const m = (a + b + c + d + e) / 7;
  const slack = fine ? 0.5 : 0;
  const t = m * tolerance + slack;
  return (
    Math.abs(a - m) < t &&
    Math.abs(b - m) < t &&
    Math.abs(c - 3 * m) < 3 * m * tolerance + slack &&
    Math.abs(d - m) < t &&
    Math.abs(e - m) < t
  );
}

const PART = new Int32Array(3);

/**
 * Counts, from (x, y) stepping by (dx, dy), the rest of the centre run, the paper run and the
 * outer ink run into PART[0..2]; false when a run is longer than `limit`, or the image ends
 * before any outer ink.
 */
function walk(img: Pixels, x: number, y: number, dx: number, dy: number, ink: number, limit: number): boolean {
  const { width, height } = img;
  let state = 0;
  let count = 0;
  let cx = x;
  let cy = y;
  while (cx >= 0 && cy >= 0 && cx < width && cy < height) {
    const want = state === 1 ? 1 - ink : ink;
    if (img.dark(cx, cy) !== want) {
      PART[state] = count;
      state++;
      if (state === 3) return true;
      count = 0;
    }
    count++;
    if (count > limit) return false;
    cx += dx;
    cy += dy;
  }
  if (state === 2 && count > 0) {
    PART[2] = count;
    return true;
  }
  return false;
}

/**
 * The five runs through (x, y) along (dx, dy), into SCRATCH as [outer, paper, centre, paper,
 * outer]; returns the offset (in steps, zero or negative) where the centre run starts, or NaN.
 */
function runsThrough(img: Pixels, x: number, y: number, dx: number, dy: number, ink: number, limit: number): number {
  if (!walk(img, x, y, -dx, -dy, ink, limit)) return NaN;
  const up = PART[0] as number;
  SCRATCH[1] = PART[1] as number;
  SCRATCH[0] = PART[2] as number;
  if (!walk(img, x, y, dx, dy, ink, limit)) return NaN;
  // Both walks counted the start pixel as part of the centre run.
  SCRATCH[2] = up + (PART[0] as number) - 1;
  SCRATCH[3] = PART[1] as number;
  SCRATCH[4] = PART[2] as number;
  return -(up - 1);
}

/**
 * The last five runs of one row; `end` is called at each colour change. A class with fields, so
 * the hot row loop stays small and V8 keeps everything in registers.
 *
 * `fine` is for a base level that holds modules of under two pixels (a 4K frame read at half
 * size) and for the small-module pass over the frame: half a pixel of slack in the ratios, since
 * a grey edge pixel decides whether a run is 1 or 3 pixels long, and cross-checks retried a pixel
 * aside. Off elsewhere: on full-size levels the same leniency lets camera noise through by the
 * thousand.
 */
export class RowRuns {
  s0 = 0;
  s1 = 0;
  s2 = 0;
  s3 = 0;
  s4 = 0;
  runs = 0;

  constructor(
    private readonly img: Pixels,
    private readonly minTotal: number,
    private readonly found: FinderPattern[],
    private readonly maxTotal = Infinity,
    private readonly fine = false,
  ) {}

  reset(): void {
    this.runs = 0;
  }

  /** A run of colour `ink` ended just before x (exclusive) on row y, `length` pixels long. */
  end(length: number, ink: number, x: number, y: number): void {
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.s2 = this.s3;
    this.s3 = this.s4;
    this.s4 = length;
    if (++this.runs < 5) return;
    const { s0, s1, s2, s3, s4 } = this;
    const total = s0 + s1 + s2 + s3 + s4;
    if (total < this.minTotal || total > this.maxTotal || !ratioOk(s0, s1, s2, s3, s4, TOLERANCE, this.fine)) return;
    const p = confirm(this.img, x - s4 - s3 - s2 / 2, y, ink, total, this.fine);
    if (p) merge(this.found, p);
  }
}

/** Where runsNear() found its five runs: the centre run's start (steps from the point, ≤ 0) and how far across the line it moved. */
interface Near {
  start: number;
  shift: number;
}

/**
 * runsThrough() at (x, y), and in fine mode one pixel either side across the line: with modules
 * under two pixels a line can fall on a box-filtered edge where a one-module ring turns grey and
 * vanishes, while its neighbour still sees it. The runs are left in SCRATCH.
 */
function runsNear(
  img: Pixels,
  x: number,
  y: number,
  dx: number,
  dy: number,
  ink: number,
  limit: number,
  tolerance: number,
  total: number,
  fine: boolean,
): Near | undefined {
  // Across the line: for a vertical line move x, for horizontal and diagonal lines move y.
  const ax = dx === 0 ? 1 : 0;
  const ay = dx === 0 ? 0 : 1;
  // Retries only where they matter: patterns of a few pixels on a fine level.
  const tries = fine && limit < 20 ? 3 : 1;
  for (let t = 0; t < tries; t++) {
    const k = t === 0 ? 0 : t === 1 ? -1 : 1;
    const start = runsThrough(img, x + k * ax, y + k * ay, dx, dy, ink, limit);
    if (Number.isNaN(start)) continue;
    if (
      !ratioOk(
        SCRATCH[0] as number,
        SCRATCH[1] as number,
        SCRATCH[2] as number,
        SCRATCH[3] as number,
        SCRATCH[4] as number,
        tolerance,
        fine,
      )
    )
      continue;
    // Perspective allows the size across to differ from the size along, within reason, either
    // way: a pattern foreshortened 2.5 times along the row is as real as one foreshortened across.
    // Fine levels (4K screens at half size) keep the tighter 1.6 across: their text makes many
    // tall 1:1:3:1:1 rows, and screens are not photographed at a slant.
    if (total > 0 && (5 * total5() <= 2 * total || (fine ? 5 * total5() >= 8 * total : 2 * total5() >= 5 * total))) continue;
    return { start, shift: k };
  }
  return undefined;
}

/** Vertical, horizontal and diagonal checks through a row candidate; the refined pattern or undefined. */
function confirm(img: Pixels, centreX: number, y: number, ink: number, total: number, fine: boolean): FinderPattern | undefined {
  const limit = total;
  const cx = Math.floor(centreX);
  const vertical = runsNear(img, cx, y, 0, 1, ink, limit, TOLERANCE, total, fine);
  if (!vertical) return undefined;
  const vTotal = total5();
  const centreY = y + vertical.start + (SCRATCH[2] as number) / 2;
  // Horizontal again through the vertical centre, to re-centre x.
  const cy = Math.floor(centreY);
  const horizontal = runsNear(img, cx, cy, 1, 0, ink, limit, TOLERANCE, 0, fine);
  if (!horizontal) return undefined;
  const row = cy + horizontal.shift;
  const ha = SCRATCH[0] as number;
  const hb = SCRATCH[1] as number;
  const hc = SCRATCH[2] as number;
  const hTotal = total5();
  const x = cx + horizontal.start + hc / 2;
  if (!distinct(img, cx + horizontal.start - hb - ha, row)) return undefined;
  // Diagonals: reject the many 1:1:3:1:1 rows of text that are not squares.
  if (!runsNear(img, Math.floor(x), cy, 1, 1, ink, limit, TOLERANCE * 1.25, 0, fine)) return undefined;
  const dTotal = total5();
  if (!runsNear(img, Math.floor(x), cy, 1, -1, ink, limit, TOLERANCE * 1.25, 0, fine)) return undefined;
  const aTotal = total5();
  // A line through a square's centre is longest across its corners: of the four directions, the
  // shortest is within 8% of the side whatever the rotation (diagonal steps are √2 long).
  const width = Math.min(hTotal, vTotal, dTotal * Math.SQRT2, aTotal * Math.SQRT2);
  return { x, y: centreY, module: width / 7 / 1.04, inverted: ink === 0, hits: 1 };
}

/**
 * Whether the ink and paper runs along row y (the five in SCRATCH, from x = start) really differ: their mean grey levels must be
 * several standard deviations apart. Runs that only exist because noise crossed the local
 * threshold (a grainy photo makes 1:1:3:1:1 by chance) differ by about one.
 */
function distinct(img: Pixels, start: number, y: number): boolean {
  let inkSum = 0;
  let inkSq = 0;
  let inkN = 0;
  let paperSum = 0;
  let paperSq = 0;
  let paperN = 0;
  let x = start;
  for (let r = 0; r < 5; r++) {
    const length = SCRATCH[r] as number;
    // Run edges are blurred into their neighbours: leave them out where the run is long enough.
    const trim = length >= 3 ? 1 : 0;
    for (let i = trim; i < length - trim; i++) {
      const v = img.grey(x + i, y);
      if (r % 2 === 0) {
        inkSum += v;
        inkSq += v * v;
        inkN++;
      } else {
        paperSum += v;
        paperSq += v * v;
        paperN++;
      }
    }
    x += length;
  }
  if (inkN === 0 || paperN === 0) return false;
  const inkMean = inkSum / inkN;
  const paperMean = paperSum / paperN;
  const variance = (inkSq / inkN - inkMean * inkMean + (paperSq / paperN - paperMean * paperMean)) / 2;
  return Math.abs(inkMean - paperMean) >= 2.5 * Math.sqrt(Math.max(0, variance)) + 6;
}

function total5(): number {
  return (SCRATCH[0] as number) + (SCRATCH[1] as number) + (SCRATCH[2] as number) + (SCRATCH[3] as number) + (SCRATCH[4] as number);
}

/** Adds `p` to `list`, or averages it into a detection of the same pattern. */
export function merge(list: FinderPattern[], p: FinderPattern): void {
  for (const q of list) {
    if (q.inverted !== p.inverted) continue;
    const m = Math.max(p.module, q.module);
    if (Math.abs(q.x - p.x) <= m * 1.5 && Math.abs(q.y - p.y) <= m * 1.5 && p.module < q.module * 1.6 && q.module < p.module * 1.6) {
      const n = q.hits + p.hits;
      q.x = (q.x * q.hits + p.x * p.hits) / n;
      q.y = (q.y * q.hits + p.y * p.hits) / n;
      q.module = (q.module * q.hits + p.module * p.hits) / n;
      q.hits = n;
      return;
    }
  }
  list.push(p);
}
