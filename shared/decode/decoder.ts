/**
 * The decoding chain on a plain RGBA buffer (its API, with jsqr loaded, is index.ts; the CLI's,
 * loading jsqr only when needed, is lazy.ts): locate, then decode. jsqr alone reads one code per call, takes ~0.5 s on a 4K frame, and mixes
 * up the finder patterns of neighbouring codes; so the frame is searched by our own cheap stages
 * and jsqr only decodes small, clean, single-code images. One module per stage:
 *
 *   1. pyramid.ts   — grey levels: the frame read once into a base of 540–1080 lines, then halved;
 *   2. binarize.ts  — a local threshold per 8×8 block of each level (no per-pixel pass);
 *   3. finder.ts    — finder patterns (1:1:3:1:1 runs, cross-checked) of either polarity, on every
 *                     level, plus a full-resolution pass for small modules on 1080p/1440p frames;
 *   4. group.ts     — triples of patterns forming a code's corner, best first;
 *   5. timing.ts    — the timing lines between them must alternate; they give the module size;
 *   6. candidate.ts — our own grid read (grid.ts) decoded directly (symbol.ts: zxing's format,
 *                     unmasking and Reed–Solomon parts), else drawn as a perfect symbol (render.ts)
 *                     or cut as an upright crop (warp.ts) for jsqr (read.ts); corners mapped back;
 *   7. text.ts      — text from the segments (UTF-8, Shift-JIS, ECI).
 *
 * rescue.ts tries pairs of finder patterns whose third is lost (glare, a thumb); quad.ts holds
 * the geometry of results.
 */
import { Binarizer } from './binarize';
import { CandidateReader, GRID_PIXELS_PER_MODULE } from './candidate';
import { findFinderPatterns, findSmallFinderPatterns, type FinderPattern } from './finder';
import { groupFinderPatterns, type Candidate } from './group';
import { Pyramid } from './pyramid';
import { centre, inside, plausible } from './quad';
import { candidatePairs, pairHypotheses } from './rescue';
import { timingModule } from './timing';
import { MAX_CODES_PER_IMAGE, type DecodedQrCode, type DecodeOptions, type GrayImage, type RgbaImage } from './types';
import type { CodeReader } from './read';
import { Upscaler } from './upscale';
import { pickSource, samplerFor } from './warp';

/**
 * Candidates that passed the timing check yet did not decode, after which a frame is given up:
 * a bound on the time a pathological picture (a wall of QR-like texture) can take.
 */
const MAX_FAILED_CANDIDATES = 12;
/** Frames up to this many pixels (about 400 × 400) get the small-image steps of the chain when the locator found nothing. */
const SMALL_FRAME_PIXELS = 160_000;
/** Candidates read as whole boxes of the frame at most (CandidateReader.readRegion: jsqr on up to 360 000 pixels each). */
const MAX_REGION_READS = 2;
/** Candidates whose timing lines are checked at most (true codes rank first; texture makes hundreds). */
const MAX_CHECKED_CANDIDATES = 64;
/** Smallest module looked for, in source pixels. */
const MIN_MODULE = 2;
/** Largest module the full-resolution small-module pass looks for: bigger ones (3.25 px and more on the half-size base) show reliably on the base. */
const SMALL_MODULE = 6.5;
/** Source resolution wanted for the timing-pattern check. */
const TIMING_PIXELS_PER_MODULE = 2.5;

/** The chain, with buffers kept between frames (index.ts: QrDecoder). */
export class Decoder {
  private readonly pyramid = new Pyramid();
  private readonly binarizer = new Binarizer();
  private readonly reader: CandidateReader;
  private readonly upscaler = new Upscaler();

  /** `readCode` is jsqr (read.ts), used where our own stages leave a candidate or a small frame unread. */
  constructor(private readonly readCode: CodeReader) {
    this.reader = new CandidateReader(readCode);
  }

