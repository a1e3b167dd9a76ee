/**
 * Finds the QR codes in a picture of any size. Pictures up to 4096 px on their longest side
 * are decoded whole. Larger ones are first decoded shrunk to 4096 px (fast, and enough for a
 * code that fills a good part of the picture); when that finds nothing, the picture is read
 * again at full resolution in overlapping tiles, so a small code in a huge photo or on a 5K
 * screen is not lost to the downscale.
 */
import type { DecodedQrCode } from '../../shared/decode/index';
import type { QrDecoder } from './decoder-client';
import type { Picture, Region } from './image-loader';

export const MAX_DECODE_SIDE = 4096;
const TILE = 2048;
/** Overlap wide enough for a whole code that straddles two tiles. */
const OVERLAP = 512;

/** Overlapping tiles covering a `width` × `height` picture, row by row. */
export function tileRegions(width: number, height: number, tile = TILE, overlap = OVERLAP): Region[] {
  const starts = (length: number): number[] => {
    if (length <= tile) return [0];
    const step = tile - overlap;
    const list: number[] = [];
    for (let at = 0; at + tile < length; at += step) list.push(at);
    list.push(length - tile);
    return list;
  };
  const regions: Region[] = [];
  for (const y of starts(height)) {
    for (const x of starts(width)) regions.push({ x, y, w: Math.min(tile, width), h: Math.min(tile, height) });
  }
  return regions;
}

/** Every distinct code text found in `picture`. */
export async function scanPicture(picture: Picture, decoder: QrDecoder): Promise<DecodedQrCode[]> {
  const { width, height } = picture;
  const whole: Region = { x: 0, y: 0, w: width, h: height };
  const scale = Math.min(1, MAX_DECODE_SIDE / Math.max(width, height));
  const outWidth = Math.max(1, Math.round(width * scale));
  const outHeight = Math.max(1, Math.round(height * scale));
  const overview = await decoder.decode(await picture.read(whole, outWidth, outHeight));
  if (scale === 1) return overview;
  if (overview.length > 0) {
    // Corners back in the picture's own pixels.
    return overview.map(({ text, corners }) => ({
      text,
      corners: corners.map((p) => ({ x: p.x / scale, y: p.y / scale })) as DecodedQrCode['corners'],
    }));
  }

  const found = new Map<string, DecodedQrCode>();
  for (const region of tileRegions(width, height)) {
    for (const code of await decoder.decode(await picture.read(region, region.w, region.h))) {
      if (found.has(code.text)) continue;
      const corners = code.corners.map((p) => ({ x: p.x + region.x, y: p.y + region.y })) as DecodedQrCode['corners'];
      found.set(code.text, { text: code.text, corners });
    }
  }
  return [...found.values()];
}
