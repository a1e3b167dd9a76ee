/**
 * QR decoding on a plain RGBA buffer, shared by the renderer's worker, the CLI and the benchmark:
 * locate, then decode. jsqr alone reads one code per call, takes ~0.5 s on a 4K frame, and mixes
 * up the finder patterns of neighbouring codes; so the frame is searched by our own cheap stages
 * and jsqr only decodes small, upright, single-code crops:
 *
 *   1. pyramid.ts  — grey levels: the frame read once into a ~1080-line base, then halved;
 *   2. binarize.ts — local threshold of each level;
 *   3. finder.ts   — finder patterns (1:1:3:1:1 runs, cross-checked), both polarities;
 *   4. group.ts    — triples of patterns that form a code's corner, best first;
 *   5. warp.ts     — each candidate resampled upright at 4 px per module;
 *   6. read.ts     — jsqr on that crop; corners mapped back to the frame;
 *   7. text.ts     — text from the segments (UTF-8, Shift-JIS, ECI).
 *
 * When a candidate's crop does not decode, grid.ts samples its modules itself (homography from
 * the finder and alignment patterns, local thresholds) and render.ts draws them as a perfect
 * symbol for jsqr; rescue.ts tries pairs of finder patterns whose third is lost (glare).
 */
import { Binarizer } from './binarize';
import { findFinderPatterns, findSmallFinderPatterns, type FinderPattern } from './finder';
import { groupFinderPatterns, type Candidate } from './group';
import { Pyramid } from './pyramid';
import { readCode } from './read';
import { candidatePairs, pairHypotheses } from './rescue';
import { timingModule } from './timing';
import { dimensionFor, GridSampler, gridHomography, timingLooksRight, type Sampler } from './grid';
import { project } from './perspective';
import { drawFunctionPatterns, SymbolRenderer } from './render';
import { mapPoint, pickSource, samplerFor, Warper, type Affine, type Source } from './warp';
import { MAX_CODES_PER_IMAGE, type DecodedQrCode, type DecodeOptions, type GrayImage, type Point, type RgbaImage } from './types';

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
/** Target pixels per module in the crops given to jsqr (its 8-pixel blocks need a few per module). */
const PIXELS_PER_MODULE = 4;
/** Largest crop given to jsqr (about 300 × 300). */
const MAX_CROP_PIXELS = 90_000;
/** Quiet zone kept around a candidate in its crop, in modules. */
const MARGIN_MODULES = 4;
/** Source resolution wanted for the timing-pattern check. */
const TIMING_PIXELS_PER_MODULE = 2.5;
/** Source resolution wanted for grid sampling (five samples spread over ±0.22 module). */
const GRID_PIXELS_PER_MODULE = 3;
/** Grid sampling undoes this much defocus (see grid.ts); harmless on sharp codes. */
const SHARPEN = 0.8;
/** Rendered symbols: pixels per module and quiet-zone modules. */
const RENDER_SCALE = 2;
const RENDER_QUIET = 2;

/**
 * A decoder that keeps its buffers between frames: use one per camera stream (or worker), so a
 * 30-frames-a-second loop does not allocate megabytes per frame.
 */
