/**
 * Stage 6: reading one candidate. First our own grid read (grid.ts: homography from the finder
 * and alignment patterns, every module sampled and thresholded locally), which copes with blur,
 * glare and uneven light; its modules are decoded directly (symbol.ts), else drawn as a perfect
 * symbol (render.ts) for jsqr. Failing that, the candidate resampled upright (warp.ts) for
 * jsqr's own locator, which follows perspective our homography may have missed. Corners (the
 * grid's, or those jsqr reports) are mapped back to the frame.
 */
import { dimensionFor, gridHomography } from './alignment';
import { GridSampler, timingLooksRight, timingWarp, type GridWarp } from './grid';
import type { Candidate } from './group';
import { project, type Homography } from './perspective';
import type { CodeReader } from './read';
import { drawFunctionPatterns, SymbolRenderer } from './render';
import { decodeSymbol } from './symbol';
import type { DecodedQrCode, GrayImage, Point, RgbaImage, Sampler } from './types';
import { FramePatch, mapPoint, pickSource, samplerFor, Warper, type Affine, type Source } from './warp';

/** Target pixels per module in the crops given to jsqr (its 8-pixel blocks need a few per module). */
const PIXELS_PER_MODULE = 4;
/** Largest crop given to jsqr (about 300 × 300): its time grows with the crop. */
const MAX_CROP_PIXELS = 90_000;
/** Quiet zone kept around a candidate in its crop, in modules. */
const MARGIN_MODULES = 4;
/** Source resolution wanted for grid sampling (five samples spread over ±0.22 module). */
export const GRID_PIXELS_PER_MODULE = 3;
/** Grid sampling undoes this much defocus (see grid.ts); harmless on sharp codes. */
const SHARPEN = 0.8;
/** Largest grey patch cut from the frame for a grid read (bigger candidates sample the frame directly). */
const MAX_PATCH_PIXELS = 400_000;
/** Largest box of the frame given to jsqr as it is (regionRead); its time grows with the box. */
const MAX_REGION_PIXELS = 360_000;
/** Rendered symbols: pixels per module and quiet-zone modules (jsqr reads 2 px modules fine, and faster). */
const RENDER_SCALE = 2;
const RENDER_QUIET = 2;

/** Reads candidates, with buffers kept from frame to frame. */
export class CandidateReader {
  private readonly warper = new Warper();
  private readonly grid = new GridSampler();
  private readonly renderer = new SymbolRenderer();
  private readonly patch = new FramePatch();

  constructor(private readonly readCode: CodeReader) {}

  /** The code at a candidate (module size exact, from its timing lines), or undefined. */
  read(image: RgbaImage, levels: readonly GrayImage[], c: Candidate): DecodedQrCode | undefined {
    return this.readGrid(samplerFor(this.gridSource(image, levels, c)), c) ?? this.readCrop(image, levels, c);
  }

  /** The level to read a candidate's grid from; for small modules a grey patch of the frame around it. */
  private gridSource(image: RgbaImage, levels: readonly GrayImage[], c: Candidate): Source {
    const source = pickSource(levels, image, c.module, GRID_PIXELS_PER_MODULE);
    if (source.kind !== 'rgba') return source;
    // The symbol (its fourth corner from the other three) and four modules around it, which
    // covers the alignment search, the edge tracing and what perspective moves.
    const { topLeft: tl, topRight: tr, bottomLeft: bl } = c;
    const xs = [tl.x, tr.x, bl.x, tr.x + bl.x - tl.x];
    const ys = [tl.y, tr.y, bl.y, tr.y + bl.y - tl.y];
    const margin = 8 * c.module;
    const box = [Math.min(...xs) - margin, Math.min(...ys) - margin, Math.max(...xs) + margin, Math.max(...ys) + margin] as const;
    if ((box[2] - box[0]) * (box[3] - box[1]) > MAX_PATCH_PIXELS) return source;
    return this.patch.cut(image, ...box);
  }

  /** Samples the module grid of a candidate and decodes it as a rendered, perfect symbol. */
  readGrid(sample: Sampler, c: Candidate): DecodedQrCode | undefined {
    const span =
      (Math.hypot(c.topRight.x - c.topLeft.x, c.topRight.y - c.topLeft.y) +
        Math.hypot(c.bottomLeft.x - c.topLeft.x, c.bottomLeft.y - c.topLeft.y)) /
      2 /
      c.module;
    const dimension = dimensionFor(span);
    const toImage = gridHomography(sample, c, dimension, c.inverted);
    // Two cheap looks at the timing lines before a full read and a jsqr call on what may be texture.
    if (!this.grid.timingPrecheck(sample, toImage, dimension)) return undefined;
    const flat = this.readModules(sample, toImage, dimension, c.inverted);
    if (flat !== 'mistimed') return flat ?? this.readCurved(sample, toImage, dimension, c.inverted);
    return undefined;
  }

