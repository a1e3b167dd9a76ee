/**
 * decodeQrCodes for short-lived processes (the CLI): jsqr is loaded only when a read needs it.
 * Loading jsqr builds its Shift-JIS table, about a quarter of the CLI's start-up, while most
 * images decode without it (symbol.ts reads the grid directly). The chain first runs without
 * jsqr; the moment it would call jsqr, that run is abandoned, jsqr is loaded and the image is
 * decoded again from the start, so every result is the one decodeQrCodes gives.
 */
import { Decoder } from './decoder';
import { jsQrReader, type CodeReader } from './read';
import type { DecodedQrCode, DecodeOptions, RgbaImage } from './types';

class JsQrNotLoaded extends Error {}

const withoutJsQr: CodeReader = () => {
  throw new JsQrNotLoaded();
};

let first: Decoder | undefined;
let full: Promise<Decoder> | undefined;

/**
 * As decodeQrCodes (index.ts). A `budgetMs` applies to each run: an image that needed jsqr may
 * take up to twice the budget, which is why camera frames use decodeQrCodes.
 */
export async function decodeQrCodesLazily(image: RgbaImage, options: DecodeOptions = {}): Promise<DecodedQrCode[]> {
  if (!full) {
    first ??= new Decoder(withoutJsQr);
    try {
      return first.decode(image, options);
    } catch (error) {
      if (!(error instanceof JsQrNotLoaded)) throw error;
    }
    full = import('jsqr').then(({ default: jsQR }) => new Decoder(jsQrReader(jsQR)));
  }
  return (await full).decode(image, options);
}
