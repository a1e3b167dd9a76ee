/**
 * Stage 3: finder patterns. Every row of a binarized level is read as runs of equal colour; five
 * runs in the ratio 1:1:3:1:1 (ink, paper, ink, paper, ink) are a possible finder pattern, which
 * is confirmed by the same ratio across it vertically and on a diagonal, then re-centred. Dark and
 * light ink are both accepted, so inverted codes cost no second pass. Detections of one pattern on
 * several rows and levels are merged; the number of merges is the pattern's weight.
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

/** Whether five runs look like 1:1:3:1:1. */
function ratioOk(a: number, b: number, c: number, d: number, e: number, tolerance: number): boolean {
  const m = (a + b + c + d + e) / 7;
  const t = m * tolerance;
  return Math.abs(a - m) < t && Math.abs(b - m) < t && Math.abs(c - 3 * m) < 3 * t && Math.abs(d - m) < t && Math.abs(e - m) < t;
}

const PART = new Int32Array(3);

/**
 * Counts, from (x, y) stepping by (dx, dy), the rest of the centre run, the paper run and the
 * outer ink run into PART[0..2]; false when a run is longer than `limit`, or the image ends
 * before any outer ink.
 */
function walk(img: BinaryLevel, x: number, y: number, dx: number, dy: number, ink: number, limit: number): boolean {
  const { gray, width, height, thresholds, blocksWide } = img;
  let state = 0;
  let count = 0;
  let cx = x;
  let cy = y;
  while (cx >= 0 && cy >= 0 && cx < width && cy < height) {
    const want = state === 1 ? 1 - ink : ink;
    const dark = (gray[cy * width + cx] as number) < (thresholds[(cy >> BLOCK_SHIFT) * blocksWide + (cx >> BLOCK_SHIFT)] as number) ? 1 : 0;
    if (dark !== want) {
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
function runsThrough(img: BinaryLevel, x: number, y: number, dx: number, dy: number, ink: number, limit: number): number {
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
 */
class RowRuns {
  s0 = 0;
  s1 = 0;
  s2 = 0;
  s3 = 0;
  s4 = 0;
  runs = 0;

  constructor(
    private readonly img: BinaryLevel,
    private readonly minTotal: number,
    private readonly found: FinderPattern[],
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
    if (total < this.minTotal || !ratioOk(s0, s1, s2, s3, s4, TOLERANCE)) return;
    const p = confirm(this.img, x - s4 - s3 - s2 / 2, y, ink, total);
    if (p) merge(this.found, p);
  }
}

/** Finds the finder patterns of one binarized level and merges them, in source pixels, into `out`. */
export function findFinderPatterns(img: BinaryLevel, scale: number, minModule: number, out: FinderPattern[], step = 1): void {
  const { gray, width, height, thresholds, blocksWide } = img;
  const found: FinderPattern[] = [];
  const runs = new RowRuns(img, 7 * minModule, found);
  for (let y = 0; y < height; y += step) {
    const row = y * width;
    const tRow = (y >> BLOCK_SHIFT) * blocksWide;
    runs.reset();
    let color = (gray[row] as number) < (thresholds[tRow] as number) ? 1 : 0;
    let run = 0;
    for (let bx = 0; bx < blocksWide; bx++) {
      const t = thresholds[tRow + bx] as number;
      const x0 = bx << BLOCK_SHIFT;
      const x1 = Math.min(width, x0 + (1 << BLOCK_SHIFT));
      if (t <= 0 || t >= 256) {
        // Flat block: one colour, no pixel reads.
        const v = t >= 256 ? 1 : 0;
        if (v !== color) {
          runs.end(run, color, x0, y);
          color = v;
          run = 0;
        }
        run += x1 - x0;
        continue;
      }
      for (let x = x0, i = row + x0; x < x1; x++, i++) {
        const v = (gray[i] as number) < t ? 1 : 0;
        if (v === color) {
          run++;
        } else {
          runs.end(run, color, x, y);
          color = v;
          run = 1;
        }
      }
    }
    runs.end(run, color, width, y);
  }
  for (const p of found) merge(out, { ...p, x: p.x * scale, y: p.y * scale, module: p.module * scale });
}

/** Vertical, horizontal and diagonal checks through a row candidate; the refined pattern or undefined. */
function confirm(img: BinaryLevel, centreX: number, y: number, ink: number, total: number): FinderPattern | undefined {
  const limit = total;
  const cx = Math.floor(centreX);
  // Vertical: same ratio, a similar size (perspective allows some difference).
  const vStart = runsThrough(img, cx, y, 0, 1, ink, limit);
  if (Number.isNaN(vStart)) return undefined;
  const [a, b, c, d, e] = [SCRATCH[0] as number, SCRATCH[1] as number, SCRATCH[2] as number, SCRATCH[3] as number, SCRATCH[4] as number];
  const vTotal = a + b + c + d + e;
  if (!ratioOk(a, b, c, d, e, TOLERANCE) || 5 * Math.abs(vTotal - total) >= 3 * total) return undefined;
  const centreY = y + vStart + c / 2;
  // Horizontal again through the vertical centre, to re-centre x.
  const cy = Math.floor(centreY);
  const hStart = runsThrough(img, cx, cy, 1, 0, ink, limit);
  if (Number.isNaN(hStart)) return undefined;
  const [ha, hb, hc, hd, he] = [SCRATCH[0] as number, SCRATCH[1] as number, SCRATCH[2] as number, SCRATCH[3] as number, SCRATCH[4] as number];
  const hTotal = ha + hb + hc + hd + he;
  if (!ratioOk(ha, hb, hc, hd, he, TOLERANCE)) return undefined;
  const x = cx + hStart + hc / 2;
  if (!distinct(img, cx + hStart - hb - ha, cy, ha, hb, hc, hd, he)) return undefined;
  // Diagonals: reject the many 1:1:3:1:1 rows of text that are not squares.
  const dStart = runsThrough(img, Math.floor(x), cy, 1, 1, ink, limit);
  if (Number.isNaN(dStart)) return undefined;
  const dTotal = total5();
  if (!ratioOk(SCRATCH[0] as number, SCRATCH[1] as number, SCRATCH[2] as number, SCRATCH[3] as number, SCRATCH[4] as number, TOLERANCE * 1.25)) return undefined;
  const aStart = runsThrough(img, Math.floor(x), cy, 1, -1, ink, limit);
  if (Number.isNaN(aStart)) return undefined;
  const aTotal = total5();
  if (!ratioOk(SCRATCH[0] as number, SCRATCH[1] as number, SCRATCH[2] as number, SCRATCH[3] as number, SCRATCH[4] as number, TOLERANCE * 1.25)) return undefined;
  // A line through a square's centre is longest across its corners: of the four directions, the
  // shortest is within 8% of the side whatever the rotation (diagonal steps are √2 long).
  const width = Math.min(hTotal, vTotal, dTotal * Math.SQRT2, aTotal * Math.SQRT2);
  return { x, y: centreY, module: width / 7 / 1.04, inverted: ink === 0, hits: 1 };
}

/**
 * Whether the ink and paper runs along row y really differ: their mean grey levels must be
 * several standard deviations apart. Runs that only exist because noise crossed the local
 * threshold (a grainy photo makes 1:1:3:1:1 by chance) differ by about one.
 */
function distinct(img: BinaryLevel, start: number, y: number, a: number, b: number, c: number, d: number, e: number): boolean {
  const { gray, width } = img;
  let inkSum = 0;
  let inkSq = 0;
  let inkN = 0;
  let paperSum = 0;
  let paperSq = 0;
  let paperN = 0;
  let x = start;
  const runs = [a, b, c, d, e];
  for (let r = 0; r < 5; r++) {
    const length = runs[r] as number;
    // Run edges are blurred into their neighbours: leave them out where the run is long enough.
    const trim = length >= 3 ? 1 : 0;
    for (let i = trim; i < length - trim; i++) {
      const v = gray[y * width + x + i] as number;
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
function merge(list: FinderPattern[], p: FinderPattern): void {
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