  /** A read whose modules did not decode, retried with module positions traced along the timing lines (curved surfaces). */
  private readCurved(sample: Sampler, toImage: Homography, dimension: number, inverted: boolean): DecodedQrCode | undefined {
    const warp = timingWarp(sample, toImage, dimension);
    if (!warp) return undefined;
    const code = this.readModules(sample, toImage, dimension, inverted, warp);
    return code === 'mistimed' ? undefined : code;
  }

  /** The modules through `toImage` (and `warp`), decoded; 'mistimed' when their timing lines do not alternate. */
  private readModules(
    sample: Sampler,
    toImage: Homography,
    dimension: number,
    inverted: boolean,
    warp?: GridWarp,
  ): DecodedQrCode | undefined | 'mistimed' {
    const bits = this.grid.sample(sample, toImage, dimension, inverted, SHARPEN, 3, warp);
    if (!timingLooksRight(bits, dimension)) return 'mistimed';
    const toFrame = (u: number, v: number): Point => (warp ? project(toImage, warp.u(u), warp.v(v)) : project(toImage, u, v));
    const text = decodeSymbol(bits, dimension);
    if (text !== null)
      return { text, corners: [toFrame(0, 0), toFrame(dimension, 0), toFrame(dimension, dimension), toFrame(0, dimension)] };
    drawFunctionPatterns(bits, dimension);
    const { rgba, size } = this.renderer.render(bits, dimension, RENDER_SCALE, RENDER_QUIET);
    const read = this.readCode(rgba, size, size);
    if (!read) return undefined;
    const corners = read.corners.map((p) => toFrame(p.x / RENDER_SCALE - RENDER_QUIET, p.y / RENDER_SCALE - RENDER_QUIET));
    return { text: read.text, corners: corners as DecodedQrCode['corners'] };
  }

  /**
   * The last resort for a candidate whose timing lines alternate yet whose grid and upright crop
   * did not decode — strong perspective or a curved surface, which neither our homography nor
   * the affine crop follows: the box of the frame around it, pixel for pixel, dark on light,
   * for jsqr's own locator and its sampling from all four corners.
   */
  readRegion(image: RgbaImage, c: Candidate): DecodedQrCode | undefined {
    const { topLeft: tl, topRight: tr, bottomLeft: bl } = c;
    const xs = [tl.x, tr.x, bl.x, tr.x + bl.x - tl.x];
    const ys = [tl.y, tr.y, bl.y, tr.y + bl.y - tl.y];
    // Perspective moves the fourth corner by several modules; the quiet zone needs a few more.
    const margin = 10 * Math.max(tl.module, tr.module, bl.module);
    const x0 = Math.max(0, Math.floor(Math.min(...xs) - margin));
    const y0 = Math.max(0, Math.floor(Math.min(...ys) - margin));
    const width = Math.min(image.width, Math.ceil(Math.max(...xs) + margin)) - x0;
    const height = Math.min(image.height, Math.ceil(Math.max(...ys) + margin)) - y0;
    if (width <= 0 || height <= 0 || width * height > MAX_REGION_PIXELS) return undefined;
    const map: Affine = { origin: { x: x0, y: y0 }, u: { x: 1, y: 0 }, v: { x: 0, y: 1 } };
    const rgba = this.warper.warp({ kind: 'rgba', image }, map, width, height, c.inverted);
    const read = this.readCode(rgba, width, height);
    if (!read) return undefined;
    return { text: read.text, corners: read.corners.map((p) => mapPoint(map, p.x, p.y)) as DecodedQrCode['corners'] };
  }

  /** The candidate resampled upright, dark on light, for jsqr's own locator. */
  private readCrop(image: RgbaImage, levels: readonly GrayImage[], c: Candidate): DecodedQrCode | undefined {
    // Big symbols get fewer pixels per module; too few and jsqr cannot find the finder patterns.
    const side = Math.hypot(c.topRight.x - c.topLeft.x, c.topRight.y - c.topLeft.y) / c.module + 7 + 2 * MARGIN_MODULES;
    const t = Math.min(PIXELS_PER_MODULE, Math.sqrt(MAX_CROP_PIXELS) / side);
    if (t < 2.5) return undefined;
    const { map, width, height } = candidateMap(c, t, MARGIN_MODULES);
    const rgba = this.warper.warp(pickSource(levels, image, c.module, t), map, width, height, c.inverted);
    const read = this.readCode(rgba, width, height);
    if (!read) return undefined;
    return { text: read.text, corners: read.corners.map((p) => mapPoint(map, p.x, p.y)) as DecodedQrCode['corners'] };
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
