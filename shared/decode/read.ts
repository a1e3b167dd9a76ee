/**
 * Stage 6e: jsqr itself, on a prepared image. jsqr binarizes, locates, samples, error-corrects
 * and parses; we give it a rendered symbol or a small upright crop, always dark on light so it
 * need not try both polarities, and take its corners and segments. jsqr is passed in rather than
 * imported here: loading it builds its Shift-JIS table (~35 ms under Node), which the CLI pays
 * only when a read actually needs jsqr (lazy.ts).
 */
import type jsQR from 'jsqr';
import { textFromChunks } from './text';
import type { Point } from './types';

export type JsQr = typeof jsQR;

export interface Read {
  text: string;
  /** Top-left, top-right, bottom-right, bottom-left, in the prepared image's pixels. */
  corners: [Point, Point, Point, Point];
}

/** Decodes the one code found in `rgba` (width×height), or null. */
export type CodeReader = (rgba: Uint8ClampedArray, width: number, height: number, bothPolarities?: boolean) => Read | null;

/** The CodeReader that is jsqr. */
export function jsQrReader(jsQR: JsQr): CodeReader {
  return (rgba, width, height, bothPolarities = false) => {
    // jsqr copies the options into a shared defaults object, so always pass the option explicitly.
    const code = jsQR(rgba, width, height, { inversionAttempts: bothPolarities ? 'attemptBoth' : 'dontInvert' });
    if (!code) return null;
    const { topLeftCorner, topRightCorner, bottomRightCorner, bottomLeftCorner } = code.location;
    return { text: textFromChunks(code.chunks), corners: [topLeftCorner, topRightCorner, bottomRightCorner, bottomLeftCorner] };
  };
}
