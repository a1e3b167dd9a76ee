/**
 * QR decoding on a plain RGBA buffer, for the renderer's worker, the benchmark and the package's
 * "./decode" export: the chain of decoder.ts with jsqr loaded up front. The CLI uses lazy.ts.
 */
import jsQR from 'jsqr';
import { Decoder } from './decoder';
import { jsQrReader } from './read';
import type { DecodedQrCode, DecodeOptions, RgbaImage } from './types';

export type { DecodedQrCode, DecodeOptions, Point, RgbaImage } from './types';
export { MAX_CODES_PER_IMAGE } from './types';

/**
 * A decoder that keeps its buffers between frames: use one per camera stream (or worker), so a
 * 30-frames-a-second loop does not allocate megabytes per frame.
 */
export class QrDecoder extends Decoder {
  constructor() {
    super(jsQrReader(jsQR));
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
