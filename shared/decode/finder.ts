/**
 * Stage 3: finder patterns. Every row of a binarized level is read as runs of equal colour; five
 * runs in the ratio 1:1:3:1:1 (ink, paper, ink, paper, ink) are a possible finder pattern, which
 * crosscheck.ts confirms across it. Dark and light ink are both accepted, so inverted codes cost
 * no second pass. Flat blocks (one colour by their threshold) are skipped without reading their
 * pixels. Detections of one pattern on several rows and levels are merged; the number merged is
 * the pattern's weight.
 */
import { BLOCK_SHIFT, type BinaryLevel } from './binarize';
import { LevelPixels, merge, RowRuns, type FinderPattern, type Pixels } from './crosscheck';
import type { RgbaImage } from './types';

export type { FinderPattern } from './crosscheck';

/**
 * The one row scan both passes share: pixel x of row y is dark when grey[offset + x] is below
 * the threshold of its span (spans of 2^spanShift pixels, thresholds[tRow + span], the last
 * repeated past the end). A flat span (threshold 0 or 256: all light or all dark) is one run,
 * its pixels never read.
 */
function scanRow(
  grey: Uint8Array,
  offset: number,
  width: number,
  thresholds: Int16Array,
  tRow: number,
  spans: number,
  spanShift: number,
  y: number,
  runs: RowRuns,
): void {
  runs.reset();
  let color = (grey[offset] as number) < (thresholds[tRow] as number) ? 1 : 0;
  let run = 0;
  const span = 1 << spanShift;
  for (let x0 = 0, k = 0; x0 < width; x0 += span, k++) {
    const t = thresholds[tRow + Math.min(k, spans - 1)] as number;
    const x1 = Math.min(width, x0 + span);
    if (t <= 0 || t >= 256) {
      const v = t >= 256 ? 1 : 0;
      if (v !== color) {
        runs.end(run, color, x0, y);
        color = v;
        run = 0;
      }
      run += x1 - x0;
      continue;
    }
    for (let x = x0, i = offset + x0; x < x1; x++, i++) {
      const v = (grey[i] as number) < t ? 1 : 0;
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

/**
 * Finds the finder patterns of one binarized level and merges them, in source pixels, into `out`.
 * `fine`: the level holds modules of under two pixels (RowRuns).
 */
export function findFinderPatterns(img: BinaryLevel, scale: number, minModule: number, out: FinderPattern[], step = 1, fine = false): void {
  const { gray, width, height, thresholds, blocksWide } = img;
  const found: FinderPattern[] = [];
  const runs = new RowRuns(new LevelPixels(img), 7 * minModule, found, Infinity, fine);
  for (let y = 0; y < height; y += step)
    scanRow(gray, y * width, width, thresholds, (y >> BLOCK_SHIFT) * blocksWide, blocksWide, BLOCK_SHIFT, y, runs);
  // A row skipped (step 2) counts as seen, so a pattern weighs the same on a level read every
  // other row as on one read in full, and one detection there still passes grouping's two-hit floor.
  for (const p of found) merge(out, { ...p, x: p.x * scale, y: p.y * scale, module: p.module * scale, hits: p.hits * step });
}

/**
 * The full-resolution frame under a half-size level's thresholds: grey computed from the RGBA
 * pixels as read (nothing is stored), dark against the threshold of the level block it lies in.
 */
class FramePixels implements Pixels {
  readonly width: number;
  readonly height: number;
  private readonly words: Uint32Array | undefined;

  constructor(
    private readonly image: RgbaImage,
    private readonly level: BinaryLevel,
    private readonly shift: number,
  ) {
    this.width = image.width;
    this.height = image.height;
    const { data } = image;
    this.words =
      LITTLE_ENDIAN && data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, image.width * image.height) : undefined;
  }

  grey(x: number, y: number): number {
    const i = y * this.width + x;
    if (this.words) {
      const p = this.words[i] as number;
      return ((p & 255) * 77 + ((p >>> 8) & 255) * 150 + ((p >>> 16) & 255) * 29) >> 8;
    }
    const d = this.image.data;
    return ((d[i * 4] as number) * 77 + (d[i * 4 + 1] as number) * 150 + (d[i * 4 + 2] as number) * 29) >> 8;
  }

  threshold(x: number, y: number): number {
    const { level, shift } = this;
    const lx = Math.min(level.width - 1, x >> shift);
    const ly = Math.min(level.height - 1, y >> shift);
    return level.thresholds[(ly >> BLOCK_SHIFT) * level.blocksWide + (lx >> BLOCK_SHIFT)] as number;
  }

  dark(x: number, y: number): number {
    return this.grey(x, y) < this.threshold(x, y) ? 1 : 0;
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The small-module pass, for frames whose base level is at half size (1080p, 1440p): finder
 * patterns of 2 to `maxModule` pixels per module, looked for on every third row of the frame
 * itself (their three-module centres are at least six rows tall), under the base level's
 * thresholds. Flat blocks are skipped unread, so this costs a fraction of a full-size level.
 */
export function findSmallFinderPatterns(image: RgbaImage, base: BinaryLevel, scale: number, maxModule: number, out: FinderPattern[]): void {
  const shift = Math.round(Math.log2(scale));
  const pixels = new FramePixels(image, base, shift);
  const found: FinderPattern[] = [];
  // Runs of two or three pixels: the same quantization as on a half-size 4K level, hence fine.
  const runs = new RowRuns(pixels, 7 * 2, found, 7 * maxModule, true);
  const spanShift = shift + BLOCK_SHIFT;
  const row = new Uint8Array(image.width);
  for (let y = 0; y < image.height; y += 3) {
    const tRow = (Math.min(base.height - 1, y >> shift) >> BLOCK_SHIFT) * base.blocksWide;
    // Grey only where a span has contrast: flat spans are skipped unread by the scan too.
    for (let x0 = 0, k = 0; x0 < image.width; x0 += 1 << spanShift, k++) {
      const t = base.thresholds[tRow + Math.min(k, base.blocksWide - 1)] as number;
      if (t <= 0 || t >= 256) continue;
      for (let x = x0, x1 = Math.min(image.width, x0 + (1 << spanShift)); x < x1; x++) row[x] = pixels.grey(x, y);
    }
    scanRow(row, 0, image.width, base.thresholds, tRow, base.blocksWide, spanShift, y, runs);
  }
  for (const p of found) merge(out, p);
}
