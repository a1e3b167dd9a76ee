/**
 * QR decoding on a plain RGBA buffer, shared by the renderer's worker, the CLI and the benchmark:
 * locate, then decode. jsqr alone reads one code per call, takes ~0.5 s on a 4K frame, and mixes
 * up the finder patterns of neighbouring codes; so the frame is searched by our own cheap stages
 * and jsqr only decodes small, clean, single-code images. One module per stage:
 *
 *   1. pyramid.ts   — grey levels: the frame read once into a base of 540–1080 lines, then halved;
 *   2. binarize.ts  — a local threshold per 8×8 block of each level (no per-pixel pass);
 *   3. finder.ts    — finder patterns (1:1:3:1:1 runs, cross-checked) of either polarity, on every
 *                     level, plus a full-resolution pass for small modules on 1080p/1440p frames;
 *   4. group.ts     — triples of patterns forming a code's corner, best first;
 *   5. timing.ts    — the timing lines between them must alternate; they give the module size;
 *   6. candidate.ts — our own grid read (grid.ts) drawn as a perfect symbol (render.ts), else an
 *                     upright crop (warp.ts), for jsqr (read.ts); corners mapped back;
 *   7. text.ts      — text from the segments (UTF-8, Shift-JIS, ECI).
 *
 * rescue.ts tries pairs of finder patterns whose third is lost (glare, a thumb); quad.ts holds
 * the geometry of results.
 */
import { Binarizer } from './binarize';
import { CandidateReader, GRID_PIXELS_PER_MODULE } from './candidate';
import { findFinderPatterns, findSmallFinderPatterns, type FinderPattern } from './finder';
import { groupFinderPatterns } from './group';
import { Pyramid } from './pyramid';
import { centre, inside, plausible } from './quad';
import { candidatePairs, pairHypotheses } from './rescue';
import { timingModule } from './timing';
import { MAX_CODES_PER_IMAGE, type DecodedQrCode, type DecodeOptions, type GrayImage, type RgbaImage } from './types';
import { pickSource, samplerFor } from './warp';

export type { DecodedQrCode, DecodeOptions, Point, RgbaImage } from './types';
export { MAX_CODES_PER_IMAGE } from './types';

/**
 * Candidates that passed the timing check yet did not decode, after which a frame is given up:
 * a bound on the time a pathological picture (a wall of QR-like texture) can take.
 */
const MAX_FAILED_CANDIDATES = 12;
/** Candidates whose timing lines are checked at most (true codes rank first; texture makes hundreds). */
const MAX_CHECKED_CANDIDATES = 64;
/** Smallest module looked for, in source pixels. */
const MIN_MODULE = 2;
/** Largest module the full-resolution small-module pass looks for: bigger ones (3.25 px and more on the half-size base) show reliably on the base. */
const SMALL_MODULE = 6.5;
/** Source resolution wanted for the timing-pattern check. */
const TIMING_PIXELS_PER_MODULE = 2.5;

/**
 * A decoder that keeps its buffers between frames: use one per camera stream (or worker), so a
 * 30-frames-a-second loop does not allocate megabytes per frame.
 */
export class QrDecoder {
  private readonly pyramid = new Pyramid();
  private readonly binarizer = new Binarizer();
  private readonly reader = new CandidateReader();

  /** Every QR code in `image`. Invalid dimensions give an empty list. */
  decode(image: RgbaImage, options: DecodeOptions = {}): DecodedQrCode[] {
    const { width, height } = image;
    if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) return [];
    if (image.data.length < width * height * 4) return [];
    const deadline = options.budgetMs === undefined ? Infinity : Date.now() + options.budgetMs;
    const levels = this.pyramid.build(image);
    const patterns: FinderPattern[] = [];
    for (const [i, level] of levels.entries()) {
      // A finder's centre is three modules tall, so on big levels every other row still crosses it
      // twice. Modules under 2 source pixels cannot be read; coarser levels only need to catch
      // what finer ones lost (blur, noise, big modules).
      const step = level.width * level.height > (i === 0 ? 600_000 : 200_000) ? 2 : 1;
      // Modules under ~6.5 pixels are at the limit of a half-size base. On 1080p and 1440p frames
      // they are looked for on the frame itself; on 4K frames (whose screens scale codes up to 3
      // pixels and more, and whose base level is box-filtered) the base is read leniently.
      const small = i === 0 && level.scale === 2 && Math.min(width, height) < 1800;
      const fine = i === 0 && level.scale > 1 && !small;
      const binary = this.binarizer.binarize(i, level, levels[i + 1]);
      findFinderPatterns(binary, level.scale, i === 0 ? Math.max(1, MIN_MODULE / level.scale) : 1.5, patterns, step, fine);
      if (small) findSmallFinderPatterns(image, binary, level.scale, SMALL_MODULE, patterns);
    }
    const { candidates } = groupFinderPatterns(patterns);
    const found: DecodedQrCode[] = [];
    const used = new Set<FinderPattern>();
    let failures = 0;
    let checked = 0;
    for (const candidate of candidates) {
      if (found.length >= MAX_CODES_PER_IMAGE || failures >= MAX_FAILED_CANDIDATES || checked >= MAX_CHECKED_CANDIDATES || Date.now() > deadline) break;
      const { topLeft, topRight, bottomLeft } = candidate;
      if (used.has(topLeft) || used.has(topRight) || used.has(bottomLeft)) continue;
      if (found.some((code) => inside(code.corners, topLeft) || inside(code.corners, topRight) || inside(code.corners, bottomLeft))) continue;
      checked++;
      const module = timingModule(samplerFor(pickSource(levels, image, candidate.module, TIMING_PIXELS_PER_MODULE)), candidate);
      if (module === undefined) continue;
      const code = this.reader.read(image, levels, { ...candidate, module });
      if (!code || !plausible(code, candidate.module)) {
        failures++;
        continue;
      }
      used.add(topLeft).add(topRight).add(bottomLeft);
      if (!found.some((f) => f.text === code.text && inside(f.corners, centre(code.corners)))) found.push(code);
    }
    if (options.tryHarder ?? true) this.rescue(image, levels, patterns.filter((p) => !used.has(p)), found, deadline);
    return found;
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

let shared: QrDecoder | undefined;

/**
 * Decodes every QR code in an RGBA image (at most MAX_CODES_PER_IMAGE), each with its corners.
 * Invalid dimensions give an empty list. The caller's pixels are never modified.
 */
export function decodeQrCodes(image: RgbaImage, options: DecodeOptions = {}): DecodedQrCode[] {
  shared ??= new QrDecoder();
  return shared.decode(image, options);
}