  /**
   * Every QR code in `image`. Invalid dimensions give an empty list. A fallback chain, cheapest
   * first, stopping at the first step that finds something and at the deadline (`budgetMs`):
   *
   *   1. the locator (finder patterns → candidates → grid read; then two-pattern rescue and, for
   *      candidates that did not read, jsqr on their box of the frame);
   *   2. for a small frame (a thumbnail, a sticker) where that found nothing: the frame doubled
   *      through the locator again, then jsqr on the whole frame, in both polarities.
   */
  decode(image: RgbaImage, options: DecodeOptions = {}): DecodedQrCode[] {
    const { width, height } = image;
    if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) return [];
    if (image.data.length < width * height * 4) return [];
    const deadline = options.budgetMs === undefined ? Infinity : Date.now() + options.budgetMs;
    const tryHarder = options.tryHarder ?? true;
    const found = this.locate(image, tryHarder, deadline);
    if (found.length > 0 || !tryHarder || width * height > SMALL_FRAME_PIXELS || Date.now() > deadline) return found;
    const doubled = this.locate(this.upscaler.double(image), true, deadline);
    if (doubled.length > 0)
      return doubled.map((code) => ({
        ...code,
        corners: code.corners.map((p) => ({ x: p.x / 2, y: p.y / 2 })) as DecodedQrCode['corners'],
      }));
    if (Date.now() > deadline) return found;
    const data =
      image.data instanceof Uint8ClampedArray
        ? image.data
        : new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, width * height * 4);
    const whole = this.readCode(data, width, height, true);
    return whole && plausible(whole, MIN_MODULE) ? [whole] : found;
  }

  /** Stage 1 of the chain on `image` (or its doubled copy). */
  private locate(image: RgbaImage, tryHarder: boolean, deadline: number): DecodedQrCode[] {
    const { width, height } = image;
    const levels = this.pyramid.build(image);
    const patterns: FinderPattern[] = [];
    for (const [i, level] of levels.entries()) {
      // A finder's centre is three modules tall, so on big levels every other row still crosses it
      // at least three times (modules under 2 source pixels cannot be read); a skipped row counts
      // as seen (finder.ts), so weights stay comparable between levels. Coarser levels only need
      // to catch what finer ones lost (blur, noise, big modules).
      const step = level.width * level.height > 200_000 ? 2 : 1;
      // Modules under ~6.5 pixels are at the limit of a half-size base. On 1080p and 1440p frames
      // they are looked for on the frame itself; on 4K frames (whose screens scale codes up to 3
      // pixels and more, and whose base level is box-filtered) the base is read leniently.
      const small = i === 0 && level.scale === 2 && Math.min(width, height) < 1800;
      const fine = i === 0 && level.scale > 1 && !small;
      const binary = this.binarizer.binarize(i, level, levels[i + 1]);
      findFinderPatterns(binary, level.scale, i === 0 ? Math.max(1, MIN_MODULE / level.scale) : 1.5, patterns, step, fine);
      if (small) findSmallFinderPatterns(image, binary, level.scale, SMALL_MODULE, patterns);
    }
    const { candidates } = groupFinderPatterns(patterns, tryHarder);
    const found: DecodedQrCode[] = [];
    const used = new Set<FinderPattern>();
    let failures = 0;
    let checked = 0;
    const unread: Candidate[] = [];
    for (const candidate of candidates) {
      if (
        found.length >= MAX_CODES_PER_IMAGE ||
        failures >= MAX_FAILED_CANDIDATES ||
        checked >= MAX_CHECKED_CANDIDATES ||
        Date.now() > deadline
      )
        break;
      const { topLeft, topRight, bottomLeft } = candidate;
      if (used.has(topLeft) || used.has(topRight) || used.has(bottomLeft)) continue;
      if (found.some((code) => inside(code.corners, topLeft) || inside(code.corners, topRight) || inside(code.corners, bottomLeft)))
        continue;
      checked++;
      const module = timingModule(samplerFor(pickSource(levels, image, candidate.module, TIMING_PIXELS_PER_MODULE)), candidate);
      if (module === undefined) continue;
      const code = this.reader.read(image, levels, { ...candidate, module });
      if (!code || !plausible(code, candidate.module)) {
        failures++;
        if (unread.length < MAX_REGION_READS) unread.push({ ...candidate, module });
        continue;
      }
      used.add(topLeft).add(topRight).add(bottomLeft);
      if (!found.some((f) => f.text === code.text && inside(f.corners, centre(code.corners)))) found.push(code);
    }
    if (tryHarder) {
      this.rescue(
        image,
        levels,
        patterns.filter((p) => !used.has(p)),
        found,
        deadline,
      );
      this.readRegions(image, unread, found, deadline);
    }
    return found;
  }

  /** Candidates that passed their timing check but did not read, as boxes of the frame for jsqr (slow; after everything else). */
  private readRegions(image: RgbaImage, unread: Candidate[], found: DecodedQrCode[], deadline: number): void {
    for (const candidate of unread) {
      if (found.length >= MAX_CODES_PER_IMAGE || Date.now() > deadline) return;
      if (
        found.some(
          (code) =>
            inside(code.corners, candidate.topLeft) ||
            inside(code.corners, candidate.topRight) ||
            inside(code.corners, candidate.bottomLeft),
        )
      )
        continue;
      const code = this.reader.readRegion(image, candidate);
      if (code && plausible(code, candidate.module) && !found.some((f) => f.text === code.text)) found.push(code);
    }
  }

  /** Codes with a finder pattern missing: pairs of the patterns left over (rescue.ts). */
  private rescue(image: RgbaImage, levels: GrayImage[], left: FinderPattern[], found: DecodedQrCode[], deadline: number): void {
    const loose = left.filter((p) => !found.some((code) => inside(code.corners, p)));
    for (const [a, b] of candidatePairs(loose)) {
      if (found.length >= MAX_CODES_PER_IMAGE || Date.now() > deadline) return;
      if (found.some((code) => inside(code.corners, a) || inside(code.corners, b))) continue;
      const module = (a.module + b.module) / 2;
      const timing = samplerFor(pickSource(levels, image, module, TIMING_PIXELS_PER_MODULE));
      const grid = samplerFor(pickSource(levels, image, module, GRID_PIXELS_PER_MODULE));
      for (const hypothesis of pairHypotheses(timing, a, b)) {
        const code = this.reader.readGrid(grid, hypothesis);
        if (code && plausible(code, hypothesis.module) && !found.some((f) => f.text === code.text)) {
          found.push(code);
          break;
        }
      }
    }
  }
}