export class QrDecoder {
  private readonly pyramid = new Pyramid();
  private readonly binarizer = new Binarizer();
  private readonly warper = new Warper();
  private readonly grid = new GridSampler();
  private readonly renderer = new SymbolRenderer();

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
      // Modules under ~4.5 pixels are at the limit of a half-size base. On 1080p and 1440p frames
      // they are looked for on the frame itself; on 4K frames (whose screens scale codes up to 3
      // pixels and more, and whose base level is box-filtered) the base is read leniently.
      const small = i === 0 && level.scale === 2 && Math.min(width, height) < 1800;
      const fine = i === 0 && level.scale > 1 && !small;
      const binary = this.binarizer.binarize(i, level, levels[i + 1]);
      findFinderPatterns(binary, level.scale, i === 0 ? Math.max(1, MIN_MODULE / level.scale) : 1.5, patterns, step, fine);
      if (small) findSmallFinderPatterns(image, binary, level.scale, 4.5, patterns);
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
      const module = timingModule(samplerFor(this.source(levels, image, candidate.module, TIMING_PIXELS_PER_MODULE)), candidate);
      if (module === undefined) continue;
      const code = this.readCandidate(image, levels, { ...candidate, module });
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
      const timing = samplerFor(this.source(levels, image, module, TIMING_PIXELS_PER_MODULE));
      const grid = samplerFor(this.source(levels, image, module, GRID_PIXELS_PER_MODULE));
      for (const hypothesis of pairHypotheses(timing, a, b)) {
        const code = this.readGrid(grid, hypothesis);
        if (code && plausible(code, hypothesis.module) && !found.some((f) => f.text === code.text)) {
          found.push(code);
          break;
        }
      }
    }
  }

  /** Warps a candidate upright and lets jsqr read it; failing that, samples its grid and renders it clean. */
  private readCandidate(image: RgbaImage, levels: GrayImage[], c: Candidate): DecodedQrCode | undefined {
    const grid = this.readGrid(samplerFor(this.source(levels, image, c.module, GRID_PIXELS_PER_MODULE)), c);
    if (grid) return grid;
    // jsqr's own locator on an upright crop: it follows perspective the grid may have missed.
    // Big symbols get fewer pixels per module (jsqr's time grows with the crop).
    const side = (Math.hypot(c.topRight.x - c.topLeft.x, c.topRight.y - c.topLeft.y) / c.module + 7 + 2 * MARGIN_MODULES);
    const t = Math.min(PIXELS_PER_MODULE, Math.sqrt(MAX_CROP_PIXELS) / side);
    if (t < 2.5) return undefined;
    const { map, width, height } = candidateMap(c, t, MARGIN_MODULES);
    const source: Source = this.source(levels, image, c.module, t);
    const rgba = this.warper.warp(source, map, width, height, c.inverted);
    const read = readCode(rgba, width, height);
    if (read) return { text: read.text, corners: read.corners.map((p) => mapPoint(map, p.x, p.y)) as DecodedQrCode['corners'] };
    return undefined;
  }

  /** The source to sample a candidate from: the coarsest level fine enough, else the frame. */
  private source(levels: GrayImage[], image: RgbaImage, module: number, pixelsPerModule: number): Source {
    return pickSource(levels, image, module, pixelsPerModule);
  }

  /** Samples the module grid of a candidate and decodes it as a rendered, perfect symbol. */
  private readGrid(sample: Sampler, c: Candidate): DecodedQrCode | undefined {
    const span = (Math.hypot(c.topRight.x - c.topLeft.x, c.topRight.y - c.topLeft.y) + Math.hypot(c.bottomLeft.x - c.topLeft.x, c.bottomLeft.y - c.topLeft.y)) / 2 / c.module;
    const dimension = dimensionFor(span);
    const toImage = gridHomography(sample, c, dimension, c.inverted);
    if (!this.grid.timingPrecheck(sample, toImage, dimension)) return undefined;
    const bits = this.grid.sample(sample, toImage, dimension, c.inverted, SHARPEN);
    if (!timingLooksRight(bits, dimension)) return undefined;
    drawFunctionPatterns(bits, dimension);
    const { rgba, size } = this.renderer.render(bits, dimension, RENDER_SCALE, RENDER_QUIET);
    const read = readCode(rgba, size, size);
    if (!read) return undefined;
    const corners = read.corners.map((p) => project(toImage, p.x / RENDER_SCALE - RENDER_QUIET, p.y / RENDER_SCALE - RENDER_QUIET));
    return { text: read.text, corners: corners as DecodedQrCode['corners'] };
  }
}

/** The affine map from an upright crop (t px per module, `margin` modules of quiet zone) to the frame. */
function candidateMap(c: Candidate, t: number, margin: number): { map: Affine; width: number; height: number } {
  const { topLeft: tl, topRight: tr, bottomLeft: bl, module } = c;
  const ax = tr.x - tl.x;
  const ay = tr.y - tl.y;
  const bx = bl.x - tl.x;
  const by = bl.y - tl.y;
  // Modules between finder centres along each leg, as measured (not rounded: jsqr finds the grid).
  const dx = Math.hypot(ax, ay) / module;
  const dy = Math.hypot(bx, by) / module;
  const u = { x: ax / (dx * t), y: ay / (dx * t) };
  const v = { x: bx / (dy * t), y: by / (dy * t) };
  const offset = (margin + 3.5) * t;
  const origin = { x: tl.x - offset * (u.x + v.x), y: tl.y - offset * (u.y + v.y) };
  return { map: { origin, u, v }, width: Math.ceil((dx + 7 + 2 * margin) * t), height: Math.ceil((dy + 7 + 2 * margin) * t) };
}

/** Rejects what jsqr sometimes makes of a wrong crop: no text, or a folded or tiny quadrilateral. */
function plausible(code: DecodedQrCode, module: number): boolean {
  if (code.text.length === 0) return false;
  const [a, b, c, d] = code.corners;
  const area = Math.abs((a.x - c.x) * (b.y - d.y) - (b.x - d.x) * (a.y - c.y)) / 2;
  // Version 1 is 21 modules on a side.
  return area >= (21 * module) ** 2 * 0.4 && convex(code.corners);
}

function convex(quad: readonly Point[]): boolean {
  let sign = 0;
  for (let i = 0; i < quad.length; i++) {
    const a = quad[i] as Point;
    const b = quad[(i + 1) % quad.length] as Point;
    const c = quad[(i + 2) % quad.length] as Point;
    const cross = Math.sign((b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x));
    if (cross === 0 || (sign !== 0 && cross !== sign)) return false;
    sign = cross;
  }
  return true;
}

function centre(quad: readonly Point[]): Point {
  return { x: quad.reduce((s, p) => s + p.x, 0) / quad.length, y: quad.reduce((s, p) => s + p.y, 0) / quad.length };
}

/** Whether `p` is inside the convex quadrilateral `quad` (either winding). */
function inside(quad: readonly Point[], p: Point): boolean {
  let sign = 0;
  for (let i = 0; i < quad.length; i++) {
    const a = quad[i] as Point;
    const b = quad[(i + 1) % quad.length] as Point;
    const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    if (cross !== 0) {
      if (sign === 0) sign = Math.sign(cross);
      else if (Math.sign(cross) !== sign) return false;
    }
  }
  return true;
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
