/** Types shared by the decode stages and the public API (re-exported by index.ts). */

export interface Point {
  x: number;
  y: number;
}

/** An RGBA image: 4 bytes per pixel, row by row (ImageData's layout). */
export interface RgbaImage {
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

export interface DecodedQrCode {
  text: string;
  /** Top-left, top-right, bottom-right, bottom-left corners of the symbol, in image pixels. */
  corners: [Point, Point, Point, Point];
}

export interface DecodeOptions {
  /**
   * Stop looking after about this many milliseconds and return what was found so far (camera
   * frames: the next frame is a new chance). Default: no limit.
   */
  budgetMs?: number;
  /**
   * Also try the slower rescue: codes of which only two finder patterns were seen (the third
   * lost to glare, a thumb, heavy blur). Default: true.
   */
  tryHarder?: boolean;
}

/** Most codes looked for in one picture. */
export const MAX_CODES_PER_IMAGE = 8;

/** Bilinear grey at a source-pixel position. */
export type Sampler = (x: number, y: number) => number;

/** A grey image (one byte per pixel) at `scale` source pixels per pixel. */
export interface GrayImage {
  data: Uint8Array;
  width: number;
  height: number;
  /** Source (full-resolution) pixels per pixel of this image. */
  scale: number;
}
